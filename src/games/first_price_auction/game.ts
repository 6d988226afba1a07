// First-price sealed-bid auction as a GameCWM: a chance step draws both
// private valuations (1..5 each), player 0 bids 0..5, then player 1 bids 0..5
// without seeing player 0's bid. The higher bid wins (player 0 on a tie) and
// the winner earns valuation minus bid; the loser earns 0. Written in the
// contract's subset: pure functions over JSON state, no imports.

export type Action = string;

export interface State {
  /** Private valuations [player 0, player 1], each 1..5; empty before the draw. */
  values: number[];
  /** Bids made so far, in order (player 0's first), each 0..5. */
  bids: number[];
  /** Player to bid (0 or 1), -1 at the valuation draw, -4 once both have bid. */
  currentPlayer: number;
  /** Payoffs; [0, 0] until both bids are in. */
  rewards: number[];
}

export interface Observation {
  /** Whose view this is. */
  player: number;
  /** This player's valuation, or null before the draw. */
  value: number | null;
  /** This player's bid, or null before it is made. */
  ownBid: number | null;
  /** The opponent's bid, revealed only once both bids are in. */
  opponentBid: number | null;
  /** The opponent's valuation, revealed only once both bids are in. */
  opponentValue: number | null;
}

const CHANCE = -1;
const TERMINAL = -4;
const MAX_VALUE = 5;
const MAX_BID = 5;

function buildDeals(): Action[] {
  const deals: Action[] = [];
  for (let v0 = 1; v0 <= MAX_VALUE; v0++) {
    for (let v1 = 1; v1 <= MAX_VALUE; v1++) deals.push(`${v0}${v1}`);
  }
  return deals;
}

function buildBids(): Action[] {
  const bids: Action[] = [];
  for (let b = 0; b <= MAX_BID; b++) bids.push(`bid_${b}`);
  return bids;
}

/** The 25 valuation draws "<v0><v1>"; DEALS[(v0 - 1) * 5 + (v1 - 1)]. */
const DEALS: Action[] = buildDeals();
/** BIDS[b] is the action "bid_<b>". */
const BIDS: Action[] = buildBids();
const DEAL_PROBABILITY = 1 / DEALS.length;

export function getInitialState(): State {
  return { values: [], bids: [], currentPlayer: CHANCE, rewards: [0, 0] };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'Player 0' : 'Player 1';
}

export function getLegalActions(state: State): Action[] {
  if (state.currentPlayer === TERMINAL) return [];
  if (state.currentPlayer === CHANCE) return DEALS.slice();
  return BIDS.slice();
}

export function getChanceOutcomes(state: State): Array<[Action, number]> {
  if (state.currentPlayer !== CHANCE) return [];
  return DEALS.map((deal): [Action, number] => [deal, DEAL_PROBABILITY]);
}

/**
 * Payoffs once both bids are in: the higher bid (player 0 on a tie) buys the
 * item at its bid. As in the paper's golden the winner's surplus (valuation
 * less bid) is split into a zero-sum pair: the winner gets half of it and the
 * loser minus that half.
 */
function payoffs(values: number[], bids: number[]): number[] {
  const winner = bids[0] >= bids[1] ? 0 : 1;
  const half = (values[winner] - bids[winner]) / 2;
  return winner === 0 ? [half, -half] : [-half, half];
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the auction is over; "${action}" cannot be played`);
  if (player === CHANCE) {
    const deal = DEALS.indexOf(action);
    if (deal < 0) {
      throw new Error(`"${action}" is not a valuation draw; expected "<v0><v1>" with each valuation 1..5, e.g. "35"`);
    }
    const v0 = Math.floor(deal / MAX_VALUE) + 1;
    const v1 = deal - (v0 - 1) * MAX_VALUE + 1;
    return { ...state, values: [v0, v1], currentPlayer: 0 };
  }
  const bid = BIDS.indexOf(action);
  if (bid < 0) throw new Error(`"${action}" is not a bid; expected bid_0 .. bid_5`);
  const bids = state.bids.slice();
  bids.push(bid);
  if (player === 0) return { ...state, bids, currentPlayer: 1 };
  return { ...state, bids, currentPlayer: TERMINAL, rewards: payoffs(state.values, bids) };
}

export function getRewards(state: State): number[] {
  return state.rewards.slice();
}

function observationFor(state: State, player: number): Observation {
  const over = state.currentPlayer === TERMINAL;
  return {
    player,
    value: state.values.length > 0 ? state.values[player] : null,
    ownBid: state.bids.length > player ? state.bids[player] : null,
    opponentBid: over ? state.bids[1 - player] : null,
    opponentValue: over ? state.values[1 - player] : null,
  };
}

export function getObservations(state: State): Observation[] {
  return [observationFor(state, 0), observationFor(state, 1)];
}

function sameObservation(a: Observation, b: Observation): boolean {
  return a.player === b.player && a.value === b.value && a.ownBid === b.ownBid
    && a.opponentBid === b.opponentBid && a.opponentValue === b.opponentValue;
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

/** A whole number in 0..n-1 from `random`. */
function pick(n: number, random: () => number): number {
  return Math.min(n - 1, Math.floor(random() * n));
}

/**
 * Draws a history consistent with the player's view, from the exact posterior
 * under a uniformly random opponent. The history is the player's one decision
 * (the paper's convention, or [current observation, null]): player 0 bids
 * right after the deal, player 1 after player 0's hidden bid. Hidden are the
 * opponent's valuation (uniform over 1..5, since every draw has probability
 * 1/25 and nothing the player sees depends on it) and, before player 1's
 * decision, player 0's bid (uniform over the six bids: every bid is always
 * legal). Both are drawn directly; the candidate is then replayed against
 * the history.
 */
export function resampleHistory(
  history: Array<[Observation, Action | null]>,
  player: number,
  random: () => number,
): Action[] {
  if (history.length === 0) return [];
  const last = history[history.length - 1][0];
  const own = history[history.length - 1][1];
  if (last.value === null) throw new Error(`no play explains player ${player}'s history: the player decides before the valuations are drawn`);
  const opponentValue = pick(MAX_VALUE, random) + 1;
  const values = player === 0 ? [last.value, opponentValue] : [opponentValue, last.value];
  const actions: Action[] = [DEALS[(values[0] - 1) * MAX_VALUE + (values[1] - 1)]];
  if (player === 1) actions.push(BIDS[pick(MAX_BID + 1, random)]);
  if (own !== null) actions.push(own);
  if (!explains(actions, history, player)) throw new Error(`no play explains player ${player}'s history`);
  return actions;
}
