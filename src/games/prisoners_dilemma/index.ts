import type { GameDefinition } from '../../engine/game-definition.js';
import { hiddenChoiceRenderers } from '../render.js';
import * as cwm from './game.js';

const { renderState, renderObservation } = hiddenChoiceRenderers<cwm.State, cwm.Observation>({
  player: (player) => `player ${player}`,
  noun: 'choice',
  label: (action) => (action === 'C' ? 'C (cooperate)' : 'D (defect)'),
  rewards: cwm.getRewards,
});

export const prisonersDilemma: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'prisoners_dilemma', title: 'Prisoner\'s Dilemma', players: 2, information: 'imperfect', chance: false,
    utility: 'zero-sum', maxGameLength: 2, rewardRange: [-2.5, 2.5], split: 'train',
  },
  cwm,
  renderState,
  renderObservation,
  scenarios: [
    {
      name: 'opening: player 0 chooses first between cooperate and defect',
      actions: [],
      expect: { terminal: false, currentPlayer: 0, rewards: [0, 0], legalActions: ['C', 'D'] },
    },
    {
      name: 'after player 0 chooses, player 1 chooses from both options and nobody is paid yet',
      actions: ['D'],
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0], legalActions: ['C', 'D'] },
    },
    {
      name: 'mutual cooperation: 3 each, less the mean, is 0 each',
      actions: ['C', 'C'],
      expect: { terminal: true, currentPlayer: -4, rewards: [0, 0], winner: null, legalActions: [] },
    },
    {
      name: 'player 0 cooperates and player 1 defects: 0 and 5, less the mean 2.5',
      actions: ['C', 'D'],
      expect: { terminal: true, currentPlayer: -4, rewards: [-2.5, 2.5], winner: 1, legalActions: [] },
    },
    {
      name: 'player 0 defects and player 1 cooperates: 5 and 0, less the mean 2.5',
      actions: ['D', 'C'],
      expect: { terminal: true, currentPlayer: -4, rewards: [2.5, -2.5], winner: 0, legalActions: [] },
    },
    {
      name: 'mutual defection: 1 each, less the mean, is 0 each',
      actions: ['D', 'D'],
      expect: { terminal: true, currentPlayer: -4, rewards: [0, 0], winner: null, legalActions: [] },
    },
    {
      name: 'only the strings C and D are actions (no chance node, no spelled-out choices)',
      actions: [],
      expect: { currentPlayer: 0, illegalActions: ['c', 'cooperate', 'defect', 'Cooperate', 'H', 'T'] },
    },
    {
      name: 'the game ends after exactly two choices',
      actions: ['D', 'D'],
      expect: { terminal: true, illegalActions: ['C', 'D'] },
    },
  ],
};
