// Matching Pennies as a GameCWM: player 0 picks "H" or "T", then player 1
// picks without seeing it; same faces pay player 0, different faces pay
// player 1. The simultaneous choice is played in turn, the first one hidden
// until both are in. Written in the contract's subset: pure functions over
// JSON state.

export type Action = string;

export interface State {
  /** choices[p]: "H", "T", or null while player p has not chosen. */
  choices: Array<string | null>;
  /** Player to choose (0 or 1), or -4 once both have chosen. */
  currentPlayer: number;
}

/**
 * The player's own choice, and the opponent's only once the game is over (else
 * null). Not whose turn it is: player 1 cannot tell whether player 0 has chosen
 * (the paper's golden).
 */
export interface Observation {
  choices: Array<string | null>;
}

const TERMINAL = -4;
const FACES: Action[] = ['H', 'T'];

export function getInitialState(): State {
  return { choices: [null, null], currentPlayer: 0 };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'matcher' : 'mismatcher';
}

export function getLegalActions(state: State): Action[] {
  if (state.currentPlayer === TERMINAL) return [];
  return FACES.slice();
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the game is over; "${action}" cannot be played`);
  if (action !== 'H' && action !== 'T') throw new Error(`"${action}" is not an action (expected "H" or "T")`);
  const choices = state.choices.slice();
  choices[player] = action;
  return { choices, currentPlayer: player === 0 ? 1 : TERMINAL };
}

export function getRewards(state: State): number[] {
  if (state.currentPlayer !== TERMINAL) return [0, 0];
  return state.choices[0] === state.choices[1] ? [1, -1] : [-1, 1];
}

export function getObservations(state: State): Observation[] {
  if (state.currentPlayer === TERMINAL) {
    return [{ choices: state.choices.slice() }, { choices: state.choices.slice() }];
  }
  return [{ choices: [state.choices[0], null] }, { choices: [null, state.choices[1]] }];
}

function sameObservation(a: Observation, b: Observation): boolean {
  return a.choices[0] === b.choices[0] && a.choices[1] === b.choices[1];
}

/**
 * The only hidden thing is the opponent's unrevealed choice. Every world
 * (the player's own recorded choices, any face for the opponent) that
 * reproduces all observations is kept, and one is drawn uniformly: the exact
 * posterior under a uniformly random opponent, which always has two choices.
 */
export function resampleHistory(
  history: Array<[Observation, Action | null]>,
  player: number,
  random: () => number,
): Action[] {
  const steps = history.length - 1;
  if (steps < 0 || steps > 2) throw new Error(`a history has 1 to 3 entries, not ${history.length}`);
  let worlds: Action[][] = [[]];
  for (let t = 0; t < steps; t++) {
    const own = history[t][1];
    // Player t moves at step t.
    const options = t === player ? (own === null ? [] : [own]) : FACES;
    const next: Action[][] = [];
    for (const world of worlds) {
      for (const action of options) next.push(world.concat([action]));
    }
    worlds = next;
  }
  const consistent: Action[][] = [];
  for (const world of worlds) {
    if (explains(world, history, player)) consistent.push(world);
  }
  if (consistent.length === 0) throw new Error(`no play of the game explains player ${player}'s observations`);
  const pick = Math.min(consistent.length - 1, Math.floor(random() * consistent.length));
  return consistent[pick];
}

/** Whether replaying `actions` reproduces the player's observation at every entry of `history`. */
function explains(actions: Action[], history: Array<[Observation, Action | null]>, player: number): boolean {
  let state = getInitialState();
  for (let t = 0; t <= actions.length; t++) {
    if (!sameObservation(getObservations(state)[player], history[t][0])) return false;
    if (t < actions.length) state = applyAction(state, actions[t]);
  }
  return true;
}
