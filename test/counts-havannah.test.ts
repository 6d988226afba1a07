// Known counts for havannah, cross-checked against a second, deliberately
// simple implementation written only here: cells keyed by coordinates, every
// group of the mover flood-filled after each move to count corners, and rings
// found globally by flooding the non-mover cells inward from the rim (any
// non-mover cell left unreached is enclosed), instead of the module's
// incremental checks around the last stone.

import { describe, expect, it } from 'vitest';
import * as hv from '../src/games/havannah/game.js';
import { Rng } from '../src/engine/rng.js';

// Cube coordinates (x, y, z) with x + y + z = 0, as the paper's reference
// names them: column letter = x + 9 (A..S), row number = z + 10 (1..19); a
// cell exists when no coordinate is beyond 9 in size.
const LETTERS = 'ABCDEFGHIJKLMNOPQRS';
const DIRS = [[1, -1, 0], [1, 0, -1], [0, 1, -1], [-1, 1, 0], [-1, 0, 1], [0, -1, 1]];
type Cube = [number, number, number];
const onBoard = ([x, y, z]: Cube) => Math.max(Math.abs(x), Math.abs(y), Math.abs(z)) <= 9;
const CELLS: Cube[] = [];
for (let x = -9; x <= 9; x++) for (let z = -9; z <= 9; z++) if (onBoard([x, -x - z, z])) CELLS.push([x, -x - z, z]);
const nameOf = ([x, , z]: Cube) => `${LETTERS[x + 9]}${z + 10}`;
const NAMES = CELLS.map(nameOf);
const COORDS = new Map(CELLS.map((c) => [nameOf(c), c]));
const around = ([x, y, z]: Cube) =>
  DIRS.map(([dx, dy, dz]) => [x + dx, y + dy, z + dz] as Cube).filter(onBoard);
const CORNERS = new Set(CELLS.filter((c) => c.filter((v) => Math.abs(v) === 9).length === 2).map(nameOf));
const RIM = new Set(CELLS.filter((c) => c.some((v) => Math.abs(v) === 9)).map(nameOf));
const LIMIT = 150;

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
      for (const neighbour of around(COORDS.get(cell)!)) {
        const n = nameOf(neighbour);
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
    for (const neighbour of around(COORDS.get(todo.pop()!)!)) {
      const n = nameOf(neighbour);
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
  return { board, moves, winner: null, over: moves >= LIMIT, how: moves >= LIMIT ? 'draw' : '' };
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
  (c: Cube) => c[0] === 9, (c: Cube) => c[0] === -9, (c: Cube) => c[1] === 9, (c: Cube) => c[1] === -9,
  (c: Cube) => c[2] === 9, (c: Cube) => c[2] === -9, (c: Cube) => c[0] === 0, (c: Cube) => c[1] === 0, (c: Cube) => c[2] === 0,
].map((on) => new Set(CELLS.filter(on).map(nameOf)));

const hexDistance = (a: string, b: string) => {
  const p = COORDS.get(a)!;
  const q = COORDS.get(b)!;
  return Math.max(Math.abs(p[0] - q[0]), Math.abs(p[1] - q[1]), Math.abs(p[2] - q[2]));
};

describe('havannah counts', () => {
  it('has 271 cells with the six corners and 54 rim cells; counts 271, 73,170 and 19,682,730 sequences', () => {
    expect(NAMES.length).toBe(271);
    expect(RIM.size).toBe(54);
    expect([...CORNERS].sort()).toEqual(['A10', 'A19', 'J1', 'J19', 'S1', 'S10']);
    expect(CELLS.filter((c) => around(c).length === 3).map(nameOf).sort()).toEqual([...CORNERS].sort());
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
            return around(COORDS.get(n)!).some((c) => naive.board.get(nameOf(c)) === stone);
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
    // Both patterns decided games, and the move limit drew some.
    expect(outcomes.ring + outcomes.both).toBeGreaterThan(10);
    expect(outcomes.bridge + outcomes.both).toBeGreaterThan(10);
    expect(outcomes.draw).toBeGreaterThan(0);
  });

  it('150 stones without a ring or bridge are a draw (the first draw of seeded uniform play, replayed naively)', () => {
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
        expect(actions.length).toBe(LIMIT);
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
    for (const bad of ['A1', 'I1', 'S19', 'K19', 'T10', 'J0', 'j10', 'constructor', '']) {
      expect(() => hv.applyAction(state, bad)).toThrow(/not a cell/);
    }
    // The paper's scenarios play these.
    for (const good of ['K1', 'A11', 'S1', 'A19']) expect(() => hv.applyAction(state, good)).not.toThrow();
    state = hv.applyAction(state, 'J10');
    expect(() => hv.applyAction(state, 'J10')).toThrow(/occupied/);
  });
});
