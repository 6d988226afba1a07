// Go as a GameCWM on a 9x9 board: Black (player 0) moves first, stones with no
// liberties are captured, suicide is illegal unless the move captures, simple
// ko forbids recreating the position before the opponent's last move, two
// passes in a row end the game, area scoring with komi 6.5 for White. A game
// also ends after 162 actions (twice the number of points), as OpenSpiel's go
// does, so every game has a true length bound. Written in the contract's
// subset: pure functions over JSON state.

export type Action = string;

export interface State {
  /** Row-major points, row 0 at the top: ".", "B" or "W". */
  board: string[];
  /** Player to move (0 = Black, 1 = White), or -4 once the game is over. */
  currentPlayer: number;
  /**
   * The point the player to move may not play because it would retake a ko
   * (recreate the position before the opponent's last move), or -1.
   */
  koPoint: number;
  /** Consecutive passes just played (0, 1, or 2 at the end). */
  passes: number;
  /** Actions (placements and passes) played so far. */
  moves: number;
  /** Area scores [Black, White + komi] once the game is over, else null. */
  score: number[] | null;
  /** 0 or 1 once the game is over, else null (komi 6.5 rules out ties). */
  winner: number | null;
}

/** Perfect information: every player sees the whole state. */
export type Observation = State;

const TERMINAL = -4;
const SIZE = 9;
const POINTS = 81;
const KOMI = 6.5;
/** The added move cap: twice the number of points (OpenSpiel's default for go). */
const MAX_MOVES = 162;
const PASS = 81;
const STONES = ['B', 'W'];

function buildActions(): Action[] {
  const actions: Action[] = [];
  for (let r = 0; r < SIZE; r++) {
    for (let c = 0; c < SIZE; c++) actions.push(`place_${r}_${c}`);
  }
  actions.push('pass');
  return actions;
}

/** ACTIONS[point] places a stone on that point (row-major); ACTIONS[81] is "pass". */
const ACTIONS: Action[] = buildActions();

function buildIndex(): Record<string, number> {
  const index: Record<string, number> = {};
  for (let i = 0; i < ACTIONS.length; i++) index[ACTIONS[i]] = i;
  return index;
}

/** Action string -> index into ACTIONS. */
const ACTION_INDEX: Record<string, number> = buildIndex();

function buildNeighbors(): number[][] {
  const table: number[][] = [];
  for (let r = 0; r < SIZE; r++) {
    for (let c = 0; c < SIZE; c++) {
      const list: number[] = [];
      if (r > 0) list.push((r - 1) * SIZE + c);
      if (c > 0) list.push(r * SIZE + c - 1);
      if (c < SIZE - 1) list.push(r * SIZE + c + 1);
      if (r < SIZE - 1) list.push((r + 1) * SIZE + c);
      table.push(list);
    }
  }
  return table;
}

/** NEIGHBORS[point] lists the orthogonally adjacent points. */
const NEIGHBORS: number[][] = buildNeighbors();

function filled(value: number): number[] {
  const list: number[] = [];
  for (let i = 0; i < POINTS; i++) list.push(value);
  return list;
}

/** Templates copied with slice() for per-call scratch arrays. */
const ZEROS: number[] = filled(0);
const MINUS_ONES: number[] = filled(-1);

function emptyBoard(): string[] {
  const board: string[] = [];
  for (let i = 0; i < POINTS; i++) board.push('.');
  return board;
}

/**
 * The stones of the group at `start` if that group has no liberty, else null
 * (the search stops at the first liberty found).
 */
function deadGroup(board: string[], start: number): number[] | null {
  const stone = board[start];
  const seen = ZEROS.slice();
  const group: number[] = [start];
  seen[start] = 1;
  let next = 0;
  while (next < group.length) {
    const list = NEIGHBORS[group[next]];
    next++;
    for (let i = 0; i < list.length; i++) {
      const n = list[i];
      const content = board[n];
      if (content === '.') return null;
      if (content === stone && seen[n] === 0) {
        seen[n] = 1;
        group.push(n);
      }
    }
  }
  return group;
}

/** [Black area, White area]: stones plus empty regions that touch only that color. */
function areaScores(board: string[]): number[] {
  let black = 0;
  let white = 0;
  const seen = ZEROS.slice();
  for (let p = 0; p < POINTS; p++) {
    const content = board[p];
    if (content === 'B') {
      black++;
    } else if (content === 'W') {
      white++;
    } else if (seen[p] === 0) {
      const region: number[] = [p];
      seen[p] = 1;
      let touchesBlack = false;
      let touchesWhite = false;
      let next = 0;
      while (next < region.length) {
        const list = NEIGHBORS[region[next]];
        next++;
        for (let i = 0; i < list.length; i++) {
          const n = list[i];
          const c = board[n];
          if (c === 'B') {
            touchesBlack = true;
          } else if (c === 'W') {
            touchesWhite = true;
          } else if (seen[n] === 0) {
            seen[n] = 1;
            region.push(n);
          }
        }
      }
      if (touchesBlack && !touchesWhite) black += region.length;
      if (touchesWhite && !touchesBlack) white += region.length;
    }
  }
  return [black, white];
}

/** The state after the game ends on `board`: scored by area, komi to White. */
function finished(board: string[], passes: number, moves: number): State {
  const area = areaScores(board);
  const score = [area[0], area[1] + KOMI];
  return {
    board, currentPlayer: TERMINAL, koPoint: -1, passes, moves, score,
    winner: score[0] > score[1] ? 0 : 1,
  };
}

export function getInitialState(): State {
  return {
    board: emptyBoard(), currentPlayer: 0, koPoint: -1, passes: 0, moves: 0, score: null, winner: null,
  };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'Black' : 'White';
}

export function getLegalActions(state: State): Action[] {
  const player = state.currentPlayer;
  if (player === TERMINAL) return [];
  const board = state.board;
  const own = STONES[player];
  // Label every group once and count its distinct liberties.
  const label = MINUS_ONES.slice();
  const libertyMark = ZEROS.slice();
  const liberties: number[] = [];
  const stack: number[] = [];
  for (let s = 0; s < POINTS; s++) {
    if (board[s] === '.' || label[s] !== -1) continue;
    const g = liberties.length;
    const stone = board[s];
    let count = 0;
    label[s] = g;
    stack.push(s);
    while (stack.length > 0) {
      const q = stack.pop() as number;
      const list = NEIGHBORS[q];
      for (let i = 0; i < list.length; i++) {
        const n = list[i];
        const content = board[n];
        if (content === '.') {
          if (libertyMark[n] !== g + 1) {
            libertyMark[n] = g + 1;
            count++;
          }
        } else if (content === stone && label[n] === -1) {
          label[n] = g;
          stack.push(n);
        }
      }
    }
    liberties.push(count);
  }
  // A placement is legal unless it is the ko point or leaves its own group
  // without liberties while capturing nothing.
  const actions: Action[] = [];
  for (let p = 0; p < POINTS; p++) {
    if (board[p] !== '.' || p === state.koPoint) continue;
    const list = NEIGHBORS[p];
    let legal = false;
    for (let i = 0; i < list.length; i++) {
      const n = list[i];
      const content = board[n];
      if (content === '.') {
        legal = true;
        break;
      }
      const libs = liberties[label[n]];
      if (content === own ? libs > 1 : libs === 1) {
        legal = true;
        break;
      }
    }
    if (legal) actions.push(ACTIONS[p]);
  }
  actions.push(ACTIONS[PASS]);
  return actions;
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the game is over; "${action}" cannot be played`);
  const index = ACTION_INDEX[action];
  if (index === undefined || ACTIONS[index] !== action) {
    throw new Error(`"${action}" is not a go action (expected "place_<row>_<col>" with row and col 0-8, or "pass")`);
  }
  const moves = state.moves + 1;
  if (index === PASS) {
    const passes = state.passes + 1;
    if (passes >= 2 || moves >= MAX_MOVES) return finished(state.board, passes, moves);
    return { ...state, currentPlayer: 1 - player, koPoint: -1, passes, moves };
  }
  const p = index;
  if (state.board[p] !== '.') throw new Error(`"${action}": that point is already occupied`);
  if (p === state.koPoint) throw new Error(`"${action}": retaking the ko at once would recreate the previous position`);
  const own = STONES[player];
  const opponent = STONES[1 - player];
  const board = state.board.slice();
  board[p] = own;
  const list = NEIGHBORS[p];
  let captured = 0;
  let capturedAt = -1;
  for (let i = 0; i < list.length; i++) {
    const n = list[i];
    if (board[n] !== opponent) continue;
    const dead = deadGroup(board, n);
    if (dead !== null) {
      for (let j = 0; j < dead.length; j++) board[dead[j]] = '.';
      captured += dead.length;
      capturedAt = n;
    }
  }
  if (captured === 0 && deadGroup(board, p) !== null) {
    throw new Error(`"${action}" is suicide: the stone's group would have no liberties and it captures nothing`);
  }
  // Simple ko: a lone stone that captured exactly one stone and has that
  // point as its only liberty could be recaptured at once, recreating the
  // position; the opponent may not play there on the next move.
  let koPoint = -1;
  if (captured === 1) {
    let friends = 0;
    let empties = 0;
    for (let i = 0; i < list.length; i++) {
      const content = board[list[i]];
      if (content === own) friends++;
      else if (content === '.') empties++;
    }
    if (friends === 0 && empties === 1) koPoint = capturedAt;
  }
  if (moves >= MAX_MOVES) return finished(board, 0, moves);
  return { board, currentPlayer: 1 - player, koPoint, passes: 0, moves, score: null, winner: null };
}

export function getRewards(state: State): number[] {
  if (state.winner === null) return [0, 0];
  return state.winner === 0 ? [1, -1] : [-1, 1];
}

export function getObservations(state: State): Observation[] {
  return [state, state];
}
