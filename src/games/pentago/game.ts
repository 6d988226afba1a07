// Pentago as a GameCWM: a 6x6 board made of four 3x3 quadrants; "x" (player 0)
// moves first. A turn is one action: place a marble on an empty cell, then
// turn one quadrant a quarter turn clockwise or counter-clockwise. Five in a
// row (checked after the turn) wins; five for both at once, or a full board,
// is a draw. Written in the contract's subset.

export type Action = string;

export interface State {
  /** 36 cells, row-major, row 0 at the top: ".", "x" or "o". */
  board: string[];
  /** Player to move (0 or 1), or -4 once the game is over. */
  currentPlayer: number;
  /** 0 or 1 once a player has won, else null (also null after a draw). */
  winner: number | null;
  /** Marbles placed so far (0..36). */
  moves: number;
}

/** Perfect information: every player sees the whole state. */
export type Observation = State;

const TERMINAL = -4;
const MARKS = ['x', 'o'];
const DIRECTION_NAMES = ['CW', 'CCW'];

/**
 * ROTATIONS[quadrant * 2 + dir]: 18 numbers, pairs (destination, source):
 * after the turn, board[destination] holds what board[source] held.
 * Clockwise takes a quadrant's top-left cell to its top-right cell.
 */
function buildRotations(): number[][] {
  const rotations: number[][] = [];
  for (let q = 0; q < 4; q++) {
    const top = q >= 2 ? 3 : 0;
    const left = q === 1 || q === 3 ? 3 : 0;
    for (let dir = 0; dir < 2; dir++) {
      const pairs: number[] = [];
      for (let r = 0; r < 3; r++) {
        for (let c = 0; c < 3; c++) {
          // Clockwise: new (r, c) <- old (2 - c, r); counter-clockwise: new (r, c) <- old (c, 2 - r).
          const sr = dir === 0 ? 2 - c : c;
          const sc = dir === 0 ? r : 2 - r;
          pairs.push((top + r) * 6 + left + c, (top + sr) * 6 + left + sc);
        }
      }
      rotations.push(pairs);
    }
  }
  return rotations;
}

const ROTATIONS = buildRotations();

/** Every line of five cells on the board, as cell indices. */
function buildLines(): number[][] {
  const lines: number[][] = [];
  const steps = [[0, 1], [1, 0], [1, 1], [1, -1]];
  for (let r = 0; r < 6; r++) {
    for (let c = 0; c < 6; c++) {
      for (let s = 0; s < 4; s++) {
        const er = r + steps[s][0] * 4;
        const ec = c + steps[s][1] * 4;
        if (er < 0 || er >= 6 || ec < 0 || ec >= 6) continue;
        const line: number[] = [];
        for (let i = 0; i < 5; i++) line.push((r + steps[s][0] * i) * 6 + c + steps[s][1] * i);
        lines.push(line);
      }
    }
  }
  return lines;
}

/** The 32 lines of five: 12 horizontal, 12 vertical, 8 diagonal. */
const LINES = buildLines();

/** ACTIONS[player][cell * 8 + quadrant * 2 + dir]. */
function buildActions(player: number): Action[] {
  const actions: Action[] = [];
  for (let cell = 0; cell < 36; cell++) {
    const r = Math.floor(cell / 6);
    for (let q = 0; q < 4; q++) {
      for (let dir = 0; dir < 2; dir++) {
        actions.push(`${MARKS[player]}(${r},${cell - r * 6})_rotate_${q}_${DIRECTION_NAMES[dir]}`);
      }
    }
  }
  return actions;
}

const ACTIONS = [buildActions(0), buildActions(1)];

function buildLookup(player: number): Record<string, number> {
  const lookup: Record<string, number> = {};
  for (let i = 0; i < ACTIONS[player].length; i++) lookup[ACTIONS[player][i]] = i;
  return lookup;
}

/** LOOKUP[player][action]: the action's index in ACTIONS[player]. */
const LOOKUP = [buildLookup(0), buildLookup(1)];

function hasFive(board: string[], mark: string): boolean {
  for (let i = 0; i < LINES.length; i++) {
    const line = LINES[i];
    if (board[line[0]] === mark && board[line[1]] === mark && board[line[2]] === mark
      && board[line[3]] === mark && board[line[4]] === mark) return true;
  }
  return false;
}

export function getInitialState(): State {
  const board: string[] = [];
  for (let i = 0; i < 36; i++) board.push('.');
  return { board, currentPlayer: 0, winner: null, moves: 0 };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'x' : 'o';
}

export function getLegalActions(state: State): Action[] {
  const player = state.currentPlayer;
  if (player === TERMINAL) return [];
  const own = ACTIONS[player];
  const actions: Action[] = [];
  for (let cell = 0; cell < 36; cell++) {
    if (state.board[cell] !== '.') continue;
    for (let i = cell * 8; i < cell * 8 + 8; i++) actions.push(own[i]);
  }
  return actions;
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the game is over; "${action}" cannot be played`);
  const index = LOOKUP[player][action];
  if (index === undefined || ACTIONS[player][index] !== action) {
    throw new Error(`"${action}" is not an action of ${getPlayerName(player)} (expected ${MARKS[player]}(row,col)_rotate_<0-3>_<CW|CCW>)`);
  }
  const cell = Math.floor(index / 8);
  if (state.board[cell] !== '.') throw new Error(`"${action}": that cell is already taken`);
  const placed = state.board.slice();
  placed[cell] = MARKS[player];
  const board = placed.slice();
  const pairs = ROTATIONS[index - cell * 8];
  for (let i = 0; i < 18; i += 2) board[pairs[i]] = placed[pairs[i + 1]];
  const moves = state.moves + 1;
  const mine = hasFive(board, MARKS[player]);
  const theirs = hasFive(board, MARKS[1 - player]);
  if (mine && theirs) return { board, currentPlayer: TERMINAL, winner: null, moves };
  if (mine) return { board, currentPlayer: TERMINAL, winner: player, moves };
  if (theirs) return { board, currentPlayer: TERMINAL, winner: 1 - player, moves };
  return { board, currentPlayer: moves === 36 ? TERMINAL : 1 - player, winner: null, moves };
}

export function getRewards(state: State): number[] {
  if (state.winner === null) return [0, 0];
  return state.winner === 0 ? [1, -1] : [-1, 1];
}

export function getObservations(state: State): Observation[] {
  return [state, state];
}
