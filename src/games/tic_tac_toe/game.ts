// Tic-tac-toe as a GameCWM: 3x3 board, "x" (player 0) moves first, three in a
// row wins. Written in the contract's subset: pure functions over JSON state.

export type Action = string;

export interface State {
  /** Row-major cells: ".", "x" or "o". */
  board: string[];
  /** Player to move (0 or 1), or -4 once the game is over. */
  currentPlayer: number;
  /** 0 or 1 once someone has three in a row, else null. */
  winner: number | null;
}

/** Perfect information: every player sees the whole state. */
export type Observation = State;

const TERMINAL = -4;
const MARKS = ['x', 'o'];
const LINES = [
  [0, 1, 2], [3, 4, 5], [6, 7, 8],
  [0, 3, 6], [1, 4, 7], [2, 5, 8],
  [0, 4, 8], [2, 4, 6],
];

function actionFor(player: number, cell: number): Action {
  return `${MARKS[player]}(${Math.floor(cell / 3)},${cell % 3})`;
}

/** ACTIONS[player][cell] is the action string that marks that cell. */
const ACTIONS: Action[][] = [0, 1].map((player) =>
  [0, 1, 2, 3, 4, 5, 6, 7, 8].map((cell) => actionFor(player, cell)),
);

function completesLine(board: string[], cell: number, mark: string): boolean {
  for (const line of LINES) {
    if (line.includes(cell) && board[line[0]] === mark && board[line[1]] === mark && board[line[2]] === mark) {
      return true;
    }
  }
  return false;
}

export function getInitialState(): State {
  return { board: ['.', '.', '.', '.', '.', '.', '.', '.', '.'], currentPlayer: 0, winner: null };
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
  for (let cell = 0; cell < 9; cell++) {
    if (state.board[cell] === '.') actions.push(ACTIONS[state.currentPlayer][cell]);
  }
  return actions;
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the game is over; "${action}" cannot be played`);
  const cell = ACTIONS[player].indexOf(action);
  if (cell < 0) throw new Error(`"${action}" is not an action of player ${player} (expected ${MARKS[player]}(row,col))`);
  if (state.board[cell] !== '.') throw new Error(`"${action}": cell is already taken`);
  const board = state.board.slice();
  board[cell] = MARKS[player];
  if (completesLine(board, cell, MARKS[player])) {
    return { board, currentPlayer: TERMINAL, winner: player };
  }
  const full = !board.includes('.');
  return { board, currentPlayer: full ? TERMINAL : 1 - player, winner: null };
}

export function getRewards(state: State): number[] {
  if (state.winner === null) return [0, 0];
  return state.winner === 0 ? [1, -1] : [-1, 1];
}

export function getObservations(state: State): Observation[] {
  return [state, state];
}

