// Generalized tic-tac-toe as a GameCWM: a 6x6 grid, "x" (player 0) moves
// first, the first player with four of their marks in an unbroken horizontal,
// vertical or diagonal line wins; a full grid without such a line is a draw.
// Written in the contract's subset: pure functions over JSON state.

export type Action = string;

export interface State {
  /** Row-major cells (36): ".", "x" or "o". */
  board: string[];
  /** Player to move (0 or 1), or -4 once the game is over. */
  currentPlayer: number;
  /** 0 or 1 once someone has four in a line, else null. */
  winner: number | null;
  /** Marks placed so far. */
  moves: number;
}

/** Perfect information: every player sees the whole state. */
export type Observation = State;

const TERMINAL = -4;
const SIZE = 6;
const CELLS = 36;
const WIN_LENGTH = 4;
const MARKS = ['x', 'o'];
/** Direction pairs (row step, column step): horizontal, vertical, both diagonals. */
const DIRECTIONS = [[0, 1], [1, 0], [1, 1], [1, -1]];

function buildActions(): Action[] {
  const actions: Action[] = [];
  for (let cell = 0; cell < CELLS; cell++) actions.push(`${Math.floor(cell / SIZE)},${cell - Math.floor(cell / SIZE) * SIZE}`);
  return actions;
}

/** ACTIONS[cell] is the action string "row,col" for that cell (both players use it). */
const ACTIONS: Action[] = buildActions();

/** Whether the mark just placed at `cell` lies on a line of at least four equal marks. */
function makesLine(board: string[], cell: number, mark: string): boolean {
  const row = Math.floor(cell / SIZE);
  const col = cell - row * SIZE;
  for (let d = 0; d < 4; d++) {
    const dr = DIRECTIONS[d][0];
    const dc = DIRECTIONS[d][1];
    let count = 1;
    let r = row + dr;
    let c = col + dc;
    while (r >= 0 && r < SIZE && c >= 0 && c < SIZE && board[r * SIZE + c] === mark) {
      count++;
      r += dr;
      c += dc;
    }
    r = row - dr;
    c = col - dc;
    while (r >= 0 && r < SIZE && c >= 0 && c < SIZE && board[r * SIZE + c] === mark) {
      count++;
      r -= dr;
      c -= dc;
    }
    if (count >= WIN_LENGTH) return true;
  }
  return false;
}

export function getInitialState(): State {
  const board: string[] = [];
  for (let cell = 0; cell < CELLS; cell++) board.push('.');
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
  const actions: Action[] = [];
  for (let cell = 0; cell < CELLS; cell++) {
    if (state.board[cell] === '.') actions.push(ACTIONS[cell]);
  }
  return actions;
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the game is over; "${action}" cannot be played`);
  const cell = ACTIONS.indexOf(action);
  if (cell < 0) throw new Error(`"${action}" is not an action; expected "row,col" with row and col from 0 to 5, e.g. "2,3"`);
  if (state.board[cell] !== '.') throw new Error(`"${action}": that cell is already taken`);
  const board = state.board.slice();
  const mark = MARKS[player];
  board[cell] = mark;
  const moves = state.moves + 1;
  if (makesLine(board, cell, mark)) return { board, currentPlayer: TERMINAL, winner: player, moves };
  return { board, currentPlayer: moves === CELLS ? TERMINAL : 1 - player, winner: null, moves };
}

export function getRewards(state: State): number[] {
  if (state.winner === null) return [0, 0];
  return state.winner === 0 ? [1, -1] : [-1, 1];
}

export function getObservations(state: State): Observation[] {
  return [state, state];
}
