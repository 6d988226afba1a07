// Go as a GameCWM on a 9x9 board: Black (player 0) moves first, stones with no
// liberties are captured, suicide is illegal unless the move captures, ko as
// the paper's golden tests it (see `previousStones`), two passes in a row end
// the game, area scoring with komi 6.5 for White. As in
// the paper's golden, the rewards are the area score's verdict at every state
// (not only at the end). The golden sets no length limit; ours ends the game
// after MAX_MOVES actions, far beyond where random play ends, so that every
// game has a true length bound. Written in the contract's subset: pure
// functions over JSON state.

export type Action = string;

export interface State {
  /** Row-major points, row 0 at the top: ".", "B" or "W". */
  board: string[];
  /** Player to move (0 = Black, 1 = White), or -4 once the game is over. */
  currentPlayer: number;
  /**
   * The stones of the board before the last action, in row-major order with
   * the empty points left out ("" at the start). A placement whose resulting
   * board reads the same is forbidden: this is the paper's golden's ko test,
   * which catches every ko retake and also, since it ignores where the stones
   * stand, a few placements that recreate no earlier board.
   */
  previousStones: string;
  /** Consecutive passes just played (2 or more once the game is over). */
  passes: number;
  /** Stones captured so far: [by Black, by White]. */
  captures: number[];
  /** Actions (placements and passes) played so far. */
  moves: number;
}

/**
 * Both players see the board, the capture counts and the passes, as in the
 * paper's golden; like its observation, ours does not name the player to move
 * (the player asked to act knows) nor a ko ban (a function of the history).
 */
export interface Observation {
  board: string[];
  captures: number[];
  passes: number;
}

const TERMINAL = -4;
const SIZE = 9;
const POINTS = 81;
const KOMI = 6.5;
/**
 * The added move cap (the golden has none). Random play ends by two passes
 * long before it: the longest of 20,000 seeded random games here was 517.
 */
const MAX_MOVES = 1000;
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

/** The area scores [Black, White + komi] of the board as it stands. */
export function scores(state: State): number[] {
  const area = areaScores(state.board);
  return [area[0], area[1] + KOMI];
}

export function getInitialState(): State {
  return { board: emptyBoard(), currentPlayer: 0, previousStones: '', passes: 0, captures: [0, 0], moves: 0 };
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
  const sizes: number[] = [];
  const stack: number[] = [];
  let stones = 0;
  for (let s = 0; s < POINTS; s++) {
    if (board[s] === '.' || label[s] !== -1) continue;
    const g = liberties.length;
    const stone = board[s];
    let count = 0;
    let size = 0;
    label[s] = g;
    stack.push(s);
    while (stack.length > 0) {
      const q = stack.pop() as number;
      size++;
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
    sizes.push(size);
    stones += size;
  }
  // A placement can read as the previous board only if it captures exactly this many stones.
  const koCaptures = stones + 1 - state.previousStones.length;
  // A placement is legal unless it leaves its own group without liberties while
  // capturing nothing, or reads as the board before the opponent's last action.
  const actions: Action[] = [];
  const counted: number[] = [];
  for (let p = 0; p < POINTS; p++) {
    if (board[p] !== '.') continue;
    const list = NEIGHBORS[p];
    let legal = false;
    let captures = 0;
    counted.length = 0;
    for (let i = 0; i < list.length; i++) {
      const n = list[i];
      const content = board[n];
      if (content === '.') {
        legal = true;
        continue;
      }
      const libs = liberties[label[n]];
      if (content === own) {
        if (libs > 1) legal = true;
      } else if (libs === 1 && counted.indexOf(label[n]) < 0) {
        legal = true;
        counted.push(label[n]);
        captures += sizes[label[n]];
      }
    }
    if (legal && captures === koCaptures) legal = !repeatsPrevious(state, p, player);
    if (legal) actions.push(ACTIONS[p]);
  }
  actions.push(ACTIONS[PASS]);
  return actions;
}

/**
 * Places `own` on the empty point `p` of `board` (changed in place) and removes
 * the opposing groups left without a liberty: the captured points, or null if
 * it captured nothing and its own group has no liberty (suicide).
 */
function place(board: string[], p: number, own: string, opponent: string): number[] | null {
  board[p] = own;
  const list = NEIGHBORS[p];
  const captured: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const n = list[i];
    if (board[n] !== opponent) continue;
    const dead = deadGroup(board, n);
    if (dead === null) continue;
    for (let j = 0; j < dead.length; j++) {
      board[dead[j]] = '.';
      captured.push(dead[j]);
    }
  }
  if (captured.length === 0 && deadGroup(board, p) !== null) return null;
  return captured;
}

/** The board's stones in row-major order, the empty points left out (the golden's board hash). */
function stonesOf(board: string[]): string {
  let text = '';
  for (let p = 0; p < POINTS; p++) if (board[p] !== '.') text += board[p];
  return text;
}

/** The placements the ko test forbids right now (for renderers), as action strings. */
export function koBans(state: State): Action[] {
  const banned: Action[] = [];
  if (state.currentPlayer === TERMINAL) return banned;
  for (let p = 0; p < POINTS; p++) {
    if (state.board[p] === '.' && repeatsPrevious(state, p, state.currentPlayer)) banned.push(ACTIONS[p]);
  }
  return banned;
}

/** Whether `player` placing on the empty point `p` leaves a board that reads as `previousStones`. */
function repeatsPrevious(state: State, p: number, player: number): boolean {
  const board = state.board.slice();
  return place(board, p, STONES[player], STONES[1 - player]) !== null && stonesOf(board) === state.previousStones;
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) {
    // The paper's scenarios pass once more after the game has ended; the golden keeps it ended.
    if (action === 'pass') return { ...state, passes: state.passes + 1 };
    throw new Error(`the game is over; "${action}" cannot be played`);
  }
  const index = ACTION_INDEX[action];
  if (index === undefined || ACTIONS[index] !== action) {
    throw new Error(`"${action}" is not a go action (expected "place_<row>_<col>" with row and col 0-8, or "pass")`);
  }
  const moves = state.moves + 1;
  if (index === PASS) {
    const passes = state.passes + 1;
    const over = passes >= 2 || moves >= MAX_MOVES;
    return { ...state, currentPlayer: over ? TERMINAL : 1 - player, previousStones: stonesOf(state.board), passes, moves };
  }
  const p = index;
  if (state.board[p] !== '.') throw new Error(`"${action}": that point is already occupied`);
  const board = state.board.slice();
  const captured = place(board, p, STONES[player], STONES[1 - player]);
  if (captured === null) {
    throw new Error(`"${action}" is suicide: the stone's group would have no liberties and it captures nothing`);
  }
  if (stonesOf(board) === state.previousStones) {
    throw new Error(`"${action}": the board would read as it did before the opponent's last action (a ko)`);
  }
  const captures = state.captures.slice();
  captures[player] += captured.length;
  return {
    board, currentPlayer: moves >= MAX_MOVES ? TERMINAL : 1 - player, previousStones: stonesOf(state.board),
    passes: 0, captures, moves,
  };
}

/** The area score's verdict on the board as it stands: the golden rewards every state so. */
export function getRewards(state: State): number[] {
  const score = scores(state);
  return score[0] > score[1] ? [1, -1] : [-1, 1];
}

export function getObservations(state: State): Observation[] {
  const seen: Observation = { board: state.board, captures: state.captures, passes: state.passes };
  return [seen, seen];
}
