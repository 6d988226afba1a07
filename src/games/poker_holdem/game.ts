// Heads-up limit Texas Hold'em as a GameCWM, with the paper's golden
// conventions: each player brings 100 chips, player 0 is the dealer and small
// blind (1), player 1 the big blind (2). Two hole cards each, then a flop of
// three, a turn and a river, with four betting rounds. Every bet or raise adds
// 2 chips on top of a call (less only when the raiser's chips run short); raises
// are not capped, only a player's chips limit them. The showdown ranks each
// player's best five of seven cards.
// Written in the contract's subset: pure functions over JSON state, no imports.

export type Action = string;

export interface State {
  /**
   * Cards dealt so far, in deal order: player 0's two hole cards, player 1's
   * two, then the flop (three), the turn and the river. E.g. "Ah", "Tc", "2s".
   */
  cards: string[];
  /** Betting round: 0 pre-flop, 1 flop, 2 turn, 3 river. */
  round: number;
  /** Betting actions of each of the four rounds. */
  betting: string[][];
  /** Chips each player has put in so far (blinds included), at most STACK each. */
  contributions: number[];
  /** Player to act (0 or 1), -1 while a card is dealt, -4 once the hand is over. */
  currentPlayer: number;
  /** True once the hand ended in a showdown (both players' hole cards are then shown). */
  showdown: boolean;
  /** Net payoffs; [0, 0] until the hand is over. */
  rewards: number[];
}

export interface Observation {
  /** Whose view this is. */
  player: number;
  /** This player's hole cards dealt so far (deal order). */
  holeCards: string[];
  /** The opponent's hole cards, shown only at a showdown; null while hidden. */
  opponentCards: string[] | null;
  /** Community cards dealt so far: flop, turn, river. */
  board: string[];
  /** Betting round: 0 pre-flop, 1 flop, 2 turn, 3 river. */
  round: number;
  /** Betting actions of the four rounds (public). */
  betting: string[][];
  /** Chips each player has put in (public). */
  contributions: number[];
  /** Total chips in the pot. */
  pot: number;
  /** Whose turn it is (0, 1, -1 at a deal, -4 at the end). */
  currentPlayer: number;
}

const CHANCE = -1;
const TERMINAL = -4;
const FOLD = 'Fold';
const CALL = 'Call';
const RAISE = 'Raise';
const CHECK = 'Check';
const SMALL_BLIND = 1;
const BIG_BLIND = 2;
/** The chips a bet or raise adds on top of a call (in every round). */
const BET_SIZE = 2;
/** Chips each player brings to the hand: the most it can put in. */
const STACK = 100;
/** Cards on the table once each round's deal is complete (hole cards, flop, turn, river). */
const CARDS_FOR_ROUND = [4, 7, 8, 9];

const RANK_CHARS = ['2', '3', '4', '5', '6', '7', '8', '9', 'T', 'J', 'Q', 'K', 'A'];
const SUIT_CHARS = ['c', 'd', 'h', 's'];

function buildCards(): string[] {
  const cards: string[] = [];
  for (let r = 0; r < 13; r++) {
    for (let s = 0; s < 4; s++) cards.push(RANK_CHARS[r] + SUIT_CHARS[s]);
  }
  return cards;
}

/** CARDS[rank * 4 + suit]: "2c", "2d", ..., "As". */
const CARDS: string[] = buildCards();
/** DEAL_ACTIONS[i] deals CARDS[i]. */
const DEAL_ACTIONS: Action[] = CARDS.map((card) => 'deal:' + card);

const FACING: Action[] = [FOLD, CALL, RAISE];
const FACING_CAPPED: Action[] = [FOLD, CALL];
const OPEN: Action[] = [CHECK, RAISE];
const OPEN_CAPPED: Action[] = [CHECK];

export function getInitialState(): State {
  return {
    cards: [],
    round: 0,
    betting: [[], [], [], []],
    contributions: [SMALL_BLIND, BIG_BLIND],
    currentPlayer: CHANCE,
    showdown: false,
    rewards: [0, 0],
  };
}

/**
 * A shallow copy whose fields the caller then replaces (built as a literal:
 * much faster than object spread). Arrays are shared, never modified.
 */
function copyState(state: State): State {
  return {
    cards: state.cards,
    round: state.round,
    betting: state.betting,
    contributions: state.contributions,
    currentPlayer: state.currentPlayer,
    showdown: state.showdown,
    rewards: state.rewards,
  };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'Player 0 (dealer, small blind)' : 'Player 1 (big blind)';
}

/** The index (rank * 4 + suit) of a card string such as "Ah", or -1. */
function cardIndex(card: string): number {
  const rank = RANK_CHARS.indexOf(card.charAt(0));
  const suit = SUIT_CHARS.indexOf(card.charAt(1));
  if (rank < 0 || suit < 0 || card.length !== 2) return -1;
  return rank * 4 + suit;
}

/** Deal actions of the cards still in the deck. */
function remainingDeals(cards: string[]): Action[] {
  const used: boolean[] = [];
  for (let i = 0; i < 52; i++) used.push(false);
  for (let i = 0; i < cards.length; i++) used[cardIndex(cards[i])] = true;
  const deals: Action[] = [];
  for (let i = 0; i < 52; i++) {
    if (!used[i]) deals.push(DEAL_ACTIONS[i]);
  }
  return deals;
}

export function getChanceOutcomes(state: State): Array<[Action, number]> {
  if (state.currentPlayer !== CHANCE) return [];
  const deals = remainingDeals(state.cards);
  const p = 1 / deals.length;
  const outcomes: Array<[Action, number]> = [];
  for (let i = 0; i < deals.length; i++) outcomes.push([deals[i], p]);
  return outcomes;
}

export function getLegalActions(state: State): Action[] {
  const player = state.currentPlayer;
  if (player === TERMINAL) return [];
  if (player === CHANCE) return remainingDeals(state.cards);
  const toCall = state.contributions[1 - player] - state.contributions[player];
  // A raise needs chips beyond the call.
  const canRaise = STACK - state.contributions[player] > toCall;
  if (toCall > 0) return canRaise ? FACING.slice() : FACING_CAPPED.slice();
  return canRaise ? OPEN.slice() : OPEN_CAPPED.slice();
}

// ---------------------------------------------------------------------------
// Hand ranking. A hand's strength is one number: its category (0 high card,
// 1 one pair, 2 two pair, 3 three of a kind, 4 straight, 5 flush, 6 full
// house, 7 four of a kind, 8 straight flush, a royal flush being the best
// straight flush) times 16^5, plus up to five tie-breaking ranks (0 = deuce
// ... 12 = ace) in base 16, most significant first. Higher is better; equal
// numbers are equal hands.

const BASE = 16;
const CATEGORY_UNIT = BASE * BASE * BASE * BASE * BASE;

function strengthOf(category: number, keys: number[]): number {
  let value = category;
  for (let i = 0; i < 5; i++) value = value * BASE + (i < keys.length ? keys[i] : 0);
  return value;
}

/** The top rank (3 for the wheel A-2-3-4-5) of the best straight among present ranks, else -1. */
function straightHigh(present: boolean[]): number {
  for (let high = 12; high >= 3; high--) {
    let run = true;
    for (let k = 0; k < 5; k++) {
      const r = high - k;
      // Below the deuce the ace plays low (only for the wheel, high === 3).
      if (!present[r < 0 ? 12 : r]) {
        run = false;
        break;
      }
    }
    if (run) return high;
  }
  return -1;
}

/** The highest `n` ranks with a nonzero count, skipping `skipA` and `skipB`. */
function kickers(counts: number[], n: number, skipA: number, skipB: number): number[] {
  const found: number[] = [];
  for (let r = 12; r >= 0 && found.length < n; r--) {
    if (counts[r] > 0 && r !== skipA && r !== skipB) found.push(r);
  }
  return found;
}

/**
 * The strength of the best five-card hand among `cards` (five to seven card
 * strings such as "Ah"). Compare two hands by comparing their strengths.
 */
export function handStrength(cards: string[]): number {
  const counts = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const suitCounts = [0, 0, 0, 0];
  const ranks: number[] = [];
  const suits: number[] = [];
  for (let i = 0; i < cards.length; i++) {
    const index = cardIndex(cards[i]);
    if (index < 0) throw new Error(`"${cards[i]}" is not a card`);
    const rank = Math.floor(index / 4);
    const suit = index - rank * 4;
    ranks.push(rank);
    suits.push(suit);
    counts[rank] += 1;
    suitCounts[suit] += 1;
  }
  let flushSuit = -1;
  for (let s = 0; s < 4; s++) {
    if (suitCounts[s] >= 5) flushSuit = s;
  }
  const flushRanks = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  if (flushSuit >= 0) {
    const inSuit = [false, false, false, false, false, false, false, false, false, false, false, false, false];
    for (let i = 0; i < ranks.length; i++) {
      if (suits[i] === flushSuit) {
        inSuit[ranks[i]] = true;
        flushRanks[ranks[i]] = 1;
      }
    }
    const high = straightHigh(inSuit);
    if (high >= 0) return strengthOf(8, [high]);
  }
  let quad = -1;
  const trips: number[] = [];
  const pairs: number[] = [];
  const present = [false, false, false, false, false, false, false, false, false, false, false, false, false];
  for (let r = 12; r >= 0; r--) {
    const n = counts[r];
    if (n > 0) present[r] = true;
    if (n === 4) quad = r;
    else if (n === 3) trips.push(r);
    else if (n === 2) pairs.push(r);
  }
  if (quad >= 0) return strengthOf(7, [quad].concat(kickers(counts, 1, quad, -1)));
  if (trips.length > 0 && (trips.length > 1 || pairs.length > 0)) {
    // The pair of a full house may come from a second set of trips.
    let pair = pairs.length > 0 ? pairs[0] : -1;
    if (trips.length > 1 && trips[1] > pair) pair = trips[1];
    return strengthOf(6, [trips[0], pair]);
  }
  if (flushSuit >= 0) return strengthOf(5, kickers(flushRanks, 5, -1, -1));
  const high = straightHigh(present);
  if (high >= 0) return strengthOf(4, [high]);
  if (trips.length > 0) return strengthOf(3, [trips[0]].concat(kickers(counts, 2, trips[0], -1)));
  if (pairs.length > 1) return strengthOf(2, [pairs[0], pairs[1]].concat(kickers(counts, 1, pairs[0], pairs[1])));
  if (pairs.length > 0) return strengthOf(1, [pairs[0]].concat(kickers(counts, 3, pairs[0], -1)));
  return strengthOf(0, kickers(counts, 5, -1, -1));
}

/** The category (0 high card ... 8 straight flush) of a strength from handStrength. */
export function handCategory(strength: number): number {
  return Math.floor(strength / CATEGORY_UNIT);
}

// ---------------------------------------------------------------------------

function showdown(state: State, betting: string[][], contributions: number[]): State {
  const board = state.cards.slice(4, 9);
  const s0 = handStrength([state.cards[0], state.cards[1]].concat(board));
  const s1 = handStrength([state.cards[2], state.cards[3]].concat(board));
  const stake = contributions[0];
  let rewards = [0, 0];
  if (s0 > s1) rewards = [stake, -stake];
  else if (s1 > s0) rewards = [-stake, stake];
  const next = copyState(state);
  next.betting = betting;
  next.contributions = contributions;
  next.currentPlayer = TERMINAL;
  next.showdown = true;
  next.rewards = rewards;
  return next;
}

function deal(state: State, action: Action): State {
  const index = DEAL_ACTIONS.indexOf(action);
  if (index < 0) throw new Error(`"${action}" is not a deal; expected deal:<rank><suit> such as deal:Ah`);
  const card = CARDS[index];
  if (state.cards.includes(card)) throw new Error(`"${action}": ${card} has already been dealt`);
  const cards = state.cards.slice();
  cards.push(card);
  const next = copyState(state);
  next.cards = cards;
  if (cards.length >= CARDS_FOR_ROUND[state.round]) next.currentPlayer = state.round === 0 ? 0 : 1;
  return next;
}

/** The betting round is over: deal the next street or go to the showdown. */
function endRound(state: State, betting: string[][], contributions: number[]): State {
  if (state.round === 3) return showdown(state, betting, contributions);
  const next = copyState(state);
  next.betting = betting;
  next.contributions = contributions;
  next.round = state.round + 1;
  next.currentPlayer = CHANCE;
  return next;
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the hand is over; "${action}" cannot be played`);
  if (player === CHANCE) return deal(state, action);
  const opponent = 1 - player;
  const facing = state.contributions[opponent] > state.contributions[player];
  const round = state.round;
  const roundBetting = state.betting[round].slice();
  roundBetting.push(action);
  const betting = state.betting.slice();
  betting[round] = roundBetting;
  if (action === FOLD) {
    // Folding is offered only facing a bet, but the paper's scenarios also fold
    // with nothing to call; the golden then ends the hand as any fold.
    const lost = state.contributions[player];
    const next = copyState(state);
    next.betting = betting;
    next.currentPlayer = TERMINAL;
    next.rewards = player === 0 ? [-lost, lost] : [lost, -lost];
    return next;
  }
  if (action === CHECK) {
    if (facing) throw new Error('"Check" is not legal facing a bet; use "Fold", "Call" or "Raise"');
    if (roundBetting.length >= 2) return endRound(state, betting, state.contributions);
    const next = copyState(state);
    next.betting = betting;
    next.currentPlayer = opponent;
    return next;
  }
  if (action === CALL) {
    if (!facing) throw new Error('"Call" is only legal facing a bet; with no bet outstanding use "Check"');
    const contributions = state.contributions.slice();
    contributions[player] = contributions[opponent];
    if (roundBetting.length >= 2) return endRound(state, betting, contributions);
    const next = copyState(state);
    next.betting = betting;
    next.contributions = contributions;
    next.currentPlayer = opponent;
    return next;
  }
  if (action === RAISE) {
    const left = STACK - state.contributions[opponent];
    if (left <= 0) throw new Error(`"Raise" is not legal: player ${player} has no chips beyond a call`);
    const contributions = state.contributions.slice();
    contributions[player] = contributions[opponent] + (left < BET_SIZE ? left : BET_SIZE);
    const next = copyState(state);
    next.betting = betting;
    next.contributions = contributions;
    next.currentPlayer = opponent;
    return next;
  }
  throw new Error(`"${action}" is not an action; expected Fold, Call, Raise or Check`);
}

export function getRewards(state: State): number[] {
  return state.rewards.slice();
}

function observationFor(state: State, player: number): Observation {
  const first = 2 * player;
  const other = 2 - first;
  const cards = state.cards;
  const holeCards: string[] = [];
  if (cards.length > first) holeCards.push(cards[first]);
  if (cards.length > first + 1) holeCards.push(cards[first + 1]);
  return {
    player,
    holeCards,
    opponentCards: state.showdown ? [cards[other], cards[other + 1]] : null,
    board: cards.length > 4 ? cards.slice(4) : [],
    round: state.round,
    betting: [state.betting[0].slice(), state.betting[1].slice(), state.betting[2].slice(), state.betting[3].slice()],
    contributions: state.contributions.slice(),
    pot: state.contributions[0] + state.contributions[1],
    currentPlayer: state.currentPlayer,
  };
}

export function getObservations(state: State): Observation[] {
  return [observationFor(state, 0), observationFor(state, 1)];
}

// ---------------------------------------------------------------------------
// Resampling. Everything is public except the opponent's hole cards (until a
// showdown shows them), and the legal actions never depend on them, so under
// any opponent policy that ignores its cards, e.g. a uniformly random one, the
// posterior over the opponent's hole cards is uniform over ordered pairs of
// cards the player has not seen. The history is the player's own decisions
// (the paper's convention, or ending with [current observation, null]); the
// rest of the play is read off its last observation: the cards the player
// sees and every round's betting, in the order the rules deal and bet.

function sameStrings(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

/** Whether `cards[from..to)` (clipped to what is dealt) is exactly `seen`. */
function sameSlice(cards: string[], from: number, to: number, seen: string[]): boolean {
  const end = cards.length < to ? cards.length : to;
  const n = end > from ? end - from : 0;
  if (seen.length !== n) return false;
  for (let i = 0; i < n; i++) {
    if (seen[i] !== cards[from + i]) return false;
  }
  return true;
}

/** Whether `player`'s observation of `state` is `obs` (observationFor, compared without building it). */
function seesAs(state: State, player: number, obs: Observation): boolean {
  if (obs.player !== player || obs.round !== state.round || obs.currentPlayer !== state.currentPlayer) return false;
  const c = state.contributions;
  if (obs.contributions[0] !== c[0] || obs.contributions[1] !== c[1] || obs.pot !== c[0] + c[1]) return false;
  if (!sameSlice(state.cards, 2 * player, 2 * player + 2, obs.holeCards)) return false;
  if (!sameSlice(state.cards, 4, 9, obs.board)) return false;
  if (state.showdown) {
    if (obs.opponentCards === null || !sameSlice(state.cards, 2 - 2 * player, 4 - 2 * player, obs.opponentCards)) return false;
  } else if (obs.opponentCards !== null) {
    return false;
  }
  if (obs.betting.length !== 4) return false;
  for (let r = 0; r < 4; r++) {
    if (!sameStrings(obs.betting[r], state.betting[r])) return false;
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
      if (!seesAs(state, player, entry[0])) return false;
      if (entry[1] === null) return next === history.length - 1 && t === actions.length;
      if (t === actions.length || actions[t] !== entry[1]) return false;
      next += 1;
    }
    if (t === actions.length) return next === history.length;
    if (actor === TERMINAL) return false;
    if (actor === CHANCE) {
      const index = DEAL_ACTIONS.indexOf(actions[t]);
      if (index < 0 || state.cards.includes(CARDS[index])) return false;
    } else if (!getLegalActions(state).includes(actions[t])) {
      return false;
    }
    state = applyAction(state, actions[t]);
  }
  return false;
}

/**
 * Draws a full action list consistent with the player's history: the
 * opponent's hidden hole cards uniformly (without replacement) among the
 * cards the player has not seen, everything else as the last observation
 * shows it.
 */
export function resampleHistory(
  history: Array<[Observation, Action | null]>,
  player: number,
  random: () => number,
): Action[] {
  if (history.length === 0) return [];
  const last = history[history.length - 1][0];
  const own = history[history.length - 1][1];
  const fail = `no play explains player ${player}'s history`;
  const used: boolean[] = [];
  for (let i = 0; i < 52; i++) used.push(false);
  const known = last.holeCards.concat(last.board).concat(last.opponentCards === null ? [] : last.opponentCards);
  for (let i = 0; i < known.length; i++) {
    const index = cardIndex(known[i]);
    if (index < 0 || used[index]) throw new Error(`${fail}: card "${known[i]}" is unknown or seen twice`);
    used[index] = true;
  }
  if (last.holeCards.length !== 2 || last.round < 0 || last.round > 3) throw new Error(`${fail}: a decision comes after both hole cards`);
  // The four hole cards, player 0's first; the opponent's drawn unless shown.
  const hole: Array<string | null> = [null, null, null, null];
  hole[2 * player] = last.holeCards[0];
  hole[2 * player + 1] = last.holeCards[1];
  for (let slot = 0; slot < 2; slot++) {
    const at = 2 * (1 - player) + slot;
    if (last.opponentCards !== null) {
      hole[at] = last.opponentCards[slot];
      continue;
    }
    let index = Math.floor(random() * 52);
    while (index >= 52 || used[index]) index = Math.floor(random() * 52);
    used[index] = true;
    hole[at] = CARDS[index];
  }
  const actions: Action[] = [];
  for (let i = 0; i < 4; i++) actions.push('deal:' + hole[i]);
  for (let round = 0; round <= last.round; round++) {
    if (round > 0) {
      for (let k = CARDS_FOR_ROUND[round - 1]; k < CARDS_FOR_ROUND[round]; k++) {
        if (k - 4 >= last.board.length) throw new Error(`${fail}: round ${round} has no board card ${k - 3}`);
        actions.push('deal:' + last.board[k - 4]);
      }
    }
    const bets = last.betting[round];
    for (let i = 0; i < bets.length; i++) actions.push(bets[i]);
  }
  if (own !== null) actions.push(own);
  if (!explains(actions, history, player)) throw new Error(fail);
  return actions;
}
