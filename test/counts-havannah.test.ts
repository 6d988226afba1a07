// Known counts for havannah, cross-checked against a second, deliberately
// simple implementation written only here: cells keyed by coordinates, every
// group of the mover flood-filled after each move to count corners, and rings
// found globally by flooding the non-mover cells inward from the rim (any
// non-mover cell left unreached is enclosed), instead of the module's
// incremental checks around the last stone.

import { describe, expect, it } from 'vitest';
import * as hv from '../src/games/havannah/game.js';
import { Rng } from '../src/engine/rng.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRS';
const DIRS = [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [-1, -1]];
const onBoard = (x: number, y: number) => x >= 0 && y >= 0 && x <= 18 && y <= 18 && Math.abs(x - y) <= 9;
const CELLS: Array<[number, number]> = [];
for (let y = 0; y <= 18; y++) for (let x = 0; x <= 18; x++) if (onBoard(x, y)) CELLS.push([x, y]);
const nameOf = (x: number, y: number) => `${LETTERS[x]}${y + 1}`;
const NAMES = CELLS.map(([x, y]) => nameOf(x, y));
const COORDS = new Map(CELLS.map(([x, y]) => [nameOf(x, y), [x, y] as [number, number]]));
const CORNERS = new Set(['A1', 'J1', 'S10', 'S19', 'J19', 'A10']);
const around = (x: number, y: number) =>
  DIRS.map(([dx, dy]) => [x + dx, y + dy] as [number, number]).filter(([a, b]) => onBoard(a, b));
const RIM = new Set(CELLS.filter(([x, y]) => around(x, y).length < 6).map(([x, y]) => nameOf(x, y)));

type Board = Map<string, string>; // cell name -> 'B' | 'W' (absent = empty)

/** Whether `stone` has a group with two or more corners. */
function naiveBridge(board: Board, stone: string): boolean {
  const seen = new Set<string>();
  for (const name of NAMES) {
    if (board.get(name) !== stone || seen.has(name)) continue;
    let corners = 0;
    const todo = [name];
    seen.add(name);
    while (todo.length > 0) {
      const cell = todo.pop()!;
      if (CORNERS.has(cell)) corners++;
      const [x, y] = COORDS.get(cell)!;
      for (const [a, b] of around(x, y)) {
        const n = nameOf(a, b);
        if (board.get(n) === stone && !seen.has(n)) {
          seen.add(n);
          todo.push(n);
        }
      }
    }
    if (corners >= 2) return true;
  }
  return false;
}

/** Whether some cell not holding `stone` cannot reach the rim without crossing `stone`. */
function naiveRing(board: Board, stone: string): boolean {
  const reached = new Set<string>();
  const todo: string[] = [];
  for (const name of RIM) {
    if (board.get(name) !== stone) {
      reached.add(name);
      todo.push(name);
    }
  }
  while (todo.length > 0) {
    const [x, y] = COORDS.get(todo.pop()!)!;
    for (const [a, b] of around(x, y)) {
      const n = nameOf(a, b);
      if (board.get(n) !== stone && !reached.has(n)) {
        reached.add(n);
        todo.push(n);
      }
    }
  }
  return NAMES.some((name) => board.get(name) !== stone && !reached.has(name));
}

interface Naive { board: Board; moves: number; winner: number | null; over: boolean; how: string }

function naiveApply(game: Naive, action: string): Naive {
  if (game.over || !COORDS.has(action) || game.board.has(action)) throw new Error(`naive: illegal ${action}`);
  const player = game.moves % 2;
  const stone = player === 0 ? 'B' : 'W';
  const board = new Map(game.board);
  board.set(action, stone);
  const moves = game.moves + 1;
  const bridge = naiveBridge(board, stone);
  const ring = naiveRing(board, stone);
  if (bridge || ring) return { board, moves, winner: player, over: true, how: bridge ? (ring ? 'both' : 'bridge') : 'ring' };
  return { board, moves, winner: null, over: moves === NAMES.length, how: moves === NAMES.length ? 'draw' : '' };
}

function naiveLegal(game: Naive): string[] {
  return game.over ? [] : NAMES.filter((n) => !game.board.has(n));
}

const naiveStart = (): Naive => ({ board: new Map(), moves: 0, winner: null, over: false, how: '' });

function perftFast(state: hv.State, depth: number): number {
  if (hv.getCurrentPlayer(state) === -4) return 0;
  const legal = hv.getLegalActions(state);
  if (depth === 1) return legal.length;
  let total = 0;
  for (const a of legal) total += perftFast(hv.applyAction(state, a), depth - 1);
  return total;
}

function perftNaive(game: Naive, depth: number): number {
  const legal = naiveLegal(game);
  if (depth === 1) return legal.length;
  let total = 0;
  for (const a of legal) total += perftNaive(naiveApply(game, a), depth - 1);
  return total;
}

/** Straight corner-to-corner lines: the six sides and the three long diagonals. */
const LINES: Array<Set<string>> = [
  (x: number, y: number) => y === 0, (x: number, y: number) => x - y === 9, (x: number) => x === 18,
  (x: number, y: number) => y === 18, (x: number, y: number) => y - x === 9, (x: number) => x === 0,
  (x: number, y: number) => x === y, (x: number) => x === 9, (x: number, y: number) => y === 9,
].map((on) => new Set(CELLS.filter(([x, y]) => on(x, y)).map(([x, y]) => nameOf(x, y))));

const hexDistance = (a: string, b: string) => {
  const [x1, y1] = COORDS.get(a)!;
  const [x2, y2] = COORDS.get(b)!;
  const dx = x1 - x2;
  const dy = y1 - y2;
  return (Math.abs(dx) + Math.abs(dy) + Math.abs(dx - dy)) / 2;
};

describe('havannah counts', () => {
  it('has 271 cells with the six corners and 54 rim cells; counts 271, 73,170 and 19,682,730 sequences', () => {
    expect(NAMES.length).toBe(271);
    expect(RIM.size).toBe(54);
    for (const corner of CORNERS) expect(NAMES).toContain(corner);
    const start = hv.getInitialState();
    expect(hv.getLegalActions(start).slice().sort()).toEqual(NAMES.slice().sort());
    expect(perftFast(start, 1)).toBe(271);
    expect(perftNaive(naiveStart(), 1)).toBe(271);
    expect(perftFast(start, 2)).toBe(271 * 270);
    expect(perftNaive(naiveStart(), 2)).toBe(73170);
    expect(perftFast(start, 3)).toBe(271 * 270 * 269);
  });

  it('agrees with the naive implementation on every move of seeded random and clustered games', () => {
    const rng = new Rng(5);
    const outcomes: Record<string, number> = { ring: 0, bridge: 0, both: 0, draw: 0 };
    for (let g = 0; g < 200; g++) {
      // Four move pickers: uniform; inside a small window around a random
      // centre while it has room; next to one's own stones (rings); along a
      // corner-to-corner line chosen per player (bridges).
      const mode = g % 4;
      const centre = NAMES[rng.int(NAMES.length)];
      const line0 = rng.int(LINES.length);
      const lines = [LINES[line0], LINES[(line0 + 1 + rng.int(LINES.length - 1)) % LINES.length]];
      let state = hv.getInitialState();
      let naive = naiveStart();
      for (;;) {
        const legal = hv.getLegalActions(state);
        expect(legal.slice().sort()).toEqual(naiveLegal(naive).slice().sort());
        expect(hv.getCurrentPlayer(state) === -4).toBe(naive.over);
        expect(hv.getRewards(state)).toEqual(naive.winner === null ? [0, 0] : naive.winner === 0 ? [1, -1] : [-1, 1]);
        if (legal.length === 0) break;
        let pool = legal;
        if (mode === 1) {
          const near = legal.filter((n) => hexDistance(n, centre) <= 3);
          if (near.length > 0) pool = near;
        } else if (mode === 2 && rng.random() < 0.85) {
          const stone = naive.moves % 2 === 0 ? 'B' : 'W';
          const near = legal.filter((n) => {
            const [x, y] = COORDS.get(n)!;
            return around(x, y).some(([a, b]) => naive.board.get(nameOf(a, b)) === stone);
          });
          if (near.length > 0) pool = near;
        } else if (mode === 3 && rng.random() < 0.8) {
          const own = legal.filter((n) => lines[naive.moves % 2].has(n));
          if (own.length > 0) pool = own;
        }
        const action = pool[rng.int(pool.length)];
        state = hv.applyAction(state, action);
        naive = naiveApply(naive, action);
      }
      outcomes[naive.how]++;
    }
    // Both patterns decided games.
    expect(outcomes.ring + outcomes.both).toBeGreaterThan(10);
    expect(outcomes.bridge + outcomes.both).toBeGreaterThan(10);
  });

  it('a full board without a ring or bridge is a draw (the first draw of seeded uniform play, replayed naively)', () => {
    const rng = new Rng(3);
    let draw: string[] | null = null;
    for (let g = 0; g < 20000 && draw === null; g++) {
      let state = hv.getInitialState();
      const actions: string[] = [];
      while (hv.getCurrentPlayer(state) !== -4) {
        const legal = hv.getLegalActions(state);
        const action = legal[rng.int(legal.length)];
        actions.push(action);
        state = hv.applyAction(state, action);
      }
      if (state.winner === null) {
        expect(actions.length).toBe(271);
        expect(hv.getRewards(state)).toEqual([0, 0]);
        draw = actions;
      }
    }
    expect(draw).not.toBeNull();
    let naive = naiveStart();
    for (const action of draw!) naive = naiveApply(naive, action);
    expect(naive.how).toBe('draw');
    expect(naive.over).toBe(true);
  });

  it('rejects illegal actions with an error', () => {
    let state = hv.getInitialState();
    for (const bad of ['A11', 'K1', 'T10', 'J0', 'j10', 'constructor', '']) {
      expect(() => hv.applyAction(state, bad)).toThrow(/not a cell/);
    }
    state = hv.applyAction(state, 'J10');
    expect(() => hv.applyAction(state, 'J10')).toThrow(/occupied/);
  });
});
