// Gardner's 5x5 minichess as a GameCWM: the chess pieces on a 5 by 5 board
// with pawn double steps, en passant, promotion, check, checkmate, stalemate,
// the fifty-move rule and insufficient material; no castling and no threefold
// repetition. Written in the contract's subset: pure functions over JSON state.
//
// Speed: the state holds only strings and numbers (the board is one 25-character
// string), so copying or serialising it is cheap. Each call decodes the board
// once into an array of 25 small integers (a1 = 0, b1 = 1, ..., e5 = 24; White
// 1..6 = P N B R Q K, Black -1..-6, 0 empty) that it owns. Every square's knight
// jumps, king steps, pawn captures and sliding rays are precomputed, so move
// generation never tests for the board's edge. A move is one integer
// (slot * 625 + from * 25 + to, the slot naming the piece or the special
// move) that indexes a precomputed table of action strings; one lookup table
// parses actions back. A pseudo-legal move is tested for king safety (make on
// the decoded array, look for an attack on the king, unmake) only when it could
// matter: in check, king moves, en passant; a piece on a line with its king
// only has that one line scanned.

export type Action = string;

export interface State {
  /** 25 characters, one per square: a1, b1, ..., e1, a2, ..., e5. "PNBRQK" White, "pnbrqk" Black, "." empty. */
  board: string;
  /** 0 (White) or 1 (Black) to move, or -4 once the game is over. */
  currentPlayer: number;
  /** The square a pawn skipped with a double step on the last move, else -1. */
  enPassant: number;
  /** Plies since the last pawn move or capture (the game is drawn at 100). */
  halfmoveClock: number;
  /** Whether the player to move (at the end: the player who would move) is in check. */
  inCheck: boolean;
  /** 0 or 1 once someone is checkmated, else null. */
  winner: number | null;
  /** "" while the game goes on; else "checkmate", "stalemate", "fifty-move rule" or "insufficient material". */
  result: string;
}

/**
 * Both players see the position: board, en passant square and clock. Like the
 * paper's golden it does not say whose turn it is nor how the game ended, so
 * it separates exactly the situations the golden's does.
 */
export interface Observation {
  board: string;
  enPassant: number;
  halfmoveClock: number;
}

const TERMINAL = -4;
const SIZE = 5;
const SQUARES = 25;
/** Number of (from, to) square pairs: the stride of a move integer's slot. */
const PAIRS = SQUARES * SQUARES;
const PAWN = 1;
const KNIGHT = 2;
const BISHOP = 3;
const ROOK = 4;
const QUEEN = 5;
const KING = 6;
const PIECE_LETTERS = ['', 'P', 'N', 'B', 'R', 'Q', 'K'];
/** PIECE_CHARS[value + 6]: the board character of a piece value (-6..6). */
const PIECE_CHARS = ['k', 'q', 'r', 'b', 'n', 'p', '.', 'P', 'N', 'B', 'R', 'Q', 'K'];
const FILE_LETTERS = ['a', 'b', 'c', 'd', 'e'];
/**
 * A move is the integer slot * PAIRS + from * SQUARES + to. Slots 1..6: an
 * ordinary move of that piece type (P N B R Q K); PROMOTION_SLOT + p: a pawn
 * promoting to piece type p (2..5, so slots 7..10); then a pawn's double step
 * and an en passant capture.
 */
const PROMOTION_SLOT = 5;
const DOUBLE_STEP = 11;
const EN_PASSANT = 12;
const SLOTS = 13;
/** Plies without a pawn move or capture that draw the game. */
const FIFTY_MOVE_PLIES = 100;
/** Directions as [file step, rank step]: 0..3 orthogonal, 4..7 diagonal. */
const DIRECTIONS = [[0, 1], [0, -1], [1, 0], [-1, 0], [1, 1], [1, -1], [-1, 1], [-1, -1]];
const KNIGHT_STEPS = [[1, 2], [2, 1], [2, -1], [1, -2], [-1, -2], [-2, -1], [-2, 1], [-1, 2]];

function fileOf(square: number): number {
  return square - SIZE * Math.floor(square / SIZE);
}

function rankOf(square: number): number {
  return Math.floor(square / SIZE);
}

function onBoard(file: number, rank: number): boolean {
  return file >= 0 && file < SIZE && rank >= 0 && rank < SIZE;
}

function buildCodeValues(): number[] {
  const values: number[] = [];
  for (let code = 0; code < 128; code++) values.push(0);
  for (let v = -KING; v <= KING; v++) values[PIECE_CHARS[v + KING].charCodeAt(0)] = v;
  return values;
}

/** CODE_VALUES[character code]: the piece value of a board character. */
const CODE_VALUES = buildCodeValues();

/** The board string as a fresh array of piece values. */
function decode(board: string): number[] {
  const cells: number[] = [];
  for (let sq = 0; sq < SQUARES; sq++) cells.push(CODE_VALUES[board.charCodeAt(sq)]);
  return cells;
}

/** The board string with `square` set to `value`. */
function setSquare(board: string, square: number, value: number): string {
  return board.slice(0, square) + PIECE_CHARS[value + KING] + board.slice(square + 1);
}

function buildSquareNames(): string[] {
  const names: string[] = [];
  for (let sq = 0; sq < SQUARES; sq++) names.push(FILE_LETTERS[fileOf(sq)] + String(rankOf(sq) + 1));
  return names;
}

/** SQUARE_NAMES[sq], e.g. "e4". */
const SQUARE_NAMES = buildSquareNames();

function buildJumps(steps: number[][]): number[][] {
  const table: number[][] = [];
  for (let sq = 0; sq < SQUARES; sq++) {
    const targets: number[] = [];
    for (const step of steps) {
      const f = fileOf(sq) + step[0];
      const r = rankOf(sq) + step[1];
      if (onBoard(f, r)) targets.push(r * SIZE + f);
    }
    table.push(targets);
  }
  return table;
}

/** Squares a knight / king on a square reaches. */
const KNIGHT_TARGETS = buildJumps(KNIGHT_STEPS);
const KING_TARGETS = buildJumps(DIRECTIONS);

function buildRays(): number[][] {
  const rays: number[][] = [];
  for (let sq = 0; sq < SQUARES; sq++) {
    for (let d = 0; d < 8; d++) {
      const ray: number[] = [];
      let f = fileOf(sq) + DIRECTIONS[d][0];
      let r = rankOf(sq) + DIRECTIONS[d][1];
      while (onBoard(f, r)) {
        ray.push(r * SIZE + f);
        f += DIRECTIONS[d][0];
        r += DIRECTIONS[d][1];
      }
      rays.push(ray);
    }
  }
  return rays;
}

/** RAYS[sq * 8 + d]: the squares from sq outward in direction d, nearest first. */
const RAYS = buildRays();

function buildPawnCaptures(color: number): number[][] {
  const forward = color === 0 ? 1 : -1;
  const table: number[][] = [];
  for (let sq = 0; sq < SQUARES; sq++) {
    const targets: number[] = [];
    for (const df of [-1, 1]) {
      const f = fileOf(sq) + df;
      const r = rankOf(sq) + forward;
      if (onBoard(f, r)) targets.push(r * SIZE + f);
    }
    table.push(targets);
  }
  return table;
}

/** PAWN_CAPTURES[color][sq]: the squares a pawn of that color on sq attacks. */
const PAWN_CAPTURES = [buildPawnCaptures(0), buildPawnCaptures(1)];

function buildLineDirections(): number[] {
  const table: number[] = [];
  for (let a = 0; a < SQUARES * SQUARES; a++) table.push(-1);
  for (let a = 0; a < SQUARES; a++) {
    for (let d = 0; d < 8; d++) {
      for (const b of RAYS[a * 8 + d]) table[a * SQUARES + b] = d;
    }
  }
  return table;
}

/** LINE_DIRECTION[a * SQUARES + b]: the direction d with b on RAYS[a * 8 + d], or -1 if a and b share no line. */
const LINE_DIRECTION = buildLineDirections();

/** Squares a piece of `type` on `from` could reach on some board (pawns of either color). */
function geometricTargets(type: number, from: number): number[] {
  if (type === KNIGHT) return KNIGHT_TARGETS[from];
  if (type === KING) return KING_TARGETS[from];
  if (type === PAWN) {
    const targets: number[] = [];
    const rank = rankOf(from);
    if (rank === 0 || rank === SIZE - 1) return targets;
    for (let color = 0; color < 2; color++) {
      const forward = color === 0 ? SIZE : -SIZE;
      targets.push(from + forward);
      if (rank === (color === 0 ? 1 : SIZE - 2)) targets.push(from + 2 * forward);
      for (const t of PAWN_CAPTURES[color][from]) targets.push(t);
    }
    return targets;
  }
  const targets: number[] = [];
  const first = type === BISHOP ? 4 : 0;
  const last = type === ROOK ? 4 : 8;
  for (let d = first; d < last; d++) {
    for (const t of RAYS[from * 8 + d]) targets.push(t);
  }
  return targets;
}

interface ActionTables {
  /** names[move]: the action string of a move integer, "" for none. */
  names: string[];
  /** lookup[action]: the move integer an action string stands for (pawn moves in slot 1). */
  lookup: Record<string, number>;
}

function buildActionTables(): ActionTables {
  const tables: ActionTables = { names: [], lookup: {} };
  for (let i = 0; i < SLOTS * PAIRS; i++) tables.names.push('');
  const add = (move: number, name: string): void => {
    tables.names[move] = name;
    if (typeof tables.lookup[name] !== 'number') tables.lookup[name] = move;
  };
  for (let type = PAWN; type <= KING; type++) {
    for (let from = 0; from < SQUARES; from++) {
      for (const to of geometricTargets(type, from)) {
        const fromTo = from * SQUARES + to;
        const base = PIECE_LETTERS[type] + '_' + SQUARE_NAMES[from] + '_' + SQUARE_NAMES[to];
        const toRank = rankOf(to);
        if (type !== PAWN) {
          add(type * PAIRS + fromTo, base);
        } else if (toRank === 0 || toRank === SIZE - 1) {
          for (let promo = KNIGHT; promo <= QUEEN; promo++) add((PROMOTION_SLOT + promo) * PAIRS + fromTo, base + '_' + PIECE_LETTERS[promo]);
        } else {
          add(PAWN * PAIRS + fromTo, base);
          add(DOUBLE_STEP * PAIRS + fromTo, base);
          add(EN_PASSANT * PAIRS + fromTo, base);
        }
      }
    }
  }
  return tables;
}

const TABLES = buildActionTables();
const NAMES = TABLES.names;
const LOOKUP = TABLES.lookup;

/** Whether `square` is attacked by a piece of `byColor` (0 White, 1 Black). */
function isAttacked(board: number[], square: number, byColor: number): boolean {
  const s = byColor === 0 ? 1 : -1;
  for (const t of PAWN_CAPTURES[1 - byColor][square]) {
    if (board[t] === s) return true;
  }
  const knight = KNIGHT * s;
  for (const t of KNIGHT_TARGETS[square]) {
    if (board[t] === knight) return true;
  }
  const king = KING * s;
  for (const t of KING_TARGETS[square]) {
    if (board[t] === king) return true;
  }
  const queen = QUEEN * s;
  const rook = ROOK * s;
  const bishop = BISHOP * s;
  for (let d = 0; d < 8; d++) {
    const ray = RAYS[square * 8 + d];
    const slider = d < 4 ? rook : bishop;
    for (let i = 0; i < ray.length; i++) {
      const p = board[ray[i]];
      if (p !== 0) {
        if (p === slider || p === queen) return true;
        break;
      }
    }
  }
  return false;
}

function pushPawnMove(out: number[], fromTo: number, to: number): void {
  const r = rankOf(to);
  if (r === 0 || r === SIZE - 1) {
    for (let promo = QUEEN; promo >= KNIGHT; promo--) out.push((PROMOTION_SLOT + promo) * PAIRS + fromTo);
  } else {
    out.push(PAWN * PAIRS + fromTo);
  }
}

/**
 * Pseudo-legal moves (king safety not yet checked) of the
 * piece of `type` and `color` on `from`, appended to `out` as move integers.
 */
function generateFrom(board: number[], from: number, type: number, color: number, enPassant: number, out: number[]): void {
  const s = color === 0 ? 1 : -1;
  const base = from * SQUARES;
  if (type === PAWN) {
    const forward = color === 0 ? SIZE : -SIZE;
    const one = from + forward;
    if (board[one] === 0) {
      pushPawnMove(out, base + one, one);
      if (rankOf(from) === (color === 0 ? 1 : SIZE - 2) && board[one + forward] === 0) {
        out.push(DOUBLE_STEP * PAIRS + base + one + forward);
      }
    }
    for (const t of PAWN_CAPTURES[color][from]) {
      if (board[t] * s < 0) pushPawnMove(out, base + t, t);
      else if (t === enPassant) out.push(EN_PASSANT * PAIRS + base + t);
    }
    return;
  }
  const slot = type * PAIRS + base;
  if (type === KNIGHT || type === KING) {
    const targets = type === KNIGHT ? KNIGHT_TARGETS[from] : KING_TARGETS[from];
    for (const t of targets) {
      if (board[t] * s <= 0) out.push(slot + t);
    }
    return;
  }
  const first = type === BISHOP ? 4 : 0;
  const last = type === ROOK ? 4 : 8;
  for (let d = first; d < last; d++) {
    const ray = RAYS[from * 8 + d];
    for (let i = 0; i < ray.length; i++) {
      const t = ray[i];
      const p = board[t] * s;
      if (p > 0) break;
      out.push(slot + t);
      if (p < 0) break;
    }
  }
}

/** Whether the mover's king is safe after the move (made and unmade on `scratch`, left as it was). */
function isSafeAfter(scratch: number[], from: number, to: number, enPassant: boolean, color: number, kingSquare: number): boolean {
  const moving = scratch[from];
  const captured = scratch[to];
  scratch[to] = moving;
  scratch[from] = 0;
  let takenSquare = -1;
  let taken = 0;
  if (enPassant) {
    takenSquare = color === 0 ? to - SIZE : to + SIZE;
    taken = scratch[takenSquare];
    scratch[takenSquare] = 0;
  }
  const king = moving === KING || moving === -KING ? to : kingSquare;
  const safe = !isAttacked(scratch, king, 1 - color);
  scratch[from] = moving;
  scratch[to] = captured;
  if (takenSquare >= 0) scratch[takenSquare] = taken;
  return safe;
}

/**
 * Whether moving a piece of side `s` (1 White, -1 Black) from `from` to `to`
 * uncovers an enemy rook, bishop or queen on the line `d` from its king. Only
 * for a king not in check and a move that is neither a king move nor en passant.
 */
function lineExposed(board: number[], kingSquare: number, d: number, from: number, to: number, s: number): boolean {
  const ray = RAYS[kingSquare * 8 + d];
  const slider = d < 4 ? -ROOK * s : -BISHOP * s;
  for (let i = 0; i < ray.length; i++) {
    const t = ray[i];
    if (t === to) return false;
    if (t === from) continue;
    const p = board[t];
    if (p !== 0) return p === slider || p === -QUEEN * s;
  }
  return false;
}

/**
 * Legal moves of `color` as move integers. With `firstOnly`, stops at the
 * first legal move. `board` is the caller's own decoded array: moves are made
 * and unmade on it, and it is left as it was.
 */
function legalMoves(board: number[], color: number, kingSquare: number, inCheck: boolean, enPassant: number, firstOnly: boolean): number[] {
  const s = color === 0 ? 1 : -1;
  const legal: number[] = [];
  const pseudo: number[] = [];
  for (let sq = 0; sq < SQUARES; sq++) {
    const type = board[sq] * s;
    if (type <= 0) continue;
    const start = pseudo.length;
    generateFrom(board, sq, type, color, enPassant, pseudo);
    // Out of check, a move other than a king move or en passant can only expose the king
    // along the one line from the king through its start square.
    const line = LINE_DIRECTION[kingSquare * SQUARES + sq];
    const fullTest = inCheck || type === KING;
    for (let i = start; i < pseudo.length; i++) {
      const move = pseudo[i];
      if (fullTest || move >= EN_PASSANT * PAIRS) {
        if (!isSafeAfter(board, sq, move % SQUARES, move >= EN_PASSANT * PAIRS, color, kingSquare)) continue;
      } else if (line >= 0 && lineExposed(board, kingSquare, line, sq, move % SQUARES, s)) {
        continue;
      }
      legal.push(move);
      if (firstOnly) return legal;
    }
  }
  return legal;
}

/** K v K, K+B v K, K+N v K: the only material draws these rules know. */
function isInsufficientMaterial(board: number[]): boolean {
  let minors = 0;
  for (let sq = 0; sq < SQUARES; sq++) {
    const p = board[sq];
    if (p === 0 || p === KING || p === -KING) continue;
    if (p === KNIGHT || p === -KNIGHT || p === BISHOP || p === -BISHOP) {
      minors++;
      if (minors > 1) return false;
    } else {
      return false;
    }
  }
  return true;
}

function kingSquareOf(board: string, color: number): number {
  return board.indexOf(color === 0 ? 'K' : 'k');
}

export function getInitialState(): State {
  return {
    board: 'RNBQKPPPPP.....ppppprnbqk', currentPlayer: 0, enPassant: -1, halfmoveClock: 0, inCheck: false, winner: null, result: '',
  };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'White' : 'Black';
}

export function getLegalActions(state: State): Action[] {
  const color = state.currentPlayer;
  if (color === TERMINAL) return [];
  const moves = legalMoves(decode(state.board), color, kingSquareOf(state.board, color), state.inCheck, state.enPassant, false);
  const actions: Action[] = [];
  for (let i = 0; i < moves.length; i++) actions.push(NAMES[moves[i]]);
  return actions;
}

export function applyAction(state: State, action: Action): State {
  const color = state.currentPlayer;
  if (color === TERMINAL) throw new Error(`the game is over (${state.result}); "${action}" cannot be played`);
  const def = LOOKUP[action];
  if (typeof def !== 'number') {
    throw new Error(`"${action}" is not a minichess action; expected e.g. "P_a2_a3", "N_b1_c3" or "P_b4_a5_Q" on squares a1..e5`);
  }
  const board = decode(state.board);
  const s = color === 0 ? 1 : -1;
  const opponent = 1 - color;
  const wanted = Math.floor(def / PAIRS);
  const from = Math.floor((def - wanted * PAIRS) / SQUARES);
  const to = def % SQUARES;
  const type = wanted <= KING ? wanted : PAWN;
  if (board[from] !== type * s) {
    throw new Error(`"${action}": ${getPlayerName(color)} has no ${PIECE_LETTERS[type]} on ${SQUARE_NAMES[from]}`);
  }
  const pseudo: number[] = [];
  generateFrom(board, from, type, color, state.enPassant, pseudo);
  let slot = -1;
  const fromTo = def - wanted * PAIRS;
  for (let i = 0; i < pseudo.length; i++) {
    const kind = Math.floor(pseudo[i] / PAIRS);
    if (pseudo[i] - kind * PAIRS === fromTo && (kind === wanted || (wanted === PAWN && kind >= DOUBLE_STEP))) slot = kind;
  }
  if (slot < 0) throw new Error(`"${action}" is not a legal move for ${getPlayerName(color)} in this position`);
  const promo = slot > PROMOTION_SLOT + 1 && slot <= PROMOTION_SLOT + QUEEN ? slot - PROMOTION_SLOT : 0;

  // Make the move on the decoded array and on the board string.
  const moving = board[from];
  let captured = board[to];
  const placed = promo !== 0 ? promo * s : moving;
  board[to] = placed;
  board[from] = 0;
  let text = setSquare(setSquare(state.board, from, 0), to, placed);
  if (slot === EN_PASSANT) {
    const takenSquare = color === 0 ? to - SIZE : to + SIZE;
    captured = board[takenSquare];
    board[takenSquare] = 0;
    text = setSquare(text, takenSquare, 0);
  }
  const ownKing = moving === KING * s ? to : kingSquareOf(text, color);
  // Out of check, a move other than a king move or en passant can only expose the king
  // along the line from the king through its start square.
  const fullTest = state.inCheck || moving === KING * s || slot === EN_PASSANT;
  const line = fullTest ? -1 : LINE_DIRECTION[ownKing * SQUARES + from];
  if (fullTest ? isAttacked(board, ownKing, opponent) : line >= 0 && lineExposed(board, ownKing, line, from, to, s)) {
    throw new Error(`"${action}" would leave ${getPlayerName(color)}'s king in check`);
  }
  const enPassant = slot === DOUBLE_STEP ? (from + to) / 2 : -1;
  const halfmoveClock = moving === PAWN || moving === -PAWN || captured !== 0 ? 0 : state.halfmoveClock + 1;
  const opponentKing = kingSquareOf(text, opponent);
  const inCheck = isAttacked(board, opponentKing, color);
  const result: State = {
    board: text, currentPlayer: opponent, enPassant, halfmoveClock, inCheck, winner: null, result: '',
  };
  if (legalMoves(board, opponent, opponentKing, inCheck, enPassant, true).length === 0) {
    result.currentPlayer = TERMINAL;
    if (inCheck) {
      result.winner = color;
      result.result = 'checkmate';
    } else {
      result.result = 'stalemate';
    }
  } else if (halfmoveClock >= FIFTY_MOVE_PLIES) {
    result.currentPlayer = TERMINAL;
    result.result = 'fifty-move rule';
  } else if ((captured !== 0 || promo !== 0) && isInsufficientMaterial(board)) {
    result.currentPlayer = TERMINAL;
    result.result = 'insufficient material';
  }
  return result;
}

export function getRewards(state: State): number[] {
  if (state.winner === null) return [0, 0];
  return state.winner === 0 ? [1, -1] : [-1, 1];
}

export function getObservations(state: State): Observation[] {
  const seen: Observation = { board: state.board, enPassant: state.enPassant, halfmoveClock: state.halfmoveClock };
  return [seen, seen];
}
