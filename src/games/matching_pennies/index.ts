import type { GameDefinition } from '../../engine/game-definition.js';
import { hiddenChoiceRenderers } from '../render.js';
import * as cwm from './game.js';

const { renderState, renderObservation } = hiddenChoiceRenderers<cwm.State, cwm.Observation>({
  player: (player) => `player ${player} (${cwm.getPlayerName(player)})`,
  noun: 'coin',
  label: (action) => (action === 'H' ? 'H (heads)' : 'T (tails)'),
  rewards: cwm.getRewards,
});

export const matchingPennies: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'matching_pennies', title: 'Matching Pennies', players: 2, information: 'imperfect', chance: false,
    utility: 'zero-sum', maxGameLength: 2, rewardRange: [-1, 1], split: 'train',
  },
  cwm,
  renderState,
  renderObservation,
  scenarios: [
    {
      name: 'opening: player 0 chooses first between heads and tails',
      actions: [],
      expect: { terminal: false, currentPlayer: 0, rewards: [0, 0], legalActions: ['H', 'T'] },
    },
    {
      name: 'after player 0 chooses, player 1 chooses from both faces and nobody is paid yet',
      actions: ['H'],
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0], legalActions: ['H', 'T'] },
    },
    {
      name: 'both heads: the coins match and player 0 wins',
      actions: ['H', 'H'],
      expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], winner: 0, legalActions: [] },
    },
    {
      name: 'both tails: the coins match and player 0 wins',
      actions: ['T', 'T'],
      expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], winner: 0, legalActions: [] },
    },
    {
      name: 'heads against tails: the coins differ and player 1 wins',
      actions: ['H', 'T'],
      expect: { terminal: true, currentPlayer: -4, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
    {
      name: 'tails against heads: the coins differ and player 1 wins',
      actions: ['T', 'H'],
      expect: { terminal: true, currentPlayer: -4, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
    {
      name: 'only the strings H and T are actions (no chance node, no spelled-out faces)',
      actions: [],
      expect: { currentPlayer: 0, illegalActions: ['h', 'Heads', 'heads', 'tails', 'C', 'D'] },
    },
    {
      name: 'the game ends after exactly two choices',
      actions: ['T', 'H'],
      expect: { terminal: true, illegalActions: ['H', 'T'] },
    },
  ],
};
