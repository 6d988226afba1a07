// Two-player Gin Rummy as a GameCWM (knock card 10, gin bonus 25, undercut
// bonus 25). Player 1 deals ten cards to each player and turns up one card;
// player 0 (the non-dealer) has the first option on that upcard. A turn is a
// draw (stock or upcard) then a discard; a player whose deadwood after the
// discard would be at most 10 may knock instead: they discard, lay down their
// melds one by one and finish with "Action: Done"; the defender then lays off
// cards on the knocker's melds and finishes with "Action: Done". Payoffs are
// zero-sum: the knocker wins the deadwood difference, +25 for gin (no
// deadwood; no layoffs then), and an undercut (defender's deadwood at most the
// knocker's) gives the defender the difference +25.
// Written in the contract's subset: pure functions over JSON state, no imports.
//
// Chance deals one card at a time, when it is needed (the initial deal, the
// upcard, each draw from the stock), uniformly from the cards not dealt yet:
// the same distribution as shuffling the deck up front.

export type Action = string;

export interface State {
  /** hands[p]: player p's cards (0..51, suit * 13 + rank), ascending. */
  hands: number[][];
  /** known[p]: cards player p took from the discard pile and still holds (public). */
  known: number[][];
  /** Cards not dealt yet (the stock); which ones follows from where all the others are. */
  stockSize: number;
  /** The face-up card on the discard pile, -1 if none. */
  upcard: number;
  /** Cards under the upcard, bottom first. */
  discardPile: number[];
  /** Deal, FirstUpcard, Draw, Discard, Knock, Layoff, Wall or GameOver. */
  phase: string;
  /** Player to act (0 or 1), -1 while a card is dealt, -4 once the game is over. */
  currentPlayer: number;
  /** At a deal: who gets the card (0 or 1) or 2 for the upcard; -1 otherwise. */
  dealTo: number;
  /** Passes on the first upcard (0..2). */
  passes: number;
  /** "Draw upcard" actions taken in the Draw phase (the 50th ends the game in a draw). */
  upcardDraws: number;
  /** The player who knocked, -1 if nobody has. */
  knocker: number;
  /** The knocker's melds as laid down, each ascending. */
  laidMelds: number[][];
  /** Cards the defender laid off on the knocker's melds, in order. */
  layoffs: number[];
  /** Final deadwood of each player once a knock has been scored, else [0, 0]. */
  deadwood: number[];
  rewards: number[];
  /** The player who took the last player action, -1 before the first one. */
  lastMover: number;
  /** The last player action, null before the first one. */
  lastMove: string | null;
}

/**
 * Card lists are compact strings of cards separated by single spaces, e.g.
 * "As 7c Kd" ("" for none): observations are copied often (every step of a
 * history), so they are kept small.
 */
export interface KnockView {
  knocker: number;
  /** The knocker's melds as laid down, e.g. "As2s3s 7c7d7h". */
  laidMelds: string;
  /** Cards the defender laid off. */
  layoffs: string;
}

export interface Observation {
  /** Whose view this is. */
  player: number;
  phase: string;
  currentPlayer: number;
  /** This player's cards, ascending (spades, clubs, diamonds, hearts; ace to king), e.g. "As 2s 7c". */
  hand: string;
  /** The opponent's whole hand once it is laid down (after their knock, at layoffs, at the end), else null. */
  opponentHand: string | null;
  /** Cards the opponent took from the discard pile and still holds. */
  opponentKnown: string;
  /** The face-up top card of the discard pile. */
  upcard: string | null;
  /** The cards under the upcard, bottom first (public: each was face up once). */
  discardPile: string;
  stockSize: number;
  /** Null until someone knocks. */
  knock: KnockView | null;
  lastMover: number;
  lastMove: string | null;
}

const CHANCE = -1;
const TERMINAL = -4;
const HAND_SIZE = 10;
const KNOCK_CARD = 10;
const GIN_BONUS = 25;
const UNDERCUT_BONUS = 25;
const WALL_STOCK = 2;
const MAX_UPCARD_DRAWS = 50;
const INITIAL_DEAL = 2 * HAND_SIZE + 1;
const RANK_CHARS = ['A', '2', '3', '4', '5', '6', '7', '8', '9', 'T', 'J', 'Q', 'K'];
const SUIT_CHARS = ['s', 'c', 'd', 'h'];

const DRAW_STOCK = 'Draw stock';
const DRAW_UPCARD = 'Draw upcard';
const PASS = 'Pass';
const KNOCK = 'Action: Knock';
const DONE = 'Action: Done';

const DEAL = 'Deal';
const FIRST_UPCARD = 'FirstUpcard';
const DRAW = 'Draw';
const DISCARD = 'Discard';
const KNOCK_PHASE = 'Knock';
const LAYOFF = 'Layoff';
const WALL = 'Wall';
const GAME_OVER = 'GameOver';

function buildCards(): string[] {
  const cards: string[] = [];
  for (let s = 0; s < 4; s++) {
    for (let r = 0; r < 13; r++) cards.push(RANK_CHARS[r] + SUIT_CHARS[s]);
  }
  return cards;
}

/** CARDS[suit * 13 + rank]: "As", "2s", ..., "Kh". */
const CARDS: string[] = buildCards();
const RANK: number[] = CARDS.map((_, c) => c - 13 * Math.floor(c / 13));
const SUIT: number[] = CARDS.map((_, c) => Math.floor(c / 13));
/** Deadwood value: ace 1, number cards their rank, face cards 10. */
const VALUE: number[] = RANK.map((r) => (r + 1 > 10 ? 10 : r + 1));
const DEAL_ACTIONS: Action[] = CARDS.map((card) => 'deal:' + card);
const CARD_ACTIONS: Action[] = CARDS.map((card) => 'Action: ' + card);

/** Every meld a player can lay down: sets of 3 or 4 of a rank, runs of 3 to 5 in a suit; cards ascending. */
function buildMelds(): number[][] {
  const melds: number[][] = [];
  for (let r = 0; r < 13; r++) {
    melds.push([r, 13 + r, 26 + r, 39 + r]);
    for (let missing = 0; missing < 4; missing++) {
      const set: number[] = [];
      for (let s = 0; s < 4; s++) {
        if (s !== missing) set.push(s * 13 + r);
      }
      melds.push(set);
    }
  }
  for (let length = 3; length <= 5; length++) {
    for (let s = 0; s < 4; s++) {
      for (let start = 0; start + length <= 13; start++) {
        const run: number[] = [];
        for (let k = 0; k < length; k++) run.push(s * 13 + start + k);
        melds.push(run);
      }
    }
  }
  return melds;
}

const MELDS: number[][] = buildMelds();
const MELD_STRINGS: string[] = MELDS.map((meld) => meld.map((c) => CARDS[c]).join(''));
const MELD_ACTIONS: Action[] = MELD_STRINGS.map((meld) => 'Action: ' + meld);

export function getInitialState(): State {
  return {
    hands: [[], []],
    known: [[], []],
    stockSize: 52,
    upcard: -1,
    discardPile: [],
    phase: DEAL,
    currentPlayer: CHANCE,
    dealTo: 0,
    passes: 0,
    upcardDraws: 0,
    knocker: -1,
    laidMelds: [],
    layoffs: [],
    deadwood: [0, 0],
    rewards: [0, 0],
    lastMover: -1,
    lastMove: null,
  };
}

/**
 * A shallow copy whose fields the caller then replaces (built as a literal:
 * much faster than object spread). Arrays are shared, never modified.
 */
function copyState(state: State): State {
  return {
    hands: state.hands,
    known: state.known,
    stockSize: state.stockSize,
    upcard: state.upcard,
    discardPile: state.discardPile,
    phase: state.phase,
    currentPlayer: state.currentPlayer,
    dealTo: state.dealTo,
    passes: state.passes,
    upcardDraws: state.upcardDraws,
    knocker: state.knocker,
    laidMelds: state.laidMelds,
    layoffs: state.layoffs,
    deadwood: state.deadwood,
    rewards: state.rewards,
    lastMover: state.lastMover,
    lastMove: state.lastMove,
  };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'Player 0 (non-dealer)' : 'Player 1 (dealer)';
}

// ---------------------------------------------------------------------------
// Deadwood. The best arrangement of a hand into disjoint melds is found by a
// depth-first search over the lowest undecided card: it is either deadwood,
// or the lowest card of a run in its suit, or in a set with higher cards of
// its rank. With `dropOne` (an 11-card hand that will discard a card) the
// highest deadwood card does not count, and a fully melded hand counts 0
// (eleven melded cards always include a meld of four or more, which can spare
// a card).

interface SearchContext {
  cards: number[];
  /** Position of each card in `cards`, -1 if absent. */
  position: number[];
  taken: boolean[];
  dropOne: boolean;
  best: number;
}

function searchDeadwood(ctx: SearchContext, start: number, dead: number, maxDead: number): void {
  const bound = ctx.dropOne ? dead - maxDead : dead;
  if (bound >= ctx.best) return;
  let i = start;
  while (i < ctx.cards.length && ctx.taken[i]) i++;
  if (i >= ctx.cards.length) {
    ctx.best = bound;
    return;
  }
  const card = ctx.cards[i];
  const taken = ctx.taken;
  taken[i] = true;
  // The card as deadwood.
  const value = VALUE[card];
  searchDeadwood(ctx, i + 1, dead + value, value > maxDead ? value : maxDead);
  // The card in a set with higher cards of its rank.
  const same: number[] = [];
  for (let s = SUIT[card] + 1; s < 4; s++) {
    const p = ctx.position[s * 13 + RANK[card]];
    if (p >= 0 && !taken[p]) same.push(p);
  }
  for (let a = 0; a < same.length; a++) {
    for (let b = a + 1; b < same.length; b++) {
      taken[same[a]] = true;
      taken[same[b]] = true;
      searchDeadwood(ctx, i + 1, dead, maxDead);
      taken[same[a]] = false;
      taken[same[b]] = false;
    }
  }
  if (same.length === 3) {
    taken[same[0]] = true;
    taken[same[1]] = true;
    taken[same[2]] = true;
    searchDeadwood(ctx, i + 1, dead, maxDead);
    taken[same[0]] = false;
    taken[same[1]] = false;
    taken[same[2]] = false;
  }
  // The card as the lowest of a run.
  const run: number[] = [];
  for (let k = 1; RANK[card] + k < 13; k++) {
    const p = ctx.position[card + k];
    if (p < 0 || taken[p]) break;
    taken[p] = true;
    run.push(p);
    if (run.length >= 2) searchDeadwood(ctx, i + 1, dead, maxDead);
  }
  for (let k = 0; k < run.length; k++) taken[run[k]] = false;
  taken[i] = false;
}

/** The least deadwood of `cards` over all arrangements into melds (dropping the worst card if `dropOne`). */
function minDeadwoodOf(cards: number[], dropOne: boolean): number {
  const position: number[] = [];
  for (let c = 0; c < 52; c++) position.push(-1);
  // Insertion sort (hands are short and usually sorted already).
  const sorted: number[] = [];
  for (let i = 0; i < cards.length; i++) {
    let k = sorted.length;
    sorted.push(cards[i]);
    while (k > 0 && sorted[k - 1] > cards[i]) {
      sorted[k] = sorted[k - 1];
      k--;
    }
    sorted[k] = cards[i];
  }
  const taken: boolean[] = [];
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    position[sorted[i]] = i;
    taken.push(false);
    total += VALUE[sorted[i]];
  }
  const ctx: SearchContext = { cards: sorted, position, taken, dropOne, best: total + 1 };
  searchDeadwood(ctx, 0, 0, 0);
  return ctx.best;
}

/** The least deadwood of a hand of card strings such as "As" (for renderers). */
export function minDeadwood(cards: string[]): number {
  const indices: number[] = [];
  for (let i = 0; i < cards.length; i++) {
    const c = CARDS.indexOf(cards[i]);
    if (c < 0) throw new Error(`"${cards[i]}" is not a card`);
    indices.push(c);
  }
  return minDeadwoodOf(indices, indices.length > HAND_SIZE);
}

function totalValue(cards: number[]): number {
  let total = 0;
  for (let i = 0; i < cards.length; i++) total += VALUE[cards[i]];
  return total;
}

function without(cards: number[], card: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < cards.length; i++) {
    if (cards[i] !== card) out.push(cards[i]);
  }
  return out;
}

function withoutAll(cards: number[], removed: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < cards.length; i++) {
    if (removed.indexOf(cards[i]) < 0) out.push(cards[i]);
  }
  return out;
}

function insertSorted(cards: number[], card: number): number[] {
  const out: number[] = [];
  let placed = false;
  for (let i = 0; i < cards.length; i++) {
    if (!placed && card < cards[i]) {
      out.push(card);
      placed = true;
    }
    out.push(cards[i]);
  }
  if (!placed) out.push(card);
  return out;
}

function containsAll(cards: number[], meld: number[]): boolean {
  for (let i = 0; i < meld.length; i++) {
    if (cards.indexOf(meld[i]) < 0) return false;
  }
  return true;
}

/** Cards that can be laid off on the knocker's melds, given the layoffs so far (which extend runs). */
function layoffTargets(melds: number[][], layoffs: number[]): boolean[] {
  const fits: boolean[] = [];
  for (let c = 0; c < 52; c++) fits.push(false);
  for (let m = 0; m < melds.length; m++) {
    const meld = melds[m];
    const first = meld[0];
    if (RANK[meld[1]] === RANK[first]) {
      if (meld.length === 3) {
        for (let s = 0; s < 4; s++) {
          const c = s * 13 + RANK[first];
          if (meld.indexOf(c) < 0 && layoffs.indexOf(c) < 0) fits[c] = true;
        }
      }
      continue;
    }
    let low = first;
    let high = meld[meld.length - 1];
    let grown = true;
    while (grown) {
      grown = false;
      if (RANK[low] > 0 && layoffs.indexOf(low - 1) >= 0) {
        low -= 1;
        grown = true;
      }
      if (RANK[high] < 12 && layoffs.indexOf(high + 1) >= 0) {
        high += 1;
        grown = true;
      }
    }
    if (RANK[low] > 0) fits[low - 1] = true;
    if (RANK[high] < 12) fits[high + 1] = true;
  }
  return fits;
}

// ---------------------------------------------------------------------------

/** Whether each card has been dealt: it is in a hand, the upcard, the discard pile, a laid meld or a layoff. */
function dealtCards(state: State): boolean[] {
  const dealt: boolean[] = [];
  for (let c = 0; c < 52; c++) dealt.push(false);
  for (let p = 0; p < 2; p++) {
    const hand = state.hands[p];
    for (let i = 0; i < hand.length; i++) dealt[hand[i]] = true;
  }
  if (state.upcard >= 0) dealt[state.upcard] = true;
  for (let i = 0; i < state.discardPile.length; i++) dealt[state.discardPile[i]] = true;
  for (let m = 0; m < state.laidMelds.length; m++) {
    for (let k = 0; k < state.laidMelds[m].length; k++) dealt[state.laidMelds[m][k]] = true;
  }
  for (let i = 0; i < state.layoffs.length; i++) dealt[state.layoffs[i]] = true;
  return dealt;
}

/** The cards still in the stock, ascending. */
function undealtCards(state: State): number[] {
  const dealt = dealtCards(state);
  const cards: number[] = [];
  for (let c = 0; c < 52; c++) {
    if (!dealt[c]) cards.push(c);
  }
  return cards;
}

// No getChanceOutcomes: every deal is uniform over the undealt cards (its
// legal actions), which is the contract's default.

export function getLegalActions(state: State): Action[] {
  const player = state.currentPlayer;
  if (player === TERMINAL) return [];
  const actions: Action[] = [];
  if (player === CHANCE) {
    const undealt = undealtCards(state);
    for (let i = 0; i < undealt.length; i++) actions.push(DEAL_ACTIONS[undealt[i]]);
    return actions;
  }
  const hand = state.hands[player];
  const phase = state.phase;
  if (phase === FIRST_UPCARD) return state.passes < 2 ? [DRAW_UPCARD, PASS] : [DRAW_STOCK];
  if (phase === DRAW) return [DRAW_UPCARD, DRAW_STOCK];
  if (phase === WALL) return [PASS];
  if (phase === DISCARD) {
    for (let i = 0; i < hand.length; i++) actions.push(CARD_ACTIONS[hand[i]]);
    if (minDeadwoodOf(hand, true) <= KNOCK_CARD) actions.push(KNOCK);
    return actions;
  }
  if (phase === KNOCK_PHASE) {
    if (hand.length > HAND_SIZE) {
      for (let i = 0; i < hand.length; i++) {
        if (minDeadwoodOf(without(hand, hand[i]), false) <= KNOCK_CARD) actions.push(CARD_ACTIONS[hand[i]]);
      }
      return actions;
    }
    for (let m = 0; m < MELDS.length; m++) {
      if (containsAll(hand, MELDS[m]) && minDeadwoodOf(withoutAll(hand, MELDS[m]), false) <= KNOCK_CARD) actions.push(MELD_ACTIONS[m]);
    }
    if (totalValue(hand) <= KNOCK_CARD) actions.push(DONE);
    return actions;
  }
  if (phase === LAYOFF) {
    const fits = layoffTargets(state.laidMelds, state.layoffs);
    for (let i = 0; i < hand.length; i++) {
      if (fits[hand[i]]) actions.push(CARD_ACTIONS[hand[i]]);
    }
    actions.push(DONE);
    return actions;
  }
  return actions;
}

/** Whether `action` is legal for `player` (cheap checks first; deadwood only where it matters). */
function isLegal(state: State, player: number, action: Action): boolean {
  const phase = state.phase;
  const hand = state.hands[player];
  if (phase === FIRST_UPCARD) return state.passes < 2 ? action === DRAW_UPCARD || action === PASS : action === DRAW_STOCK;
  if (phase === DRAW) return action === DRAW_UPCARD || action === DRAW_STOCK;
  if (phase === WALL) return action === PASS;
  const card = CARD_ACTIONS.indexOf(action);
  if (phase === DISCARD) {
    if (action === KNOCK) return minDeadwoodOf(hand, true) <= KNOCK_CARD;
    return card >= 0 && hand.indexOf(card) >= 0;
  }
  if (phase === LAYOFF) {
    if (action === DONE) return true;
    return card >= 0 && hand.indexOf(card) >= 0 && layoffTargets(state.laidMelds, state.layoffs)[card];
  }
  if (phase === KNOCK_PHASE) {
    if (hand.length > HAND_SIZE) return card >= 0 && hand.indexOf(card) >= 0 && minDeadwoodOf(without(hand, card), false) <= KNOCK_CARD;
    if (action === DONE) return totalValue(hand) <= KNOCK_CARD;
    const meld = MELD_ACTIONS.indexOf(action);
    return meld >= 0 && containsAll(hand, MELDS[meld]) && minDeadwoodOf(withoutAll(hand, MELDS[meld]), false) <= KNOCK_CARD;
  }
  return false;
}

function deal(state: State, action: Action): State {
  const card = DEAL_ACTIONS.indexOf(action);
  if (card < 0) throw new Error(`"${action}" is not a deal; expected deal:<rank><suit> such as deal:Ah`);
  if (dealtCards(state)[card]) throw new Error(`"${action}": ${CARDS[card]} has already been dealt`);
  const next = copyState(state);
  next.stockSize = state.stockSize - 1;
  const dealt = 52 - state.stockSize;
  if (state.dealTo === 2) {
    next.upcard = card;
    next.phase = FIRST_UPCARD;
    next.currentPlayer = 0;
    next.dealTo = -1;
    return next;
  }
  const hands = state.hands.slice();
  hands[state.dealTo] = insertSorted(state.hands[state.dealTo], card);
  next.hands = hands;
  if (dealt < INITIAL_DEAL) {
    next.dealTo = hands[0].length < HAND_SIZE ? 0 : hands[1].length < HAND_SIZE ? 1 : 2;
    return next;
  }
  next.phase = DISCARD;
  next.currentPlayer = state.dealTo;
  next.dealTo = -1;
  return next;
}

/** The game ends after a knock: deadwood of both sides and the payoffs. */
function scoreKnock(next: State, knocker: number, defenderHand: number[]): State {
  const knockerDeadwood = totalValue(next.hands[knocker]);
  const defenderDeadwood = minDeadwoodOf(defenderHand, false);
  let knockerScore = 0;
  if (knockerDeadwood === 0) knockerScore = GIN_BONUS + defenderDeadwood;
  else if (defenderDeadwood <= knockerDeadwood) knockerScore = -(knockerDeadwood - defenderDeadwood + UNDERCUT_BONUS);
  else knockerScore = defenderDeadwood - knockerDeadwood;
  const deadwood = [0, 0];
  deadwood[knocker] = knockerDeadwood;
  deadwood[1 - knocker] = defenderDeadwood;
  const rewards = [0, 0];
  rewards[knocker] = knockerScore;
  rewards[1 - knocker] = -knockerScore;
  next.deadwood = deadwood;
  next.rewards = rewards;
  next.phase = GAME_OVER;
  next.currentPlayer = TERMINAL;
  return next;
}

function gameOverDrawn(next: State): State {
  next.phase = GAME_OVER;
  next.currentPlayer = TERMINAL;
  return next;
}

/** `player` gives up `cards` from hand (and from the cards known to come from the discard pile). */
function removeFromHand(state: State, next: State, player: number, cards: number[]): void {
  const hands = state.hands.slice();
  hands[player] = withoutAll(state.hands[player], cards);
  next.hands = hands;
  const known = state.known.slice();
  known[player] = withoutAll(state.known[player], cards);
  next.known = known;
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the game is over; "${action}" cannot be played`);
  if (player === CHANCE) return deal(state, action);
  if (!isLegal(state, player, action)) {
    throw new Error(`"${action}" is not legal for player ${player} in the ${state.phase} phase; legal: ${getLegalActions(state).join(', ')}`);
  }
  const next = copyState(state);
  next.lastMover = player;
  next.lastMove = action;
  const phase = state.phase;
  const opponent = 1 - player;
  if (action === DRAW_UPCARD) {
    const hands = state.hands.slice();
    hands[player] = insertSorted(state.hands[player], state.upcard);
    next.hands = hands;
    const known = state.known.slice();
    known[player] = state.known[player].concat([state.upcard]);
    next.known = known;
    next.upcard = -1;
    if (phase === DRAW) {
      next.upcardDraws = state.upcardDraws + 1;
      if (next.upcardDraws >= MAX_UPCARD_DRAWS) return gameOverDrawn(next);
    }
    next.phase = DISCARD;
    return next;
  }
  if (action === DRAW_STOCK) {
    next.discardPile = state.discardPile.concat([state.upcard]);
    next.upcard = -1;
    next.phase = DEAL;
    next.dealTo = player;
    next.currentPlayer = CHANCE;
    return next;
  }
  if (action === PASS) {
    if (phase === WALL) return gameOverDrawn(next);
    next.passes = state.passes + 1;
    next.currentPlayer = opponent;
    return next;
  }
  if (action === KNOCK) {
    next.knocker = player;
    next.phase = KNOCK_PHASE;
    return next;
  }
  if (action === DONE) {
    if (phase === KNOCK_PHASE) {
      if (totalValue(state.hands[player]) === 0) return scoreKnock(next, player, state.hands[opponent]);
      next.phase = LAYOFF;
      next.currentPlayer = opponent;
      return next;
    }
    return scoreKnock(next, opponent, state.hands[player]);
  }
  const card = CARD_ACTIONS.indexOf(action);
  if (card >= 0) {
    removeFromHand(state, next, player, [card]);
    if (phase === LAYOFF) {
      next.layoffs = state.layoffs.concat([card]);
      return next;
    }
    if (phase === KNOCK_PHASE) {
      next.discardPile = state.upcard >= 0 ? state.discardPile.concat([state.upcard]) : state.discardPile;
      next.upcard = card;
      return next;
    }
    next.upcard = card;
    next.currentPlayer = opponent;
    next.phase = state.stockSize === WALL_STOCK ? WALL : DRAW;
    return next;
  }
  const meld = MELD_ACTIONS.indexOf(action);
  removeFromHand(state, next, player, MELDS[meld]);
  next.laidMelds = state.laidMelds.concat([MELDS[meld]]);
  return next;
}

export function getRewards(state: State): number[] {
  return state.rewards.slice();
}

/** Cards as one string, e.g. "As 7c Kd" ("" for none). */
function cardText(cards: number[]): string {
  let text = '';
  for (let i = 0; i < cards.length; i++) text += i === 0 ? CARDS[cards[i]] : ' ' + CARDS[cards[i]];
  return text;
}

/** Melds as one string, e.g. "As2s3s 7c7d7h". */
function meldText(melds: number[][]): string {
  let text = '';
  for (let i = 0; i < melds.length; i++) {
    if (i > 0) text += ' ';
    for (let k = 0; k < melds[i].length; k++) text += CARDS[melds[i][k]];
  }
  return text;
}

/** The card index of a two-character card string such as "As", or -1. */
function cardAt(text: string, start: number): number {
  if (start + 2 > text.length) return -1;
  const rank = RANK_CHARS.indexOf(text.charAt(start));
  const suit = SUIT_CHARS.indexOf(text.charAt(start + 1));
  return rank < 0 || suit < 0 ? -1 : suit * 13 + rank;
}

/** The cards of a card string such as "As 7c Kd" (-1 for anything that is not a card). */
function parseCards(text: string): number[] {
  const cards: number[] = [];
  for (let i = 0; i < text.length; i += 3) {
    cards.push(i + 2 <= text.length && (i + 2 === text.length || text.charAt(i + 2) === ' ') ? cardAt(text, i) : -1);
  }
  return cards;
}

/** Whether `player`'s hand is face up: the knocker's from the knock on, both at layoffs and at the end. */
function handShown(state: State, player: number): boolean {
  return state.phase === GAME_OVER || state.phase === LAYOFF || (state.phase === KNOCK_PHASE && state.knocker === player);
}

function observationFor(state: State, player: number): Observation {
  const opponent = 1 - player;
  return {
    player,
    phase: state.phase,
    currentPlayer: state.currentPlayer,
    hand: cardText(state.hands[player]),
    opponentHand: handShown(state, opponent) ? cardText(state.hands[opponent]) : null,
    opponentKnown: cardText(state.known[opponent]),
    upcard: state.upcard >= 0 ? CARDS[state.upcard] : null,
    discardPile: cardText(state.discardPile),
    stockSize: state.stockSize,
    knock: state.knocker < 0 ? null : { knocker: state.knocker, laidMelds: meldText(state.laidMelds), layoffs: cardText(state.layoffs) },
    lastMover: state.lastMover,
    lastMove: state.lastMove,
  };
}

export function getObservations(state: State): Observation[] {
  return [observationFor(state, 0), observationFor(state, 1)];
}

// ---------------------------------------------------------------------------
// Resampling, in the paper's convention: the history is the player's own
// decisions, [observation just before acting, action] each, possibly ending
// with [current observation, null]. Every player action is public, and an
// observation shows the last move, the upcard, the discard pile, the stock
// size, the cards the opponent took from the pile and any knock. So the
// opponent's turn between two own decisions is read off the next one: a
// pass; or a draw (the stock if it shrank, else the upcard), then a discard
// (the new upcard) or a knock (the discard, the melds as laid down, Done).
// The player's own cards are known, but not the order they were dealt in
// (its hand is sorted): the first ten come in a uniform order. The player
// misses the cards dealt to the opponent, tracked as hidden slots in the
// opponent's hand. Each time the opponent gives up a card that did not come
// from the discard pile (a discard, a meld), that card is assigned to one of
// the hidden slots then in the opponent's hand, uniformly. At the end the
// slots still hidden get the opponent's face-up hand (in a uniform order) if
// it is shown, else cards drawn uniformly without replacement from the cards
// the player has never seen. Every deal order of distinct cards is equally
// likely, and every step offers the same number of choices whatever was
// chosen before, so this draws uniformly among all deal sequences consistent
// with the history: the exact posterior when the opponent's choices do not
// depend on its hidden cards. The list ends right after the last own action,
// or at the player's turn for a trailing [observation, null] entry.

function noPlay(player: number, detail: string): Error {
  return new Error(`no play explains player ${player}'s history: ${detail}`);
}

function cardIndexOf(card: string | null): number {
  return card === null || card.length !== 2 ? -1 : cardAt(card, 0);
}

const ACTION_PREFIX = 'Action: ';

/** An index below `n` from `random`. */
function below(n: number, random: () => number): number {
  const pick = Math.floor(random() * n);
  return pick >= n ? n - 1 : pick;
}

/** `cards` in a uniform random order (Fisher-Yates on a copy). */
function shuffled(cards: number[], random: () => number): number[] {
  const out = cards.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = below(i + 1, random);
    const c = out[i];
    out[i] = out[j];
    out[j] = c;
  }
  return out;
}

/** The cards of a laid-melds string such as "As2s3s 7c7d7h", meld by meld. */
function parseMelds(text: string, player: number): number[][] {
  const melds: number[][] = [];
  const parts = text.length > 0 ? text.split(' ') : [];
  for (let m = 0; m < parts.length; m++) {
    const meld = MELD_STRINGS.indexOf(parts[m]);
    if (meld < 0) throw noPlay(player, `"${parts[m]}" is not a meld`);
    melds.push(MELDS[meld]);
  }
  return melds;
}

export function resampleHistory(
  history: Array<[Observation, Action | null]>,
  player: number,
  random: () => number,
): Action[] {
  if (history.length === 0) return [];
  const opponent = 1 - player;
  const actions: Action[] = [];
  /** Indices into `actions` of the opponent's deals whose card is not known yet and still in its hand. */
  let hidden: number[] = [];
  /** Cards the opponent holds from the discard pile. */
  let fromPile: number[] = [];
  /** Cards whose place in the play is known (dealt to the player, turned up, given up by the opponent). */
  const used: boolean[] = [];
  for (let c = 0; c < 52; c++) used.push(false);
  const know = (card: number, what: string): number => {
    if (card < 0 || used[card]) throw noPlay(player, `${what} is not a card the play can hold`);
    used[card] = true;
    return card;
  };
  /** The opponent gives up `card`: from the pile if it took it there, else one of its hidden deals. */
  const opponentGives = (card: number): void => {
    if (fromPile.indexOf(card) >= 0) {
      fromPile = without(fromPile, card);
      return;
    }
    if (hidden.length === 0) throw noPlay(player, `the opponent gives up ${CARDS[card]}, which it cannot hold`);
    know(card, CARDS[card]);
    const slot = hidden[below(hidden.length, random)];
    actions[slot] = DEAL_ACTIONS[card];
    hidden = without(hidden, slot);
  };
  let stock = 52 - INITIAL_DEAL;
  /** The face-up card when the opponent's turn starts. */
  let upcard = -1;
  /** The opponent's turn that `after` shows (its last move is the opponent's). */
  const opponentTurn = (after: Observation): void => {
    const move = after.lastMove;
    if (after.lastMover !== opponent || move === null) throw noPlay(player, 'the opponent\'s move is not seen');
    if (move === PASS) {
      actions.push(PASS);
      return;
    }
    if (after.stockSize === stock - 1) {
      actions.push(DRAW_STOCK);
      hidden = hidden.concat([actions.length]);
      actions.push('');
      stock -= 1;
    } else {
      if (upcard < 0) throw noPlay(player, 'the opponent draws an upcard that is not seen');
      actions.push(DRAW_UPCARD);
      fromPile = fromPile.concat([upcard]);
    }
    const discard = cardIndexOf(after.upcard);
    if (discard < 0) throw noPlay(player, 'the opponent\'s discard is not seen');
    const knock = after.knock;
    if (knock !== null && knock.knocker === opponent) {
      actions.push(KNOCK);
      actions.push(CARD_ACTIONS[discard]);
      opponentGives(discard);
      const melds = parseMelds(knock.laidMelds, player);
      for (let m = 0; m < melds.length; m++) {
        actions.push(MELD_ACTIONS[MELDS.indexOf(melds[m])]);
        for (let k = 0; k < melds[m].length; k++) opponentGives(melds[m][k]);
      }
      actions.push(DONE);
    } else {
      actions.push(CARD_ACTIONS[discard]);
      opponentGives(discard);
    }
    if (actions[actions.length - 1] !== move) throw noPlay(player, `the opponent's turn ends with "${move}", not "${actions[actions.length - 1]}"`);
  };
  // The deal: ten cards to player 0, ten to player 1, then the upcard.
  const first = history[0][0];
  const ownCards = parseCards(first.hand);
  if (ownCards.length !== HAND_SIZE) throw noPlay(player, 'the first decision does not come with ten dealt cards');
  const ownOrder = shuffled(ownCards, random);
  for (let p = 0; p < 2; p++) {
    for (let i = 0; i < HAND_SIZE; i++) {
      if (p === player) {
        actions.push(DEAL_ACTIONS[know(ownOrder[i], 'a card of the hand')]);
      } else {
        hidden = hidden.concat([actions.length]);
        actions.push('');
      }
    }
  }
  if (player === 0 || first.lastMove === PASS) {
    upcard = cardIndexOf(first.upcard);
  } else {
    // Player 0 took the first upcard before player 1's first decision: still in its hand if it shows among the
    // cards it took from the pile, else given up again (the discard, or a meld if it knocked), any of those alike.
    const taken = parseCards(first.opponentKnown);
    let candidates = taken.length > 0 ? taken : [cardIndexOf(first.upcard)];
    if (taken.length === 0 && first.knock !== null) {
      const melds = parseMelds(first.knock.laidMelds, player);
      for (let m = 0; m < melds.length; m++) candidates = candidates.concat(melds[m]);
    }
    upcard = candidates[below(candidates.length, random)];
  }
  actions.push(DEAL_ACTIONS[know(upcard, 'the first upcard')]);
  if (player === 1) opponentTurn(first);
  for (let k = 0; k < history.length; k++) {
    const [now, own] = history[k];
    if (own === null) {
      if (k !== history.length - 1) throw noPlay(player, `entry ${k} has no action but is not the last`);
      break;
    }
    actions.push(own);
    if (k === history.length - 1) break;
    const after = history[k + 1][0];
    upcard = cardIndexOf(now.upcard);
    if (own === DRAW_STOCK) {
      // The one card of the new hand that the old hand lacks.
      const before = parseCards(now.hand);
      const hand = parseCards(after.hand);
      let card = -1;
      for (let i = 0; i < hand.length; i++) {
        if (before.indexOf(hand[i]) < 0) card = hand[i];
      }
      actions.push(DEAL_ACTIONS[know(card, 'the card drawn from the stock')]);
      stock -= 1;
      continue;
    }
    if (own.length === ACTION_PREFIX.length + 2 && own.startsWith(ACTION_PREFIX) && now.phase !== LAYOFF) upcard = cardAt(own, ACTION_PREFIX.length);
    if (own === DRAW_UPCARD) upcard = -1;
    if (after.lastMover === player) {
      if (after.lastMove !== own) throw noPlay(player, `decision ${k + 1} shows the last move "${after.lastMove}", not the player's "${own}"`);
      continue;
    }
    opponentTurn(after);
  }
  if (hidden.length === 0) return actions;
  const last = history[history.length - 1][0];
  let pool: number[] = [];
  if (last.opponentHand !== null) {
    const shown = parseCards(last.opponentHand);
    for (let i = 0; i < shown.length; i++) {
      if (shown[i] < 0) throw noPlay(player, 'the opponent\'s face-up hand holds something that is not a card');
      if (fromPile.indexOf(shown[i]) < 0) pool.push(shown[i]);
    }
    if (pool.length !== hidden.length) throw noPlay(player, 'the opponent\'s face-up hand does not match its deals');
  } else {
    const seen = parseCards(last.hand).concat(parseCards(last.opponentKnown)).concat(parseCards(last.discardPile));
    if (last.upcard !== null) seen.push(cardIndexOf(last.upcard));
    const excluded = used.slice();
    for (let i = 0; i < seen.length; i++) {
      if (seen[i] < 0) throw noPlay(player, 'the last observation shows something that is not a card');
      excluded[seen[i]] = true;
    }
    for (let c = 0; c < 52; c++) {
      if (!excluded[c]) pool.push(c);
    }
    if (pool.length < hidden.length) throw noPlay(player, 'too few unseen cards for the opponent\'s hand');
  }
  // A uniform choice of distinct pool cards for the hidden slots (partial Fisher-Yates).
  pool = pool.slice();
  for (let h = 0; h < hidden.length; h++) {
    const pick = h + below(pool.length - h, random);
    const c = pool[pick];
    pool[pick] = pool[h];
    pool[h] = c;
    actions[hidden[h]] = DEAL_ACTIONS[c];
  }
  return actions;
}
