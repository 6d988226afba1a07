// American checkers (English draughts) as a GameCWM: 8x8 board, pieces on the
// dark squares (row + col odd), red (player 0) starts on rows 5-7 and moves
// first, up the board; black (player 1) starts on rows 0-2 and moves down.
// Captures are forced and a multi-jump is one action. As in the paper's golden,
// every jump after a sequence's first goes forward only (for kings too), and
// 40 consecutive actions without a capture end the game in a draw. Written in
// the contract's subset.

export type Action = string;

export interface State {
  /** 64 cells, row-major, row 0 at the top: ".", "r", "b" (men), "R", "B" (kings). */
  board: string[];
  /** Player to move (0 red, 1 black), or -4 once the game is over. */
  currentPlayer: number;
  /** 0 or 1 once a side has won, else null (also null after a draw). */
  winner: number | null;
  /** Consecutive actions (by either side) without a capture; 40 ends the game in a draw. */
  quietMoves: number;
}

/**
 * Both players see the same thing: the board, the count of quiet actions and
 * the outcome. Like the paper's golden it does not say whose turn it is (the
 * player asked to act knows), so it separates exactly the situations the
 * golden's observation separates.
 */
export interface Observation {
  board: string[];
  quietMoves: number;
  over: boolean;
  /** 0 or 1 once a side has won, else null. */
  winner: number | null;
}

const TERMINAL = -4;
const DRAW_AFTER_QUIET_MOVES = 40;
const MEN = ['r', 'b'];
const KINGS = ['R', 'B'];
/** The row where each side's men are crowned. */
const CROWN_ROW = [0, 7];

/** Diagonal directions: 0 up-left, 1 up-right, 2 down-left, 3 down-right. */
const DR = [-1, -1, 1, 1];
const DC = [-1, 1, -1, 1];
/** Directions a man may move in: red up, black down. */
const MAN_DIRS = [[0, 1], [2, 3]];
const KING_DIRS = [0, 1, 2, 3];

function buildNeighbours(distance: number): number[] {
  const table: number[] = [];
  for (let sq = 0; sq < 64; sq++) {
    const r = Math.floor(sq / 8);
    const c = sq - r * 8;
    for (let d = 0; d < 4; d++) {
      const nr = r + DR[d] * distance;
      const nc = c + DC[d] * distance;
      table.push(nr >= 0 && nr < 8 && nc >= 0 && nc < 8 ? nr * 8 + nc : -1);
    }
  }
  return table;
}

/** STEP[sq * 4 + d]: the diagonal neighbour of sq in direction d, or -1 off the board. */
const STEP = buildNeighbours(1);
/** HOP[sq * 4 + d]: the square two steps away in direction d (a jump's landing square), or -1. */
const HOP = buildNeighbours(2);

function buildRows(): number[] {
  const rows: number[] = [];
  for (let sq = 0; sq < 64; sq++) rows.push(Math.floor(sq / 8));
  return rows;
}

const ROW = buildRows();

function buildMoveActions(): Action[] {
  const actions: Action[] = [];
  for (let sq = 0; sq < 64; sq++) {
    const r = Math.floor(sq / 8);
    const c = sq - r * 8;
    for (let d = 0; d < 4; d++) {
      const to = STEP[sq * 4 + d];
      actions.push(to < 0 ? '' : `move_${r}_${c}_${ROW[to]}_${to - ROW[to] * 8}`);
    }
  }
  return actions;
}

/** MOVE_ACTIONS[sq * 4 + d]: the simple move from sq in direction d. */
const MOVE_ACTIONS = buildMoveActions();

function buildSuffixes(prefix: string): string[] {
  const out: string[] = [];
  for (let sq = 0; sq < 64; sq++) {
    const r = Math.floor(sq / 8);
    out.push(`${prefix}_${r}_${sq - r * 8}`);
  }
  return out;
}

/** "jump_r_c" for a jump starting on sq. */
const JUMP_PREFIX = buildSuffixes('jump');
/** "_r_c" appended for each landing square. */
const SQUARE_SUFFIX = buildSuffixes('');

/** A legal action with what it does: the piece moves from `from` to `to` and removes `captured`. */
interface Move {
  action: Action;
  from: number;
  to: number;
  captured: number[];
}

function isOpponent(cell: string, player: number): boolean {
  return cell === MEN[1 - player] || cell === KINGS[1 - player];
}

function isOwn(cell: string, player: number): boolean {
  return cell === MEN[player] || cell === KINGS[player];
}

/** Whether the piece on sq can make at least one jump on this board. */
function canJump(board: string[], sq: number, player: number, king: boolean): boolean {
  const dirs = king ? KING_DIRS : MAN_DIRS[player];
  for (let i = 0; i < dirs.length; i++) {
    const k = sq * 4 + dirs[i];
    const land = HOP[k];
    if (land >= 0 && board[land] === '.' && isOpponent(board[STEP[k]], player)) return true;
  }
  return false;
}

/**
 * Extends a jump sequence of the piece now standing on `at` (the working
 * board still shows the mover on its origin, and captured pieces marked "x":
 * they stay on the board until the move ends, cannot be jumped again and
 * block landing). Only complete sequences are recorded. The first jump goes in
 * any of the piece's directions (a king's four); every later jump goes forward
 * only, whatever the piece, as in the paper's golden. So a man that lands on
 * its crowning row can go no further.
 */
function extendJumps(
  work: string[], origin: number, at: number, player: number, king: boolean,
  text: string, captured: number[], out: Move[],
): void {
  const dirs = king && captured.length === 0 ? KING_DIRS : MAN_DIRS[player];
  let extended = false;
  for (let i = 0; i < dirs.length; i++) {
    const k = at * 4 + dirs[i];
    const land = HOP[k];
    if (land < 0 || work[land] !== '.') continue;
    const mid = STEP[k];
    const jumped = work[mid];
    if (!isOpponent(jumped, player)) continue;
    extended = true;
    const caps = captured.slice();
    caps.push(mid);
    work[mid] = 'x';
    extendJumps(work, origin, land, player, king, text + SQUARE_SUFFIX[land], caps, out);
    work[mid] = jumped;
  }
  if (!extended && captured.length > 0) {
    out.push({ action: text, from: origin, to: at, captured });
  }
}

/** Every legal move of `player`: the complete jump sequences if any jump exists, else the simple moves. */
function generateMoves(board: string[], player: number): Move[] {
  const jumps: Move[] = [];
  for (let sq = 0; sq < 64; sq++) {
    const cell = board[sq];
    if (!isOwn(cell, player)) continue;
    const king = cell === KINGS[player];
    if (!canJump(board, sq, player, king)) continue;
    extendJumps(board.slice(), sq, sq, player, king, JUMP_PREFIX[sq], [], jumps);
  }
  if (jumps.length > 0) return jumps;
  const moves: Move[] = [];
  for (let sq = 0; sq < 64; sq++) {
    const cell = board[sq];
    if (!isOwn(cell, player)) continue;
    const dirs = cell === KINGS[player] ? KING_DIRS : MAN_DIRS[player];
    for (let i = 0; i < dirs.length; i++) {
      const k = sq * 4 + dirs[i];
      const to = STEP[k];
      if (to >= 0 && board[to] === '.') moves.push({ action: MOVE_ACTIONS[k], from: sq, to, captured: [] });
    }
  }
  return moves;
}

/** Whether `player` has any legal move (a simple move or a jump). */
function hasAnyMove(board: string[], player: number): boolean {
  for (let sq = 0; sq < 64; sq++) {
    const cell = board[sq];
    if (!isOwn(cell, player)) continue;
    const dirs = cell === KINGS[player] ? KING_DIRS : MAN_DIRS[player];
    for (let i = 0; i < dirs.length; i++) {
      const k = sq * 4 + dirs[i];
      const to = STEP[k];
      if (to < 0) continue;
      if (board[to] === '.') return true;
      const land = HOP[k];
      if (land >= 0 && board[land] === '.' && isOpponent(board[to], player)) return true;
    }
  }
  return false;
}

function buildInitialBoard(): string[] {
  const board: string[] = [];
  for (let sq = 0; sq < 64; sq++) {
    const r = Math.floor(sq / 8);
    const dark = (r + sq - r * 8) % 2 === 1;
    board.push(!dark ? '.' : r <= 2 ? 'b' : r >= 5 ? 'r' : '.');
  }
  return board;
}

const INITIAL_BOARD = buildInitialBoard();

export function getInitialState(): State {
  return { board: INITIAL_BOARD.slice(), currentPlayer: 0, winner: null, quietMoves: 0 };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'red' : 'black';
}

export function getLegalActions(state: State): Action[] {
  if (state.currentPlayer === TERMINAL) return [];
  const moves = generateMoves(state.board, state.currentPlayer);
  const actions: Action[] = [];
  for (let i = 0; i < moves.length; i++) actions.push(moves[i].action);
  return actions;
}

const COORDINATES = '01234567';

/** The square named by two coordinate strings "0".."7", or -1. */
function squareOf(row: string, col: string): number {
  const r = COORDINATES.indexOf(row);
  const c = COORDINATES.indexOf(col);
  return row.length === 1 && col.length === 1 && r >= 0 && c >= 0 ? r * 8 + c : -1;
}

/**
 * An action that is not legal here but that the paper's golden applies
 * anyway (it never checks its input, and the paper's scenarios play such
 * actions: a simple move while a jump is forced, a "jump" over an empty square
 * onto an opposing piece). We give it the golden's meaning: the piece travels
 * along the named squares, whatever stands on each jumped-over square and on
 * the last square is removed. Refused: malformed strings, a path that is not
 * diagonal steps (moves) or diagonal hops (jumps), no piece of the mover on the
 * first square, or a path that would remove one of the mover's own pieces.
 */
function offListMove(board: string[], player: number, action: Action): Move | null {
  const parts = action.split('_');
  const jump = parts[0] === 'jump';
  if ((!jump && (parts[0] !== 'move' || parts.length !== 5)) || parts.length < 5 || parts.length % 2 === 0) return null;
  const path: number[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const sq = squareOf(parts[i], parts[i + 1]);
    if (sq < 0) return null;
    path.push(sq);
  }
  const from = path[0];
  if (!isOwn(board[from], player)) return null;
  const distance = jump ? 2 : 1;
  const captured: number[] = [];
  for (let i = 1; i < path.length; i++) {
    const dr = ROW[path[i]] - ROW[path[i - 1]];
    const dc = (path[i] - ROW[path[i]] * 8) - (path[i - 1] - ROW[path[i - 1]] * 8);
    if ((dr !== distance && dr !== -distance) || (dc !== distance && dc !== -distance)) return null;
    if (jump) {
      const mid = (path[i] + path[i - 1]) / 2;
      if (isOwn(board[mid], player)) return null;
      captured.push(mid);
    }
  }
  const to = path[path.length - 1];
  if (to !== from && isOwn(board[to], player)) return null;
  return { action, from, to, captured };
}

function hasPieces(board: string[], player: number): boolean {
  for (let sq = 0; sq < 64; sq++) if (isOwn(board[sq], player)) return true;
  return false;
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the game is over; "${action}" cannot be played`);
  const moves = generateMoves(state.board, player);
  let move: Move | null = null;
  for (let i = 0; i < moves.length; i++) {
    if (moves[i].action === action) {
      move = moves[i];
      break;
    }
  }
  if (move === null) move = offListMove(state.board, player, action);
  if (move === null) {
    throw new Error(`"${action}" is not a move of ${getPlayerName(player)} (expected move_<r1>_<c1>_<r2>_<c2> or jump_<r1>_<c1>_<r2>_<c2>[_<r>_<c>...] from one of its pieces, e.g. ${moves.length > 0 ? moves[0].action : 'move_5_0_4_1'})`);
  }
  const board = state.board.slice();
  let piece = board[move.from];
  board[move.from] = '.';
  for (let i = 0; i < move.captured.length; i++) board[move.captured[i]] = '.';
  if (piece === MEN[player] && ROW[move.to] === CROWN_ROW[player]) piece = KINGS[player];
  board[move.to] = piece;
  const quietMoves = move.captured.length > 0 ? 0 : state.quietMoves + 1;
  const opponent = 1 - player;
  // The golden's order: no pieces left loses, then the draw, then a blocked side loses.
  if (!hasPieces(board, opponent)) return { board, currentPlayer: TERMINAL, winner: player, quietMoves };
  if (quietMoves >= DRAW_AFTER_QUIET_MOVES) return { board, currentPlayer: TERMINAL, winner: null, quietMoves };
  if (!hasAnyMove(board, opponent)) return { board, currentPlayer: TERMINAL, winner: player, quietMoves };
  return { board, currentPlayer: opponent, winner: null, quietMoves };
}

export function getRewards(state: State): number[] {
  if (state.winner === null) return [0, 0];
  return state.winner === 0 ? [1, -1] : [-1, 1];
}

export function getObservations(state: State): Observation[] {
  const seen: Observation = { board: state.board, quietMoves: state.quietMoves, over: state.currentPlayer === TERMINAL, winner: state.winner };
  return [seen, seen];
}
