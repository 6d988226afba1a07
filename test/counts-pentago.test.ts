// Known counts for pentago, derived by hand and cross-checked against an
// independent, deliberately simple reference written only in this file (a
// 6x6 grid of rows, a quadrant turned by copying it out as a 3x3 block, five
// in a row found by walking from every cell in four directions).
// - perft 1 = 36 cells * 4 quadrants * 2 directions = 288;
// - perft 2 = 288 * 35 * 8 = 80640 (no five is possible yet);
// - distinct boards after one action: 36 (one x anywhere: a turn of another
//   quadrant leaves it in place, and every cell can be placed on directly);
// - distinct boards after two actions: 36 * 35 = 1260 (an x and an o on any
//   two different cells: turning a quadrant that holds neither marble is
//   always possible, so every pair is reachable).
// Random games and random positions compare every action's outcome.

import { describe, expect, it } from 'vitest';
import * as cwm from '../src/games/pentago/game.js';

// ---------------------------------------------------------------------------
// The independent reference implementation.

interface Ref {
  grid: string[][];
  toMove: number;
  over: boolean;
  winner: number | null;
}

const MARK = ['x', 'o'];

function refInitial(): Ref {
  const grid: string[][] = [];
  for (let r = 0; r < 6; r++) grid.push(['.', '.', '.', '.', '.', '.']);
  return { grid, toMove: 0, over: false, winner: null };
}

function refFromState(state: cwm.State): Ref {
  const grid: string[][] = [];
  for (let r = 0; r < 6; r++) grid.push(state.board.slice(r * 6, r * 6 + 6));
  return { grid, toMove: state.currentPlayer === -4 ? 0 : state.currentPlayer, over: state.currentPlayer === -4, winner: state.winner };
}

function refMoves(ref: Ref): string[] {
  if (ref.over) return [];
  const moves: string[] = [];
  for (let r = 0; r < 6; r++) {
    for (let c = 0; c < 6; c++) {
      if (ref.grid[r][c] !== '.') continue;
      for (const q of [0, 1, 2, 3]) {
        for (const d of ['CW', 'CCW']) moves.push(`${MARK[ref.toMove]}(${r},${c})_rotate_${q}_${d}`);
      }
    }
  }
  return moves;
}

function fiveFor(grid: string[][], mark: string): boolean {
  for (let r = 0; r < 6; r++) {
    for (let c = 0; c < 6; c++) {
      for (const [dr, dc] of [[0, 1], [1, 0], [1, 1], [1, -1]]) {
        let n = 0;
        while (n < 5) {
          const rr = r + dr * n;
          const cc = c + dc * n;
          if (rr < 0 || rr > 5 || cc < 0 || cc > 5 || grid[rr][cc] !== mark) break;
          n++;
        }
        if (n === 5) return true;
      }
    }
  }
  return false;
}

function refApply(ref: Ref, action: string): Ref {
  if (!refMoves(ref).includes(action)) throw new Error(`reference: ${action} is not legal`);
  const match = /^([xo])\((\d),(\d)\)_rotate_(\d)_(CW|CCW)$/.exec(action)!;
  const [r, c, q] = [Number(match[2]), Number(match[3]), Number(match[4])];
  const grid = ref.grid.map((row) => row.slice());
  grid[r][c] = MARK[ref.toMove];
  const top = q < 2 ? 0 : 3;
  const left = q % 2 === 0 ? 0 : 3;
  const block = [0, 1, 2].map((i) => [0, 1, 2].map((j) => grid[top + i][left + j]));
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      // Clockwise the block's cell (i, j) moves to (j, 2 - i); counter-clockwise to (2 - j, i).
      const [ni, nj] = match[5] === 'CW' ? [j, 2 - i] : [2 - j, i];
      grid[top + ni][left + nj] = block[i][j];
    }
  }
  const me = fiveFor(grid, MARK[ref.toMove]);
  const them = fiveFor(grid, MARK[1 - ref.toMove]);
  const full = grid.every((row) => row.every((cell) => cell !== '.'));
  const next: Ref = { grid, toMove: 1 - ref.toMove, over: me || them || full, winner: null };
  if (me && !them) next.winner = ref.toMove;
  if (them && !me) next.winner = 1 - ref.toMove;
  return next;
}

function refRewards(ref: Ref): number[] {
  if (!ref.over || ref.winner === null) return [0, 0];
  return ref.winner === 0 ? [1, -1] : [-1, 1];
}

// ---------------------------------------------------------------------------

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sorted = (xs: string[]) => xs.slice().sort();

/** Leaves at `depth` and the distinct boards among them, walking the GameCWM. */
function walkCwm(state: cwm.State, depth: number, boards: Set<string>): number {
  if (depth === 0 || cwm.getCurrentPlayer(state) === -4) {
    boards.add(state.board.join(''));
    return 1;
  }
  let total = 0;
  for (const action of cwm.getLegalActions(state)) total += walkCwm(cwm.applyAction(state, action), depth - 1, boards);
  return total;
}

function walkRef(ref: Ref, depth: number, boards: Set<string>): number {
  if (depth === 0 || ref.over) {
    boards.add(ref.grid.map((row) => row.join('')).join(''));
    return 1;
  }
  let total = 0;
  for (const action of refMoves(ref)) total += walkRef(refApply(ref, action), depth - 1, boards);
  return total;
}

function sameOutcome(state: cwm.State, ref: Ref, where: string): void {
  expect(state.board.join(''), where).toBe(ref.grid.map((row) => row.join('')).join(''));
  expect(cwm.getCurrentPlayer(state) === -4, where).toBe(ref.over);
  if (!ref.over) expect(cwm.getCurrentPlayer(state), where).toBe(ref.toMove);
  expect(cwm.getRewards(state), where).toEqual(refRewards(ref));
}

describe('pentago known counts', () => {
  it('perft 1-2 and distinct boards from the initial position: GameCWM and reference agree with the hand counts', () => {
    const known = [[288, 36], [80640, 1260]];
    for (let depth = 1; depth <= 2; depth++) {
      const cwmBoards = new Set<string>();
      const refBoards = new Set<string>();
      expect(walkCwm(cwm.getInitialState(), depth, cwmBoards), `GameCWM perft ${depth}`).toBe(known[depth - 1][0]);
      expect(walkRef(refInitial(), depth, refBoards), `reference perft ${depth}`).toBe(known[depth - 1][0]);
      expect(cwmBoards.size, `GameCWM boards ${depth}`).toBe(known[depth - 1][1]);
      expect(sorted([...cwmBoards])).toEqual(sorted([...refBoards]));
    }
  });

  it('both implementations agree at every ply of 500 random games', () => {
    const random = rng(31);
    const endings = { x: 0, o: 0, draw: 0 };
    for (let game = 0; game < 500; game++) {
      let state = cwm.getInitialState();
      let ref = refInitial();
      for (let ply = 0; ; ply++) {
        const legal = cwm.getLegalActions(state);
        expect(sorted(legal), `game ${game} ply ${ply}`).toEqual(sorted(refMoves(ref)));
        sameOutcome(state, ref, `game ${game} ply ${ply}`);
        if (ref.over) break;
        const action = legal[Math.floor(random() * legal.length)];
        state = cwm.applyAction(state, action);
        ref = refApply(ref, action);
      }
      if (ref.winner === 0) endings.x++;
      else if (ref.winner === 1) endings.o++;
      else endings.draw++;
    }
    expect(endings.x).toBeGreaterThan(0);
    expect(endings.o).toBeGreaterThan(0);
    expect(endings.draw).toBeGreaterThan(0);
  });

  it('every action from 300 random crowded positions has the same outcome in both implementations', () => {
    const random = rng(8);
    let wins = 0;
    let simultaneous = 0;
    let opponentWins = 0;
    let checked = 0;
    while (checked < 300) {
      const board: string[] = [];
      for (let i = 0; i < 36; i++) {
        const x = random();
        board.push(x < 0.3 ? 'x' : x < 0.6 ? 'o' : '.');
      }
      const ref = refFromState({ board, currentPlayer: 0, winner: null, moves: 0 });
      if (fiveFor(ref.grid, 'x') || fiveFor(ref.grid, 'o') || !board.includes('.')) continue;
      const player = random() < 0.5 ? 0 : 1;
      const moves = board.filter((cell) => cell !== '.').length;
      const state: cwm.State = { board, currentPlayer: player, winner: null, moves };
      const start: Ref = { ...ref, toMove: player };
      checked++;
      for (const action of cwm.getLegalActions(state)) {
        const next = cwm.applyAction(state, action);
        const refNext = refApply(start, action);
        sameOutcome(next, refNext, `${board.join('')} ${action}`);
        if (refNext.over && refNext.winner === player) wins++;
        if (refNext.over && refNext.winner === 1 - player) opponentWins++;
        if (refNext.over && refNext.winner === null && refNext.grid.some((row) => row.includes('.'))) simultaneous++;
      }
    }
    expect(wins).toBeGreaterThan(0);
    expect(opponentWins).toBeGreaterThan(0);
    expect(simultaneous).toBeGreaterThan(0);
  });
});
