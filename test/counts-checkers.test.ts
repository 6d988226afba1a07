// Known counts for checkers: perft (leaf nodes of the move tree, a multi-jump
// counting as one move) from the initial position, through the GameCWM and
// through an independent, deliberately simple reference written only here (a
// grid of rows, coordinate arithmetic, jumped pieces kept in a list rather
// than marked on the board). The published perft of American checkers is
// 7, 49, 302, 1469, 7361, 36768 (no king can exist that early, so the
// paper's variant below gives the same numbers); random games compare both
// implementations' legal actions, current player, terminal state and rewards
// at every ply (which exercises kings, long multi-jumps, blocked sides and the
// 40-action draw), and perft from positions deep in those games.
//
// The rules are the paper's golden's, where they differ from the usual ones:
// after a sequence's first jump every later jump goes forward only (kings
// included), and a 40th quiet action draws even if it leaves the opponent
// without a move (a side with no pieces left loses first).

import { describe, expect, it } from 'vitest';
import * as cwm from '../src/games/checkers/game.js';

// ---------------------------------------------------------------------------
// The independent reference implementation.

interface Ref {
  /** grid[row][col], row 0 at the top: '.', 'r', 'b', 'R', 'B'. */
  grid: string[][];
  /** 0 red (moves towards row 0), 1 black (towards row 7). */
  toMove: number;
  quiet: number;
  over: boolean;
  winner: number | null;
}

interface RefMove {
  name: string;
  path: Array<[number, number]>;
  jumped: Array<[number, number]>;
}

const inside = (r: number, c: number) => r >= 0 && r < 8 && c >= 0 && c < 8;
const owner = (piece: string) => (piece === 'r' || piece === 'R' ? 0 : piece === 'b' || piece === 'B' ? 1 : -1);
const isKing = (piece: string) => piece === 'R' || piece === 'B';

function refInitial(): Ref {
  const grid: string[][] = [];
  for (let r = 0; r < 8; r++) {
    const row: string[] = [];
    for (let c = 0; c < 8; c++) {
      const dark = (r + c) % 2 === 1;
      row.push(dark && r < 3 ? 'b' : dark && r > 4 ? 'r' : '.');
    }
    grid.push(row);
  }
  return { grid, toMove: 0, quiet: 0, over: false, winner: null };
}

function refFromState(state: cwm.State): Ref {
  const grid: string[][] = [];
  for (let r = 0; r < 8; r++) grid.push(state.board.slice(r * 8, r * 8 + 8));
  return {
    grid, toMove: state.currentPlayer === -4 ? 0 : state.currentPlayer, quiet: state.quietMoves,
    over: state.currentPlayer === -4, winner: state.winner,
  };
}

function forward(player: number): Array<[number, number]> {
  return player === 0 ? [[-1, -1], [-1, 1]] : [[1, -1], [1, 1]];
}

function directions(piece: string): Array<[number, number]> {
  if (isKing(piece)) return [[-1, -1], [-1, 1], [1, -1], [1, 1]];
  return forward(owner(piece));
}

/**
 * Complete jump sequences continuing from (r, c); the moving piece still stands on its first square
 * until the move ends. The first jump goes in the piece's directions, every later one forward only.
 */
function refJumpsFrom(
  grid: string[][], piece: string, r: number, c: number,
  jumped: Array<[number, number]>, path: Array<[number, number]>,
): RefMove[] {
  const result: RefMove[] = [];
  for (const [dr, dc] of jumped.length === 0 ? directions(piece) : forward(owner(piece))) {
    const mr = r + dr;
    const mc = c + dc;
    const lr = r + 2 * dr;
    const lc = c + 2 * dc;
    if (!inside(lr, lc)) continue;
    const victim = grid[mr][mc];
    if (owner(victim) !== 1 - owner(piece)) continue;
    if (jumped.some(([jr, jc]) => jr === mr && jc === mc)) continue;
    if (grid[lr][lc] !== '.') continue;
    const nextJumped: Array<[number, number]> = [...jumped, [mr, mc]];
    const nextPath: Array<[number, number]> = [...path, [lr, lc]];
    const further = refJumpsFrom(grid, piece, lr, lc, nextJumped, nextPath);
    if (further.length > 0) result.push(...further);
    else result.push({ name: 'jump_' + nextPath.map(([pr, pc]) => `${pr}_${pc}`).join('_'), path: nextPath, jumped: nextJumped });
  }
  return result;
}

function refMoves(ref: Ref): RefMove[] {
  if (ref.over) return [];
  const jumps: RefMove[] = [];
  const steps: RefMove[] = [];
  for (let r = 0; r < 8; r++) {
    for (let c = 0; c < 8; c++) {
      const piece = ref.grid[r][c];
      if (owner(piece) !== ref.toMove) continue;
      jumps.push(...refJumpsFrom(ref.grid, piece, r, c, [], [[r, c]]));
      for (const [dr, dc] of directions(piece)) {
        if (inside(r + dr, c + dc) && ref.grid[r + dr][c + dc] === '.') {
          steps.push({ name: `move_${r}_${c}_${r + dr}_${c + dc}`, path: [[r, c], [r + dr, c + dc]], jumped: [] });
        }
      }
    }
  }
  return jumps.length > 0 ? jumps : steps;
}

function refApply(ref: Ref, name: string): Ref {
  const move = refMoves(ref).find((m) => m.name === name);
  if (!move) throw new Error(`reference: ${name} is not legal`);
  const grid = ref.grid.map((row) => row.slice());
  const [fr, fc] = move.path[0];
  const [tr, tc] = move.path[move.path.length - 1];
  let piece = grid[fr][fc];
  grid[fr][fc] = '.';
  for (const [jr, jc] of move.jumped) grid[jr][jc] = '.';
  if (piece === 'r' && tr === 0) piece = 'R';
  if (piece === 'b' && tr === 7) piece = 'B';
  grid[tr][tc] = piece;
  const quiet = move.jumped.length > 0 ? 0 : ref.quiet + 1;
  const next: Ref = { grid, toMove: 1 - ref.toMove, quiet, over: false, winner: null };
  const opponentLeft = grid.some((row) => row.some((piece) => owner(piece) === next.toMove));
  if (!opponentLeft) return { ...next, over: true, winner: ref.toMove };
  if (quiet >= 40) return { ...next, over: true, winner: null };
  if (refMoves(next).length === 0) return { ...next, over: true, winner: ref.toMove };
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
  for (const move of refMoves(ref)) total += perftRef(refApply(ref, move.name), depth - 1);
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

describe('checkers known counts', () => {
  const known = [7, 49, 302, 1469, 7361, 36768];

  it('perft 1-6 from the initial position through the GameCWM matches the published counts', () => {
    for (let depth = 1; depth <= known.length; depth++) {
      expect(perftCwm(cwm.getInitialState(), depth), `depth ${depth}`).toBe(known[depth - 1]);
    }
  });

  it('the independent reference gives the same perft 1-5', () => {
    for (let depth = 1; depth <= 5; depth++) expect(perftRef(refInitial(), depth), `depth ${depth}`).toBe(known[depth - 1]);
  });

  it('both implementations agree at every ply of 300 random games, and on perft 3 deep inside them', () => {
    const random = rng(2024);
    const outcomes = { red: 0, black: 0, draw: 0 };
    let kingJumps = 0;
    let longJumps = 0;
    let perftChecks = 0;
    for (let game = 0; game < 300; game++) {
      let state = cwm.getInitialState();
      let ref = refInitial();
      for (let ply = 0; ; ply++) {
        const legal = cwm.getLegalActions(state);
        expect(sorted(legal), `game ${game} ply ${ply}`).toEqual(sorted(refMoves(ref).map((m) => m.name)));
        expect(cwm.getCurrentPlayer(state) === -4).toBe(ref.over);
        expect(cwm.getRewards(state)).toEqual(refRewards(ref));
        if (ref.over) break;
        expect(cwm.getCurrentPlayer(state)).toBe(ref.toMove);
        if (game % 10 === 0 && ply === 30) {
          expect(perftCwm(state, 3)).toBe(perftRef(refFromState(state), 3));
          perftChecks++;
        }
        const action = legal[Math.floor(random() * legal.length)];
        const from = action.split('_').slice(1, 3).map(Number);
        if (action.startsWith('jump') && isKing(state.board[from[0] * 8 + from[1]])) kingJumps++;
        if (action.split('_').length >= 7) longJumps++;
        state = cwm.applyAction(state, action);
        ref = refApply(ref, action);
      }
      if (ref.winner === 0) outcomes.red++;
      else if (ref.winner === 1) outcomes.black++;
      else outcomes.draw++;
    }
    // The games reach every kind of ending and the rules' corners.
    expect(outcomes.red).toBeGreaterThan(0);
    expect(outcomes.black).toBeGreaterThan(0);
    expect(outcomes.draw).toBeGreaterThan(0);
    expect(kingJumps).toBeGreaterThan(0);
    expect(longJumps).toBeGreaterThan(0);
    expect(perftChecks).toBeGreaterThan(10);
  });

  it('both implementations agree on 3,000 random king-heavy positions (legal actions and perft 2)', () => {
    // Random placements with many kings reach the multi-jump corners random games rarely do:
    // kings opening backwards and going on forwards, landing next to already-jumped pieces.
    const random = rng(77);
    let multi = 0;
    let backThenOn = 0;
    for (let i = 0; i < 3000; i++) {
      const board: string[] = [];
      for (let sq = 0; sq < 64; sq++) {
        const r = Math.floor(sq / 8);
        const dark = (r + (sq % 8)) % 2 === 1;
        const x = random();
        let piece = '.';
        if (dark && x < 0.35) piece = x < 0.12 ? 'R' : x < 0.2 ? 'b' : x < 0.27 ? 'B' : 'r';
        if ((piece === 'r' && r === 0) || (piece === 'b' && r === 7)) piece = piece.toUpperCase();
        board.push(piece);
      }
      const player = random() < 0.5 ? 0 : 1;
      const state: cwm.State = { board, currentPlayer: player, winner: null, quietMoves: 0 };
      const ref = refFromState(state);
      const legal = cwm.getLegalActions(state);
      expect(sorted(legal), `position ${i}: ${board.join('')}`).toEqual(sorted(refMoves(ref).map((m) => m.name)));
      if (legal.length === 0) continue;
      multi += legal.filter((a) => a.split('_').length >= 7).length;
      backThenOn += legal.filter((a) => {
        const rows = a.split('_').filter((_, k) => k % 2 === 1).map(Number);
        return rows.length >= 3 && (rows[1] - rows[0]) * (player === 0 ? -1 : 1) < 0;
      }).length;
      expect(perftCwm(state, 2), `position ${i}: ${board.join('')}`).toBe(perftRef(ref, 2));
    }
    expect(multi).toBeGreaterThan(100);
    expect(backThenOn).toBeGreaterThan(20);
  });
});

describe('checkers: the paper golden\'s end order and the off-list actions its scenarios play', () => {
  /** A board from "row:col:piece" entries, everything else empty. */
  function boardWith(pieces: string[]): string[] {
    const board = new Array<string>(64).fill('.');
    for (const entry of pieces) {
      const [r, c, piece] = entry.split(':');
      board[Number(r) * 8 + Number(c)] = piece;
    }
    return board;
  }

  it('a 40th quiet action that leaves the opponent blocked draws; the same action earlier wins', () => {
    // Black's last man, on (6, 1), can step only to (7, 0) or (7, 2); a red king holds (7, 0) and
    // another steps back from (6, 3) onto (7, 2), leaving black with no move.
    const board = boardWith(['6:1:b', '7:0:R', '6:3:R']);
    const before = (quietMoves: number): cwm.State => ({ board, currentPlayer: 0, winner: null, quietMoves });
    expect(cwm.getLegalActions({ ...before(0), currentPlayer: 1 }).length).toBeGreaterThan(0);
    const drawn = cwm.applyAction(before(39), 'move_6_3_7_2');
    const blocked = cwm.applyAction(before(20), 'move_6_3_7_2');
    expect(cwm.getLegalActions({ ...blocked, currentPlayer: 1 })).toEqual([]);
    expect([cwm.getCurrentPlayer(blocked), blocked.winner, cwm.getRewards(blocked)]).toEqual([-4, 0, [1, -1]]);
    expect([cwm.getCurrentPlayer(drawn), drawn.winner, cwm.getRewards(drawn)]).toEqual([-4, null, [0, 0]]);
  });

  it('a simple move while a jump is forced, and a "jump" over nothing onto a piece, apply as the golden applies them', () => {
    let state = cwm.getInitialState();
    for (const action of ['move_5_4_4_5', 'move_2_5_3_4', 'move_5_6_4_7']) state = cwm.applyAction(state, action);
    expect(cwm.getLegalActions(state)).toEqual(['jump_3_4_5_6']);
    const quiet = cwm.applyAction(state, 'move_2_7_3_6');
    expect([quiet.board[2 * 8 + 7], quiet.board[3 * 8 + 6], quiet.quietMoves, cwm.getCurrentPlayer(quiet)]).toEqual(['.', 'b', 4, 0]);

    state = cwm.getInitialState();
    for (const action of ['move_5_2_4_3', 'move_2_3_3_4']) state = cwm.applyAction(state, action);
    expect(cwm.getLegalActions(state)).not.toContain('jump_4_3_2_1');
    const jumped = cwm.applyAction(state, 'jump_4_3_2_1');
    expect([jumped.board[4 * 8 + 3], jumped.board[2 * 8 + 1], jumped.quietMoves, cwm.getCurrentPlayer(jumped)]).toEqual(['.', 'r', 0, 1]);
    expect(jumped.board.filter((piece) => piece === 'b').length).toBe(11);

    expect(() => cwm.applyAction(state, 'move_5_0_4_2')).toThrow(/is not a move of red/);
    expect(() => cwm.applyAction(state, 'move_6_1_5_0')).toThrow(/is not a move of red/);
    expect(() => cwm.applyAction(state, 'jump_6_1_4_3')).toThrow(/is not a move of red/);
    expect(() => cwm.applyAction(state, 'move_2_1_3_2')).toThrow(/is not a move of red/);
    expect(() => cwm.applyAction(state, 'move_5_0_4_1_3_2')).toThrow(/is not a move of red/);
  });
});
