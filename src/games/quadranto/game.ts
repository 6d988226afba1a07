// Quadranto as a GameCWM: two players hide on a 4x4 grid split into four 2x2
// quadrants. Chance places player 0 uniformly in the top-left quadrant, then
// player 1 uniformly in the bottom-right one. The players then alternate
// (player 0 first) moving one step Up / Down / Left / Right or staying; a
// player who moves onto the other's cell catches them and wins. Each player
// sees their own cell and only the quadrant of the opponent. After 20 moves
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

export interface Observation {
  /** Whose view this is. */
  player: number;
  /** This player's own cell as [row, col], null until placed. */
  myLocation: number[] | null;
  /** The opponent's quadrant ("Top-Left", "Top-Right", "Bottom-Left", "Bottom-Right"), null until placed. */
  opponentQuadrant: string | null;
  /** The opponent's exact cell, shown only once a catch has ended the game, else null. */
  opponentLocation: number[] | null;
  /** Movement actions taken so far (both players). */
  moves: number;
  /** Whose turn it is (0, 1, -1 while placing, -4 at the end). */
  currentPlayer: number;
  /** The player who caught the other, null otherwise. */
  winner: number | null;
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
  const mine = state.cells[player];
  const theirs = state.cells[1 - player];
  return {
    player,
    myLocation: mine < 0 ? null : LOCATIONS[mine].slice(),
    opponentQuadrant: theirs < 0 ? null : QUADRANT_NAMES[quadrantOf(theirs)],
    opponentLocation: state.winner === null ? null : LOCATIONS[theirs].slice(),
    moves: state.moves,
    currentPlayer: state.currentPlayer,
    winner: state.winner,
  };
}

export function getObservations(state: State): Observation[] {
  return [observationFor(state, 0), observationFor(state, 1)];
}

// ---------------------------------------------------------------------------
// Resampling. The only hidden quantity is the opponent's cell, so the
// posterior is a hidden Markov model over 16 cells: a forward pass filters the
// opponent's cell through the history (chance placement uniform over its four
// start cells, each opponent move uniform over its legal moves, every
// observation kept only where it matches), then a backward pass draws the
// opponent's cells and moves from the exact posterior under a uniformly random
// opponent.

function sameLocation(a: number[] | null, b: number[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === 2 && b.length === 2 && a[0] === b[0] && a[1] === b[1];
}

/** Whether `player`'s observation of `state` is `obs`. */
function seesAs(state: State, player: number, obs: Observation): boolean {
  const expected = observationFor(state, player);
  return obs.player === expected.player && obs.moves === expected.moves && obs.currentPlayer === expected.currentPlayer &&
    obs.winner === expected.winner && obs.opponentQuadrant === expected.opponentQuadrant &&
    sameLocation(obs.myLocation, expected.myLocation) && sameLocation(obs.opponentLocation, expected.opponentLocation);
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

/**
 * Whether replaying `actions` explains the player's history (the paper's
 * convention): at each of the player's turns the next entry's observation and
 * action, every entry consumed, no further turn of the player; a trailing
 * [observation, null] entry is reached (the list ends at the player's turn
 * with that observation).
 */
function explains(actions: Action[], history: Array<[Observation, Action | null]>, player: number): boolean {
  let state = getInitialState();
  let next = 0;
  for (let t = 0; t <= actions.length; t++) {
    const actor = state.currentPlayer;
    if (actor === player) {
      if (next >= history.length) return t === actions.length;
      const entry = history[next];
      if (!seesAs(state, player, entry[0])) return false;
      if (entry[1] === null) return next === history.length - 1 && t === actions.length;
      if (t === actions.length || actions[t] !== entry[1]) return false;
      next += 1;
    }
    if (t === actions.length) return next === history.length;
    if (actor === TERMINAL || getLegalActions(state).indexOf(actions[t]) < 0) return false;
    state = applyAction(state, actions[t]);
  }
  return false;
}

/**
 * The history is the player's own decisions (the paper's convention, or
 * ending with [current observation, null]). The play's shape is fixed by the
 * rules: two placements, then moves alternating from player 0, so each entry
 * sits at a known step. The forward pass runs over those steps: the
 * opponent's placement uniform, each opponent move uniform over its legal
 * moves and never a catch (the game goes on to the player's next decision),
 * each own decision keeping the cells whose quadrant the entry shows, and each
 * own move that is followed by another decision missing the opponent.
 */
export function resampleHistory(
  history: Array<[Observation, Action | null]>,
  player: number,
  random: () => number,
): Action[] {
  if (history.length === 0) return [];
  const opponent = 1 - player;
  // beliefs[t]: unnormalised weight of each opponent cell in the state before step t (null before placement).
  const beliefs: Array<number[] | null> = [];
  const kinds: string[] = [];
  const actions: Action[] = [];
  let belief: number[] | null = null;
  let myCell = cellOf(history[0][0].myLocation);
  if (START_CELLS[player].indexOf(myCell) < 0) throw noPlay(player, `own start cell ${JSON.stringify(history[0][0].myLocation)} is not in the start quadrant`);
  let next = 0;
  for (let t = 0; next < history.length; t++) {
    if (t > 2 + 2 * MAX_MOVES) throw noPlay(player, 'the history has more decisions than the game');
    beliefs.push(belief);
    if (t < 2) {
      if (t === player) {
        kinds.push('known');
        actions.push(PLACE_ACTIONS[player][START_CELLS[player].indexOf(myCell)]);
      } else {
        const fresh: number[] = [];
        for (let c = 0; c < SIZE * SIZE; c++) fresh.push(0);
        for (let i = 0; i < 4; i++) fresh[START_CELLS[opponent][i]] = 0.25;
        belief = fresh;
        kinds.push('place');
        actions.push('');
      }
      continue;
    }
    const current = belief as number[];
    const filtered: number[] = [];
    for (let c = 0; c < SIZE * SIZE; c++) filtered.push(0);
    if ((t - 2) % 2 === player) {
      const entry = history[next];
      if (cellOf(entry[0].myLocation) !== myCell) throw noPlay(player, `decision ${next} shows another own cell`);
      for (let c = 0; c < SIZE * SIZE; c++) {
        if (current[c] > 0 && QUADRANT_NAMES[quadrantOf(c)] === entry[0].opponentQuadrant) filtered[c] = current[c];
      }
      next += 1;
      if (entry[1] === null) {
        if (next !== history.length) throw noPlay(player, `decision ${next - 1} records no action but is not the last`);
        belief = normalised(filtered, player, t);
        break;
      }
      const m = MOVE_ACTIONS.indexOf(entry[1]);
      const target = m < 0 ? -1 : TARGET[myCell][m];
      if (target < 0) throw noPlay(player, `own action "${entry[1]}" is not legal at step ${t}`);
      // A later decision means this move caught nobody.
      if (next < history.length) filtered[target] = 0;
      myCell = target;
      kinds.push('known');
      actions.push(entry[1]);
    } else {
      for (let c = 0; c < SIZE * SIZE; c++) {
        if (current[c] <= 0) continue;
        const share = current[c] / LEGAL[c].length;
        for (let m = 0; m < 5; m++) {
          const target = TARGET[c][m];
          if (target >= 0 && target !== myCell) filtered[target] += share;
        }
      }
      kinds.push('move');
      actions.push('');
    }
    belief = normalised(filtered, player, t);
  }
  const steps = actions.length;
  // Backward pass: draw the opponent's cell at the end, then each earlier cell given the later one.
  if (belief !== null) {
    let cell = drawIndex(belief, random);
    for (let t = steps - 1; t >= 0; t--) {
      const kind = kinds[t];
      if (kind === 'place') {
        actions[t] = PLACE_ACTIONS[opponent][START_CELLS[opponent].indexOf(cell)];
      } else if (kind === 'move') {
        const before = beliefs[t] as number[];
        const weights: number[] = [];
        const moveOf: number[] = [];
        for (let c = 0; c < SIZE * SIZE; c++) {
          let w = 0;
          let move = -1;
          if (before[c] > 0) {
            for (let m = 0; m < 5; m++) {
              if (TARGET[c][m] === cell) {
                w = before[c] / LEGAL[c].length;
                move = m;
              }
            }
          }
          weights.push(w);
          moveOf.push(move);
        }
        const from = drawIndex(weights, random);
        if (from < 0) throw noPlay(player, `no opponent move reaches the drawn cell at step ${t}`);
        actions[t] = MOVE_ACTIONS[moveOf[from]];
        cell = from;
      }
    }
  }
  if (!explains(actions, history, player)) throw noPlay(player, 'the drawn play does not reproduce it');
  return actions;
}

/** `weights` scaled to sum to 1; no play explains the history if none is left after step `t`. */
function normalised(weights: number[], player: number, t: number): number[] {
  let total = 0;
  for (let c = 0; c < weights.length; c++) total += weights[c];
  if (total <= 0) throw noPlay(player, `no opponent cell fits the history after step ${t}`);
  const scaled: number[] = [];
  for (let c = 0; c < weights.length; c++) scaled.push(weights[c] / total);
  return scaled;
}
