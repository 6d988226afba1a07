// Battleship on 4x4 waters as a GameCWM: each player has a two-cell ship and
// a one-cell ship, placed by chance in one step per player (player 0's fleet,
// then player 1's, each uniformly among the 336 fleets), then the players take
// turns firing at the opponent's waters, player 0 first, each shot announced
// as a hit or a miss. The first to hit all three cells of the opponent's fleet
// wins. The chance steps and observations follow the paper's golden (see
// rules.md). Written in the contract's subset: pure functions over JSON state,
// no imports.

export type Action = string;

export interface State {
  /**
   * fleets[p]: player p's waters as 16 characters in row-major order ('2' a
   * cell of the two-cell ship, '1' the one-cell ship, '.' open water).
   */
  fleets: string[];
  /** Fleets placed so far (0 to 2): player 0's, then player 1's. */
  placed: number;
  /** shots[p]: player p's shots at the opponent's waters, 16 characters: '.' not fired at, 'x' hit, 'o' miss. */
  shots: string[];
  /** log[p]: player p's shots in the order fired, each "<row>_<col>:hit" or "<row>_<col>:miss". */
  log: string[][];
  /** hits[p]: how many of the opponent's ship cells player p has hit. */
  hits: number[];
  /** 0 or 1 to fire, -1 while ships are placed, -4 once the game is over. */
  currentPlayer: number;
  /** The player who sank the whole opposing fleet, null until then. */
  winner: number | null;
}

/**
 * What one player sees once both fleets are placed: its own fleet, every shot
 * fired by either side in order with its result, and at the end the winner
 * and the opponent's fleet. While the fleets are placed it sees nothing.
 */
export interface Observation {
  /** Whose view this is. */
  player: number;
  /** This player's own waters (as in State.fleets), null while the fleets are placed. */
  fleet: string | null;
  /** This player's shots at the opponent in order, e.g. ["1_2:hit", "0_0:miss"]. */
  shots: string[];
  /** The opponent's shots at this player's waters in order, in the same form. */
  incoming: string[];
  /** The opponent's waters, shown once the game is over, else null. */
  opponentFleet: string | null;
  /** The winner once the game is over, else null. */
  winner: number | null;
}

const CHANCE = -1;
const TERMINAL = -4;
const SIZE = 4;
const CELLS = 16;
/** Ship cells per fleet: a fleet is sunk after this many hits. */
const FLEET_CELLS = 3;
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
/** A cell as the placements write it: row digit then column digit, e.g. "21". */
function placeCell(cell: number): string {
  const row = Math.floor(cell / SIZE);
  return `${row}${cell - row * SIZE}`;
}

/** PLACE_ACTIONS[p][i]: chance placing player p's fleet FLEETS[i], e.g. "place_p0:00_01|22" (two-cell ship, then one-cell ship). */
const PLACE_ACTIONS: Action[][] = [0, 1].map((player) =>
  FLEETS.map((fleet) => `place_p${player}:${placeCell(PAIRS[fleet[0]][0])}_${placeCell(PAIRS[fleet[0]][1])}|${placeCell(fleet[1])}`),
);
const PLACE_OUTCOMES: Array<Array<[Action, number]>> = PLACE_ACTIONS.map((actions) =>
  actions.map((action): [Action, number] => [action, 1 / actions.length]),
);
/** FIRE_ACTIONS[cell]: "fire_<row>_<col>". */
const FIRE_ACTIONS: Action[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15].map((cell) => `fire_${cellName(cell)}`);

export function getInitialState(): State {
  return {
    fleets: [OPEN_WATERS, OPEN_WATERS], placed: 0, shots: [OPEN_WATERS, OPEN_WATERS], log: [[], []], hits: [0, 0],
    currentPlayer: CHANCE, winner: null,
  };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'Player 0' : 'Player 1';
}

export function getLegalActions(state: State): Action[] {
  const player = state.currentPlayer;
  if (player === TERMINAL) return [];
  if (player === CHANCE) return PLACE_ACTIONS[state.placed].slice();
  const shots = state.shots[player];
  const actions: Action[] = [];
  for (let cell = 0; cell < CELLS; cell++) {
    if (shots[cell] === '.') actions.push(FIRE_ACTIONS[cell]);
  }
  return actions;
}

/** Each player's fleet is one of the 336 fleets, all equally likely (the golden's uniform choice among them). */
export function getChanceOutcomes(state: State): Array<[Action, number]> {
  if (state.currentPlayer !== CHANCE) return [];
  return PLACE_OUTCOMES[state.placed].slice();
}

function place(state: State, action: Action): State {
  const owner = state.placed;
  const index = PLACE_ACTIONS[owner].indexOf(action);
  if (index < 0) {
    throw new Error(`"${action}" does not place player ${owner}'s fleet; expected place_p${owner}:<two-cell ship's cells>|<one-cell ship's cell>, cells as <row><col>, e.g. place_p${owner}:00_01|22`);
  }
  const fleets = state.fleets.slice();
  fleets[owner] = FLEET_WATERS[index];
  const placed = owner + 1;
  return { ...state, fleets, placed, currentPlayer: placed === 2 ? 0 : CHANCE };
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
  const log = state.log.slice();
  log[player] = state.log[player].concat([cellName(cell) + (hit ? ':hit' : ':miss')]);
  if (!hit) return { ...state, shots, log, currentPlayer: 1 - player };
  const hits = state.hits.slice();
  hits[player] += 1;
  if (hits[player] === FLEET_CELLS) return { ...state, shots, log, hits, currentPlayer: TERMINAL, winner: player };
  return { ...state, shots, log, hits, currentPlayer: 1 - player };
}

/** +1 to the player who sank the opposing fleet, -1 to the other; 0 until then. */
export function getRewards(state: State): number[] {
  if (state.winner === null) return [0, 0];
  return state.winner === 0 ? [1, -1] : [-1, 1];
}

function observationFor(state: State, player: number): Observation {
  const placing = state.currentPlayer === CHANCE;
  const over = state.currentPlayer === TERMINAL;
  return {
    player,
    fleet: placing ? null : state.fleets[player],
    shots: state.log[player].slice(),
    incoming: state.log[1 - player].slice(),
    opponentFleet: over ? state.fleets[1 - player] : null,
    winner: state.winner,
  };
}

export function getObservations(state: State): Observation[] {
  return [observationFor(state, 0), observationFor(state, 1)];
}

// ---------------------------------------------------------------------------
// Resampling (the paper's convention: the player's own decisions, oldest
// first, each [observation before acting, action], optionally ending with
// [current observation, null]). The only hidden thing is the opponent's fleet.
// Every shot and its result is public (the opponent's shots land in this
// player's waters), and how many cells a player may fire at never depends on
// the fleets, so under a uniformly random opponent the posterior over the
// opponent's fleet is uniform over the fleets that agree with every hit and
// miss of this player's shots in its latest observation. The order of play is
// fixed (player 0 fires first, then the players alternate), so the shots
// interleave: this player's from its actions, the opponent's from its latest
// observation's record of incoming shots.

function sameStrings(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function sameObservation(a: Observation, b: Observation): boolean {
  return a.player === b.player && a.fleet === b.fleet && a.opponentFleet === b.opponentFleet && a.winner === b.winner &&
    sameStrings(a.shots, b.shots) && sameStrings(a.incoming, b.incoming);
}

function noPlay(player: number, why: string): Error {
  return new Error(`no play of battleship explains player ${player}'s history: ${why}`);
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

export function resampleHistory(
  history: Array<[Observation, Action | null]>,
  player: number,
  random: () => number,
): Action[] {
  if (history.length === 0) return [];
  const last = history[history.length - 1][0];
  if (last.fleet === null) throw noPlay(player, 'its latest observation shows no fleet');
  const fleetOf = [-1, -1];
  fleetOf[player] = FLEET_WATERS.indexOf(last.fleet);
  if (fleetOf[player] < 0) throw noPlay(player, 'its own waters hold no legal fleet');
  fleetOf[1 - player] = drawFleet(last.shots, player, random);
  const actions: Action[] = [PLACE_ACTIONS[0][fleetOf[0]], PLACE_ACTIONS[1][fleetOf[1]]];
  const own: Action[] = [];
  for (let i = 0; i < history.length; i++) {
    const action = history[i][1];
    if (action !== null) own.push(action);
  }
  const incoming = last.incoming;
  const rounds = own.length > incoming.length ? own.length : incoming.length;
  for (let i = 0; i < rounds; i++) {
    const first = player === 0 ? own : incoming;
    const second = player === 0 ? incoming : own;
    if (i < first.length) actions.push(player === 0 ? first[i] : fireAt(first[i]));
    if (i < second.length) actions.push(player === 0 ? fireAt(second[i]) : second[i]);
  }
  checkExplains(actions, history, player);
  return actions;
}

/** The shot action for a logged shot such as "1_2:hit". */
function fireAt(logged: string): Action {
  return 'fire_' + logged.split(':')[0];
}

/** A fleet drawn uniformly from those that agree with every hit and miss in `shots` (the player's own logged shots). */
function drawFleet(shots: string[], player: number, random: () => number): number {
  const cells: number[] = [];
  const hits: boolean[] = [];
  for (let k = 0; k < shots.length; k++) {
    const cell = FIRE_ACTIONS.indexOf(fireAt(shots[k]));
    if (cell < 0) throw noPlay(player, `"${shots[k]}" is not a logged shot`);
    cells.push(cell);
    hits.push(shots[k].split(':')[1] === 'hit');
  }
  const consistent: number[] = [];
  for (let i = 0; i < FLEET_WATERS.length; i++) {
    const waters = FLEET_WATERS[i];
    let agrees = true;
    for (let k = 0; k < cells.length && agrees; k++) agrees = (waters[cells[k]] !== '.') === hits[k];
    if (agrees) consistent.push(i);
  }
  if (consistent.length === 0) throw noPlay(player, 'no fleet agrees with its hits and misses');
  return consistent[Math.min(consistent.length - 1, Math.floor(random() * consistent.length))];
}
