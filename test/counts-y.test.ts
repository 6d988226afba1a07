// Known counts for the game of Y (5 cells per side, the paper's board),
// cross-checked against a second, deliberately simple implementation written
// only here: cells keyed by "x,y", and after every move every group of the
// mover flood-filled and tested against the three sides by coordinates.

import { describe, expect, it } from 'vitest';
import * as yg from '../src/games/y/game.js';
import { Rng } from '../src/engine/rng.js';

const N = 5;
const CELLS: Array<[number, number]> = [];
for (let y = 0; y < N; y++) for (let x = 0; x + y < N; x++) CELLS.push([x, y]);
const NAMES = CELLS.map(([x, y]) => `${x},${y}`);
const inside = (x: number, y: number) => x >= 0 && y >= 0 && x + y < N;
// Off the board too: the reference accepts (never lists) stones beside the board.
const adjacent = (x: number, y: number) =>
  [[x, y - 1], [x + 1, y - 1], [x + 1, y], [x, y + 1], [x - 1, y + 1], [x - 1, y]] as Array<[number, number]>;

type Board = Map<string, string>;

/** Whether `stone` has a group touching the sides x = 0, y = 0 and x + y = 4. */
function naiveWins(board: Board, stone: string): boolean {
  const seen = new Set<string>();
  for (const [key, owner] of board) {
    if (owner !== stone || seen.has(key)) continue;
    const [x0, y0] = key.split(',').map(Number);
    let sideX = false;
    let sideY = false;
    let sideFar = false;
    const todo: Array<[number, number]> = [[x0, y0]];
    seen.add(`${x0},${y0}`);
    while (todo.length > 0) {
      const [x, y] = todo.pop()!;
      if (x === 0) sideX = true;
      if (y === 0) sideY = true;
      if (x + y === N - 1) sideFar = true;
      for (const [a, b] of adjacent(x, y)) {
        if (board.get(`${a},${b}`) === stone && !seen.has(`${a},${b}`)) {
          seen.add(`${a},${b}`);
          todo.push([a, b]);
        }
      }
    }
    if (sideX && sideY && sideFar) return true;
  }
  return false;
}

interface Naive { board: Board; moves: number; winner: number | null }

const naiveStart = (): Naive => ({ board: new Map(), moves: 0, winner: null });
const naiveOver = (game: Naive) => game.winner !== null || game.moves === NAMES.length;
const naiveLegal = (game: Naive) => (naiveOver(game) ? [] : NAMES.filter((n) => !game.board.has(n)));

/** Plays a listed cell, or with `offBoard` any free cell outside the triangle. */
function naiveApply(game: Naive, action: string, offBoard = false): Naive {
  const [x, y] = action.split(',').map(Number);
  const allowed = offBoard ? !inside(x, y) && !naiveOver(game) && !game.board.has(action) : naiveLegal(game).includes(action);
  if (!allowed) throw new Error(`naive: illegal ${action}`);
  const player = game.moves % 2;
  const stone = player === 0 ? 'B' : 'W';
  const board = new Map(game.board);
  board.set(action, stone);
  return { board, moves: game.moves + 1, winner: naiveWins(board, stone) ? player : null };
}

/** [sequences of length depth, of which end the game on their last move]. */
function perftFast(state: yg.State, depth: number): number[] {
  if (yg.getCurrentPlayer(state) === -4) return [0, 0];
  const total = [0, 0];
  for (const a of yg.getLegalActions(state)) {
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

/** Black 1,1 2,1 0,3 and White 0,0 4,0 3,0: nine empty cells, Black to move. */
const OPENING = ['1,1', '0,0', '2,1', '4,0', '0,3', '3,0'];

describe('y counts', () => {
  it('every full board has exactly one winner, so no game is drawn and 15 moves bound every game', () => {
    let blackWins = 0;
    for (let mask = 0; mask < 1 << NAMES.length; mask++) {
      const board: Board = new Map(NAMES.map((n, i) => [n, (mask >> i) & 1 ? 'B' : 'W']));
      const b = naiveWins(board, 'B');
      const w = naiveWins(board, 'W');
      expect(b !== w).toBe(true);
      if (b) blackWins++;
    }
    // Swapping the colors of a full board swaps its winner.
    expect(blackWins).toBe(1 << 14);
  });

  it('the fewest stones that touch all three sides are five: no game ends before ply 9', () => {
    expect(perftFast(yg.getInitialState(), 3)).toEqual([2730, 0]);
    let fewest = 0;
    const winning = new Map<number, number>();
    for (let mask = 1; mask < 1 << NAMES.length; mask++) {
      const board: Board = new Map(NAMES.filter((_, i) => (mask >> i) & 1).map((n) => [n, 'B']));
      if (!naiveWins(board, 'B')) continue;
      winning.set(board.size, (winning.get(board.size) ?? 0) + 1);
      if (fewest === 0 || board.size < fewest) fewest = board.size;
    }
    expect(fewest).toBe(5);
    // Sets of five cells that form a winning group by themselves.
    expect(winning.get(5)).toBe(96);
  });

  it('counts sequences and game ends by depth to the end of the tree from an opening; the naive implementation agrees to depth 5', () => {
    let state = yg.getInitialState();
    let naive = naiveStart();
    for (const a of OPENING) {
      state = yg.applyAction(state, a);
      naive = naiveApply(naive, a);
    }
    // [sequences of that length, of which end the game on their last move]
    // (the same counts come from walking the paper's reference implementation's tree)
    const expected = [
      [9, 0], [72, 0], [504, 0], [3024, 84], [14700, 3960], [42960, 3360],
      [118800, 57600], [122400, 41760], [80640, 80640],
    ];
    for (let depth = 1; depth <= expected.length; depth++) {
      expect(perftFast(state, depth)).toEqual(expected[depth - 1]);
    }
    expect(perftFast(state, expected.length + 1)).toEqual([0, 0]);
    expect(perftNaive(naive, 5)).toEqual(expected[4]);
  });

  it('agrees with the naive implementation on every move of seeded random games', () => {
    const rng = new Rng(9);
    const lengths = new Map<number, number>();
    for (let g = 0; g < 2000; g++) {
      let state = yg.getInitialState();
      let naive = naiveStart();
      for (;;) {
        const legal = yg.getLegalActions(state);
        expect(legal).toEqual(naiveLegal(naive));
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
    // Games ended at every length from 9 to 15.
    expect([...lengths.keys()].sort((a, b) => a - b)).toEqual([9, 10, 11, 12, 13, 14, 15]);
  });

  it('agrees with the naive implementation when stones are also played off the board, as the paper\'s reference allows', () => {
    const rng = new Rng(13);
    const outcomes = new Map<string, number>();
    for (let g = 0; g < 1000; g++) {
      let state = yg.getInitialState();
      let naive = naiveStart();
      while (yg.getCurrentPlayer(state) !== -4) {
        const legal = yg.getLegalActions(state);
        let action = legal[rng.int(legal.length)];
        let offBoard = false;
        if (rng.int(4) === 0) {
          const x = rng.int(9) - 2;
          const y = rng.int(9) - 2;
          if (!inside(x, y) && !naive.board.has(`${x},${y}`)) {
            action = `${x},${y}`;
            offBoard = true;
          }
        }
        state = yg.applyAction(state, action);
        naive = naiveApply(naive, action, offBoard);
        expect(yg.getCurrentPlayer(state) === -4).toBe(naiveOver(naive));
        expect(state.winner).toBe(naive.winner);
        expect(yg.getLegalActions(state)).toEqual(naiveLegal(naive));
      }
      const outcome = state.winner === null ? 'draw' : `win ${state.winner}`;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    // Off-board stones make drawn games possible (fifteen stones, no winner).
    expect([...outcomes.keys()].sort()).toEqual(['draw', 'win 0', 'win 1']);
  });

  it('accepts a cell off the board as the paper\'s reference does: never legal, a stone beside the board', () => {
    const play = (actions: string[]) => actions.reduce((state, a) => yg.applyAction(state, a), yg.getInitialState());
    // The paper's scenario: Black's "4,1" lies beyond the x + y = 4 side; White then completes that side.
    const before = play(['0,0', '4,0', '1,0', '3,1', '2,0', '2,2', '3,0', '1,3']);
    expect(yg.getLegalActions(before)).not.toContain('4,1');
    const offBoard = yg.applyAction(before, '4,1');
    expect(yg.getCurrentPlayer(offBoard)).toBe(1);
    expect(offBoard.offBoard).toEqual([{ cell: '4,1', x: 4, y: 1, stone: 'B' }]);
    expect(yg.getLegalActions(offBoard)).toEqual(yg.getLegalActions(before).filter((a) => a !== '4,1'));
    const won = yg.applyAction(offBoard, '0,4');
    expect([yg.getCurrentPlayer(won), won.winner]).toEqual([-4, 1]);
    // Fourteen cells without a winning group and a fifteenth stone off the board: the game ends drawn.
    const drawn = play([
      '1,0', '0,0', '2,1', '3,0', '0,2', '1,1', '1,2', '2,0', '0,3', '3,1', '0,4', '2,2', '4,0', '1,3', '9,9',
    ]);
    expect([yg.getCurrentPlayer(drawn), drawn.winner, yg.getRewards(drawn), yg.getLegalActions(drawn)]).toEqual([-4, null, [0, 0], []]);
  });

  it('rejects illegal actions with an error', () => {
    let state = yg.getInitialState();
    for (const bad of ['0, 0', '00', '1,2,3', '+1,0', '01,0', '1.5,0', '-0,1', 'constructor', '']) {
      expect(() => yg.applyAction(state, bad)).toThrow(/not a cell/);
    }
    state = yg.applyAction(state, '2,1');
    expect(() => yg.applyAction(state, '2,1')).toThrow(/occupied/);
    state = yg.applyAction(state, '5,0');
    expect(() => yg.applyAction(state, '5,0')).toThrow(/occupied/);
  });
});
