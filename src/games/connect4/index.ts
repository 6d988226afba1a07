import type { GameDefinition } from '../../engine/game-definition.js';
import { renderGrid, toRows } from '../render.js';
import * as cwm from './game.js';

function render(state: cwm.State): string {
  const status = state.winner !== null ? `${cwm.getPlayerName(state.winner)} wins`
    : state.currentPlayer === -4 ? 'draw' : `${cwm.getPlayerName(state.currentPlayer)} to move`;
  return `${renderGrid(toRows(state.board, 7))}\n${status} (${state.moves} pieces played)`;
}

const ALL_X = ['x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6'];
const ALL_O = ['o0', 'o1', 'o2', 'o3', 'o4', 'o5', 'o6'];

export const connect4: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'connect4', title: 'Connect Four', players: 2, information: 'perfect', chance: false,
    utility: 'zero-sum', maxGameLength: 42, rewardRange: [-1, 1], split: 'train',
  },
  cwm,
  renderState: render,
  renderObservation: render,
  scenarios: [
    {
      name: 'opening: x moves first and may drop into any of the seven columns',
      actions: [],
      expect: { terminal: false, currentPlayer: 0, rewards: [0, 0], legalActions: ALL_X, illegalActions: ['o3'] },
    },
    {
      name: 'after one move it is o\'s turn, with o\'s marks only',
      actions: ['x3'],
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0], legalActions: ALL_O, illegalActions: ['x3', 'x0'] },
    },
    {
      name: 'x wins with four stacked in a column',
      actions: ['x0', 'o1', 'x0', 'o1', 'x0', 'o1', 'x0'],
      expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], winner: 0, legalActions: [] },
    },
    {
      name: 'o wins with four side by side on the bottom row',
      actions: ['x0', 'o1', 'x0', 'o2', 'x0', 'o3', 'x6', 'o4'],
      expect: { terminal: true, currentPlayer: -4, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
    {
      name: 'x wins on a rising diagonal (columns 0 to 3, climbing to the right)',
      actions: ['x0', 'o1', 'x1', 'o2', 'x2', 'o3', 'x2', 'o3', 'x3', 'o6', 'x3'],
      expect: { terminal: true, rewards: [1, -1], winner: 0, legalActions: [] },
    },
    {
      name: 'o wins on a falling diagonal (columns 3 to 6, descending to the right)',
      actions: ['x0', 'o6', 'x5', 'o5', 'x4', 'o4', 'x3', 'o4', 'x3', 'o3', 'x6', 'o3'],
      expect: { terminal: true, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
    {
      name: 'a full column is illegal; the other six stay legal',
      actions: ['x0', 'o0', 'x0', 'o0', 'x0', 'o0'],
      expect: {
        terminal: false, currentPlayer: 0, rewards: [0, 0],
        legalActions: ['x1', 'x2', 'x3', 'x4', 'x5', 'x6'], illegalActions: ['x0'],
      },
    },
    {
      name: 'four in a row only counts inside the board: no wrap-around from one row\'s end to the next row\'s start',
      actions: ['x0', 'o5', 'x1', 'o6', 'x5', 'o2', 'x6'],
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0] },
    },
    {
      name: 'three in a row is not yet a win',
      actions: ['x0', 'o6', 'x1', 'o6', 'x2'],
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0] },
    },
    {
      name: 'a full board without four in a row is a draw',
      actions: [
        'x6', 'o5', 'x5', 'o2', 'x1', 'o3', 'x0', 'o2', 'x0', 'o6', 'x4', 'o0', 'x0', 'o3',
        'x4', 'o6', 'x6', 'o2', 'x3', 'o4', 'x4', 'o1', 'x2', 'o1', 'x2', 'o6', 'x4', 'o6',
        'x4', 'o5', 'x1', 'o3', 'x5', 'o2', 'x3', 'o1', 'x0', 'o0', 'x1', 'o5', 'x5', 'o3',
      ],
      expect: { terminal: true, currentPlayer: -4, rewards: [0, 0], winner: null, legalActions: [] },
    },
    {
      name: 'four in a row made by the 42nd piece is a win, not a draw',
      actions: [
        'x0', 'o6', 'x3', 'o2', 'x6', 'o0', 'x6', 'o1', 'x4', 'o2', 'x1', 'o6', 'x5', 'o0',
        'x5', 'o6', 'x5', 'o4', 'x3', 'o5', 'x5', 'o0', 'x3', 'o3', 'x0', 'o3', 'x0', 'o4',
        'x5', 'o2', 'x4', 'o1', 'x2', 'o3', 'x1', 'o2', 'x2', 'o1', 'x4', 'o6', 'x4', 'o1',
      ],
      expect: { terminal: true, currentPlayer: -4, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
  ],
};
