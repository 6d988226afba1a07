// Dots and Boxes as a GameCWM on a 3x3 grid of dots (2x2 boxes, 12 lines).
// Players take turns drawing a line; whoever draws the fourth side of a box
// claims it and moves again. The game ends when every line is drawn; more
// boxes wins; before the end, the rewards show who is ahead so far. Written
// in the contract's subset: pure functions over JSON state.

export type Action = string;

export interface State {
  /**
   * Whether each of the 12 lines is drawn: indices 0-5 are the horizontal
   * lines h_R_C at 2 * R + C, indices 6-11 the vertical lines v_R_C at
   * 6 + 3 * R + C.
   */
  lines: boolean[];
  /** Owner (0 or 1) of each box, row-major (box R,C at 2 * R + C), or -1 while open. */
  owners: number[];
  /** Boxes claimed by player 0 and player 1. */
  scores: number[];
  /** Player to move (0 or 1), or -4 once every line is drawn. */
  currentPlayer: number;
  /** Lines drawn so far. */
  drawn: number;
}

/** Perfect information: every player sees the whole state. */
export type Observation = State;

const TERMINAL = -4;
const LINE_COUNT = 12;

/** The action string of each line index, horizontal lines first, each group row-major. */
const LINE_NAMES: Action[] = [
  'h_0_0', 'h_0_1', 'h_1_0', 'h_1_1', 'h_2_0', 'h_2_1',
  'v_0_0', 'v_0_1', 'v_0_2', 'v_1_0', 'v_1_1', 'v_1_2',
];

/** The four sides of each box (top, bottom, left, right) as line indices. */
const BOX_SIDES: number[][] = [
  [0, 2, 6, 7],
  [1, 3, 7, 8],
  [2, 4, 9, 10],
  [3, 5, 10, 11],
];

/** The boxes (one or two) that each line borders. */
const LINE_BOXES: number[][] = [
  [0], [1], [0, 2], [1, 3], [2], [3],
  [0], [0, 1], [1], [2], [2, 3], [3],
];

function lineIndex(action: Action): number {
  for (let i = 0; i < LINE_COUNT; i++) {
    if (LINE_NAMES[i] === action) return i;
  }
  return -1;
}

function boxClosed(lines: boolean[], box: number): boolean {
  const sides = BOX_SIDES[box];
  return lines[sides[0]] && lines[sides[1]] && lines[sides[2]] && lines[sides[3]];
}

export function getInitialState(): State {
  return {
    lines: [false, false, false, false, false, false, false, false, false, false, false, false],
    owners: [-1, -1, -1, -1],
    scores: [0, 0],
    currentPlayer: 0,
    drawn: 0,
  };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'Player 0' : 'Player 1';
}

export function getLegalActions(state: State): Action[] {
  if (state.currentPlayer === TERMINAL) return [];
  const actions: Action[] = [];
  for (let i = 0; i < LINE_COUNT; i++) {
    if (!state.lines[i]) actions.push(LINE_NAMES[i]);
  }
  return actions;
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the game is over; "${action}" cannot be played`);
  const line = lineIndex(action);
  if (line < 0) throw new Error(`"${action}" is not a line; expected h_R_C (R 0-2, C 0-1) or v_R_C (R 0-1, C 0-2)`);
  if (state.lines[line]) throw new Error(`"${action}": that line is already drawn`);
  const lines = state.lines.slice();
  lines[line] = true;
  const drawn = state.drawn + 1;
  let owners = state.owners;
  let scores = state.scores;
  let claimed = 0;
  const boxes = LINE_BOXES[line];
  for (let k = 0; k < boxes.length; k++) {
    const box = boxes[k];
    if (boxClosed(lines, box)) {
      if (claimed === 0) {
        owners = owners.slice();
        scores = scores.slice();
      }
      owners[box] = player;
      scores[player] = scores[player] + 1;
      claimed = claimed + 1;
    }
  }
  let next = claimed > 0 ? player : 1 - player;
  if (drawn === LINE_COUNT) next = TERMINAL;
  return { lines, owners, scores, currentPlayer: next, drawn };
}

// The paper's reference scores every state, not only the end: the player
// ahead in boxes so far holds +1, the other -1, and 0 each while level.
export function getRewards(state: State): number[] {
  if (state.scores[0] > state.scores[1]) return [1, -1];
  if (state.scores[1] > state.scores[0]) return [-1, 1];
  return [0, 0];
}

export function getObservations(state: State): Observation[] {
  return [state, state];
}
