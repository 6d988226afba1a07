// Known counts for breakthrough: perft (leaf nodes of the move tree) from the
// initial position to depth 4, derived here and cross-checked against an
// independent, deliberately simple reference written only in this file (a
// grid indexed [rank][file], moves found by trying the three forward squares;
// captures are optional, as in the paper's golden). Depth 1 is 22 by hand: the
// eight rank-2 pieces each step straight or to each diagonal on the board
// (6 * 3 + 2 * 2); depth 2 is 22 * 22 since no piece can interact yet. Random
// games and random positions compare both implementations' legal actions,
// current player, terminal state and rewards, and perft deep inside them.

import { describe, expect, it } from 'vitest';
import * as cwm from '../src/games/breakthrough/game.js';

// ---------------------------------------------------------------------------
// The independent reference implementation.

interface Ref {
  /** grid[rank][file], rank 0 is rank 1: '.', 'W' or 'B'. */
  grid: string[][];
  toMove: number;
  over: boolean;
  winner: number | null;
}

const FILES = 'abcdefgh';
const name = (rank: number, file: number) => `${FILES[file]}${rank + 1}`;

function refInitial(): Ref {
  const grid: string[][] = [];
  for (let rank = 0; rank < 8; rank++) grid.push(new Array<string>(8).fill(rank < 2 ? 'W' : rank > 5 ? 'B' : '.'));
  return { grid, toMove: 0, over: false, winner: null };
}

function refFromState(state: cwm.State): Ref {
  const grid: string[][] = [];
  for (let rank = 0; rank < 8; rank++) grid.push(state.board.slice(rank * 8, rank * 8 + 8));
  return { grid, toMove: state.currentPlayer === -4 ? 0 : state.currentPlayer, over: state.currentPlayer === -4, winner: state.winner };
}

function refMoves(ref: Ref): string[] {
  if (ref.over) return [];
  const mine = ref.toMove === 0 ? 'W' : 'B';
  const theirs = ref.toMove === 0 ? 'B' : 'W';
  const forward = ref.toMove === 0 ? 1 : -1;
  const all: string[] = [];
  for (let rank = 0; rank < 8; rank++) {
    for (let file = 0; file < 8; file++) {
      if (ref.grid[rank][file] !== mine) continue;
      const to = rank + forward;
      if (to < 0 || to > 7) continue;
      if (ref.grid[to][file] === '.') all.push(`${name(rank, file)}-${name(to, file)}`);
      for (const side of [-1, 1]) {
        const f = file + side;
        if (f < 0 || f > 7) continue;
        if (ref.grid[to][f] === '.') all.push(`${name(rank, file)}-${name(to, f)}`);
        if (ref.grid[to][f] === theirs) all.push(`${name(rank, file)}x${name(to, f)}`);
      }
    }
  }
  return all;
}

function refApply(ref: Ref, action: string): Ref {
  if (!refMoves(ref).includes(action)) throw new Error(`reference: ${action} is not legal`);
  const fromFile = FILES.indexOf(action[0]);
  const fromRank = Number(action[1]) - 1;
  const toFile = FILES.indexOf(action[3]);
  const toRank = Number(action[4]) - 1;
  const grid = ref.grid.map((row) => row.slice());
  grid[toRank][toFile] = grid[fromRank][fromFile];
  grid[fromRank][fromFile] = '.';
  const next: Ref = { grid, toMove: 1 - ref.toMove, over: false, winner: null };
  const reachedGoal = toRank === (ref.toMove === 0 ? 7 : 0);
  if (reachedGoal || refMoves(next).length === 0) return { ...next, over: true, winner: ref.toMove };
  return next;
}

function refRewards(ref: Ref): number[] {
  if (!ref.over || ref.winner === null) return [0, 0];
  return ref.winner === 0 ? [1, -1] : [-1, 1];
}

// ---------------------------------------------------------------------------

function perftCwm(state: cwm.State, depth: number): number {
  if (depth === 0 || cwm.getCurrentPlayer(state) === -4) return 1;
  let total = 0;
  for (const action of cwm.getLegalActions(state)) total += perftCwm(cwm.applyAction(state, action), depth - 1);
  return total;
}

function perftRef(ref: Ref, depth: number): number {
  if (depth === 0 || ref.over) return 1;
  let total = 0;
  for (const action of refMoves(ref)) total += perftRef(refApply(ref, action), depth - 1);
  return total;
}

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

describe('breakthrough known counts', () => {
  const known = [22, 484, 11132, 256036];

  it('perft 1-4 from the initial position: the GameCWM and the independent reference agree', () => {
    for (let depth = 1; depth <= known.length; depth++) {
      expect(perftCwm(cwm.getInitialState(), depth), `GameCWM depth ${depth}`).toBe(known[depth - 1]);
    }
    for (let depth = 1; depth <= known.length; depth++) {
      expect(perftRef(refInitial(), depth), `reference depth ${depth}`).toBe(known[depth - 1]);
    }
  });

  it('both implementations agree at every ply of 300 random games, and on perft 3 deep inside them', () => {
    const random = rng(99);
    const endings = { goal: 0, wipeout: 0, white: 0, black: 0 };
    let optionalCaptures = 0;
    let perftChecks = 0;
    for (let game = 0; game < 300; game++) {
      let state = cwm.getInitialState();
      let ref = refInitial();
      let last = '';
      for (let ply = 0; ; ply++) {
        const legal = cwm.getLegalActions(state);
        expect(sorted(legal), `game ${game} ply ${ply}`).toEqual(sorted(refMoves(ref)));
        expect(cwm.getCurrentPlayer(state) === -4).toBe(ref.over);
        expect(cwm.getRewards(state)).toEqual(refRewards(ref));
        if (ref.over) break;
        expect(cwm.getCurrentPlayer(state)).toBe(ref.toMove);
        if (legal.some((a) => a.includes('x')) && legal.some((a) => a.includes('-'))) optionalCaptures++;
        if (game % 10 === 0 && ply === 40) {
          expect(perftCwm(state, 3)).toBe(perftRef(refFromState(state), 3));
          perftChecks++;
        }
        last = legal[Math.floor(random() * legal.length)];
        state = cwm.applyAction(state, last);
        ref = refApply(ref, last);
      }
      if (ref.winner === 0) endings.white++;
      else endings.black++;
      if (last[4] === '8' || last[4] === '1') endings.goal++;
      else endings.wipeout++;
    }
    expect(endings.white).toBeGreaterThan(0);
    expect(endings.black).toBeGreaterThan(0);
    expect(endings.goal).toBeGreaterThan(0);
    expect(optionalCaptures).toBeGreaterThan(100);
    expect(perftChecks).toBeGreaterThan(10);
  });

  it('both implementations agree on 2,000 random positions (legal actions and perft 2)', () => {
    const random = rng(5);
    for (let i = 0; i < 2000; i++) {
      const board: string[] = [];
      for (let sq = 0; sq < 64; sq++) {
        const rank = Math.floor(sq / 8);
        const x = random();
        // No white piece on rank 8 and no black piece on rank 1: such a game would already be over.
        board.push(x < 0.2 && rank < 7 ? 'W' : x < 0.4 && rank > 0 ? 'B' : '.');
      }
      const state: cwm.State = { board, currentPlayer: random() < 0.5 ? 0 : 1, winner: null };
      const ref = refFromState(state);
      expect(sorted(cwm.getLegalActions(state)), `position ${i}: ${board.join('')}`).toEqual(sorted(refMoves(ref)));
      if (refMoves(ref).length === 0) continue;
      expect(perftCwm(state, 2), `position ${i}: ${board.join('')}`).toBe(perftRef(ref, 2));
    }
  });
});

describe('breakthrough off-list steps, as the paper plays them', () => {
  it('a straight step onto an opposing piece is never legal, but applies as the golden does: the piece moves and takes it', () => {
    let state = cwm.getInitialState();
    for (const action of ['a2-a3', 'h7-h6', 'a3-a4', 'h6-h5', 'a4-a5', 'h5-h4', 'a5-a6', 'h4-h3']) state = cwm.applyAction(state, action);
    expect(cwm.getLegalActions(state)).not.toContain('a6-a7');
    const after = cwm.applyAction(state, 'a6-a7');
    expect(after.board[6 * 8]).toBe('W');
    expect(after.board[5 * 8]).toBe('.');
    expect(after.board.filter((c) => c === 'B').length).toBe(15);
    expect(cwm.getCurrentPlayer(after)).toBe(1);
    const won = cwm.applyAction(cwm.applyAction(after, 'h3-h2'), 'a7-a8');
    expect(cwm.getRewards(won)).toEqual([1, -1]);
    expect(() => cwm.applyAction(state, 'b1-b2')).toThrow(/holds your own piece/);
  });
});
