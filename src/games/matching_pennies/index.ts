import type { GameDefinition } from '../../engine/game-definition.js';
import { renderFields } from '../render.js';
import * as cwm from './game.js';

function face(choice: string | null, hidden: string): string {
  return choice === null ? hidden : choice === 'H' ? 'H (heads)' : 'T (tails)';
}

function status(currentPlayer: number): string {
  return currentPlayer === -4 ? 'both coins revealed' : `player ${currentPlayer} (${cwm.getPlayerName(currentPlayer)}) to choose`;
}

function renderState(state: cwm.State): string {
  const fields: Array<[string, unknown]> = [
    ['player 0 (matcher)', face(state.choices[0], 'not chosen')],
    ['player 1 (mismatcher)', face(state.choices[1], 'not chosen')],
    ['status', status(state.currentPlayer)],
  ];
  if (state.currentPlayer === -4) fields.push(['rewards', cwm.getRewards(state)]);
  return renderFields(fields);
}

function renderObservation(obs: cwm.Observation, player: number): string {
  const opponent = 1 - player;
  const over = obs.currentPlayer === -4;
  return renderFields([
    ['you', `player ${player} (${cwm.getPlayerName(player)})`],
    ['your coin', face(obs.choices[player], 'not chosen')],
    ['opponent\'s coin', face(obs.choices[opponent], over ? 'not chosen' : 'hidden until both have chosen')],
    ['status', status(obs.currentPlayer)],
  ]);
}

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
