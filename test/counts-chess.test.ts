// Known counts for chess: perft (leaf nodes of the full move tree) from the
// initial position and from well-known tricky positions, through the GameCWM
// itself, cross-checked against an independent, deliberately simple move
// generator written only here (a character grid, coordinate geometry, and
// legality by scanning every enemy piece for an attack on the king). Random
// games compare both implementations' legal actions, terminal states and
// rewards at every ply. The rules are the paper's golden's where they differ
// from FIDE's: 50 plies (not 100) without a pawn move or capture draw, and any
// rook leaving the a- or h-file loses that side's castling right.

import { describe, expect, it } from 'vitest';
import { chess as chessGame } from '../src/games/chess/index.js';
import * as chess from '../src/games/chess/game.js';

// ---------------------------------------------------------------------------
// The independent reference implementation.

const N = 8;
const FILES = 'abcdefgh';

interface Ref {
  /** grid[rank][file]: FEN letters, '.' for empty; rank 0 is rank 1. */
  grid: string[][];
  white: boolean;
  /** Castling rights as in FEN: any of "KQkq". */
  rights: string;
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
  kind: 'normal' | 'double' | 'ep' | 'O-O' | 'O-O-O';
}

const sq = (f: number, r: number) => `${FILES[f]}${r + 1}`;
const inside = (f: number, r: number) => f >= 0 && f < N && r >= 0 && r < N;
const isWhitePiece = (c: string) => c !== '.' && c === c.toUpperCase();
const isBlackPiece = (c: string) => c !== '.' && c === c.toLowerCase();
const ownedBy = (c: string, white: boolean) => (white ? isWhitePiece(c) : isBlackPiece(c));

function refFromFen(fen: string): Ref {
  const [placement, side, castle, ep, clock] = fen.split(' ');
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
    grid, white: side === 'w', rights: castle === '-' ? '' : castle,
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
  if (m.kind === 'O-O') {
    g[m.fr][5] = g[m.fr][7];
    g[m.fr][7] = '.';
  }
  if (m.kind === 'O-O-O') {
    g[m.fr][3] = g[m.fr][0];
    g[m.fr][0] = '.';
  }
  return g;
}

function refLegal(ref: Ref): RefMove[] {
  if (ref.over) return [];
  const white = ref.white;
  const g = ref.grid;
  const moves: RefMove[] = [];
  const add = (ff: number, fr: number, tf: number, tr: number, kind: RefMove['kind'], promo = '') => {
    const letter = g[fr][ff].toUpperCase();
    const name = kind === 'O-O' || kind === 'O-O-O' ? kind : `${letter}_${sq(ff, fr)}_${sq(tf, tr)}${promo === '' ? '' : `_${promo}`}`;
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
  const home = white ? 0 : N - 1;
  const enemy = !white;
  if (!attacked(g, 4, home, enemy)) {
    if (ref.rights.includes(white ? 'K' : 'k') && g[home][5] === '.' && g[home][6] === '.'
      && !attacked(g, 5, home, enemy) && !attacked(g, 6, home, enemy)) {
      legal.push({ name: 'O-O', ff: 4, fr: home, tf: 6, tr: home, promo: '', kind: 'O-O' });
    }
    if (ref.rights.includes(white ? 'Q' : 'q') && g[home][3] === '.' && g[home][2] === '.' && g[home][1] === '.'
      && !attacked(g, 3, home, enemy) && !attacked(g, 2, home, enemy)) {
      legal.push({ name: 'O-O-O', ff: 4, fr: home, tf: 2, tr: home, promo: '', kind: 'O-O-O' });
    }
  }
  return legal;
}

function refPlay(ref: Ref, action: string): Ref {
  const m = refLegal(ref).find((x) => x.name === action);
  if (!m) throw new Error(`reference: ${action} is illegal`);
  const piece = ref.grid[m.fr][m.ff];
  const capture = m.kind === 'ep' || ref.grid[m.tr][m.tf] !== '.';
  const grid = moveGrid(ref.grid, m);
  let rights = ref.rights;
  const touched = [sq(m.ff, m.fr), sq(m.tf, m.tr)];
  const drop = (flag: string) => { rights = rights.replace(flag, ''); };
  if (piece === 'K') { drop('K'); drop('Q'); }
  if (piece === 'k') { drop('k'); drop('q'); }
  if (touched.includes('h1')) drop('K');
  if (touched.includes('a1')) drop('Q');
  if (touched.includes('h8')) drop('k');
  if (touched.includes('a8')) drop('q');
  if (piece === 'R' && m.ff === 0) drop('Q');
  if (piece === 'R' && m.ff === N - 1) drop('K');
  if (piece === 'r' && m.ff === 0) drop('q');
  if (piece === 'r' && m.ff === N - 1) drop('k');
  const next: Ref = {
    grid, white: !ref.white, rights,
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
  } else if (next.clock >= 50) {
    next.over = true;
    next.result = 'quiet-move rule';
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
  let ref = refFromFen('rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1');
  for (const action of actions) ref = refPlay(ref, action);
  return ref;
}

/** A GameCWM state from FEN (the state is plain JSON, so a test may build one directly). */
function stateFromFen(fen: string): chess.State {
  const ref = refFromFen(fen);
  const [kf, kr] = kingSquare(ref.grid, ref.white);
  return {
    board: ref.grid.map((row) => row.join('')).join(''),
    currentPlayer: ref.white ? 0 : 1,
    castling: ['K', 'Q', 'k', 'q'].map((flag) => (ref.rights.includes(flag) ? flag : '-')).join(''),
    enPassant: ref.ep === null ? -1 : ref.ep[1] * N + ref.ep[0],
    halfmoveClock: ref.clock,
    inCheck: attacked(ref.grid, kf, kr, !ref.white),
    winner: null,
    result: '',
  };
}

function sorted(actions: string[]): string[] {
  return actions.slice().sort();
}

/** Kiwipete (r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq -) reached by legal moves. */
const KIWIPETE_MOVES = [
  'P_e2_e4', 'P_e7_e6', 'P_d2_d4', 'P_g7_g6', 'P_d4_d5', 'B_f8_g7', 'N_b1_c3', 'P_h7_h5', 'N_g1_f3', 'P_h5_h4',
  'N_f3_e5', 'P_h4_h3', 'Q_d1_f3', 'P_b7_b5', 'B_c1_d2', 'P_b5_b4', 'B_f1_e2', 'B_c8_a6', 'N_c3_b1', 'Q_d8_e7',
  'N_b1_c3', 'N_g8_f6', 'N_c3_b1', 'N_b8_c6', 'N_b1_c3', 'N_c6_a5', 'N_c3_b1', 'N_a5_c4', 'N_b1_c3', 'N_c4_b6',
];

// ---------------------------------------------------------------------------

describe('chess known counts', () => {
  it('perft from the initial position through the GameCWM: 20, 400, 8902, 197281', () => {
    const initial = chess.getInitialState();
    expect([1, 2, 3, 4].map((d) => perft(initial, d))).toEqual([20, 400, 8902, 197281]);
  }, 20_000);

  it('the independent generator agrees from the initial position to depth 3', () => {
    const ref = refFromFen('rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1');
    expect([1, 2, 3].map((d) => refPerft(ref, d))).toEqual([20, 400, 8902]);
    expect(sorted(chess.getLegalActions(chess.getInitialState()))).toEqual(sorted(refLegal(ref).map((m) => m.name)));
  }, 20_000);

  it('Kiwipete, reached by 30 legal moves: perft 48, 2039, 97862 (independent generator to depth 3)', () => {
    const ref = refPlayAll(KIWIPETE_MOVES);
    expect(refPlacement(ref)).toBe('r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R');
    expect(ref.rights).toBe('KQkq');
    const state = play(KIWIPETE_MOVES);
    expect(state).toEqual(stateFromFen('r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 14 16'));
    expect([1, 2, 3].map((d) => perft(state, d))).toEqual([48, 2039, 97862]);
    expect([1, 2, 3].map((d) => refPerft(ref, d))).toEqual([48, 2039, 97862]);
  }, 20_000);

  it('perft on the standard test positions 3, 4 and 5, both implementations', () => {
    const cases: Array<[string, number[], number]> = [
      // en passant pins along a rank, checks by pawns
      ['8/2p5/3p4/KP5r/1R3p1k/8/4P1P1/8 w - - 0 1', [14, 191, 2812, 43238], 3],
      // promotions with captures, castling rights of one side only
      ['r3k2r/Pppp1ppp/1b3nbN/nP6/BBP1P3/q4N2/Pp1P2PP/R2Q1RK1 w kq - 0 1', [6, 264, 9467], 3],
      // promotion with check, castling, a discovered-check-prone position
      ['rnbq1k1r/pp1Pbppp/2p5/8/2B5/8/PPP1NnPP/RNBQK2R w KQ - 1 8', [44, 1486, 62379], 3],
    ];
    for (const [fen, counts, refDepth] of cases) {
      const state = stateFromFen(fen);
      expect(counts.map((_, i) => perft(state, i + 1))).toEqual(counts);
      const ref = refFromFen(fen);
      expect(counts.slice(0, refDepth).map((_, i) => refPerft(ref, i + 1))).toEqual(counts.slice(0, refDepth));
    }
  }, 20_000);

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
    for (let game = 0; game < 100; game++) {
      let state = chess.getInitialState();
      let ref = refFromFen('rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1');
      // Half the games prefer captures and promotions, to reach endgames quickly.
      const greedy = game % 2 === 1;
      for (;;) {
        const legal = chess.getLegalActions(state);
        expect(sorted(legal)).toEqual(sorted(refLegal(ref).map((m) => m.name)));
        expect(chess.getCurrentPlayer(state)).toBe(ref.over ? -4 : ref.white ? 0 : 1);
        if (legal.length === 0) break;
        let pool = legal;
        if (greedy) {
          const forcing = legal.filter((a) => a.length > 7 || (a.length === 7 && ref.grid[Number(a[6]) - 1][FILES.indexOf(a[5])] !== '.'));
          if (forcing.length > 0 && random() < 0.8) pool = forcing;
        }
        const action = pool[Math.floor(random() * pool.length)];
        state = chess.applyAction(state, action);
        ref = refPlay(ref, action);
      }
      expect(state.result).toBe(ref.result);
      expect(chess.getRewards(state)).toEqual(ref.winner === null ? [0, 0] : ref.winner === 0 ? [1, -1] : [-1, 1]);
      endings[ref.result] = (endings[ref.result] ?? 0) + 1;
    }
    // The seeded games reach every kind of ending.
    expect(Object.keys(endings).sort()).toEqual(['checkmate', 'insufficient material', 'quiet-move rule', 'stalemate']);
  }, 300_000);

  it('every scenario replays identically in the independent generator', () => {
    for (const scenario of chessGame.scenarios) {
      const state = play(scenario.actions);
      const ref = refPlayAll(scenario.actions);
      expect(sorted(chess.getLegalActions(state))).toEqual(sorted(refLegal(ref).map((m) => m.name)));
      expect(state.result).toBe(ref.result);
      expect(chess.getCurrentPlayer(state)).toBe(ref.over ? -4 : ref.white ? 0 : 1);
    }
  }, 20_000);

  it('a rook leaving the a-file, even the h1 rook, loses the queen-side right; until then O-O-O stays legal', () => {
    const trip = [
      'P_h2_h4', 'N_g8_f6', 'R_h1_h3', 'N_f6_g8', 'R_h3_a3', 'N_g8_f6', 'P_d2_d3', 'N_f6_g8', 'B_c1_e3', 'N_g8_f6',
      'Q_d1_d2', 'N_f6_g8', 'N_b1_c3', 'N_g8_f6',
    ];
    const before = play(trip);
    expect(before.castling).toBe('-Qkq');
    expect(chess.getLegalActions(before)).toContain('O-O-O');
    expect(refLegal(refPlayAll(trip)).map((m) => m.name)).toContain('O-O-O');
    const after = play([...trip, 'R_a3_b3', 'N_f6_g8']);
    expect(after.castling).toBe('--kq');
    expect(refPlayAll([...trip, 'R_a3_b3', 'N_f6_g8']).rights).toBe('kq');
  });

  it('a promotion to a lone knight or bishop ends the game by insufficient material; to a queen it does not', () => {
    const fen = '8/4P3/8/8/8/8/k7/4K3 w - - 0 60';
    for (const [promo, over] of [['N', true], ['B', true], ['Q', false], ['R', false]] as const) {
      const state = chess.applyAction(stateFromFen(fen), `P_e7_e8_${promo}`);
      const ref = refPlay(refFromFen(fen), `P_e7_e8_${promo}`);
      expect(chess.getCurrentPlayer(state) === -4).toBe(over);
      expect(ref.over).toBe(over);
      if (over) expect(state.result).toBe('insufficient material');
    }
  });
});
