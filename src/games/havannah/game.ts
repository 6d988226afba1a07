// Havannah as a GameCWM on a hexagonal board with 10 cells per side (271
// cells), named and bounded as in the paper's reference. P1 (player 0) moves
// first; players alternate placing stones. A player wins at once with a ring
// (a closed loop of their stones around at least one cell) or a bridge (a
// chain linking two of the six corners); the rules' fork (a chain linking
// three corners) always contains a bridge. The game ends drawn once 150
// stones are on the board without a winner, as the reference's move limit
// does. Written in the contract's subset: pure functions over JSON state.
//
// Coordinates: column x (letters A..S) and row y (numbers 1..19, 0-based
// here), both from the top-left; a cell exists when 9 <= x + y <= 27. The six
// neighbours of (x, y) are (x+1, y), (x+1, y-1), (x, y-1), (x-1, y),
// (x-1, y+1) and (x, y+1), in that cyclic order around the cell.

export type Action = string;

export interface State {
  /**
   * One character per cell, row by row from the top and left to right within
   * a row (J1..S1, then I2..S2, ...): "." empty, "B" (P1) or "W" (P2). A
   * string rather than an array keeps the 271-cell state cheap to copy.
   */
  board: string;
  /** Player to move (0 = P1, 1 = P2), or -4 once the game is over. */
  currentPlayer: number;
  /** 0 or 1 once someone has a ring or a bridge, else null. */
  winner: number | null;
  /** Stones placed so far (0..150). */
  moves: number;
}

/** Perfect information: every player sees the whole state. */
export type Observation = State;

const TERMINAL = -4;
const SIDE = 10;
const DIAMETER = 19;
const CELLS = 271;
/** The reference's move limit: the game ends drawn with this many stones on the board. */
const MOVE_LIMIT = 150;
const STONES = ['B', 'W'];
const LETTERS = 'ABCDEFGHIJKLMNOPQRS';
/** Direction steps [dx, dy] in cyclic order around a cell. */
const STEPS = [[1, 0], [1, -1], [0, -1], [-1, 0], [-1, 1], [0, 1]];

function onBoard(x: number, y: number): boolean {
  return x >= 0 && y >= 0 && x < DIAMETER && y < DIAMETER && x + y >= SIDE - 1 && x + y <= 3 * (SIDE - 1);
}

function buildGrid(): number[] {
  const grid: number[] = [];
  let next = 0;
  for (let y = 0; y < DIAMETER; y++) {
    for (let x = 0; x < DIAMETER; x++) {
      if (onBoard(x, y)) {
        grid.push(next);
        next++;
      } else {
        grid.push(-1);
      }
    }
  }
  return grid;
}

/** GRID[y * 19 + x] is the cell index of (x, y), or -1 off the board. */
const GRID: number[] = buildGrid();

function buildCoordinates(): number[][] {
  const coordinates: number[][] = [];
  for (let y = 0; y < DIAMETER; y++) {
    for (let x = 0; x < DIAMETER; x++) {
      if (onBoard(x, y)) coordinates.push([x, y]);
    }
  }
  return coordinates;
}

/** COORDINATES[cell] is [x, y]. */
const COORDINATES: number[][] = buildCoordinates();

function buildAround(): number[][] {
  const table: number[][] = [];
  for (let cell = 0; cell < CELLS; cell++) {
    const x = COORDINATES[cell][0];
    const y = COORDINATES[cell][1];
    const around: number[] = [];
    for (let d = 0; d < 6; d++) {
      const nx = x + STEPS[d][0];
      const ny = y + STEPS[d][1];
      around.push(onBoard(nx, ny) ? GRID[ny * DIAMETER + nx] : -1);
    }
    table.push(around);
  }
  return table;
}

/** AROUND[cell][d]: the neighbour in direction d (cyclic order), or -1 off the board. */
const AROUND: number[][] = buildAround();

function buildNeighbors(): number[][] {
  const table: number[][] = [];
  for (let cell = 0; cell < CELLS; cell++) {
    const list: number[] = [];
    for (let d = 0; d < 6; d++) {
      if (AROUND[cell][d] >= 0) list.push(AROUND[cell][d]);
    }
    table.push(list);
  }
  return table;
}

/** NEIGHBORS[cell] lists the neighbours on the board. */
const NEIGHBORS: number[][] = buildNeighbors();

function buildBoundary(): boolean[] {
  const boundary: boolean[] = [];
  for (let cell = 0; cell < CELLS; cell++) boundary.push(NEIGHBORS[cell].length < 6);
  return boundary;
}

/** Cells on the rim of the board (fewer than six neighbours); a ring can never enclose them. */
const BOUNDARY: boolean[] = buildBoundary();

function buildCorners(): boolean[] {
  const corners: boolean[] = [];
  for (let cell = 0; cell < CELLS; cell++) corners.push(NEIGHBORS[cell].length === 3);
  return corners;
}

/** The six corner cells (three neighbours each): J1, S1, S10, J19, A19, A10. */
const CORNERS: boolean[] = buildCorners();

function buildActions(): Action[] {
  const actions: Action[] = [];
  for (let cell = 0; cell < CELLS; cell++) {
    actions.push(`${LETTERS[COORDINATES[cell][0]]}${COORDINATES[cell][1] + 1}`);
  }
  return actions;
}

/** ACTIONS[cell] is the action string that places a stone there, e.g. "J10". */
const ACTIONS: Action[] = buildActions();

function buildIndex(): Record<string, number> {
  const index: Record<string, number> = {};
  for (let cell = 0; cell < CELLS; cell++) index[ACTIONS[cell]] = cell;
  return index;
}

/** Action string -> cell. */
const ACTION_INDEX: Record<string, number> = buildIndex();

function buildZeros(): number[] {
  const zeros: number[] = [];
  for (let cell = 0; cell < CELLS; cell++) zeros.push(0);
  return zeros;
}

/** Template for per-call visited marks. */
const ZEROS: number[] = buildZeros();

function buildEmptyBoard(): string {
  let board = '';
  for (let cell = 0; cell < CELLS; cell++) board += '.';
  return board;
}

/** The empty board: 271 dots. */
const EMPTY_BOARD: string = buildEmptyBoard();

/** Whether the group of `stone` through `cell` reaches at least two corners. */
function linksCorners(board: string, cell: number, stone: string): boolean {
  const seen = ZEROS.slice();
  const group: number[] = [cell];
  seen[cell] = 1;
  let corners = 0;
  let next = 0;
  while (next < group.length) {
    const c = group[next];
    next++;
    if (CORNERS[c]) {
      corners++;
      if (corners >= 2) return true;
    }
    const list = NEIGHBORS[c];
    for (let i = 0; i < list.length; i++) {
      const n = list[i];
      if (seen[n] === 0 && board[n] === stone) {
        seen[n] = 1;
        group.push(n);
      }
    }
  }
  return false;
}

/** Whether the region of cells not holding `stone` that contains `start` stays off the rim. */
function enclosed(board: string, start: number, stone: string): boolean {
  const seen = ZEROS.slice();
  const stack: number[] = [start];
  seen[start] = 1;
  while (stack.length > 0) {
    const c = stack.pop() as number;
    if (BOUNDARY[c]) return false;
    const list = NEIGHBORS[c];
    for (let i = 0; i < list.length; i++) {
      const n = list[i];
      if (seen[n] === 0 && board[n] !== stone) {
        seen[n] = 1;
        stack.push(n);
      }
    }
  }
  return true;
}

/**
 * Whether the stone just placed at `cell` closes a ring: some cells not
 * holding `stone` are now cut off from the rim. Only the gaps between the new
 * stone's own neighbours can have been cut off, and only if there are at
 * least two such gaps around it.
 */
function closesRing(board: string, cell: number, stone: string): boolean {
  const around = AROUND[cell];
  let first = -1;
  for (let d = 0; d < 6; d++) {
    if (around[d] >= 0 && board[around[d]] === stone) {
      first = d;
      break;
    }
  }
  if (first < 0) return false;
  // Walk once around the cell from an own neighbour, collecting the gaps
  // (runs of non-own directions); a gap that touches off-board is open.
  const starts: number[] = [];
  let gaps = 0;
  let inGap = false;
  let open = false;
  let representative = -1;
  for (let step = 1; step <= 6; step++) {
    const d = first + step < 6 ? first + step : first + step - 6;
    const n = around[d];
    const own = n >= 0 && board[n] === stone;
    if (!own) {
      if (!inGap) {
        inGap = true;
        open = false;
        representative = -1;
        gaps++;
      }
      if (n < 0) open = true;
      else if (representative < 0) representative = n;
    } else if (inGap) {
      inGap = false;
      if (!open) starts.push(representative);
    }
  }
  if (gaps < 2) return false;
  for (let i = 0; i < starts.length; i++) {
    if (enclosed(board, starts[i], stone)) return true;
  }
  return false;
}

export function getInitialState(): State {
  return { board: EMPTY_BOARD, currentPlayer: 0, winner: null, moves: 0 };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'P1' : 'P2';
}

export function getLegalActions(state: State): Action[] {
  if (state.currentPlayer === TERMINAL) return [];
  const board = state.board;
  const actions: Action[] = [];
  for (let cell = 0; cell < CELLS; cell++) {
    if (board[cell] === '.') actions.push(ACTIONS[cell]);
  }
  return actions;
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the game is over; "${action}" cannot be played`);
  const cell = ACTION_INDEX[action];
  if (cell === undefined || ACTIONS[cell] !== action) {
    throw new Error(`"${action}" is not a cell of the board (expected a column A-S and a row 1-19 whose column index (A = 0) plus row index (1 = 0) is 9 to 27, e.g. "J10")`);
  }
  if (state.board[cell] !== '.') throw new Error(`"${action}": that cell is already occupied`);
  const stone = STONES[player];
  const board = state.board.slice(0, cell) + stone + state.board.slice(cell + 1);
  const moves = state.moves + 1;
  if (linksCorners(board, cell, stone) || closesRing(board, cell, stone)) {
    return { board, currentPlayer: TERMINAL, winner: player, moves };
  }
  return { board, currentPlayer: moves >= MOVE_LIMIT ? TERMINAL : 1 - player, winner: null, moves };
}

export function getRewards(state: State): number[] {
  if (state.winner === null) return [0, 0];
  return state.winner === 0 ? [1, -1] : [-1, 1];
}

export function getObservations(state: State): Observation[] {
  return [state, state];
}
