// Leduc poker as a GameCWM: a six-card deck (two each of J, Q, K), blinds of
// 1 and 2, one private card each, a betting round, one public card, a second
// betting round, and a showdown where a pair with the public card wins.
// Written in the contract's subset: pure functions over JSON state, no imports.

export type Action = string;

export interface State {
  /** Private cards [player 0, player 1] ("J", "Q", "K"), null until dealt. */
  privateCards: Array<string | null>;
  /** The public card, null until dealt after round 1. */
  publicCard: string | null;
  /** The betting round: 1 (before the public card) or 2 (after it). */
  round: number;
  /** Betting actions of round 1 and round 2. */
  betting: string[][];
  /** Chips each player has put in so far (blinds included). */
  contributions: number[];
  /** Raises made in the current round (the blinds are not raises). */
  raises: number;
  /** Player to act (0 or 1), -1 at a deal, -4 once the hand is over. */
  currentPlayer: number;
  /** True once the hand ended in a showdown (else, once over, in a fold). */
  showdown: boolean;
  /** Net payoffs once the hand is over; in round 2, what a showdown would pay now (see getRewards). */
  rewards: number[];
}

export interface Observation {
  /** Whose view this is. */
  player: number;
  /** This player's private card, null until dealt. */
  privateCard: string | null;
  /** The public card, null until dealt. */
  publicCard: string | null;
  /** Betting actions of round 1 and round 2 (public). */
  betting: string[][];
  /** Chips each player has put in (public). */
  contributions: number[];
}

const CHANCE = -1;
const TERMINAL = -4;
const FOLD = 'Fold';
const CALL = 'Call';
const RAISE = 'Raise';
const RANKS = ['J', 'Q', 'K'];
const DEAL_ACTIONS: Action[] = ['deal:J', 'deal:Q', 'deal:K'];
/** Raise size of round 1 and round 2. */
const RAISE_SIZE = [0, 2, 4];
const MAX_RAISES = 2;

function rankOf(card: string): number {
  return RANKS.indexOf(card);
}

export function getInitialState(): State {
  return {
    privateCards: [null, null],
    publicCard: null,
    round: 1,
    betting: [[], []],
    contributions: [1, 2],
    raises: 0,
    currentPlayer: CHANCE,
    showdown: false,
    rewards: [0, 0],
  };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'Player 0' : 'Player 1';
}

/** How many cards of each rank (J, Q, K) are still in the deck. */
function remaining(state: State): number[] {
  const counts = [2, 2, 2];
  for (const card of state.privateCards) {
    if (card !== null) counts[rankOf(card)] -= 1;
  }
  if (state.publicCard !== null) counts[rankOf(state.publicCard)] -= 1;
  return counts;
}

/**
 * Every rank still in the deck is equally likely, whatever its count (the
 * paper's golden draws uniformly among the distinct ranks left).
 */
export function getChanceOutcomes(state: State): Array<[Action, number]> {
  if (state.currentPlayer !== CHANCE) return [];
  const deals = getLegalActions(state);
  return deals.map((deal): [Action, number] => [deal, 1 / deals.length]);
}

export function getLegalActions(state: State): Action[] {
  const player = state.currentPlayer;
  if (player === TERMINAL) return [];
  if (player === CHANCE) {
    const counts = remaining(state);
    const deals: Action[] = [];
    for (let r = 0; r < 3; r++) {
      if (counts[r] > 0) deals.push(DEAL_ACTIONS[r]);
    }
    return deals;
  }
  // Fold is always offered, even with nothing to call (the paper's golden).
  const actions: Action[] = [FOLD, CALL];
  if (state.raises < MAX_RAISES) actions.push(RAISE);
  return actions;
}

/**
 * Hand strength: a pair with the public card beats any high card; without a
 * pair a hand is worth the higher of its private and the public card (the
 * paper's golden), so a public card above both private cards ties the hand.
 */
function strength(card: string, publicCard: string): number {
  return card === publicCard ? 10 + rankOf(card) : Math.max(rankOf(card), rankOf(publicCard));
}

/** What a showdown pays now: the better hand wins what the other put in; equal hands split. */
function showdownRewards(state: State, contributions: number[]): number[] {
  const card0 = state.privateCards[0];
  const card1 = state.privateCards[1];
  const publicCard = state.publicCard;
  if (card0 === null || card1 === null || publicCard === null) throw new Error('showdown before all cards are dealt');
  const s0 = strength(card0, publicCard);
  const s1 = strength(card1, publicCard);
  if (s0 > s1) return [contributions[1], -contributions[1]];
  if (s1 > s0) return [-contributions[0], contributions[0]];
  return [0, 0];
}

function showdown(state: State, betting: string[][], contributions: number[]): State {
  const rewards = showdownRewards(state, contributions);
  return { ...state, betting, contributions, currentPlayer: TERMINAL, showdown: true, rewards };
}

/** A state of round 2 still in play: its rewards are the would-be showdown payoff. */
function inRound2(state: State): State {
  return { ...state, rewards: showdownRewards(state, state.contributions) };
}

function deal(state: State, action: Action): State {
  const r = DEAL_ACTIONS.indexOf(action);
  if (r < 0) throw new Error(`"${action}" is not a deal; expected deal:J, deal:Q or deal:K`);
  if (remaining(state)[r] <= 0) throw new Error(`"${action}": both ${RANKS[r]}s are already dealt`);
  const card = RANKS[r];
  if (state.privateCards[0] === null) {
    return { ...state, privateCards: [card, null] };
  }
  if (state.privateCards[1] === null) {
    return { ...state, privateCards: [state.privateCards[0], card], currentPlayer: 0 };
  }
  return inRound2({ ...state, publicCard: card, round: 2, raises: 0, currentPlayer: 0 });
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the hand is over; "${action}" cannot be played`);
  if (player === CHANCE) return deal(state, action);
  const opponent = 1 - player;
  const facing = state.contributions[opponent] > state.contributions[player];
  const index = state.round - 1;
  const roundBetting = state.betting[index].slice();
  roundBetting.push(action);
  const betting = index === 0 ? [roundBetting, state.betting[1]] : [state.betting[0], roundBetting];
  if (action === FOLD) {
    const lost = state.contributions[player];
    const rewards = player === 0 ? [-lost, lost] : [lost, -lost];
    return { ...state, betting, currentPlayer: TERMINAL, rewards };
  }
  if (action === RAISE) {
    if (state.raises >= MAX_RAISES) throw new Error(`"Raise" is not legal: ${MAX_RAISES} raises were already made this round`);
    const contributions = state.contributions.slice();
    contributions[player] = contributions[opponent] + RAISE_SIZE[state.round];
    const raised = { ...state, betting, contributions, raises: state.raises + 1, currentPlayer: opponent };
    return state.round === 2 ? inRound2(raised) : raised;
  }
  if (action !== CALL) throw new Error(`"${action}" is not an action; expected Fold, Call or Raise`);
  const contributions = facing ? state.contributions.slice() : state.contributions;
  if (facing) contributions[player] = contributions[opponent];
  if (roundBetting.length < 2) {
    const checked = { ...state, betting, contributions, currentPlayer: opponent };
    return state.round === 2 ? inRound2(checked) : checked;
  }
  if (state.round === 2) return showdown(state, betting, contributions);
  return { ...state, betting, contributions, currentPlayer: CHANCE };
}

/**
 * The payoffs once the hand is over. In round 2 the paper's golden reports
 * what a showdown would pay at that moment, so we do too (searches read
 * rewards only at the end); in round 1 (the golden has no value there) 0.
 */
export function getRewards(state: State): number[] {
  return state.rewards.slice();
}

function observationFor(state: State, player: number): Observation {
  return {
    player,
    privateCard: state.privateCards[player],
    publicCard: state.publicCard,
    betting: [state.betting[0].slice(), state.betting[1].slice()],
    contributions: state.contributions.slice(),
  };
}

export function getObservations(state: State): Observation[] {
  return [observationFor(state, 0), observationFor(state, 1)];
}

function sameStrings(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function sameObservation(a: Observation, b: Observation): boolean {
  if (a.player !== b.player || a.privateCard !== b.privateCard || a.publicCard !== b.publicCard) return false;
  if (a.contributions[0] !== b.contributions[0] || a.contributions[1] !== b.contributions[1]) return false;
  return sameStrings(a.betting[0], b.betting[0]) && sameStrings(a.betting[1], b.betting[1]);
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
 * Draws a history consistent with the player's view, from the exact posterior
 * under a uniformly random opponent. The betting is public and the legal
 * actions never depend on the cards, so only the deals are uncertain: every
 * triple (player 0's card, player 1's card, public card) is weighted by its
 * deal probability (1/3 * 1/3 * 1/k, k the ranks left for the public card),
 * the public deal is summed out before it is made, and a candidate is kept
 * only if replaying it explains the whole history. The history is the
 * player's own decisions (the paper's convention, or ending with [current
 * observation, null]); the public record comes from its last observation.
 */
export function resampleHistory(
  history: Array<[Observation, Action | null]>,
  player: number,
  random: () => number,
): Action[] {
  if (history.length === 0) return [];
  const last = history[history.length - 1][0];
  const ownAction = history[history.length - 1][1];
  const round1 = last.betting[0];
  const publicDealt = last.publicCard !== null;
  // Cards the player's latest view pins down (3 = unknown).
  const known = [3, 3, 3];
  if (last.privateCard !== null) known[player] = rankOf(last.privateCard);
  if (last.publicCard !== null) known[2] = rankOf(last.publicCard);
  // weights[c0 * 16 + c1 * 4 + pub], with 3 standing for a deal not yet made.
  const weights: number[] = [];
  for (let i = 0; i < 64; i++) weights.push(0);
  for (let c0 = 0; c0 < 3; c0++) {
    if (known[0] !== 3 && known[0] !== c0) continue;
    for (let c1 = 0; c1 < 3; c1++) {
      if (known[1] !== 3 && known[1] !== c1) continue;
      for (let pub = 0; pub < 3; pub++) {
        if (known[2] !== 3 && known[2] !== pub) continue;
        let n2 = 2;
        if (pub === c0) n2 -= 1;
        if (pub === c1) n2 -= 1;
        if (n2 <= 0) continue;
        const id = c0 * 16 + c1 * 4 + (publicDealt ? pub : 3);
        weights[id] += c0 === c1 ? 3 : 2;
      }
    }
  }
  const candidates: Action[][] = [];
  const candidateWeights: number[] = [];
  let total = 0;
  for (let id = 0; id < 64; id++) {
    if (weights[id] === 0) continue;
    const c0 = Math.floor(id / 16);
    const c1 = Math.floor((id - c0 * 16) / 4);
    const pub = id - c0 * 16 - c1 * 4;
    // Every decision comes after both private deals.
    let actions = [DEAL_ACTIONS[c0]];
    actions.push(DEAL_ACTIONS[c1]);
    actions = actions.concat(round1);
    if (publicDealt) actions = actions.concat([DEAL_ACTIONS[pub]]).concat(last.betting[1]);
    if (ownAction !== null) actions.push(ownAction);
    if (!explains(actions, history, player)) continue;
    candidates.push(actions);
    candidateWeights.push(weights[id]);
    total += weights[id];
  }
  if (candidates.length === 0) throw new Error(`no deal explains player ${player}'s history`);
  let threshold = random() * total;
  for (let i = 0; i < candidates.length; i++) {
    threshold -= candidateWeights[i];
    if (threshold < 0) return candidates[i];
  }
  return candidates[candidates.length - 1];
}
