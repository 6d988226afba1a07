// The game of Y as a GameCWM on a triangular board of hexagonal cells with 5
// cells per side (15 cells), the board of the paper's reference. Black (player
// 0) moves first; players alternate placing stones; the first player whose
// connected group touches all three sides wins (a corner cell touches both of
// its sides). A full board always has a winner, so there are no draws. Written
// in the contract's subset: pure functions over JSON state.
//
// Cells are "x,y" with x >= 0, y >= 0 and x + y <= 4. The three sides are
// x = 0, y = 0 and x + y = 4. The neighbours of (x, y) are (x, y-1),
// (x+1, y-1), (x+1, y), (x, y+1), (x-1, y+1) and (x-1, y).
//
// The paper's reference also accepts (never lists) a cell off the board, such
// as "4,1", which its scenarios play: the stone is kept beside the board,
// counts towards the 15 stones that end the game, and takes part in groups
// by the same neighbour and side rules as any cell.

export type Action = string;

export interface State {
  /** Cells in action order ("0,0", "1,0", ..., "4,0", "0,1", ...): ".", "B" or "W". */
  board: string[];
  /** Player to move (0 = Black, 1 = White), or -4 once the game is over. */
  currentPlayer: number;
  /** 0 or 1 once someone's group touches all three sides, else null. */
  winner: number | null;
  /** Stones placed so far, off-board ones included (0..15). */
  moves: number;
  /** Stones played off the board (never legal, accepted as the reference does), sorted by cell. */
  offBoard: OffBoardStone[];
}

export interface OffBoardStone {
  cell: string;
  x: number;
  y: number;
  stone: string;
}

/** Perfect information: every player sees the whole state. */
export type Observation = State;

const TERMINAL = -4;
const SIZE = 5;
const STONES = ['B', 'W'];

function inside(x: number, y: number): boolean {
  return x >= 0 && y >= 0 && x + y < SIZE;
}

function buildCoordinates(): number[][] {
  const cells: number[][] = [];
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x + y < SIZE; x++) cells.push([x, y]);
  }
  return cells;
}

/** COORDINATES[cell] is [x, y], row y by row y, x ascending within a row. */
const COORDINATES: number[][] = buildCoordinates();
const CELLS = COORDINATES.length;

/** The cell index of (x, y), which must be inside the board. */
function cellOf(x: number, y: number): number {
  // Rows 0..y-1 hold SIZE, SIZE-1, ... cells.
  return y * SIZE - Math.floor((y * (y - 1)) / 2) + x;
}

/** ACTIONS[cell] is the action string "x,y" that places a stone there. */
const ACTIONS: Action[] = COORDINATES.map((c) => `${c[0]},${c[1]}`);

/** The six neighbour steps [dx, dy]. */
const STEPS: number[][] = [[0, -1], [1, -1], [1, 0], [0, 1], [-1, 1], [-1, 0]];

function buildEmptyBoard(): string[] {
  const board: string[] = [];
  for (let cell = 0; cell < CELLS; cell++) board.push('.');
  return board;
}

const EMPTY_BOARD: string[] = buildEmptyBoard();
const EMPTY_MARKS: boolean[] = EMPTY_BOARD.map(() => false);

/** The stone at (x, y), on the board or beside it: ".", "B" or "W". */
function stoneAt(state: State, x: number, y: number): string {
  if (inside(x, y)) return state.board[cellOf(x, y)];
  const off = state.offBoard;
  for (let i = 0; i < off.length; i++) {
    if (off[i].x === x && off[i].y === y) return off[i].stone;
  }
  return '.';
}

/** Whether the group of `stone` through (x, y) touches all three sides. */
function touchesAllSides(state: State, x: number, y: number, stone: string): boolean {
  // Cells on the board are marked by index; the rare off-board ones by name.
  const seen: boolean[] = EMPTY_MARKS.slice();
  const seenOff: string[] = [];
  const group: number[] = [x, y];
  if (inside(x, y)) seen[cellOf(x, y)] = true;
  else seenOff.push(`${x},${y}`);
  let sideX = false;
  let sideY = false;
  let sideFar = false;
  for (let next = 0; next < group.length; next += 2) {
    const cx = group[next];
    const cy = group[next + 1];
    if (cx === 0) sideX = true;
    if (cy === 0) sideY = true;
    if (cx + cy === SIZE - 1) sideFar = true;
    if (sideX && sideY && sideFar) return true;
    for (let i = 0; i < 6; i++) {
      const nx = cx + STEPS[i][0];
      const ny = cy + STEPS[i][1];
      if (inside(nx, ny)) {
        const cell = cellOf(nx, ny);
        if (seen[cell] || state.board[cell] !== stone) continue;
        seen[cell] = true;
      } else {
        if (state.offBoard.length === 0 || stoneAt(state, nx, ny) !== stone) continue;
        const key = `${nx},${ny}`;
        if (seenOff.indexOf(key) >= 0) continue;
        seenOff.push(key);
      }
      group.push(nx, ny);
    }
  }
  return false;
}

/** [x, y] of an action "x,y" written as integers without padding, else null. */
function parseCell(action: Action): number[] | null {
  const parts = action.split(',');
  if (parts.length !== 2) return null;
  const x = Number(parts[0]);
  const y = Number(parts[1]);
  if (!Number.isInteger(x) || !Number.isInteger(y) || `${x},${y}` !== action) return null;
  return [x, y];
}

export function getInitialState(): State {
  return { board: EMPTY_BOARD.slice(), currentPlayer: 0, winner: null, moves: 0, offBoard: [] };
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
  const at = parseCell(action);
  if (at === null) {
    throw new Error(`"${action}" is not a cell (expected "x,y" with x >= 0, y >= 0 and x + y <= 4, e.g. "2,1")`);
  }
  const x = at[0];
  const y = at[1];
  if (stoneAt(state, x, y) !== '.') throw new Error(`"${action}": that cell is already occupied`);
  const stone = STONES[player];
  let board = state.board;
  let offBoard = state.offBoard;
  if (inside(x, y)) {
    board = board.slice();
    board[cellOf(x, y)] = stone;
  } else {
    offBoard = offBoard.concat([{ cell: action, x, y, stone }]);
    offBoard.sort((p, q) => (p.cell < q.cell ? -1 : p.cell > q.cell ? 1 : 0));
  }
  const moves = state.moves + 1;
  if (touchesAllSides({ ...state, board, offBoard }, x, y, stone)) {
    return { board, currentPlayer: TERMINAL, winner: player, moves, offBoard };
  }
  // A full board always contains a winning group (checked exhaustively in the
  // tests), so the game ends without a winner only after off-board stones.
  return { board, currentPlayer: moves === CELLS ? TERMINAL : 1 - player, winner: null, moves, offBoard };
}

export function getRewards(state: State): number[] {
  if (state.winner === null) return [0, 0];
  return state.winner === 0 ? [1, -1] : [-1, 1];
}

export function getObservations(state: State): Observation[] {
  return [state, state];
}
