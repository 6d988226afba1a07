// Battleship on 4x4 waters as a GameCWM: each player has a two-cell ship and
// a one-cell ship placed at random by chance (player 0's two ships, then
// player 1's), then the players take turns firing at the opponent's waters,
// player 0 first, each shot announced as a hit or a miss. The first to hit all
// three cells of the opponent's fleet wins. Written in the contract's subset:
// pure functions over JSON state, no imports.

export type Action = string;

export interface State {
  /**
   * fleets[p]: player p's waters as 16 characters in row-major order ('2' a
   * cell of the two-cell ship, '1' the one-cell ship, '.' open water).
   */
  fleets: string[];
  /** Ships placed so far (0 to 4): player 0's two-cell and one-cell ship, then player 1's. */
  placed: number;
  /** shots[p]: player p's shots at the opponent's waters, 16 characters: '.' not fired at, 'x' hit, 'o' miss. */
  shots: string[];
  /** hits[p]: how many of the opponent's ship cells player p has hit. */
  hits: number[];
  /** 0 or 1 to fire, -1 while ships are placed, -4 once the game is over. */
  currentPlayer: number;
  /** The player who sank the whole opposing fleet, null until then. */
  winner: number | null;
}

/** What one player sees: its own fleet, every shot fired by either side with its result, whose turn it is. */
export interface Observation {
  /** Whose view this is. */
  player: number;
  /** This player's own waters (as in State.fleets; '.' everywhere until its ships are placed). */
  fleet: string;
  /** This player's shots at the opponent ('.', 'x' hit, 'o' miss). */
  shots: string;
  /** The opponent's shots at this player's waters ('.', 'x' hit, 'o' miss). */
  incoming: string;
  /** Whose turn it is (0, 1, -1 while ships are placed, -4 at the end). */
  currentPlayer: number;
  /** The winner once the game is over, else null. */
  winner: number | null;
}

const CHANCE = -1;
const TERMINAL = -4;
const SIZE = 4;
const CELLS = 16;
/** Ship cells per fleet: a fleet is sunk after this many hits. */
const FLEET_CELLS = 3;
/** Chance places four ships: player 0's two, then player 1's two. */
const SHIPS = 4;
const OPEN_WATERS = '................';

function cellName(cell: number): string {
  const row = Math.floor(cell / SIZE);
  return `${row}_${cell - row * SIZE}`;
}

/** Every place for the two-cell ship as [a, b]: adjacent cells a < b in one row or one column (24 places). */
function allPairs(): number[][] {
  const pairs: number[][] = [];
  for (let a = 0; a < CELLS; a++) {
    const row = Math.floor(a / SIZE);
    const col = a - row * SIZE;
    if (col + 1 < SIZE) pairs.push([a, a + 1]);
    if (row + 1 < SIZE) pairs.push([a, a + SIZE]);
  }
  return pairs;
}

/** Every fleet as [pair, c]: PAIRS[pair] for the two-cell ship and any other cell c for the one-cell ship (336 fleets). */
function allFleets(pairs: number[][]): number[][] {
  const fleets: number[][] = [];
  for (let k = 0; k < pairs.length; k++) {
    for (let c = 0; c < CELLS; c++) {
      if (c !== pairs[k][0] && c !== pairs[k][1]) fleets.push([k, c]);
    }
  }
  return fleets;
}

function watersOf(pair: number[], single: number): string {
  let waters = '';
  for (let cell = 0; cell < CELLS; cell++) {
    if (cell === pair[0] || cell === pair[1]) waters += '2';
    else if (cell === single) waters += '1';
    else waters += '.';
  }
  return waters;
}

const PAIRS: number[][] = allPairs();
const FLEETS: number[][] = allFleets(PAIRS);
/** FLEET_WATERS[i]: fleet i as a waters string. */
const FLEET_WATERS: string[] = FLEETS.map((fleet) => watersOf(PAIRS[fleet[0]], fleet[1]));
/** SHIP2_ACTIONS[p][k]: chance placing player p's two-cell ship on PAIRS[k], e.g. "p0:ship2:0_0-0_1". */
const SHIP2_ACTIONS: Action[][] = [0, 1].map((player) =>
  PAIRS.map((pair) => `p${player}:ship2:${cellName(pair[0])}-${cellName(pair[1])}`),
);
/** SHIP1_ACTIONS[p][c]: chance placing player p's one-cell ship on cell c, e.g. "p0:ship1:3_3". */
const SHIP1_ACTIONS: Action[][] = [0, 1].map((player) =>
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15].map((cell) => `p${player}:ship1:${cellName(cell)}`),
);
/** FIRE_ACTIONS[cell]: "fire_<row>_<col>". */
const FIRE_ACTIONS: Action[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15].map((cell) => `fire_${cellName(cell)}`);

export function getInitialState(): State {
  return { fleets: [OPEN_WATERS, OPEN_WATERS], placed: 0, shots: [OPEN_WATERS, OPEN_WATERS], hits: [0, 0], currentPlayer: CHANCE, winner: null };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'Player 0' : 'Player 1';
}

/** The chance outcomes while ships are placed: every place for a two-cell ship, or every free cell for a one-cell ship. */
function placements(state: State): Action[] {
  const owner = Math.floor(state.placed / 2);
  if (state.placed === 0 || state.placed === 2) return SHIP2_ACTIONS[owner].slice();
  const waters = state.fleets[owner];
  const actions: Action[] = [];
  for (let cell = 0; cell < CELLS; cell++) {
    if (waters[cell] === '.') actions.push(SHIP1_ACTIONS[owner][cell]);
  }
  return actions;
}

export function getLegalActions(state: State): Action[] {
  const player = state.currentPlayer;
  if (player === TERMINAL) return [];
  if (player === CHANCE) return placements(state);
  const shots = state.shots[player];
  const actions: Action[] = [];
  for (let cell = 0; cell < CELLS; cell++) {
    if (shots[cell] === '.') actions.push(FIRE_ACTIONS[cell]);
  }
  return actions;
}

/**
 * The two-cell ship goes uniformly to one of its 24 places, then the one-cell
 * ship uniformly to one of the 14 cells left: every one of the 336 fleets is
 * equally likely, independently for the two players.
 */
export function getChanceOutcomes(state: State): Array<[Action, number]> {
  if (state.currentPlayer !== CHANCE) return [];
  const actions = placements(state);
  const p = 1 / actions.length;
  const outcomes: Array<[Action, number]> = [];
  for (let i = 0; i < actions.length; i++) outcomes.push([actions[i], p]);
  return outcomes;
}

function place(state: State, action: Action): State {
  const owner = Math.floor(state.placed / 2);
  const waters = state.fleets[owner];
  let next = '';
  if (state.placed === 0 || state.placed === 2) {
    const k = SHIP2_ACTIONS[owner].indexOf(action);
    if (k < 0) throw new Error(`"${action}" does not place player ${owner}'s two-cell ship; expected p${owner}:ship2:<r>_<c>-<r>_<c> on two neighbouring cells of a row or column`);
    next = watersOf(PAIRS[k], -1);
  } else {
    const cell = SHIP1_ACTIONS[owner].indexOf(action);
    if (cell < 0) throw new Error(`"${action}" does not place player ${owner}'s one-cell ship; expected p${owner}:ship1:<r>_<c>`);
    if (waters[cell] !== '.') throw new Error(`"${action}": the one-cell ship may not overlap the two-cell ship`);
    next = waters.slice(0, cell) + '1' + waters.slice(cell + 1);
  }
  const fleets = state.fleets.slice();
  fleets[owner] = next;
  const placed = state.placed + 1;
  return { ...state, fleets, placed, currentPlayer: placed === SHIPS ? 0 : CHANCE };
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the game is over; "${action}" cannot be played`);
  if (player === CHANCE) return place(state, action);
  const cell = FIRE_ACTIONS.indexOf(action);
  if (cell < 0) throw new Error(`"${action}" is not a shot; expected fire_<row>_<col> with row and col from 0 to 3`);
  const own = state.shots[player];
  if (own[cell] !== '.') throw new Error(`"${action}": player ${player} already fired at that cell`);
  const hit = state.fleets[1 - player][cell] !== '.';
  const shots = state.shots.slice();
  shots[player] = own.slice(0, cell) + (hit ? 'x' : 'o') + own.slice(cell + 1);
  if (!hit) return { ...state, shots, currentPlayer: 1 - player };
  const hits = state.hits.slice();
  hits[player] += 1;
  if (hits[player] === FLEET_CELLS) return { ...state, shots, hits, currentPlayer: TERMINAL, winner: player };
  return { ...state, shots, hits, currentPlayer: 1 - player };
}

/** +1 to the player who sank the opposing fleet, -1 to the other; 0 until then. */
export function getRewards(state: State): number[] {
  if (state.winner === null) return [0, 0];
  return state.winner === 0 ? [1, -1] : [-1, 1];
}

function observationFor(state: State, player: number): Observation {
  return {
    player,
    fleet: state.fleets[player],
    shots: state.shots[player],
    incoming: state.shots[1 - player],
    currentPlayer: state.currentPlayer,
    winner: state.winner,
  };
}

export function getObservations(state: State): Observation[] {
  return [observationFor(state, 0), observationFor(state, 1)];
}

function sameObservation(a: Observation, b: Observation): boolean {
  return a.player === b.player && a.fleet === b.fleet && a.shots === b.shots && a.incoming === b.incoming
    && a.currentPlayer === b.currentPlayer && a.winner === b.winner;
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
      if (!sameObservation(observationFor(state, player), entry[0])) return false;
      if (entry[1] === null) return next === history.length - 1 && t === actions.length;
      if (t === actions.length || actions[t] !== entry[1]) return false;
      next += 1;
    }
    if (t === actions.length) return next === history.length;
    if (actor === TERMINAL || !getLegalActions(state).includes(actions[t])) return false;
    state = applyAction(state, actions[t]);
  }
  return false;
}

function noPlay(player: number, why: string): Error {
  return new Error(`no play of battleship explains player ${player}'s history: ${why}`);
}

/**
 * The only hidden thing is the opponent's fleet. Its two placement steps give
 * each of the 336 fleets the same prior probability (1/24 * 1/14). Every shot
 * and its result is public (the opponent's shots land in this player's own
 * waters), and the number of shots a player may choose from never depends on
 * the fleets, so under a uniformly random opponent the posterior over the
 * opponent's fleet is uniform over the fleets that agree with every hit and
 * miss of this player's shots seen in the last entry of the history. The
 * history is the player's own decisions (the paper's convention, or ending
 * with [current observation, null]); the shot order is read off it: the
 * player's own shots are its actions, and before each decision the opponent
 * fired the one new mark in the player's waters since the previous one.
 */
export function resampleHistory(
  history: Array<[Observation, Action | null]>,
  player: number,
  random: () => number,
): Action[] {
  if (history.length === 0) return [];
  const last = history[history.length - 1][0];
  const fleetOf = [-1, -1];
  fleetOf[player] = ownFleet(last.fleet, 2);
  fleetOf[1 - player] = drawFleet(last.shots, player, random);
  const actions: Action[] = [];
  for (let k = 0; k < SHIPS; k++) {
    const owner = Math.floor(k / 2);
    const fleet = FLEETS[fleetOf[owner]];
    actions.push(k === 0 || k === 2 ? SHIP2_ACTIONS[owner][fleet[0]] : SHIP1_ACTIONS[owner][fleet[1]]);
  }
  let before = '';
  for (let c = 0; c < CELLS; c++) before += '.';
  for (let i = 0; i < history.length; i++) {
    const after = history[i][0].incoming;
    let cell = -1;
    for (let c = 0; c < CELLS; c++) {
      if (before[c] !== '.' || after[c] === '.') continue;
      if (cell >= 0) throw noPlay(player, `more than one opponent shot shows before its decision ${i}`);
      cell = c;
    }
    if (cell >= 0) actions.push(FIRE_ACTIONS[cell]);
    const own = history[i][1];
    if (own !== null) actions.push(own);
    before = after;
  }
  if (!explains(actions, history, player)) throw noPlay(player, 'replaying the reconstructed play does not reproduce it');
  return actions;
}

/**
 * The index of a fleet matching the player's own waters, of which `ships`
 * (0, 1 or 2) are placed; -1 when none is placed. With only the two-cell
 * ship placed, any fleet with that ship serves (its one-cell ship is not
 * replayed).
 */
function ownFleet(waters: string, ships: number): number {
  if (ships <= 0) return -1;
  for (let i = 0; i < FLEETS.length; i++) {
    const pair = PAIRS[FLEETS[i][0]];
    if (waters[pair[0]] !== '2' || waters[pair[1]] !== '2') continue;
    if (ships === 1 || waters[FLEETS[i][1]] === '1') return i;
  }
  throw new Error('no play of battleship explains the history: the player\'s own waters hold no legal fleet');
}

/** A fleet drawn uniformly from those that agree with every hit ('x') and miss ('o') in `shots`. */
function drawFleet(shots: string, player: number, random: () => number): number {
  const consistent: number[] = [];
  for (let i = 0; i < FLEET_WATERS.length; i++) {
    const waters = FLEET_WATERS[i];
    let agrees = true;
    for (let cell = 0; cell < CELLS && agrees; cell++) {
      const mark = shots[cell];
      if (mark === 'x') agrees = waters[cell] !== '.';
      else if (mark === 'o') agrees = waters[cell] === '.';
    }
    if (agrees) consistent.push(i);
  }
  if (consistent.length === 0) throw noPlay(player, 'no fleet agrees with its hits and misses');
  return consistent[Math.min(consistent.length - 1, Math.floor(random() * consistent.length))];
}
