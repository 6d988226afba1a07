// Known counts for go, cross-checked against a second, deliberately simple
// implementation written only here: a 2-D grid, capture and suicide by
// playing the move on a copy and flood-filling groups, and ko checked the way
// the paper's golden checks it: the new board may not read the same as the
// board before the opponent's last action, reading only the stones in
// row-major order (so it also catches placements that recreate no board).
// The rules are the golden's: rewards give the area score's verdict at every
// state, and the only length limit is ours (1,000 actions; the golden has
// none).

import { describe, expect, it } from 'vitest';
import * as go from '../src/games/go/game.js';
import { Rng } from '../src/engine/rng.js';

type Grid = string[][];
const N = 9;
const KOMI = 6.5;
const CAP = 1000;

function emptyGrid(): Grid {
  return Array.from({ length: N }, () => Array.from({ length: N }, () => '.'));
}

function copyGrid(grid: Grid): Grid {
  return grid.map((row) => row.slice());
}

/** The stones of a grid in reading order, empty points left out: how the golden compares boards. */
function readsAs(a: Grid, b: Grid): boolean {
  const stones = (grid: Grid) => grid.flat().filter((v) => v !== '.').join('');
  return stones(a) === stones(b);
}

function neighbours(r: number, c: number): Array<[number, number]> {
  return ([[r - 1, c], [r + 1, c], [r, c - 1], [r, c + 1]] as Array<[number, number]>)
    .filter(([a, b]) => a >= 0 && a < N && b >= 0 && b < N);
}

/** The stones of the group at (r, c) and how many distinct empty points touch it. */
function group(grid: Grid, r: number, c: number): { stones: Array<[number, number]>; liberties: number } {
  const color = grid[r][c];
  const seen = new Set<string>([`${r},${c}`]);
  const libs = new Set<string>();
  const stones: Array<[number, number]> = [];
  const todo: Array<[number, number]> = [[r, c]];
  while (todo.length > 0) {
    const [a, b] = todo.pop()!;
    stones.push([a, b]);
    for (const [x, y] of neighbours(a, b)) {
      if (grid[x][y] === '.') libs.add(`${x},${y}`);
      else if (grid[x][y] === color && !seen.has(`${x},${y}`)) {
        seen.add(`${x},${y}`);
        todo.push([x, y]);
      }
    }
  }
  return { stones, liberties: libs.size };
}

/** The grid after `color` plays (r, c), or null if the point is taken or the move is suicide. */
function play(grid: Grid, r: number, c: number, color: string): Grid | null {
  if (grid[r][c] !== '.') return null;
  const next = copyGrid(grid);
  next[r][c] = color;
  const enemy = color === 'B' ? 'W' : 'B';
  for (const [x, y] of neighbours(r, c)) {
    if (next[x][y] === enemy) {
      const g = group(next, x, y);
      if (g.liberties === 0) for (const [a, b] of g.stones) next[a][b] = '.';
    }
  }
  if (group(next, r, c).liberties === 0) return null;
  return next;
}

/** A naive game: the list of positions after each action, the actions, who moves. */
interface Naive {
  positions: Grid[];
  actions: string[];
}

function naiveStart(): Naive {
  return { positions: [emptyGrid()], actions: [] };
}

function naiveOver(game: Naive): boolean {
  const n = game.actions.length;
  return n >= CAP || (n >= 2 && game.actions[n - 1] === 'pass' && game.actions[n - 2] === 'pass');
}

function naiveColor(game: Naive): string {
  return game.actions.length % 2 === 0 ? 'B' : 'W';
}

function naiveLegal(game: Naive): string[] {
  if (naiveOver(game)) return [];
  const t = game.positions.length - 1;
  const current = game.positions[t];
  const previous = t >= 1 ? game.positions[t - 1] : null;
  const legal: string[] = [];
  for (let r = 0; r < N; r++) {
    for (let c = 0; c < N; c++) {
      const next = play(current, r, c, naiveColor(game));
      if (next === null) continue;
      if (previous !== null && readsAs(next, previous)) continue; // ko, as the golden tests it
      legal.push(`place_${r}_${c}`);
    }
  }
  legal.push('pass');
  return legal;
}

function naiveApply(game: Naive, action: string): Naive {
  const current = game.positions[game.positions.length - 1];
  let next: Grid;
  if (action === 'pass') {
    next = current;
  } else {
    const [, r, c] = action.split('_').map(Number);
    const played = play(current, r, c, naiveColor(game));
    if (played === null) throw new Error(`naive: illegal ${action}`);
    next = played;
  }
  return { positions: [...game.positions, next], actions: [...game.actions, action] };
}

/** Tromp-Taylor area score: [black, white + komi]. */
function naiveScore(grid: Grid): number[] {
  let black = 0;
  let white = 0;
  const seen = new Set<string>();
  for (let r = 0; r < N; r++) {
    for (let c = 0; c < N; c++) {
      if (grid[r][c] === 'B') black++;
      else if (grid[r][c] === 'W') white++;
      else if (!seen.has(`${r},${c}`)) {
        const region: Array<[number, number]> = [[r, c]];
        seen.add(`${r},${c}`);
        const borders = new Set<string>();
        for (let i = 0; i < region.length; i++) {
          for (const [x, y] of neighbours(region[i][0], region[i][1])) {
            if (grid[x][y] !== '.') borders.add(grid[x][y]);
            else if (!seen.has(`${x},${y}`)) {
              seen.add(`${x},${y}`);
              region.push([x, y]);
            }
          }
        }
        if (borders.size === 1 && borders.has('B')) black += region.length;
        if (borders.size === 1 && borders.has('W')) white += region.length;
      }
    }
  }
  return [black, white + KOMI];
}

function naiveRewards(game: Naive): number[] {
  const [b, w] = naiveScore(game.positions[game.positions.length - 1]);
  return b > w ? [1, -1] : [-1, 1];
}

function gridOf(board: string[]): Grid {
  return Array.from({ length: N }, (_, r) => board.slice(r * N, r * N + N));
}

function sorted(list: string[]): string[] {
  return list.slice().sort();
}

/** Number of action sequences of length `depth` from `state` (terminal states end a line early). */
function perftFast(state: go.State, depth: number): number {
  if (go.getCurrentPlayer(state) === -4) return 0;
  const legal = go.getLegalActions(state);
  if (depth === 1) return legal.length;
  let total = 0;
  for (const a of legal) total += perftFast(go.applyAction(state, a), depth - 1);
  return total;
}

function perftNaive(game: Naive, depth: number): number {
  const legal = naiveLegal(game);
  if (depth === 1) return legal.length;
  let total = 0;
  for (const a of legal) total += perftNaive(naiveApply(game, a), depth - 1);
  return total;
}

describe('go counts', () => {
  it('counts action sequences from the empty board: 82, 6,643 and 531,522, the same in both implementations', () => {
    const start = go.getInitialState();
    expect(perftFast(start, 1)).toBe(82);
    expect(perftNaive(naiveStart(), 1)).toBe(82);
    // 81 placements each answered by 80 points or a pass, plus pass answered by 82 actions
    expect(perftFast(start, 2)).toBe(81 * 81 + 82);
    expect(perftNaive(naiveStart(), 2)).toBe(6643);
    const fast3 = perftFast(start, 3);
    // After two placements no capture or suicide is possible yet: 79 points + pass
    // after place/place, 80 + pass after place/pass and pass/place, and after
    // pass/pass the game is over.
    expect(fast3).toBe(81 * 80 * 80 + 81 * 81 + 81 * 81);
    expect(perftNaive(naiveStart(), 3)).toBe(fast3);
  });

  it('agrees with the naive implementation on legal moves, captures, ko, scores and rewards over seeded random games', () => {
    const rng = new Rng(7);
    let captures = 0;
    let koBans = 0;
    let suicideBans = 0;
    for (let g = 0; g < 120; g++) {
      let state = go.getInitialState();
      let naive = naiveStart();
      const taken = [0, 0];
      // A pass is picked rarely, so games run long and fill the board.
      for (;;) {
        const legal = go.getLegalActions(state);
        const expected = naiveLegal(naive);
        expect(sorted(legal)).toEqual(sorted(expected));
        expect(go.getCurrentPlayer(state) === -4).toBe(naiveOver(naive));
        expect(go.getRewards(state)).toEqual(naiveRewards(naive));
        expect(go.scores(state)).toEqual(naiveScore(naive.positions[naive.positions.length - 1]));
        expect(state.captures).toEqual(taken);
        if (legal.length === 0) break;
        const grid = naive.positions[naive.positions.length - 1];
        const color = naiveColor(naive);
        for (let r = 0; r < N; r++) {
          for (let c = 0; c < N; c++) {
            if (grid[r][c] !== '.' || expected.includes(`place_${r}_${c}`)) continue;
            if (play(grid, r, c, color) === null) suicideBans++;
            else koBans++;
          }
        }
        const places = legal.filter((a) => a !== 'pass');
        const action = places.length > 0 && rng.random() < 0.9 ? places[rng.int(places.length)] : 'pass';
        const before = state.board.filter((v) => v !== '.').length;
        const mover = go.getCurrentPlayer(state);
        state = go.applyAction(state, action);
        naive = naiveApply(naive, action);
        const removed = action === 'pass' ? 0 : before + 1 - state.board.filter((v) => v !== '.').length;
        taken[mover] += removed;
        if (removed > 0) captures++;
        expect(gridOf(state.board)).toEqual(naive.positions[naive.positions.length - 1]);
      }
      expect(naive.actions.length).toBeLessThan(CAP);
    }
    // The random games did exercise every rule.
    expect(captures).toBeGreaterThan(100);
    expect(koBans).toBeGreaterThan(0);
    expect(suicideBans).toBeGreaterThan(100);
  });

  it('ends every game within 1,000 actions, by two passes or exactly at the cap', () => {
    const rng = new Rng(11);
    let capped = 0;
    let passedOut = 0;
    for (let g = 0; g < 60; g++) {
      let state = go.getInitialState();
      const actions: string[] = [];
      // Half the games never pass while a placement exists, so they run into the cap.
      const passRate = g % 2 === 0 ? 0 : 0.05;
      while (go.getCurrentPlayer(state) !== -4) {
        const legal = go.getLegalActions(state);
        const places = legal.filter((a) => a !== 'pass');
        const action = places.length > 0 && rng.random() >= passRate ? places[rng.int(places.length)] : 'pass';
        state = go.applyAction(state, action);
        actions.push(action);
      }
      const n = actions.length;
      expect(n).toBeLessThanOrEqual(CAP);
      const doublePass = n >= 2 && actions[n - 1] === 'pass' && actions[n - 2] === 'pass';
      if (doublePass) passedOut++;
      else {
        expect(n).toBe(CAP);
        capped++;
      }
      const [black, white] = go.scores(state);
      expect(go.getRewards(state)).toEqual(black > white ? [1, -1] : [-1, 1]);
    }
    expect(capped).toBeGreaterThan(0);
    expect(passedOut).toBeGreaterThan(0);
  });

  it('rejects illegal actions with an error', () => {
    let state = go.getInitialState();
    expect(() => go.applyAction(state, 'place_9_0')).toThrow(/not a go action/);
    expect(() => go.applyAction(state, 'constructor')).toThrow(/not a go action/);
    state = go.applyAction(state, 'place_0_1');
    expect(() => go.applyAction(state, 'place_0_1')).toThrow(/occupied/);
    for (const a of ['place_0_0', 'place_1_0']) state = go.applyAction(state, a); // W (0,0) captured
    expect(() => go.applyAction(state, 'place_0_0')).toThrow(/suicide/);
    state = go.applyAction(go.applyAction(go.getInitialState(), 'pass'), 'pass');
    expect(() => go.applyAction(state, 'place_4_4')).toThrow(/game is over/);
    // A pass after the end, which the paper's scenarios play, leaves the game over as the golden does.
    const after = go.applyAction(state, 'pass');
    expect([go.getCurrentPlayer(after), go.getLegalActions(after), go.getRewards(after)]).toEqual([-4, [], [-1, 1]]);
  });
});
