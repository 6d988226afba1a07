import type { GameDefinition } from '../../engine/game-definition.js';
import { renderGrid, toRows } from '../render.js';
import * as cwm from './game.js';

function render(state: cwm.State): string {
  const status = state.winner !== null ? `${cwm.getPlayerName(state.winner)} wins`
    : state.currentPlayer === -4 ? 'draw' : `${cwm.getPlayerName(state.currentPlayer)} to move`;
  return `${renderGrid(toRows(state.board, 6))}\n${status} (${state.moves} of 36 cells filled)`;
}

/** Every "row,col" action, row-major. */
const ALL_CELLS: string[] = Array.from({ length: 36 }, (_, cell) => `${Math.floor(cell / 6)},${cell % 6}`);

/**
 * The moves that fill a whole board drawn as six rows of "x"/"o": x's cells and
 * o's cells in row-major order, alternating from x, with o's cell `lastO`
 * (if given) played last.
 */
function fillBoard(rows: string[], lastO?: string): string[] {
  const xs: string[] = [];
  const os: string[] = [];
  rows.forEach((row, r) => [...row].forEach((mark, c) => (mark === 'x' ? xs : os).push(`${r},${c}`)));
  if (lastO !== undefined) {
    os.splice(os.indexOf(lastO), 1);
    os.push(lastO);
  }
  const actions: string[] = [];
  for (let i = 0; i < 18; i++) actions.push(xs[i], os[i]);
  return actions;
}

/** A full board with no four in a line for either mark (checked by hand line by line). */
const DRAWN_BOARD = ['oxoxox', 'xxxoxx', 'ooxoxo', 'oxoxxo', 'oooxoo', 'xoxxox'];
/** A full board whose only four in a line is o's anti-diagonal (1,4) (2,3) (3,2) (4,1). */
const O_LAST_WIN_BOARD = ['xxxoox', 'ooxoox', 'xxxoxx', 'oxoxxo', 'oooxoo', 'xooxox'];

export const genTicTacToe: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'gen_tic_tac_toe', title: 'Generalized Tic-Tac-Toe (6x6, four in a row)', players: 2,
    information: 'perfect', chance: false, utility: 'zero-sum', maxGameLength: 36, rewardRange: [-1, 1], split: 'eval',
  },
  cwm,
  renderState: render,
  renderObservation: render,
  scenarios: [
    {
      name: 'opening: x moves first and may take any of the 36 cells',
      actions: [],
      expect: { terminal: false, currentPlayer: 0, rewards: [0, 0], legalActions: ALL_CELLS, illegalActions: ['6,0', '0,6', 'x(0,0)'] },
    },
    {
      name: 'three in a row is not yet a win',
      actions: ['0,0', '5,5', '0,1', '5,4', '0,2'],
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0] },
    },
    {
      name: 'x wins with four in a row along the top row',
      actions: ['0,0', '5,5', '0,1', '5,4', '0,2', '5,3', '0,3'],
      expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], winner: 0, legalActions: [] },
    },
    {
      name: 'o wins with four in a column (column 5, rows 1-4)',
      actions: ['0,0', '1,5', '2,2', '2,5', '4,0', '3,5', '0,3', '4,5'],
      expect: { terminal: true, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
    {
      name: 'x wins on a down-right diagonal that does not start in a corner',
      actions: ['1,2', '0,0', '2,3', '0,1', '3,4', '0,2', '4,5'],
      expect: { terminal: true, rewards: [1, -1], winner: 0 },
    },
    {
      name: 'x wins on an up-right (anti-)diagonal',
      actions: ['2,5', '0,0', '3,4', '1,0', '4,3', '2,0', '5,2'],
      expect: { terminal: true, rewards: [1, -1], winner: 0 },
    },
    {
      name: 'four marks with a gap are not a line',
      actions: ['0,0', '5,0', '0,1', '5,1', '0,3', '5,3', '0,4'],
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0] },
    },
    {
      name: 'filling the gap makes five in a row, which wins',
      actions: ['0,0', '5,0', '0,1', '5,1', '0,3', '5,3', '0,4', '5,5', '0,2'],
      expect: { terminal: true, rewards: [1, -1], winner: 0 },
    },
    {
      name: 'lines do not wrap from the end of one row to the next',
      actions: ['0,4', '5,0', '0,5', '5,1', '1,0', '5,2', '1,1'],
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0] },
    },
    {
      name: 'an occupied cell cannot be taken again by either player',
      actions: ['2,3'],
      expect: { terminal: false, currentPlayer: 1, illegalActions: ['2,3'] },
    },
    {
      name: 'with one cell left and no line, o must take the last cell',
      actions: fillBoard(DRAWN_BOARD).slice(0, 35),
      expect: { terminal: false, currentPlayer: 1, legalActions: [fillBoard(DRAWN_BOARD)[35]] },
    },
    {
      name: 'a full board without four in a line is a draw',
      actions: fillBoard(DRAWN_BOARD),
      expect: { terminal: true, currentPlayer: -4, rewards: [0, 0], winner: null, legalActions: [] },
    },
    {
      name: 'a line completed by the 36th mark is a win, not a draw',
      actions: fillBoard(O_LAST_WIN_BOARD, '1,4'),
      expect: { terminal: true, rewards: [-1, 1], winner: 1 },
    },
  ],
};
