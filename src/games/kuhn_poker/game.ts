// Kuhn poker as a GameCWM: three cards (J, Q, K), one private card each,
// an ante of 1 from both players, one betting round with a raise of 1, and a
// showdown where the higher card takes the pot. Written in the contract's
// subset: pure functions over JSON state, no imports.

export type Action = string;

export interface State {
  /** Private cards [player 0, player 1] ("J", "Q" or "K"); empty before the deal. */
  cards: string[];
  /** The betting actions so far ("Fold", "Call", "Raise"), in order. */
  betting: string[];
  /** Chips each player has put in (ante 1, plus 1 after a raise or a call of one). */
  contributions: number[];
  /** Player to act (0 or 1), -1 at the deal, -4 once the hand is over. */
  currentPlayer: number;
  /** True once the hand ended in a showdown (else, once over, in a fold). */
  showdown: boolean;
  /** Net payoffs once the hand is over; before that, what a showdown would pay now (see getRewards). */
  rewards: number[];
}

export interface Observation {
  /** Whose view this is. */
  player: number;
  /** This player's card, or null before the deal. */
  card: string | null;
  /** The public betting sequence. */
  betting: string[];
  /** Whose turn it is (0, 1, -1 at the deal, -4 at the end). */
  currentPlayer: number;
}

const CHANCE = -1;
const TERMINAL = -4;
const FOLD = 'Fold';
const CALL = 'Call';
const RAISE = 'Raise';
const CARDS = ['J', 'Q', 'K'];
/** The six deals "<player 0 card><player 1 card>", each with probability 1/6. */
const DEALS: Action[] = ['JQ', 'JK', 'QJ', 'QK', 'KJ', 'KQ'];
/** DEAL_CARDS[i] holds the two cards of DEALS[i]. */
const DEAL_CARDS: string[][] = [['J', 'Q'], ['J', 'K'], ['Q', 'J'], ['Q', 'K'], ['K', 'J'], ['K', 'Q']];
const DEAL_OUTCOMES: Array<[Action, number]> = DEALS.map((deal): [Action, number] => [deal, 1 / 6]);
/** With no raise to answer a player checks or raises: folding is not offered (the paper's golden). */
const OPENING_ACTIONS: Action[] = [CALL, RAISE];
const FACING_RAISE_ACTIONS: Action[] = [FOLD, CALL];

function rank(card: string): number {
  return CARDS.indexOf(card);
}

export function getInitialState(): State {
  return { cards: [], betting: [], contributions: [1, 1], currentPlayer: CHANCE, showdown: false, rewards: [0, 0] };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'Player 0' : 'Player 1';
}

/** True when the player to act faces a raise it has not matched. */
function facingRaise(state: State): boolean {
  return state.contributions[0] !== state.contributions[1];
}

export function getLegalActions(state: State): Action[] {
  if (state.currentPlayer === TERMINAL) return [];
  if (state.currentPlayer === CHANCE) return DEALS.slice();
  return facingRaise(state) ? FACING_RAISE_ACTIONS.slice() : OPENING_ACTIONS.slice();
}

export function getChanceOutcomes(state: State): Array<[Action, number]> {
  if (state.currentPlayer !== CHANCE) return [];
  return DEAL_OUTCOMES.map((outcome): [Action, number] => [outcome[0], outcome[1]]);
}

/** The terminal state after `player` folds: the folder loses what it put in. */
function fold(state: State, betting: string[], player: number): State {
  const lost = state.contributions[player];
  const rewards = player === 0 ? [-lost, lost] : [lost, -lost];
  return { ...state, betting, currentPlayer: TERMINAL, rewards };
}

/** What a showdown pays when each player has `stake` in the pot: the higher card wins it. */
function showdownRewards(cards: string[], stake: number): number[] {
  return rank(cards[0]) > rank(cards[1]) ? [stake, -stake] : [-stake, stake];
}

/** The terminal state of a showdown with equal contributions. */
function showdown(state: State, betting: string[], contributions: number[]): State {
  const rewards = showdownRewards(state.cards, contributions[0]);
  return { ...state, betting, contributions, currentPlayer: TERMINAL, showdown: true, rewards };
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the hand is over; "${action}" cannot be played`);
  if (player === CHANCE) {
    const deal = DEALS.indexOf(action);
    if (deal < 0) {
      throw new Error(`"${action}" is not a deal; expected one of ${DEALS.join(', ')} (player 0's card, then player 1's)`);
    }
    return { ...state, cards: DEAL_CARDS[deal].slice(), currentPlayer: 0 };
  }
  const raised = facingRaise(state);
  if (action !== FOLD && action !== CALL && action !== RAISE) {
    throw new Error(`"${action}" is not an action; expected Fold, Call or Raise`);
  }
  if (action === RAISE && raised) throw new Error('"Raise" is not legal facing a raise; only Fold or Call');
  if (action === FOLD && !raised) throw new Error('"Fold" is not legal with no raise to answer; only Call (check) or Raise');
  const betting = state.betting.slice();
  betting.push(action);
  if (action === FOLD) return fold(state, betting, player);
  if (action === RAISE) {
    const contributions = state.contributions.slice();
    contributions[player] += 1;
    return { ...state, betting, contributions, currentPlayer: 1 - player, rewards: showdownRewards(state.cards, 2) };
  }
  // Call: matches a raise (showdown), or checks.
  if (raised) {
    const contributions = state.contributions.slice();
    contributions[player] = contributions[1 - player];
    return showdown(state, betting, contributions);
  }
  if (player === 1) return showdown(state, betting, state.contributions);
  return { ...state, betting, currentPlayer: 1, rewards: showdownRewards(state.cards, 1) };
}

/**
 * The payoffs once the hand is over. Mid-hand the paper's golden reports what a
 * showdown would pay at that moment (1, or 2 once someone raised), so we do too:
 * searches read rewards only at the end.
 */
export function getRewards(state: State): number[] {
  return state.rewards.slice();
}

function observationFor(state: State, player: number): Observation {
  return {
    player,
    card: state.cards.length > 0 ? state.cards[player] : null,
    betting: state.betting.slice(),
    currentPlayer: state.currentPlayer,
  };
}

export function getObservations(state: State): Observation[] {
  return [observationFor(state, 0), observationFor(state, 1)];
}

function sameObservation(a: Observation, b: Observation): boolean {
  if (a.player !== b.player || a.card !== b.card || a.currentPlayer !== b.currentPlayer) return false;
  if (a.betting.length !== b.betting.length) return false;
  for (let i = 0; i < a.betting.length; i++) {
    if (a.betting[i] !== b.betting[i]) return false;
  }
  return true;
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

/**
 * Draws a history consistent with the player's own decisions (the paper's
 * convention, or ending with [current observation, null]). The only hidden
 * fact is the opponent's card; the betting is public and its latest record is
 * in the last entry's observation. Every deal is equally likely and the legal
 * actions never depend on the cards, so the posterior under a uniformly
 * random opponent is uniform over the consistent deals.
 */
export function resampleHistory(
  history: Array<[Observation, Action | null]>,
  player: number,
  random: () => number,
): Action[] {
  if (history.length === 0) return [];
  const last = history[history.length - 1];
  const tail: Action[] = last[1] === null ? [] : [last[1]];
  const consistent: Action[][] = [];
  for (const deal of DEALS) {
    const actions = [deal].concat(last[0].betting).concat(tail);
    if (explains(actions, history, player)) consistent.push(actions);
  }
  if (consistent.length === 0) throw new Error(`no play explains player ${player}'s history`);
  const index = Math.min(consistent.length - 1, Math.floor(random() * consistent.length));
  return consistent[index];
}
