// Breakthrough as a GameCWM: 8x8 board, white (player 0) fills ranks 1-2 and
// moves first towards rank 8, black (player 1) fills ranks 7-8 and moves
// towards rank 1. A piece steps one square straight or diagonally forward onto
// an empty square, or captures diagonally forward; capturing is optional (as
// in the paper's golden). Reaching the far rank wins; a player with no legal
// move loses.
// Written in the contract's subset.

export type Action = string;

export interface State {
  /** 64 cells indexed (rank - 1) * 8 + file (a = 0): ".", "W" or "B". */
  board: string[];
  /** Player to move (0 white, 1 black), or -4 once the game is over. */
  currentPlayer: number;
  /** 0 or 1 once the game is over (the game has no draws), else null. */
  winner: number | null;
}

/** Perfect information: every player sees the whole state. */
export type Observation = State;

const TERMINAL = -4;
const PIECES = ['W', 'B'];
/** Rank index (0-based) a player's piece must reach to win. */
const GOAL_RANK = [7, 0];
const FORWARD = [1, -1];
const FILES = 'abcdefgh';

function squareName(sq: number): string {
  const rank = Math.floor(sq / 8);
  return `${FILES.charAt(sq - rank * 8)}${rank + 1}`;
}

function buildSquareNames(): string[] {
  const names: string[] = [];
  for (let sq = 0; sq < 64; sq++) names.push(squareName(sq));
  return names;
}

const SQUARE_NAMES = buildSquareNames();

/**
 * TARGET[player][sq * 3 + d]: the square reached from sq in direction d
 * (0 forward-left towards file a, 1 straight forward, 2 forward-right
 * towards file h), or -1 off the board.
 */
function buildTargets(player: number): number[] {
  const table: number[] = [];
  for (let sq = 0; sq < 64; sq++) {
    const rank = Math.floor(sq / 8);
    const file = sq - rank * 8;
    const nr = rank + FORWARD[player];
    for (let d = 0; d < 3; d++) {
      const nf = file + d - 1;
      table.push(nr >= 0 && nr < 8 && nf >= 0 && nf < 8 ? nr * 8 + nf : -1);
    }
  }
  return table;
}

const TARGET = [buildTargets(0), buildTargets(1)];

function buildActions(player: number, separator: string): Action[] {
  const table: Action[] = [];
  for (let k = 0; k < 64 * 3; k++) {
    const to = TARGET[player][k];
    const from = Math.floor(k / 3);
    table.push(to < 0 ? '' : `${SQUARE_NAMES[from]}${separator}${SQUARE_NAMES[to]}`);
  }
  return table;
}

/** MOVES[player][sq * 3 + d]: "<from>-<to>", a step onto an empty square. */
const MOVES = [buildActions(0, '-'), buildActions(1, '-')];
/** CAPTURES[player][sq * 3 + d]: "<from>x<to>", a diagonal capture (d = 0 or 2). */
const CAPTURES = [buildActions(0, 'x'), buildActions(1, 'x')];

/** LOOKUP[player][action]: the index sq * 3 + d of a well-formed action of that player (either kind). */
function buildLookup(player: number): Record<string, number> {
  const lookup: Record<string, number> = {};
  for (let k = 0; k < 64 * 3; k++) {
    if (TARGET[player][k] < 0) continue;
    lookup[MOVES[player][k]] = k;
    if (k - Math.floor(k / 3) * 3 !== 1) lookup[CAPTURES[player][k]] = k;
  }
  return lookup;
}

const LOOKUP = [buildLookup(0), buildLookup(1)];

/** Whether `player` has any legal move at all. */
function hasAnyMove(board: string[], player: number): boolean {
  const own = PIECES[player];
  const target = TARGET[player];
  for (let sq = 0; sq < 64; sq++) {
    if (board[sq] !== own) continue;
    for (let d = 0; d < 3; d++) {
      const to = target[sq * 3 + d];
      if (to < 0) continue;
      const cell = board[to];
      if (cell === '.' || (d !== 1 && cell !== own)) return true;
    }
  }
  return false;
}

function buildInitialBoard(): string[] {
  const board: string[] = [];
  for (let sq = 0; sq < 64; sq++) board.push(sq < 16 ? 'W' : sq >= 48 ? 'B' : '.');
  return board;
}

const INITIAL_BOARD = buildInitialBoard();

export function getInitialState(): State {
  return { board: INITIAL_BOARD.slice(), currentPlayer: 0, winner: null };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'white' : 'black';
}

export function getLegalActions(state: State): Action[] {
  const player = state.currentPlayer;
  if (player === TERMINAL) return [];
  const board = state.board;
  const own = PIECES[player];
  const opp = PIECES[1 - player];
  const target = TARGET[player];
  const moves: Action[] = [];
  for (let sq = 0; sq < 64; sq++) {
    if (board[sq] !== own) continue;
    for (let d = 0; d < 3; d++) {
      const k = sq * 3 + d;
      const to = target[k];
      if (to < 0) continue;
      const cell = board[to];
      if (cell === '.') moves.push(MOVES[player][k]);
      else if (d !== 1 && cell === opp) moves.push(CAPTURES[player][k]);
    }
  }
  return moves;
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the game is over; "${action}" cannot be played`);
  const k = LOOKUP[player][action];
  if (k === undefined || (MOVES[player][k] !== action && CAPTURES[player][k] !== action)) {
    throw new Error(`"${action}" is not a forward move of ${getPlayerName(player)} (expected "<from>-<to>" or "<from>x<to>", e.g. ${MOVES[player][player === 0 ? 37 : 154]})`);
  }
  const board = state.board;
  const from = Math.floor(k / 3);
  const to = TARGET[player][k];
  const own = PIECES[player];
  if (board[from] !== own) throw new Error(`"${action}": ${SQUARE_NAMES[from]} holds no ${getPlayerName(player)} piece`);
  if (action === CAPTURES[player][k]) {
    if (board[to] !== PIECES[1 - player]) throw new Error(`"${action}": there is no opposing piece on ${SQUARE_NAMES[to]} to capture`);
  } else if (board[to] === own) {
    throw new Error(`"${action}": ${SQUARE_NAMES[to]} holds your own piece`);
  }
  // A step written "<from>-<to>" onto an opposing piece is never legal, yet the
  // paper's golden applies it (its scenarios play one): the piece moves and the
  // opposing piece is gone. We give it that same meaning rather than refuse it.
  const next = board.slice();
  next[from] = '.';
  next[to] = own;
  if (Math.floor(to / 8) === GOAL_RANK[player] || !hasAnyMove(next, 1 - player)) {
    return { board: next, currentPlayer: TERMINAL, winner: player };
  }
  return { board: next, currentPlayer: 1 - player, winner: null };
}

export function getRewards(state: State): number[] {
  if (state.winner === null) return [0, 0];
  return state.winner === 0 ? [1, -1] : [-1, 1];
}

export function getObservations(state: State): Observation[] {
  return [state, state];
}
