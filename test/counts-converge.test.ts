// Converge: leaf counts by depth (with wins, passes and draws), counted with
// the GameCWM and cross-checked with an independent, deliberately naive
// implementation written only in this file: a 5x5 grid of cells that know
// their owner and whether they are stunned, stuns applied by scanning the
// destination's neighbourhood and cleared by scanning the whole grid.

import { describe, expect, it } from 'vitest';
import * as game from '../src/games/converge/game.js';

interface Counts {
  nodes: number;
  blueWins: number;
  redWins: number;
  draws: number;
  passes: number;
}

function emptyCounts(depth: number): Counts[] {
  return Array.from({ length: depth + 1 }, () => ({ nodes: 0, blueWins: 0, redWins: 0, draws: 0, passes: 0 }));
}

// ---------------------------------------------------------------- the GameCWM

function cwmCounts(state: game.State, depth: number, counts: Counts[] = emptyCounts(depth), level = 0): Counts[] {
  counts[level].nodes++;
  if (game.getCurrentPlayer(state) === -4) {
    const rewards = game.getRewards(state);
    if (rewards[0] > 0) counts[level].blueWins++;
    else if (rewards[1] > 0) counts[level].redWins++;
    else counts[level].draws++;
    return counts;
  }
  if (level === depth) return counts;
  for (const action of game.getLegalActions(state)) {
    if (action === 'pass') counts[level].passes++;
    cwmCounts(game.applyAction(state, action), depth, counts, level + 1);
  }
  return counts;
}

// ---------------------------------------------------------------- the naive model

interface Cell {
  owner: number; // 0 Blue, 1 Red
  stunned: boolean;
}

interface World {
  grid: Array<Array<Cell | null>>;
  toMove: number;
  turns: number;
  winner: number | null;
}

function naiveInitial(): World {
  const grid: Array<Array<Cell | null>> = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => null));
  grid[0][0] = { owner: 0, stunned: false };
  grid[0][4] = { owner: 0, stunned: false };
  grid[4][0] = { owner: 1, stunned: false };
  grid[4][4] = { owner: 1, stunned: false };
  return { grid, toMove: 0, turns: 0, winner: null };
}

function naiveMoves(world: World): string[] {
  const moves: string[] = [];
  for (let r = 0; r < 5; r++) {
    for (let c = 0; c < 5; c++) {
      const cell = world.grid[r][c];
      if (cell === null || cell.owner !== world.toMove || cell.stunned) continue;
      for (let r2 = r - 1; r2 <= r + 1; r2++) {
        for (let c2 = c - 1; c2 <= c + 1; c2++) {
          if (r2 < 0 || r2 > 4 || c2 < 0 || c2 > 4 || (r2 === r && c2 === c)) continue;
          if (world.grid[r2][c2] === null) moves.push(`move (${r},${c}) to (${r2},${c2})`);
        }
      }
    }
  }
  return moves.length > 0 ? moves : ['pass'];
}

function naiveApply(world: World, action: string): World {
  const grid = world.grid.map((row) => row.map((cell) => (cell === null ? null : { ...cell })));
  const mover = world.toMove;
  // The mover's own stuns end with this turn, whatever it does.
  for (const row of grid) for (const cell of row) if (cell !== null && cell.owner === mover) cell.stunned = false;
  let winner: number | null = null;
  if (action !== 'pass') {
    const [r1, c1, r2, c2] = action.replace(/[^0-9]+/g, ' ').trim().split(' ').map(Number);
    grid[r2][c2] = grid[r1][c1];
    grid[r1][c1] = null;
    if (r2 === 2 && c2 === 2) {
      winner = mover;
    } else {
      for (let r = r2 - 1; r <= r2 + 1; r++) {
        for (let c = c2 - 1; c <= c2 + 1; c++) {
          if (r < 0 || r > 4 || c < 0 || c > 4) continue;
          const cell = grid[r][c];
          if (cell !== null && cell.owner !== mover) cell.stunned = true;
        }
      }
    }
  }
  return { grid, toMove: 1 - mover, turns: world.turns + 1, winner };
}

function naiveCounts(world: World, depth: number, counts: Counts[] = emptyCounts(depth), level = 0): Counts[] {
  counts[level].nodes++;
  if (world.winner !== null) {
    if (world.winner === 0) counts[level].blueWins++;
    else counts[level].redWins++;
    return counts;
  }
  if (world.turns >= 50) {
    counts[level].draws++;
    return counts;
  }
  if (level === depth) return counts;
  for (const action of naiveMoves(world)) {
    if (action === 'pass') counts[level].passes++;
    naiveCounts(naiveApply(world, action), depth, counts, level + 1);
  }
  return counts;
}

// ---------------------------------------------------------------- tests

describe('converge leaf counts', () => {
  it('from the start, depths 1-6 agree with the naive model (6 then 36 positions; the first win at depth 3)', () => {
    const mine = cwmCounts(game.getInitialState(), 6);
    const naive = naiveCounts(naiveInitial(), 6);
    expect(mine).toEqual(naive);
    // Depth 1: each corner unit has three steps. Depth 2: Red likewise, nobody can be adjacent yet.
    expect(mine[1].nodes).toBe(6);
    expect(mine[2].nodes).toBe(36);
    // The centre is two steps from (0,0) and (0,4): Blue's second move (ply 3) wins after a first
    // step to (1,1) or (1,3) (2 of Blue's 6 first moves), whatever Red's 6 replies were.
    expect(mine[1].blueWins + mine[2].redWins).toBe(0);
    expect(mine[3].blueWins).toBe(2 * 6);
    expect(mine[4].redWins).toBeGreaterThan(0);
  });

  it('near the 50-turn limit, with stuns and passes in play, depths 1-4 agree (draws included)', () => {
    // Blue: (1,1) and (2,0); Red: (3,0) and (3,2); Red's units are stunned and it is Red's turn 46.
    const prefix = [
      'move (0,0) to (1,1)', 'move (4,0) to (3,0)', 'move (0,4) to (0,3)', 'move (4,4) to (3,3)',
      'move (0,3) to (0,2)', 'move (3,3) to (3,2)', 'move (1,1) to (2,1)',
    ];
    let state = prefix.reduce((s, a) => game.applyAction(s, a), game.getInitialState());
    let world = prefix.reduce((w, a) => naiveApply(w, a), naiveInitial());
    expect(game.getLegalActions(state)).toEqual(['pass']);
    expect(naiveMoves(world)).toEqual(['pass']);
    // Move the clock on to turn 46; the stun records (turns of the stuns) move with it.
    state = { ...state, turns: 46, stuns: state.stuns.map(([cell, turn]) => [cell, turn + 46 - state.turns]) };
    world = { ...world, turns: 46 };
    const mine = cwmCounts(state, 4);
    const naive = naiveCounts(world, 4);
    expect(mine).toEqual(naive);
    expect(mine[0].passes).toBe(1);
    expect(mine[4].draws).toBeGreaterThan(0);
    expect(mine[2].blueWins).toBe(1);
  });

  it('legal actions match the naive model along 300 seeded random games', () => {
    let seed = 11;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let g = 0; g < 300; g++) {
      let state = game.getInitialState();
      let world = naiveInitial();
      while (game.getCurrentPlayer(state) !== -4) {
        const legal = game.getLegalActions(state);
        expect(legal.slice().sort()).toEqual(naiveMoves(world).slice().sort());
        const action = legal[Math.floor(random() * legal.length)];
        state = game.applyAction(state, action);
        world = naiveApply(world, action);
      }
      const rewards = game.getRewards(state);
      expect(world.winner === null ? [0, 0] : world.winner === 0 ? [1, -1] : [-1, 1]).toEqual(rewards);
      expect(world.winner !== null || world.turns === 50).toBe(true);
    }
  });
});
