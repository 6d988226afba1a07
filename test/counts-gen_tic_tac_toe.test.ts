// Generalized tic-tac-toe (6x6, four in a row): leaf counts by depth from the
// empty board and from a mid-game position full of threats, counted with the
// GameCWM and cross-checked with an independent, deliberately naive
// implementation written only in this file (a 2-D grid and a full scan of
// every cell in every direction after each move).

import { describe, expect, it } from 'vitest';
import * as game from '../src/games/gen_tic_tac_toe/game.js';

interface Counts {
  /** Positions reached at exactly this depth (terminal or not). */
  nodes: number;
  xWins: number;
  oWins: number;
  draws: number;
}

function emptyCounts(depth: number): Counts[] {
  return Array.from({ length: depth + 1 }, () => ({ nodes: 0, xWins: 0, oWins: 0, draws: 0 }));
}

// ---------------------------------------------------------------- the GameCWM

function cwmCounts(state: game.State, depth: number, counts: Counts[] = emptyCounts(depth), level = 0): Counts[] {
  counts[level].nodes++;
  if (game.getCurrentPlayer(state) === -4) {
    const rewards = game.getRewards(state);
    if (rewards[0] > 0) counts[level].xWins++;
    else if (rewards[1] > 0) counts[level].oWins++;
    else counts[level].draws++;
    return counts;
  }
  if (level === depth) return counts;
  for (const action of game.getLegalActions(state)) cwmCounts(game.applyAction(state, action), depth, counts, level + 1);
  return counts;
}

function cwmFrom(actions: string[]): game.State {
  return actions.reduce((state, action) => game.applyAction(state, action), game.getInitialState());
}

// ---------------------------------------------------------------- the naive model

type Grid = string[][];

/** Whether `mark` has four in a row anywhere: every cell, every direction. */
function naiveHasFour(grid: Grid, mark: string): boolean {
  const directions = [[0, 1], [1, 0], [1, 1], [1, -1]];
  for (let r = 0; r < 6; r++) {
    for (let c = 0; c < 6; c++) {
      for (const [dr, dc] of directions) {
        let run = 0;
        for (let k = 0; k < 4; k++) {
          const rr = r + dr * k;
          const cc = c + dc * k;
          if (rr >= 0 && rr < 6 && cc >= 0 && cc < 6 && grid[rr][cc] === mark) run++;
        }
        if (run === 4) return true;
      }
    }
  }
  return false;
}

function countMarks(grid: Grid, mark: string): number {
  let n = 0;
  for (const row of grid) for (const cell of row) if (cell === mark) n++;
  return n;
}

function naiveCounts(grid: Grid, toMove: string, depth: number, counts: Counts[] = emptyCounts(depth), level = 0): Counts[] {
  counts[level].nodes++;
  // A line needs four marks of one kind, so only look once a mark has been placed four times.
  const xs = countMarks(grid, 'x');
  const os = countMarks(grid, 'o');
  const xWon = xs >= 4 && naiveHasFour(grid, 'x');
  const oWon = os >= 4 && naiveHasFour(grid, 'o');
  const full = xs + os === 36;
  if (xWon) counts[level].xWins++;
  else if (oWon) counts[level].oWins++;
  else if (full) counts[level].draws++;
  if (xWon || oWon || full || level === depth) return counts;
  for (let r = 0; r < 6; r++) {
    for (let c = 0; c < 6; c++) {
      if (grid[r][c] !== '.') continue;
      grid[r][c] = toMove;
      naiveCounts(grid, toMove === 'x' ? 'o' : 'x', depth, counts, level + 1);
      grid[r][c] = '.';
    }
  }
  return counts;
}

function naiveFrom(actions: string[]): { grid: Grid; toMove: string } {
  const grid: Grid = Array.from({ length: 6 }, () => Array.from({ length: 6 }, () => '.'));
  actions.forEach((action, i) => {
    const [r, c] = action.split(',').map(Number);
    grid[r][c] = i % 2 === 0 ? 'x' : 'o';
  });
  return { grid, toMove: actions.length % 2 === 0 ? 'x' : 'o' };
}

// ---------------------------------------------------------------- tests

describe('gen_tic_tac_toe leaf counts', () => {
  it('from the empty board: 36, 1260, 42840, 1413720 positions at depths 1-4 (no line possible yet)', () => {
    const mine = cwmCounts(game.getInitialState(), 4);
    const { grid, toMove } = naiveFrom([]);
    const naive = naiveCounts(grid, toMove, 4);
    expect(mine.map((c) => c.nodes)).toEqual([1, 36, 1260, 42840, 1413720]);
    expect(mine).toEqual(naive);
  });

  it('from a mid-game position with threats on both sides, depths 1-4 agree including wins', () => {
    // x holds the square (2,2) (2,3) (3,2) (3,3); o holds (0,0) (0,1) (0,2) and threatens (0,3).
    const prefix = ['2,2', '0,0', '2,3', '0,1', '3,3', '0,2', '3,2', '5,5'];
    const mine = cwmCounts(cwmFrom(prefix), 4);
    const { grid, toMove } = naiveFrom(prefix);
    const naive = naiveCounts(grid, toMove, 4);
    expect(mine).toEqual(naive);
    // x (to move) has 28 choices and cannot yet win in one.
    expect(mine[1]).toEqual({ nodes: 28, xWins: 0, oWins: 0, draws: 0 });
    // o then wins at once with (0,3) after any x move except x taking (0,3) itself.
    expect(mine[2].oWins).toBe(27);
    expect(mine[3].xWins).toBeGreaterThan(0);
    expect(mine[4].oWins).toBeGreaterThan(0);
  });

  it('a line of four exists in exactly 54 places: each completes a win from the board missing it', () => {
    let lines = 0;
    for (let r = 0; r < 6; r++) {
      for (let c = 0; c < 6; c++) {
        for (const [dr, dc] of [[0, 1], [1, 0], [1, 1], [1, -1]]) {
          const cells = [0, 1, 2, 3].map((k) => [r + dr * k, c + dc * k]);
          if (!cells.every(([rr, cc]) => rr >= 0 && rr < 6 && cc >= 0 && cc < 6)) continue;
          lines++;
          // x plays the first three cells, o plays far away, then x completes the line.
          const far = [0, 1, 2, 3, 4, 5].flatMap((rr) => [0, 1, 2, 3, 4, 5].map((cc) => `${rr},${cc}`))
            .filter((cell) => !cells.some(([rr, cc]) => `${rr},${cc}` === cell));
          // o's cells: the first three not on the line that do not themselves form a line with each other.
          const oCells = [far[0], far[far.length - 1], far[Math.floor(far.length / 2)]];
          const actions = [`${cells[0][0]},${cells[0][1]}`, oCells[0], `${cells[1][0]},${cells[1][1]}`, oCells[1],
            `${cells[2][0]},${cells[2][1]}`, oCells[2], `${cells[3][0]},${cells[3][1]}`];
          const state = cwmFrom(actions);
          expect(game.getCurrentPlayer(state)).toBe(-4);
          expect(game.getRewards(state)).toEqual([1, -1]);
          const { grid } = naiveFrom(actions);
          expect(naiveHasFour(grid, 'x')).toBe(true);
        }
      }
    }
    expect(lines).toBe(54);
  });
});
