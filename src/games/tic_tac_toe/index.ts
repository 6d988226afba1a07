import type { GameDefinition } from '../../engine/game-definition.js';
import { renderGrid, toRows } from '../render.js';
import * as cwm from './game.js';

function render(state: cwm.State): string {
  const status = state.winner !== null ? `${cwm.getPlayerName(state.winner)} wins`
    : state.currentPlayer === -4 ? 'draw' : `${cwm.getPlayerName(state.currentPlayer)} to move`;
  return `${renderGrid(toRows(state.board, 3))}\n${status}`;
}

export const ticTacToe: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'tic_tac_toe', title: 'Tic-Tac-Toe', players: 2, information: 'perfect', chance: false,
    utility: 'zero-sum', maxGameLength: 9, rewardRange: [-1, 1], split: 'train',
  },
  cwm,
  renderState: render,
  renderObservation: render,
  scenarios: [
    {
      name: 'opening: x moves first on an empty board with nine choices',
      actions: [],
      expect: {
        terminal: false, currentPlayer: 0,
        legalActions: ['x(0,0)', 'x(0,1)', 'x(0,2)', 'x(1,0)', 'x(1,1)', 'x(1,2)', 'x(2,0)', 'x(2,1)', 'x(2,2)'],
      },
    },
    {
      name: 'x wins along the top row',
      actions: ['x(0,0)', 'o(1,0)', 'x(0,1)', 'o(1,1)', 'x(0,2)'],
      expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], winner: 0, legalActions: [] },
    },
    {
      name: 'o wins down a column',
      actions: ['x(0,0)', 'o(0,1)', 'x(1,0)', 'o(1,1)', 'x(2,2)', 'o(2,1)'],
      expect: { terminal: true, rewards: [-1, 1], winner: 1 },
    },
    {
      name: 'anti-diagonal win',
      actions: ['x(0,2)', 'o(0,0)', 'x(1,1)', 'o(0,1)', 'x(2,0)'],
      expect: { terminal: true, rewardSigns: [1, -1], winner: 0 },
    },
    {
      name: 'full board without a line is a draw',
      actions: ['x(0,0)', 'o(0,1)', 'x(0,2)', 'o(1,1)', 'x(1,0)', 'o(1,2)', 'x(2,1)', 'o(2,0)', 'x(2,2)'],
      expect: { terminal: true, currentPlayer: -4, rewards: [0, 0], winner: null, legalActions: [] },
    },
    {
      name: 'a win on the ninth move is a win, not a draw',
      actions: ['x(0,0)', 'o(0,1)', 'x(0,2)', 'o(1,0)', 'x(1,2)', 'o(2,2)', 'x(1,1)', 'o(2,1)', 'x(2,0)'],
      expect: { terminal: true, rewards: [1, -1], winner: 0 },
    },
    {
      name: 'occupied cells and the wrong mark are not legal',
      actions: ['x(1,1)'],
      expect: { currentPlayer: 1, illegalActions: ['o(1,1)', 'x(0,0)'] },
    },
  ],
};
