// Prisoner's Dilemma as a GameCWM: player 0 picks "C" (cooperate) or "D"
// (defect), then player 1 picks without seeing it; payoffs follow the classic
// 3/0/5/1 table. The simultaneous choice is played in turn, the first one
// hidden until both are in. Written in the contract's subset: pure functions
// over JSON state.

export type Action = string;

export interface State {
  /** choices[p]: "C", "D", or null while player p has not chosen. */
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
const CHOICES: Action[] = ['C', 'D'];
/** PAYOFFS[i][j]: the table's payoffs when player 0 plays CHOICES[i] and player 1 plays CHOICES[j]. */
const PAYOFFS: number[][][] = [
  [[3, 3], [0, 5]],
  [[5, 0], [1, 1]],
];

export function getInitialState(): State {
  return { choices: [null, null], currentPlayer: 0 };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'prisoner 0' : 'prisoner 1';
}

export function getLegalActions(state: State): Action[] {
  if (state.currentPlayer === TERMINAL) return [];
  return CHOICES.slice();
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the game is over; "${action}" cannot be played`);
  if (action !== 'C' && action !== 'D') throw new Error(`"${action}" is not an action (expected "C" or "D")`);
  const choices = state.choices.slice();
  choices[player] = action;
  return { choices, currentPlayer: player === 0 ? 1 : TERMINAL };
}

export function getRewards(state: State): number[] {
  if (state.currentPlayer !== TERMINAL) return [0, 0];
  // Each player's payoff less the mean of both (the paper's golden): zero-sum,
  // 0 for equal picks, +2.5 for the defector against a cooperator.
  const row = PAYOFFS[state.choices[0] === 'C' ? 0 : 1][state.choices[1] === 'C' ? 0 : 1];
  const mean = (row[0] + row[1]) / 2;
  return [row[0] - mean, row[1] - mean];
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
 * The only hidden thing is the opponent's unrevealed choice. Each player decides
 * once: player 0 first, then player 1, so the history (the player's own
 * decisions in the paper's convention, or [current observation, null]) has one
 * entry. Player 0's decision comes first; before player 1's, player 0's choice
 * is hidden and a uniformly random opponent makes each equally likely, so one
 * of the worlds that explain the history is drawn uniformly.
 */
export function resampleHistory(
  history: Array<[Observation, Action | null]>,
  player: number,
  random: () => number,
): Action[] {
  if (history.length === 0) return [];
  const own = history[history.length - 1][1];
  const consistent: Action[][] = [];
  const before: Action[][] = player === 0 ? [[]] : CHOICES.map((first) => [first]);
  for (const world of before) {
    const actions = own === null ? world : world.concat([own]);
    if (explains(actions, history, player)) consistent.push(actions);
  }
  if (consistent.length === 0) throw new Error(`no play of the game explains player ${player}'s history`);
  const pick = Math.min(consistent.length - 1, Math.floor(random() * consistent.length));
  return consistent[pick];
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
      if (!sameObservation(getObservations(state)[player], entry[0])) return false;
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
