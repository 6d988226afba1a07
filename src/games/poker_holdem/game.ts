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
  /** True once the hand ended in a showdown. */
  showdown: boolean;
  /** Net payoffs; [0, 0] until the hand is over. */
  rewards: number[];
}

export interface Observation {
  /** Whose view this is. */
  player: number;
  /** This player's hole cards dealt so far (deal order). */
  holeCards: string[];
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
  const cards = state.cards;
  const holeCards: string[] = [];
  if (cards.length > first) holeCards.push(cards[first]);
  if (cards.length > first + 1) holeCards.push(cards[first + 1]);
  return {
    player,
    holeCards,
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
// Resampling (the paper's convention: the player's own decisions, oldest
// first, each [observation before acting, action], optionally ending with
// [current observation, null]). Everything is public except the opponent's
// hole cards, and the legal actions never depend on them, so under any
// opponent policy that ignores its cards, e.g. a uniformly random one, the
// posterior over the opponent's hole cards is uniform over ordered pairs of
// cards the player has not seen. The rest of the play is read off the latest
// observation: every betting action so far and the community cards, in the
// fixed order of the deal.

function sameStrings(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function sameObservation(a: Observation, b: Observation): boolean {
  if (a.player !== b.player || a.round !== b.round || a.currentPlayer !== b.currentPlayer || a.pot !== b.pot) return false;
  if (a.contributions[0] !== b.contributions[0] || a.contributions[1] !== b.contributions[1]) return false;
  if (!sameStrings(a.holeCards, b.holeCards) || !sameStrings(a.board, b.board) || a.betting.length !== b.betting.length) return false;
  for (let r = 0; r < a.betting.length; r++) {
    if (!sameStrings(a.betting[r], b.betting[r])) return false;
  }
  return true;
}

function noPlay(player: number, why: string): Error {
  return new Error(`no play explains player ${player}'s history: ${why}`);
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

/**
 * Draws a full action list consistent with the player's history: the
 * opponent's hidden hole cards uniformly (without replacement) among the
 * cards the player has not seen, everything else as the history shows it.
 */
export function resampleHistory(
  history: Array<[Observation, Action | null]>,
  player: number,
  random: () => number,
): Action[] {
  if (history.length === 0) return [];
  const last = history[history.length - 1][0];
  if (last.holeCards.length !== 2 || last.betting.length !== 4) throw noPlay(player, 'its latest observation is not at a betting decision');
  const used: boolean[] = [];
  for (let i = 0; i < 52; i++) used.push(false);
  const known = last.holeCards.concat(last.board);
  for (let i = 0; i < known.length; i++) {
    const index = cardIndex(known[i]);
    if (index < 0 || used[index]) throw noPlay(player, `card "${known[i]}" is unknown or seen twice`);
    used[index] = true;
  }
  const hidden: Action[] = [];
  while (hidden.length < 2) {
    const index = Math.floor(random() * 52);
    if (index >= 52 || used[index]) continue;
    used[index] = true;
    hidden.push(DEAL_ACTIONS[index]);
  }
  const mine = [DEAL_ACTIONS[cardIndex(last.holeCards[0])], DEAL_ACTIONS[cardIndex(last.holeCards[1])]];
  const actions: Action[] = player === 0 ? mine.concat(hidden) : hidden.concat(mine);
  for (let r = 0; r <= last.round && r < 4; r++) {
    // The community cards of round r are board[CARDS_FOR_ROUND[r - 1] - 4 .. CARDS_FOR_ROUND[r] - 4).
    const from = r === 0 ? 0 : CARDS_FOR_ROUND[r - 1] - 4;
    for (let k = from; k < CARDS_FOR_ROUND[r] - 4; k++) {
      if (k >= last.board.length) throw noPlay(player, 'a community card is missing');
      actions.push('deal:' + last.board[k]);
    }
    for (let i = 0; i < last.betting[r].length; i++) actions.push(last.betting[r][i]);
  }
  const own = history[history.length - 1][1];
  if (own !== null) actions.push(own);
  checkExplains(actions, history, player);
  return actions;
}
