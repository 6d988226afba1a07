// Connect Four as a GameCWM: 6 rows by 7 columns, "x" (player 0) moves first,
// a piece falls to the lowest empty cell of its column, four in a row wins.
// Written in the contract's subset: pure functions over JSON state.

export type Action = string;

export interface State {
  /** Row-major cells, row 0 at the top: ".", "x" or "o". */
  board: string[];
  /** Player to move (0 or 1), or -4 once the game is over. */
  currentPlayer: number;
  /** 0 or 1 once someone has four in a row, else null. */
  winner: number | null;
  /** Pieces played so far (0..42). */
  moves: number;
}

/** Perfect information: every player sees the whole state. */
export type Observation = State;

const TERMINAL = -4;
const ROWS = 6;
const COLS = 7;
const CELLS = 42;
const MARKS = ['x', 'o'];

/** ACTIONS[player][col] drops the player's mark into that column. */
const ACTIONS: Action[][] = [
  ['x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6'],
  ['o0', 'o1', 'o2', 'o3', 'o4', 'o5', 'o6'],
];

/** Line directions as [row step, column step]: horizontal, vertical, both diagonals. */
const DIRECTIONS = [[0, 1], [1, 0], [1, 1], [1, -1]];

/** How many cells holding `mark` follow (row, col) in direction (dr, dc), up to three. */
function run(board: string[], row: number, col: number, dr: number, dc: number, mark: string): number {
  let count = 0;
  let r = row + dr;
  let c = col + dc;
  while (count < 3 && r >= 0 && r < ROWS && c >= 0 && c < COLS && board[r * COLS + c] === mark) {
    count++;
    r += dr;
    c += dc;
  }
  return count;
}

/** Whether the piece just placed at (row, col) is part of four in a row. */
function makesFour(board: string[], row: number, col: number, mark: string): boolean {
  for (let d = 0; d < 4; d++) {
    const dr = DIRECTIONS[d][0];
    const dc = DIRECTIONS[d][1];
    if (1 + run(board, row, col, dr, dc, mark) + run(board, row, col, -dr, -dc, mark) >= 4) return true;
  }
  return false;
}

export function getInitialState(): State {
  const board: string[] = [];
  for (let i = 0; i < CELLS; i++) board.push('.');
  return { board, currentPlayer: 0, winner: null, moves: 0 };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'x' : 'o';
}

export function getLegalActions(state: State): Action[] {
  if (state.currentPlayer === TERMINAL) return [];
  const own = ACTIONS[state.currentPlayer];
  const actions: Action[] = [];
  for (let col = 0; col < COLS; col++) {
    if (state.board[col] === '.') actions.push(own[col]);
  }
  return actions;
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the game is over; "${action}" cannot be played`);
  const col = ACTIONS[player].indexOf(action);
  if (col < 0) {
    throw new Error(`"${action}" is not an action of player ${player} (expected ${MARKS[player]}0..${MARKS[player]}6)`);
  }
  if (state.board[col] !== '.') throw new Error(`"${action}": column ${col} is full`);
  let row = ROWS - 1;
  while (state.board[row * COLS + col] !== '.') row--;
  const mark = MARKS[player];
  const board = state.board.slice();
  board[row * COLS + col] = mark;
  const moves = state.moves + 1;
  if (makesFour(board, row, col, mark)) {
    return { board, currentPlayer: TERMINAL, winner: player, moves };
  }
  return { board, currentPlayer: moves === CELLS ? TERMINAL : 1 - player, winner: null, moves };
}

export function getRewards(state: State): number[] {
  if (state.winner === null) return [0, 0];
  return state.winner === 0 ? [1, -1] : [-1, 1];
}

export function getObservations(state: State): Observation[] {
  return [state, state];
}
