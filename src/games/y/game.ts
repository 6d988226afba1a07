// The game of Y as a GameCWM on the rules' triangular board with 4 cells per
// side (10 hexagonal cells). Black (player 0) moves first; players alternate
// placing stones; the first player whose connected group touches all three
// sides wins (a corner cell touches both of its sides). A full board always
// has a winner, so there are no draws. Written in the contract's subset: pure
// functions over JSON state.
//
// Cells are (row, col) with 0 <= col <= row <= 3, row 0 at the top apex. The
// left side is col = 0, the right side col = row, the bottom side row = 3.
// The neighbours of (r, c) are (r, c-1), (r, c+1), (r-1, c-1), (r-1, c),
// (r+1, c) and (r+1, c+1), where they exist.

export type Action = string;

export interface State {
  /** Cells row by row from the apex ((0,0), (1,0), (1,1), (2,0), ...): ".", "B" or "W". */
  board: string[];
  /** Player to move (0 = Black, 1 = White), or -4 once the game is over. */
  currentPlayer: number;
  /** 0 or 1 once someone's group touches all three sides, else null. */
  winner: number | null;
  /** Stones placed so far (0..10). */
  moves: number;
}

/** Perfect information: every player sees the whole state. */
export type Observation = State;

const TERMINAL = -4;
const SIZE = 4;
const CELLS = 10;
const STONES = ['B', 'W'];
/** Side flags: left (col 0), right (col = row), bottom (row = SIZE - 1). */
const LEFT = 1;
const RIGHT = 2;
const BOTTOM = 4;
const ALL_SIDES = 7;

function cellOf(row: number, col: number): number {
  return Math.floor((row * (row + 1)) / 2) + col;
}

function buildActions(): Action[] {
  const actions: Action[] = [];
  for (let row = 0; row < SIZE; row++) {
    for (let col = 0; col <= row; col++) actions.push(`${row},${col}`);
  }
  return actions;
}

/** ACTIONS[cell] is the action string "<row>,<col>" that places a stone there. */
const ACTIONS: Action[] = buildActions();

function buildIndex(): Record<string, number> {
  const index: Record<string, number> = {};
  for (let cell = 0; cell < CELLS; cell++) index[ACTIONS[cell]] = cell;
  return index;
}

/** Action string -> cell. */
const ACTION_INDEX: Record<string, number> = buildIndex();

function buildNeighbors(): number[][] {
  const steps = [[0, -1], [0, 1], [-1, -1], [-1, 0], [1, 0], [1, 1]];
  const table: number[][] = [];
  for (let row = 0; row < SIZE; row++) {
    for (let col = 0; col <= row; col++) {
      const list: number[] = [];
      for (let i = 0; i < 6; i++) {
        const r = row + steps[i][0];
        const c = col + steps[i][1];
        if (r >= 0 && r < SIZE && c >= 0 && c <= r) list.push(cellOf(r, c));
      }
      table.push(list);
    }
  }
  return table;
}

/** NEIGHBORS[cell] lists the adjacent cells. */
const NEIGHBORS: number[][] = buildNeighbors();

function buildSides(): number[] {
  const sides: number[] = [];
  for (let row = 0; row < SIZE; row++) {
    for (let col = 0; col <= row; col++) {
      let flags = 0;
      if (col === 0) flags += LEFT;
      if (col === row) flags += RIGHT;
      if (row === SIZE - 1) flags += BOTTOM;
      sides.push(flags);
    }
  }
  return sides;
}

/** SIDE_FLAGS[cell]: the sides that cell touches, as a sum of LEFT, RIGHT and BOTTOM. */
const SIDE_FLAGS: number[] = buildSides();

/** Whether one of LEFT / RIGHT / BOTTOM is set in `flags`. */
function hasSide(flags: number, side: number): boolean {
  return Math.floor(flags / side) % 2 === 1;
}

/** Whether the group of `stone` through `cell` touches all three sides. */
function touchesAllSides(board: string[], cell: number, stone: string): boolean {
  const seen = [false, false, false, false, false, false, false, false, false, false];
  const group: number[] = [cell];
  seen[cell] = true;
  let left = false;
  let right = false;
  let bottom = false;
  let next = 0;
  while (next < group.length) {
    const c = group[next];
    next++;
    const flags = SIDE_FLAGS[c];
    if (flags !== 0) {
      if (hasSide(flags, LEFT)) left = true;
      if (hasSide(flags, RIGHT)) right = true;
      if (hasSide(flags, BOTTOM)) bottom = true;
      if (left && right && bottom) return true;
    }
    const list = NEIGHBORS[c];
    for (let i = 0; i < list.length; i++) {
      const n = list[i];
      if (!seen[n] && board[n] === stone) {
        seen[n] = true;
        group.push(n);
      }
    }
  }
  return false;
}

export function getInitialState(): State {
  return { board: ['.', '.', '.', '.', '.', '.', '.', '.', '.', '.'], currentPlayer: 0, winner: null, moves: 0 };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'Black' : 'White';
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
  const cell = ACTION_INDEX[action];
  if (cell === undefined || ACTIONS[cell] !== action) {
    throw new Error(`"${action}" is not a cell (expected "<row>,<col>" with 0 <= col <= row <= 3, e.g. "2,1")`);
  }
  if (state.board[cell] !== '.') throw new Error(`"${action}": that cell is already occupied`);
  const stone = STONES[player];
  const board = state.board.slice();
  board[cell] = stone;
  const moves = state.moves + 1;
  if (touchesAllSides(board, cell, stone)) {
    return { board, currentPlayer: TERMINAL, winner: player, moves };
  }
  // A full board always contains a winning group (checked exhaustively in the
  // tests), so this last branch is never taken with moves === CELLS.
  return { board, currentPlayer: moves === CELLS ? TERMINAL : 1 - player, winner: null, moves };
}

export function getRewards(state: State): number[] {
  if (state.winner === null) return [0, 0];
  return state.winner === 0 ? [1, -1] : [-1, 1];
}

export function getObservations(state: State): Observation[] {
  return [state, state];
}
