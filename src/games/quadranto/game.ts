// Quadranto as a GameCWM: two players hide on a 4x4 grid split into four 2x2
// quadrants. Chance places player 0 uniformly in the top-left quadrant, then
// player 1 uniformly in the bottom-right one. The players then alternate
// (player 0 first) moving one step Up / Down / Left / Right or staying; a
// player who moves onto the other's cell catches them and wins. Each player
// sees their own cell and only the quadrant of the opponent (and, as in the
// paper's golden, nothing else: no move count, no turn). After 20 moves
// without a catch the game is a draw.
// Written in the contract's subset: pure functions over JSON state, no imports.

export type Action = string;

export interface State {
  /** Cell (row * 4 + col) of each player, -1 until placed. */
  cells: number[];
  /** Movement actions taken so far (both players together). */
  moves: number;
  /** Player to act (0 or 1), -1 while placing, -4 once the game is over. */
  currentPlayer: number;
  /** The player who caught the other, null otherwise. */
  winner: number | null;
}

/** What one player sees once both are placed (nothing while chance places them). */
export interface Observation {
  /** Whose view this is. */
  player: number;
  /** This player's own cell as [row, col], null while placing. */
  myLocation: number[] | null;
  /** The opponent's quadrant ("Top-Left", "Top-Right", "Bottom-Left", "Bottom-Right"), null while placing. */
  opponentQuadrant: string | null;
}

const CHANCE = -1;
const TERMINAL = -4;
const SIZE = 4;
const MAX_MOVES = 20;
const QUADRANT_NAMES = ['Top-Left', 'Top-Right', 'Bottom-Left', 'Bottom-Right'];
const UP = 'Up';
const DOWN = 'Down';
const LEFT = 'Left';
const RIGHT = 'Right';
const STAY = 'Stay';
const MOVE_ACTIONS: Action[] = [UP, DOWN, LEFT, RIGHT, STAY];
const MOVE_DR = [-1, 1, 0, 0, 0];
const MOVE_DC = [0, 0, -1, 1, 0];
/** Starting cells: player 0 in the top-left quadrant, player 1 in the bottom-right one. */
const START_CELLS: number[][] = [[0, 1, 4, 5], [10, 11, 14, 15]];
const PLACE_PREFIX = ['place_p0:', 'place_p1:'];

function cellRow(cell: number): number {
  return Math.floor(cell / SIZE);
}

function cellCol(cell: number): number {
  return cell - SIZE * Math.floor(cell / SIZE);
}

/** Quadrant index 0..3 (Top-Left, Top-Right, Bottom-Left, Bottom-Right) of a cell. */
function quadrantOf(cell: number): number {
  return 2 * Math.floor(cellRow(cell) / 2) + Math.floor(cellCol(cell) / 2);
}

/** PLACE_ACTIONS[p][i] places player p on START_CELLS[p][i]. */
const PLACE_ACTIONS: Action[][] = [0, 1].map((p) =>
  START_CELLS[p].map((cell) => `${PLACE_PREFIX[p]}${cellRow(cell)},${cellCol(cell)}`),
);

function buildTargets(): number[][] {
  const targets: number[][] = [];
  for (let cell = 0; cell < SIZE * SIZE; cell++) {
    const row: number[] = [];
    for (let m = 0; m < 5; m++) {
      const r = cellRow(cell) + MOVE_DR[m];
      const c = cellCol(cell) + MOVE_DC[m];
      row.push(r >= 0 && r < SIZE && c >= 0 && c < SIZE ? r * SIZE + c : -1);
    }
    targets.push(row);
  }
  return targets;
}

/** TARGET[cell][m]: the cell reached by MOVE_ACTIONS[m], or -1 off the board. */
const TARGET: number[][] = buildTargets();

function buildLegal(): Action[][] {
  const legal: Action[][] = [];
  for (let cell = 0; cell < SIZE * SIZE; cell++) {
    const actions: Action[] = [];
    for (let m = 0; m < 5; m++) {
      if (TARGET[cell][m] >= 0) actions.push(MOVE_ACTIONS[m]);
    }
    legal.push(actions);
  }
  return legal;
}

/** LEGAL[cell]: the movement actions from that cell (moves off the board are not actions). */
const LEGAL: Action[][] = buildLegal();

function buildLocations(): number[][] {
  const locations: number[][] = [];
  for (let cell = 0; cell < SIZE * SIZE; cell++) locations.push([cellRow(cell), cellCol(cell)]);
  return locations;
}

const LOCATIONS: number[][] = buildLocations();

export function getInitialState(): State {
  return { cells: [-1, -1], moves: 0, currentPlayer: CHANCE, winner: null };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'Player 0 (starts top-left)' : 'Player 1 (starts bottom-right)';
}

/** The player chance places next: 0 first, then 1. */
function placing(state: State): number {
  return state.cells[0] < 0 ? 0 : 1;
}

export function getChanceOutcomes(state: State): Array<[Action, number]> {
  if (state.currentPlayer !== CHANCE) return [];
  const actions = PLACE_ACTIONS[placing(state)];
  const outcomes: Array<[Action, number]> = [];
  for (let i = 0; i < actions.length; i++) outcomes.push([actions[i], 1 / actions.length]);
  return outcomes;
}

export function getLegalActions(state: State): Action[] {
  const player = state.currentPlayer;
  if (player === TERMINAL) return [];
  if (player === CHANCE) return PLACE_ACTIONS[placing(state)].slice();
  return LEGAL[state.cells[player]].slice();
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the game is over; "${action}" cannot be played`);
  if (player === CHANCE) {
    const who = placing(state);
    const index = PLACE_ACTIONS[who].indexOf(action);
    if (index < 0) {
      throw new Error(`"${action}" is not a placement of player ${who}; expected one of ${PLACE_ACTIONS[who].join(', ')}`);
    }
    const cells = state.cells.slice();
    cells[who] = START_CELLS[who][index];
    return { cells, moves: 0, currentPlayer: who === 0 ? CHANCE : 0, winner: null };
  }
  const m = MOVE_ACTIONS.indexOf(action);
  if (m < 0) throw new Error(`"${action}" is not a move; expected Up, Down, Left, Right or Stay`);
  const target = TARGET[state.cells[player]][m];
  if (target < 0) throw new Error(`"${action}" would leave the board from row ${cellRow(state.cells[player])}, column ${cellCol(state.cells[player])}`);
  const cells = state.cells.slice();
  cells[player] = target;
  const moves = state.moves + 1;
  if (target === state.cells[1 - player]) return { cells, moves, currentPlayer: TERMINAL, winner: player };
  return { cells, moves, currentPlayer: moves >= MAX_MOVES ? TERMINAL : 1 - player, winner: null };
}

export function getRewards(state: State): number[] {
  if (state.winner === null) return [0, 0];
  return state.winner === 0 ? [1, -1] : [-1, 1];
}

function observationFor(state: State, player: number): Observation {
  if (state.currentPlayer === CHANCE) return { player, myLocation: null, opponentQuadrant: null };
  return {
    player,
    myLocation: LOCATIONS[state.cells[player]].slice(),
    opponentQuadrant: QUADRANT_NAMES[quadrantOf(state.cells[1 - player])],
  };
}

export function getObservations(state: State): Observation[] {
  return [observationFor(state, 0), observationFor(state, 1)];
}

// ---------------------------------------------------------------------------
// Resampling (the paper's convention: the player's own decisions, oldest
// first, each [observation before acting, action], optionally ending with
// [current observation, null]). The only hidden quantity is the opponent's
// cell, so the posterior is a hidden Markov model over 16 cells: between two
// of the player's decisions the opponent makes exactly one move. A forward
// pass filters the opponent's cell (chance placement uniform over its four
// start cells, each opponent move uniform over its legal moves, no catch while
// the game goes on, every observed quadrant kept), then a backward pass draws
// the opponent's cells and moves from the exact posterior under a uniformly
// random opponent.

function sameLocation(a: number[] | null, b: number[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === 2 && b.length === 2 && a[0] === b[0] && a[1] === b[1];
}

function sameObservation(a: Observation, b: Observation): boolean {
  return a.player === b.player && a.opponentQuadrant === b.opponentQuadrant && sameLocation(a.myLocation, b.myLocation);
}

function cellOf(location: number[] | null): number {
  if (location === null || location.length !== 2) return -1;
  const r = location[0];
  const c = location[1];
  if (r < 0 || r >= SIZE || c < 0 || c >= SIZE || Math.floor(r) !== r || Math.floor(c) !== c) return -1;
  return r * SIZE + c;
}

function noPlay(player: number, detail: string): Error {
  return new Error(`no play explains player ${player}'s history: ${detail}`);
}

/** Draws an index with probability proportional to `weights[index]`. */
function drawIndex(weights: number[], random: () => number): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i];
  let threshold = random() * total;
  let last = -1;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] > 0) {
      last = i;
      threshold -= weights[i];
      if (threshold < 0) return i;
    }
  }
  return last;
}

function zeros(): number[] {
  const cells: number[] = [];
  for (let c = 0; c < SIZE * SIZE; c++) cells.push(0);
  return cells;
}

/** One uniformly random opponent move from each weighted cell, avoiding `avoid`, into `quadrant`. */
function moveBelief(belief: number[], avoid: number, quadrant: string | null): number[] {
  const next = zeros();
  for (let c = 0; c < SIZE * SIZE; c++) {
    if (belief[c] <= 0) continue;
    const share = belief[c] / LEGAL[c].length;
    for (let m = 0; m < 5; m++) {
      const target = TARGET[c][m];
      if (target < 0 || target === avoid || QUADRANT_NAMES[quadrantOf(target)] !== quadrant) continue;
      next[target] += share;
    }
  }
  return next;
}

/** The move from `from` to `to`, drawn backwards: `from` weighted by `before` and the chance of that move. */
function drawSource(before: number[], to: number, random: () => number): number {
  const weights: number[] = [];
  for (let c = 0; c < SIZE * SIZE; c++) {
    let w = 0;
    if (before[c] > 0) {
      for (let m = 0; m < 5; m++) {
        if (TARGET[c][m] === to) w = before[c] / LEGAL[c].length;
      }
    }
    weights.push(w);
  }
  return drawIndex(weights, random);
}

function moveAction(from: number, to: number): Action {
  for (let m = 0; m < 5; m++) {
    if (TARGET[from][m] === to) return MOVE_ACTIONS[m];
  }
  return '';
}

export function resampleHistory(
  history: Array<[Observation, Action | null]>,
  player: number,
  random: () => number,
): Action[] {
  if (history.length === 0) return [];
  const opponent = 1 - player;
  const n = history.length;
  // mine[i]: the player's cell at decision i; landed[i]: where its action i takes it.
  const mine: number[] = [];
  const landed: number[] = [];
  for (let i = 0; i < n; i++) {
    const cell = cellOf(history[i][0].myLocation);
    if (cell < 0) throw noPlay(player, `no own location at decision ${i}`);
    if (i > 0 && landed[i - 1] !== cell) throw noPlay(player, `its move before decision ${i} does not lead to its location`);
    mine.push(cell);
    const own = history[i][1];
    const m = own === null ? -1 : MOVE_ACTIONS.indexOf(own);
    if (own !== null && (m < 0 || TARGET[cell][m] < 0)) throw noPlay(player, `"${own}" is not a move from its cell at decision ${i}`);
    landed.push(m < 0 ? -1 : TARGET[cell][m]);
  }
  const start = START_CELLS[opponent];
  // beliefs[i]: weight of each opponent cell at decision i (prior[c] before the opponent's first move, for player 1).
  const prior = zeros();
  for (let k = 0; k < start.length; k++) prior[start[k]] = 1 / start.length;
  const beliefs: number[][] = [];
  if (player === 0) {
    const first = zeros();
    for (let k = 0; k < start.length; k++) {
      if (QUADRANT_NAMES[quadrantOf(start[k])] === history[0][0].opponentQuadrant) first[start[k]] = prior[start[k]];
    }
    beliefs.push(first);
  } else {
    beliefs.push(moveBelief(prior, mine[0], history[0][0].opponentQuadrant));
  }
  for (let i = 0; i + 1 < n; i++) {
    const before = beliefs[i].slice();
    before[landed[i]] = 0; // the player's move caught nobody: the game went on
    beliefs.push(moveBelief(before, landed[i], history[i + 1][0].opponentQuadrant));
  }
  const cells: number[] = [];
  for (let i = 0; i < n; i++) cells.push(-1);
  cells[n - 1] = drawIndex(beliefs[n - 1], random);
  if (cells[n - 1] < 0) throw noPlay(player, 'no opponent cell fits its observations');
  for (let i = n - 2; i >= 0; i--) {
    const before = beliefs[i].slice();
    before[landed[i]] = 0;
    cells[i] = drawSource(before, cells[i + 1], random);
  }
  const actions: Action[] = [];
  if (player === 0) {
    actions.push(PLACE_ACTIONS[0][START_CELLS[0].indexOf(mine[0])], PLACE_ACTIONS[1][start.indexOf(cells[0])]);
  } else {
    const origin = drawSource(prior, cells[0], random);
    actions.push(PLACE_ACTIONS[0][start.indexOf(origin)], PLACE_ACTIONS[1][START_CELLS[1].indexOf(mine[0])], moveAction(origin, cells[0]));
  }
  for (let i = 0; i < n; i++) {
    const own = history[i][1];
    if (own === null) break;
    actions.push(own);
    if (i + 1 < n) actions.push(moveAction(cells[i], cells[i + 1]));
  }
  checkExplains(actions, history, player);
  return actions;
}

/** Throws unless replaying `actions` explains the history (observations and actions at the player's turns, every entry used). */
function checkExplains(actions: Action[], history: Array<[Observation, Action | null]>, player: number): void {
  let state = getInitialState();
  let next = 0;
  for (let t = 0; t <= actions.length; t++) {
    if (state.currentPlayer === player) {
      if (next >= history.length) throw noPlay(player, 'the play reaches a turn the history does not record');
      const entry = history[next];
      if (!sameObservation(observationFor(state, player), entry[0])) throw noPlay(player, `the observation at its decision ${next} differs`);
      if (entry[1] === null) {
        if (t !== actions.length) throw noPlay(player, 'the current decision is not the last');
        return;
      }
      if (actions[t] !== entry[1]) throw noPlay(player, `its action at decision ${next} differs`);
      next += 1;
    }
    if (t === actions.length) break;
    if (getLegalActions(state).indexOf(actions[t]) < 0) throw noPlay(player, `"${actions[t]}" cannot be played at step ${t}`);
    state = applyAction(state, actions[t]);
  }
  if (next !== history.length) throw noPlay(player, 'not every decision of the history is replayed');
}
