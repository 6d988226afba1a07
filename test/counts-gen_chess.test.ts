// Known counts for Gardner minichess (gen_chess): perft (leaf nodes of the
// full move tree) from the initial position through the GameCWM, derived by
// hand to depth 2 (7, 53) and cross-checked to depth 5 against an independent,
// deliberately simple move generator written only here (a character grid,
// coordinate geometry, legality by scanning every enemy piece for an attack on
// the king). Random games and every scenario compare both implementations'
// legal actions, terminal states and rewards at every ply.

import { describe, expect, it } from 'vitest';
import { genChess } from '../src/games/gen_chess/index.js';
import * as chess from '../src/games/gen_chess/game.js';

// ---------------------------------------------------------------------------
// The independent reference implementation.

const N = 5;
const FILES = 'abcde';
const START = 'rnbqk/ppppp/5/PPPPP/RNBQK w - - 0 1';

interface Ref {
  /** grid[rank][file]: FEN letters, '.' for empty; rank 0 is rank 1. */
  grid: string[][];
  white: boolean;
  /** [file, rank] of the square skipped by a double step on the last move. */
  ep: [number, number] | null;
  clock: number;
  over: boolean;
  winner: number | null;
  result: string;
}

interface RefMove {
  name: string;
  ff: number;
  fr: number;
  tf: number;
  tr: number;
  promo: string;
  kind: 'normal' | 'double' | 'ep';
}

const sq = (f: number, r: number) => `${FILES[f]}${r + 1}`;
const inside = (f: number, r: number) => f >= 0 && f < N && r >= 0 && r < N;
const isWhitePiece = (c: string) => c !== '.' && c === c.toUpperCase();
const isBlackPiece = (c: string) => c !== '.' && c === c.toLowerCase();
const ownedBy = (c: string, white: boolean) => (white ? isWhitePiece(c) : isBlackPiece(c));

function refFromFen(fen: string): Ref {
  const [placement, side, , ep, clock] = fen.split(' ');
  const grid: string[][] = [];
  for (let r = 0; r < N; r++) grid.push(new Array<string>(N).fill('.'));
  placement.split('/').forEach((row, i) => {
    let f = 0;
    for (const ch of row) {
      if (ch >= '1' && ch <= '9') f += Number(ch);
      else grid[N - 1 - i][f++] = ch;
    }
  });
  return {
    grid, white: side === 'w',
    ep: ep === '-' ? null : [FILES.indexOf(ep[0]), Number(ep.slice(1)) - 1],
    clock: Number(clock ?? 0), over: false, winner: null, result: '',
  };
}

function refPlacement(ref: Ref): string {
  const rows: string[] = [];
  for (let r = N - 1; r >= 0; r--) {
    let row = '';
    let empty = 0;
    for (let f = 0; f < N; f++) {
      const c = ref.grid[r][f];
      if (c === '.') empty++;
      else {
        if (empty > 0) row += String(empty);
        empty = 0;
        row += c;
      }
    }
    if (empty > 0) row += String(empty);
    rows.push(row);
  }
  return rows.join('/');
}

/** Does the piece on (pf, pr) attack (f, r)? */
function pieceAttacks(grid: string[][], pf: number, pr: number, f: number, r: number): boolean {
  const c = grid[pr][pf];
  const kind = c.toUpperCase();
  const df = f - pf;
  const dr = r - pr;
  if (df === 0 && dr === 0) return false;
  if (kind === 'P') return Math.abs(df) === 1 && dr === (isWhitePiece(c) ? 1 : -1);
  if (kind === 'N') return (Math.abs(df) === 1 && Math.abs(dr) === 2) || (Math.abs(df) === 2 && Math.abs(dr) === 1);
  if (kind === 'K') return Math.abs(df) <= 1 && Math.abs(dr) <= 1;
  const straight = df === 0 || dr === 0;
  const diagonal = Math.abs(df) === Math.abs(dr);
  if (kind === 'R' && !straight) return false;
  if (kind === 'B' && !diagonal) return false;
  if (kind === 'Q' && !straight && !diagonal) return false;
  const sf = Math.sign(df);
  const sr = Math.sign(dr);
  for (let x = pf + sf, y = pr + sr; x !== f || y !== r; x += sf, y += sr) {
    if (grid[y][x] !== '.') return false;
  }
  return true;
}

function attacked(grid: string[][], f: number, r: number, byWhite: boolean): boolean {
  for (let y = 0; y < N; y++) {
    for (let x = 0; x < N; x++) {
      if (ownedBy(grid[y][x], byWhite) && pieceAttacks(grid, x, y, f, r)) return true;
    }
  }
  return false;
}

function kingSquare(grid: string[][], white: boolean): [number, number] {
  for (let y = 0; y < N; y++) {
    for (let x = 0; x < N; x++) if (grid[y][x] === (white ? 'K' : 'k')) return [x, y];
  }
  throw new Error('no king');
}

function moveGrid(grid: string[][], m: RefMove): string[][] {
  const g = grid.map((row) => row.slice());
  const piece = g[m.fr][m.ff];
  g[m.fr][m.ff] = '.';
  g[m.tr][m.tf] = m.promo === '' ? piece : (isWhitePiece(piece) ? m.promo : m.promo.toLowerCase());
  if (m.kind === 'ep') g[m.fr][m.tf] = '.';
  return g;
}

function refLegal(ref: Ref): RefMove[] {
  if (ref.over) return [];
  const white = ref.white;
  const g = ref.grid;
  const moves: RefMove[] = [];
  const add = (ff: number, fr: number, tf: number, tr: number, kind: RefMove['kind'], promo = '') => {
    const letter = g[fr][ff].toUpperCase();
    const name = `${letter}_${sq(ff, fr)}_${sq(tf, tr)}${promo === '' ? '' : `_${promo}`}`;
    moves.push({ name, ff, fr, tf, tr, promo, kind });
  };
  for (let fr = 0; fr < N; fr++) {
    for (let ff = 0; ff < N; ff++) {
      const c = g[fr][ff];
      if (!ownedBy(c, white)) continue;
      const kind = c.toUpperCase();
      if (kind === 'P') {
        const dir = white ? 1 : -1;
        const last = white ? N - 1 : 0;
        const pawnTo = (tf: number, tr: number, k: RefMove['kind']) => {
          if (tr === last) for (const p of ['Q', 'R', 'B', 'N']) add(ff, fr, tf, tr, k, p);
          else add(ff, fr, tf, tr, k);
        };
        if (inside(ff, fr + dir) && g[fr + dir][ff] === '.') {
          pawnTo(ff, fr + dir, 'normal');
          const start = white ? 1 : N - 2;
          if (fr === start && g[fr + 2 * dir][ff] === '.') add(ff, fr, ff, fr + 2 * dir, 'double');
        }
        for (const df of [-1, 1]) {
          const tf = ff + df;
          const tr = fr + dir;
          if (!inside(tf, tr)) continue;
          if (ownedBy(g[tr][tf], !white)) pawnTo(tf, tr, 'normal');
          else if (ref.ep !== null && ref.ep[0] === tf && ref.ep[1] === tr) add(ff, fr, tf, tr, 'ep');
        }
        continue;
      }
      // Every other piece: any square it attacks that does not hold an own piece.
      for (let tr = 0; tr < N; tr++) {
        for (let tf = 0; tf < N; tf++) {
          if (!ownedBy(g[tr][tf], white) && pieceAttacks(g, ff, fr, tf, tr)) add(ff, fr, tf, tr, 'normal');
        }
      }
    }
  }
  const legal = moves.filter((m) => {
    const after = moveGrid(g, m);
    const [kf, kr] = kingSquare(after, white);
    return !attacked(after, kf, kr, !white);
  });
  return legal;
}

function refPlay(ref: Ref, action: string): Ref {
  const m = refLegal(ref).find((x) => x.name === action);
  if (!m) throw new Error(`reference: ${action} is illegal`);
  const piece = ref.grid[m.fr][m.ff];
  const capture = m.kind === 'ep' || ref.grid[m.tr][m.tf] !== '.';
  const grid = moveGrid(ref.grid, m);
  const next: Ref = {
    grid, white: !ref.white,
    ep: m.kind === 'double' ? [m.ff, (m.fr + m.tr) / 2] : null,
    clock: piece.toUpperCase() === 'P' || capture ? 0 : ref.clock + 1,
    over: false, winner: null, result: '',
  };
  if (refLegal(next).length === 0) {
    const [kf, kr] = kingSquare(grid, next.white);
    next.over = true;
    if (attacked(grid, kf, kr, ref.white)) {
      next.winner = ref.white ? 0 : 1;
      next.result = 'checkmate';
    } else next.result = 'stalemate';
  } else if (next.clock >= 100) {
    next.over = true;
    next.result = 'fifty-move rule';
  } else {
    const rest = grid.flat().filter((c) => c !== '.' && c.toUpperCase() !== 'K').map((c) => c.toUpperCase());
    if (rest.length === 0 || (rest.length === 1 && (rest[0] === 'B' || rest[0] === 'N'))) {
      next.over = true;
      next.result = 'insufficient material';
    }
  }
  return next;
}

function refPerft(ref: Ref, depth: number): number {
  const moves = refLegal(ref);
  if (depth === 1) return moves.length;
  let n = 0;
  for (const m of moves) n += refPerft(refPlay(ref, m.name), depth - 1);
  return n;
}

// ---------------------------------------------------------------------------
// GameCWM helpers.

function perft(state: chess.State, depth: number): number {
  if (depth === 0) return 1;
  let n = 0;
  for (const action of chess.getLegalActions(state)) n += perft(chess.applyAction(state, action), depth - 1);
  return n;
}

function play(actions: string[]): chess.State {
  let state = chess.getInitialState();
  for (const action of actions) state = chess.applyAction(state, action);
  return state;
}

function refPlayAll(actions: string[]): Ref {
  let ref = refFromFen(START);
  for (const action of actions) ref = refPlay(ref, action);
  return ref;
}

function sorted(actions: string[]): string[] {
  return actions.slice().sort();
}

// ---------------------------------------------------------------------------

describe('gen_chess known counts', () => {
  it('perft from the initial position through the GameCWM: 7, 53, 517, 4949, 55763', () => {
    const initial = chess.getInitialState();
    expect([1, 2, 3, 4, 5].map((d) => perft(initial, d))).toEqual([7, 53, 517, 4949, 55763]);
  }, 20_000);

  it('the independent generator agrees from the initial position to depth 5', () => {
    const ref = refFromFen(START);
    expect([1, 2, 3, 4, 5].map((d) => refPerft(ref, d))).toEqual([7, 53, 517, 4949, 55763]);
    expect(sorted(chess.getLegalActions(chess.getInitialState()))).toEqual(sorted(refLegal(ref).map((m) => m.name)));
  }, 20_000);

  it('every scenario replays identically in the independent generator', () => {
    for (const scenario of genChess.scenarios) {
      const state = play(scenario.actions);
      const ref = refPlayAll(scenario.actions);
      expect(sorted(chess.getLegalActions(state))).toEqual(sorted(refLegal(ref).map((m) => m.name)));
      expect(state.result).toBe(ref.result);
      expect(chess.getCurrentPlayer(state)).toBe(ref.over ? -4 : ref.white ? 0 : 1);
    }
  });

  it('random games: both implementations agree on legal actions, ends and rewards at every ply', () => {
    // mulberry32: a small seeded generator (test code, so bit operations are fine here)
    let seed = 7;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const endings: Record<string, number> = {};
    for (let game = 0; game < 400; game++) {
      let state = chess.getInitialState();
      let ref = refFromFen(START);
      for (;;) {
        const legal = chess.getLegalActions(state);
        expect(sorted(legal)).toEqual(sorted(refLegal(ref).map((m) => m.name)));
        expect(chess.getCurrentPlayer(state)).toBe(ref.over ? -4 : ref.white ? 0 : 1);
        if (legal.length === 0) break;
        const action = legal[Math.floor(random() * legal.length)];
        state = chess.applyAction(state, action);
        ref = refPlay(ref, action);
      }
      expect(state.result).toBe(ref.result);
      expect(chess.getRewards(state)).toEqual(ref.winner === null ? [0, 0] : ref.winner === 0 ? [1, -1] : [-1, 1]);
      endings[ref.result] = (endings[ref.result] ?? 0) + 1;
    }
    // The seeded games reach every kind of ending.
    expect(Object.keys(endings).sort()).toEqual(['checkmate', 'fifty-move rule', 'insufficient material', 'stalemate']);
  }, 30_000);

  it('pawns double-step and capture en passant the same way in both implementations', () => {
    const actions = ['P_d2_d3', 'P_e4_d3', 'P_e2_e4'];
    const ref = refPlayAll(actions);
    expect(ref.ep).toEqual([4, 2]);
    expect(play(actions).enPassant).toBe(2 * N + 4);
    expect(refLegal(ref).find((m) => m.name === 'P_d4_e3')?.kind).toBe('ep');
    expect(play([...actions, 'P_d4_e3']).board[3 * N + 4]).toBe('.');
  });
});
