// Known counts for the game of Y (4 cells per side), cross-checked against a
// second, deliberately simple implementation written only here: cells keyed
// by (row, col), and after every move every group of the mover flood-filled
// and tested against the three sides by coordinates.

import { describe, expect, it } from 'vitest';
import * as yg from '../src/games/y/game.js';
import { Rng } from '../src/engine/rng.js';

const N = 4;
const CELLS: Array<[number, number]> = [];
for (let r = 0; r < N; r++) for (let c = 0; c <= r; c++) CELLS.push([r, c]);
const NAMES = CELLS.map(([r, c]) => `${r},${c}`);
const inside = (r: number, c: number) => r >= 0 && r < N && c >= 0 && c <= r;
const adjacent = (r: number, c: number) =>
  ([[r, c - 1], [r, c + 1], [r - 1, c - 1], [r - 1, c], [r + 1, c], [r + 1, c + 1]] as Array<[number, number]>)
    .filter(([a, b]) => inside(a, b));

type Board = Map<string, string>;

/** Whether `stone` has a group touching the left (col 0), right (col = row) and bottom (row 3) sides. */
function naiveWins(board: Board, stone: string): boolean {
  const seen = new Set<string>();
  for (const [r0, c0] of CELLS) {
    if (board.get(`${r0},${c0}`) !== stone || seen.has(`${r0},${c0}`)) continue;
    let left = false;
    let right = false;
    let bottom = false;
    const todo: Array<[number, number]> = [[r0, c0]];
    seen.add(`${r0},${c0}`);
    while (todo.length > 0) {
      const [r, c] = todo.pop()!;
      if (c === 0) left = true;
      if (c === r) right = true;
      if (r === N - 1) bottom = true;
      for (const [a, b] of adjacent(r, c)) {
        if (board.get(`${a},${b}`) === stone && !seen.has(`${a},${b}`)) {
          seen.add(`${a},${b}`);
          todo.push([a, b]);
        }
      }
    }
    if (left && right && bottom) return true;
  }
  return false;
}

interface Naive { board: Board; moves: number; winner: number | null }

const naiveStart = (): Naive => ({ board: new Map(), moves: 0, winner: null });
const naiveOver = (game: Naive) => game.winner !== null || game.moves === NAMES.length;
const naiveLegal = (game: Naive) => (naiveOver(game) ? [] : NAMES.filter((n) => !game.board.has(n)));

function naiveApply(game: Naive, action: string): Naive {
  if (!naiveLegal(game).includes(action)) throw new Error(`naive: illegal ${action}`);
  const player = game.moves % 2;
  const stone = player === 0 ? 'B' : 'W';
  const board = new Map(game.board);
  board.set(action, stone);
  return { board, moves: game.moves + 1, winner: naiveWins(board, stone) ? player : null };
}

/** [sequences of length depth, of which end the game on their last move]. */
function perftFast(state: yg.State, depth: number): number[] {
  if (yg.getCurrentPlayer(state) === -4) return [0, 0];
  const legal = yg.getLegalActions(state);
  const total = [0, 0];
  for (const a of legal) {
    const next = yg.applyAction(state, a);
    if (depth === 1) {
      total[0]++;
      if (yg.getCurrentPlayer(next) === -4) total[1]++;
    } else {
      const sub = perftFast(next, depth - 1);
      total[0] += sub[0];
      total[1] += sub[1];
    }
  }
  return total;
}

function perftNaive(game: Naive, depth: number): number[] {
  const total = [0, 0];
  for (const a of naiveLegal(game)) {
    const next = naiveApply(game, a);
    if (depth === 1) {
      total[0]++;
      if (naiveOver(next)) total[1]++;
    } else {
      const sub = perftNaive(next, depth - 1);
      total[0] += sub[0];
      total[1] += sub[1];
    }
  }
  return total;
}

describe('y counts', () => {
  it('every full board has exactly one winner, so no game is drawn and 10 moves bound every game', () => {
    let blackWins = 0;
    for (let mask = 0; mask < 1 << NAMES.length; mask++) {
      const board: Board = new Map(NAMES.map((n, i) => [n, (mask >> i) & 1 ? 'B' : 'W']));
      const b = naiveWins(board, 'B');
      const w = naiveWins(board, 'W');
      expect(b !== w).toBe(true);
      if (b) blackWins++;
    }
    // Swapping the colors of a full board swaps its winner.
    expect(blackWins).toBe(512);
  });

  it('counts sequences and game ends by depth to the end of the tree; the naive implementation agrees to depth 7', () => {
    const start = yg.getInitialState();
    // [sequences of that length, of which end the game on their last move]
    const expected = [
      [10, 0], [90, 0], [720, 0], [5040, 0], [30240, 0], [151200, 0],
      [604800, 92160], [1537920, 276480], [2522880, 1261440], [1261440, 1261440],
    ];
    for (let depth = 1; depth <= 10; depth++) {
      expect(perftFast(start, depth)).toEqual(expected[depth - 1]);
    }
    // Nobody touches all three sides with fewer than four stones (no end before
    // ply 7), and every ply-10 sequence ends the game (a full board has a winner).
    expect(perftNaive(naiveStart(), 7)).toEqual(expected[6]);
    // 2,891,520 complete games: Black wins 92,160 + 1,261,440, White 276,480 + 1,261,440.
  });

  it('agrees with the naive implementation on every move of seeded random games', () => {
    const rng = new Rng(9);
    const lengths = new Map<number, number>();
    for (let g = 0; g < 2000; g++) {
      let state = yg.getInitialState();
      let naive = naiveStart();
      for (;;) {
        const legal = yg.getLegalActions(state);
        expect(legal.slice().sort()).toEqual(naiveLegal(naive).slice().sort());
        expect(yg.getCurrentPlayer(state) === -4).toBe(naiveOver(naive));
        expect(state.winner).toBe(naive.winner);
        if (legal.length === 0) break;
        const action = legal[rng.int(legal.length)];
        state = yg.applyAction(state, action);
        naive = naiveApply(naive, action);
      }
      expect(state.winner).not.toBeNull();
      lengths.set(naive.moves, (lengths.get(naive.moves) ?? 0) + 1);
    }
    // Games ended at every length from 7 to 10.
    expect([...lengths.keys()].sort()).toEqual([10, 7, 8, 9]);
  });

  it('rejects illegal actions with an error', () => {
    let state = yg.getInitialState();
    for (const bad of ['0,1', '4,0', '1,2', '0, 0', '00', 'constructor', '']) {
      expect(() => yg.applyAction(state, bad)).toThrow(/not a cell/);
    }
    state = yg.applyAction(state, '2,1');
    expect(() => yg.applyAction(state, '2,1')).toThrow(/occupied/);
  });
});
