import type { GameDefinition } from '../../engine/game-definition.js';
import * as cwm from './game.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRS';

/** The board as a hexagon: each row with its number, its first and its last column letter. */
function render(state: cwm.State): string {
  const lines = ['cell = <column letter><row number>; each row runs left to right from the letter on its left to the letter on its right'];
  let cell = 0;
  for (let y = 0; y < 19; y++) {
    const first = Math.max(0, y - 9);
    const last = Math.min(18, y + 9);
    const cells: string[] = [];
    for (let x = first; x <= last; x++) {
      cells.push(state.board[cell]);
      cell++;
    }
    lines.push(`${String(y + 1).padStart(2)} ${LETTERS[first]} ${' '.repeat(Math.abs(9 - y))}${cells.join(' ')} ${LETTERS[last]}`);
  }
  let status: string;
  if (state.winner !== null) status = `${cwm.getPlayerName(state.winner)} wins`;
  else if (state.currentPlayer === -4) status = 'draw: the board is full';
  else status = `${cwm.getPlayerName(state.currentPlayer)} (${state.currentPlayer === 0 ? 'B' : 'W'}) to move`;
  lines.push(`${status} (${state.moves} stones played; B = P1, W = P2)`);
  return lines.join('\n');
}

/** Every cell name, row by row: column x and row y exist when they are at most 9 apart. */
const ALL_CELLS: string[] = [];
for (let y = 0; y < 19; y++) {
  for (let x = 0; x < 19; x++) {
    if (Math.abs(x - y) <= 9) ALL_CELLS.push(`${LETTERS[x]}${y + 1}`);
  }
}

/** Interleaves P1's and P2's moves, P1 first. */
function alternate(p1: string[], p2: string[]): string[] {
  const actions: string[] = [];
  for (let i = 0; i < p1.length; i++) {
    actions.push(p1[i]);
    if (i < p2.length) actions.push(p2[i]);
  }
  return actions;
}

/** The six neighbours of J10 (the centre). */
const AROUND_J10 = ['K10', 'K11', 'J11', 'I10', 'I9', 'J9'];
const FAR = ['A3', 'A5', 'A7', 'S12', 'S14', 'S16', 'S18'];

export const havannah: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'havannah', title: 'Havannah (10 per side)', players: 2, information: 'perfect', chance: false,
    utility: 'zero-sum', maxGameLength: 271, rewardRange: [-1, 1], split: 'train',
  },
  cwm,
  renderState: render,
  renderObservation: render,
  scenarios: [
    {
      name: 'opening: P1 may play any of the 271 cells; names off the hexagon are not cells',
      actions: [],
      expect: {
        terminal: false, currentPlayer: 0, rewards: [0, 0], legalActions: ALL_CELLS,
        illegalActions: ['A11', 'K1', 'S9', 'T10', 'J20', 'J0', 'j10'],
      },
    },
    {
      name: 'an occupied cell cannot be played again; turns alternate',
      actions: ['J10'],
      expect: { terminal: false, currentPlayer: 1, illegalActions: ['J10'] },
    },
    {
      name: 'bridge: P1 links corners A1 and J1 along the top edge and wins at once',
      actions: alternate(
        ['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1', 'H1', 'I1', 'J1'],
        ['B10', 'C10', 'D10', 'E10', 'F10', 'G10', 'H10', 'I10', 'J10'],
      ),
      expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], winner: 0, legalActions: [] },
    },
    {
      name: 'a chain from corner A1 along an edge that reaches no second corner is not a win',
      actions: alternate(
        ['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1', 'H1', 'I1'],
        ['B10', 'C10', 'D10', 'E10', 'F10', 'G10', 'H10', 'I10', 'J10'],
      ),
      expect: { terminal: false, currentPlayer: 0, rewards: [0, 0] },
    },
    {
      name: 'bridge: P2 links corners A1 and A10 down the left edge and wins',
      actions: alternate(
        ['J2', 'J3', 'J4', 'J5', 'J6', 'J7', 'J8', 'J9', 'J10', 'J11'],
        ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10'],
      ),
      expect: { terminal: true, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
    {
      name: 'ring: six stones around an empty cell win at once',
      actions: alternate(AROUND_J10, FAR.slice(0, 5)),
      expect: { terminal: true, rewards: [1, -1], winner: 0, legalActions: [] },
    },
    {
      name: 'ring: a loop around an opponent stone also wins',
      actions: alternate(AROUND_J10, ['J10', 'A5', 'A7', 'S12', 'S14']),
      expect: { terminal: true, rewards: [1, -1], winner: 0 },
    },
    {
      name: 'no ring: a solid cluster of seven stones encloses no cell',
      actions: alternate(['J10', ...AROUND_J10], FAR.slice(0, 6)),
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0] },
    },
    {
      name: 'ring: eight stones around two adjacent cells win',
      actions: alternate(['K11', 'J11', 'I10', 'I9', 'J9', 'K9', 'L10', 'L11'], FAR),
      expect: { terminal: true, rewards: [1, -1], winner: 0 },
    },
    {
      name: 'ring: a loop may run along the rim and through corner A1 around the inner cell B2',
      actions: alternate(['C2', 'C3', 'B3', 'A2', 'A1', 'B1'], FAR.slice(0, 5)),
      expect: { terminal: true, rewards: [1, -1], winner: 0 },
    },
    {
      name: 'no ring: stones around a rim cell do not enclose it',
      actions: alternate(['B1', 'A2', 'B2'], ['J10', 'J12']),
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0] },
    },
  ],
};
