// Two-player Gin Rummy as a GameCWM, as the paper's dataset plays it (its
// golden implementation wins where its rules text says otherwise; see
// rules.md). Ten cards each and an upcard; player 1 acts first, taking the
// upcard or passing, then player 0; after two passes player 1 takes the top
// stock card. A turn is a draw (upcard or stock) then a discard, or a knock
// when the eleven cards hold at most 10 deadwood: the knocker lays down melds
// and says "Action: Done"; unless the knock is gin (no deadwood), the defender
// then sets aside any of its cards and says "Action: Done". Scores: gin gives
// the knocker 25 plus the defender's deadwood; else the lower deadwood (the
// knocker's counted card by card, the defender's at its best) wins the
// difference, a defender at or below the knocker's 25 more. When fewer than
// two stock cards are left after a draw or a discard the hand is a wall:
// player 0 passes and nobody scores.
// Written in the contract's subset: pure functions over JSON state, no imports.
//
// Chance: the golden shuffles the whole deck inside one action ("deal_random",
// nondeterministic), which the contract forbids. We deal the 52 cards one at a
// time instead ("deal:Ah", uniform over the cards left), in the order the
// golden's "deal:<52 cards>" lists them: ten to player 0, ten to player 1,
// the upcard, then the stock in drawing order. That explicit action, with a
// full or a partial stock, is accepted too at the start, meaning the same.

export type Action = string;

export interface State {
  /** The cards dealt so far, in order, while the deal is going on; [] afterwards. */
  dealt: number[];
  /** hands[p]: player p's cards (0..51, suit * 13 + rank) in the order it got them (the golden lists its discards in this order). */
  hands: number[][];
  /** The stock, the next card to draw first. */
  stock: number[];
  /** The discard pile, the top card last. */
  discardPile: number[];
  /** init (dealing), first_turn, draw, discard, knock, layoff or wall: the golden's phases; kept at the end. */
  phase: string;
  /** Player to act (0 or 1), -1 while dealing, -4 once the game is over. */
  currentPlayer: number;
  /** Passes on the first upcard (0 or 1). */
  passes: number;
  /** The player who knocked, -1 if nobody has. */
  knocker: number;
  /** The knocker's melds as laid down, each ascending. */
  knockMelds: number[][];
  gin: boolean;
  scores: number[];
  /** Actions taken so far (deals included), for the length cap. */
  moves: number;
}

/** Exactly what the golden shows a player (its list of legal actions follows from these). */
export interface Observation {
  /** Whose view this is. */
  player: number;
  phase: string;
  /** This player's cards, ascending (spades, clubs, diamonds, hearts; ace to king), e.g. ["As", "7c"]. */
  hand: string[];
  /**
   * When this player is to discard or lay off: its cards in the order it got
   * them, else null. The golden's observation lists the player's legal
   * actions, one per card in that order, so it shows the order then.
   */
  heldOrder: string[] | null;
  /** The top card of the discard pile. */
  upcard: string | null;
  /** The knocker's melds as laid down, e.g. ["As2s3s", "7c7d7h"]. */
  knockMelds: string[];
  /** Whether this player is to act. */
  toMove: boolean;
}

const CHANCE = -1;
const TERMINAL = -4;
const HAND_SIZE = 10;
const KNOCK_LIMIT = 10;
const GIN_BONUS = 25;
const UNDERCUT_BONUS = 25;
/** Fewer stock cards than this after a draw or a discard: the wall. */
const WALL_STOCK = 2;
/** Our cap (the golden has none: taking and giving back the upcard can go on for ever): the game ends scoreless after this many actions. */
const MAX_ACTIONS = 1000;
const RANK_CHARS = ['A', '2', '3', '4', '5', '6', '7', '8', '9', 'T', 'J', 'Q', 'K'];
const SUIT_CHARS = ['s', 'c', 'd', 'h'];

const DRAW_STOCK = 'Draw stock';
const DRAW_UPCARD = 'Draw upcard';
const PASS = 'Pass';
const WALL_PASS = 'Action: Pass';
const KNOCK = 'Action: Knock';
const DONE = 'Action: Done';
const ACTION_PREFIX = 'Action: ';

const INIT = 'init';
const FIRST_TURN = 'first_turn';
const DRAW = 'draw';
const DISCARD = 'discard';
const KNOCK_PHASE = 'knock';
const LAYOFF = 'layoff';
const WALL = 'wall';

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
const CARD_ACTIONS: Action[] = CARDS.map((card) => ACTION_PREFIX + card);

export function getInitialState(): State {
  return {
    dealt: [],
    hands: [[], []],
    stock: [],
    discardPile: [],
    phase: INIT,
    currentPlayer: CHANCE,
    passes: 0,
    knocker: -1,
    knockMelds: [],
    gin: false,
    scores: [0, 0],
    moves: 0,
  };
}

/**
 * A shallow copy whose fields the caller then replaces (built as a literal:
 * much faster than object spread). Arrays are shared, never modified.
 */
function copyState(state: State): State {
  return {
    dealt: state.dealt,
    hands: state.hands,
    stock: state.stock,
    discardPile: state.discardPile,
    phase: state.phase,
    currentPlayer: state.currentPlayer,
    passes: state.passes,
    knocker: state.knocker,
    knockMelds: state.knockMelds,
    gin: state.gin,
    scores: state.scores,
    moves: state.moves + 1,
  };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'Player 0' : 'Player 1';
}

// ---------------------------------------------------------------------------
// Deadwood: the least total value of the cards left out of melds, over every
// arrangement of the hand into disjoint melds (sets of 3 or 4 of a rank, runs
// of 3 or more in a suit). A depth-first search over the lowest undecided
// card: it is either deadwood, or in a set with higher cards of its rank, or
// the lowest card of a run in its suit.

interface SearchContext {
  cards: number[];
  /** Position of each card in `cards`, -1 if absent. */
  position: number[];
  taken: boolean[];
  best: number;
}

function searchDeadwood(ctx: SearchContext, start: number, dead: number): void {
  if (dead >= ctx.best) return;
  let i = start;
  while (i < ctx.cards.length && ctx.taken[i]) i++;
  if (i >= ctx.cards.length) {
    ctx.best = dead;
    return;
  }
  const card = ctx.cards[i];
  const taken = ctx.taken;
  taken[i] = true;
  searchDeadwood(ctx, i + 1, dead + VALUE[card]);
  const same: number[] = [];
  for (let s = SUIT[card] + 1; s < 4; s++) {
    const p = ctx.position[s * 13 + RANK[card]];
    if (p >= 0 && !taken[p]) same.push(p);
  }
  for (let a = 0; a < same.length; a++) {
    for (let b = a + 1; b < same.length; b++) {
      taken[same[a]] = true;
      taken[same[b]] = true;
      searchDeadwood(ctx, i + 1, dead);
      taken[same[a]] = false;
      taken[same[b]] = false;
    }
  }
  if (same.length === 3) {
    taken[same[0]] = true;
    taken[same[1]] = true;
    taken[same[2]] = true;
    searchDeadwood(ctx, i + 1, dead);
    taken[same[0]] = false;
    taken[same[1]] = false;
    taken[same[2]] = false;
  }
  const run: number[] = [];
  for (let k = 1; RANK[card] + k < 13; k++) {
    const p = ctx.position[card + k];
    if (p < 0 || taken[p]) break;
    taken[p] = true;
    run.push(p);
    if (run.length >= 2) searchDeadwood(ctx, i + 1, dead);
  }
  for (let k = 0; k < run.length; k++) taken[run[k]] = false;
  taken[i] = false;
}

function sortedCopy(cards: number[]): number[] {
  const sorted = cards.slice();
  sorted.sort((a, b) => a - b);
  return sorted;
}

/** The least deadwood of `cards` over all arrangements into melds. */
function deadwoodOf(cards: number[]): number {
  const sorted = sortedCopy(cards);
  const position: number[] = [];
  for (let c = 0; c < 52; c++) position.push(-1);
  const taken: boolean[] = [];
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    position[sorted[i]] = i;
    taken.push(false);
    total += VALUE[sorted[i]];
  }
  const ctx: SearchContext = { cards: sorted, position, taken, best: total + 1 };
  searchDeadwood(ctx, 0, 0);
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
  return deadwoodOf(indices);
}

function totalValue(cards: number[]): number {
  let total = 0;
  for (let i = 0; i < cards.length; i++) total += VALUE[cards[i]];
  return total;
}

/** Every meld in `cards` (ascending): sets of 3 or 4 of a rank (each subset of 3 too), runs of 3 or more in a suit (every stretch). */
function meldsIn(cards: number[]): number[][] {
  const melds: number[][] = [];
  for (let r = 0; r < 13; r++) {
    const same: number[] = [];
    for (let i = 0; i < cards.length; i++) {
      if (RANK[cards[i]] === r) same.push(cards[i]);
    }
    if (same.length < 3) continue;
    if (same.length === 4) {
      for (let skip = 0; skip < 4; skip++) melds.push(same.filter((_, k) => k !== skip));
    }
    melds.push(same);
  }
  for (let s = 0; s < 4; s++) {
    const suited: number[] = [];
    for (let i = 0; i < cards.length; i++) {
      if (SUIT[cards[i]] === s) suited.push(cards[i]);
    }
    for (let i = 0; i < suited.length; i++) {
      for (let j = i + 1; j < suited.length && suited[j] === suited[j - 1] + 1; j++) {
        if (j - i >= 2) melds.push(suited.slice(i, j + 1));
      }
    }
  }
  return melds;
}

function meldString(meld: number[]): string {
  let text = '';
  for (let i = 0; i < meld.length; i++) text += CARDS[meld[i]];
  return text;
}

export function getLegalActions(state: State): Action[] {
  const player = state.currentPlayer;
  if (player === TERMINAL) return [];
  const actions: Action[] = [];
  if (player === CHANCE) {
    for (let c = 0; c < 52; c++) {
      if (state.dealt.indexOf(c) < 0) actions.push(DEAL_ACTIONS[c]);
    }
    return actions;
  }
  const hand = state.hands[player];
  const phase = state.phase;
  if (phase === FIRST_TURN) return [DRAW_UPCARD, PASS];
  if (phase === DRAW) return [DRAW_UPCARD, DRAW_STOCK];
  if (phase === WALL) return [WALL_PASS];
  if (phase === DISCARD) {
    for (let i = 0; i < hand.length; i++) actions.push(CARD_ACTIONS[hand[i]]);
    if (deadwoodOf(hand) <= KNOCK_LIMIT) actions.push(KNOCK);
    return actions;
  }
  if (phase === KNOCK_PHASE) {
    actions.push(DONE);
    const melds = meldsIn(sortedCopy(hand));
    for (let m = 0; m < melds.length; m++) actions.push(ACTION_PREFIX + meldString(melds[m]));
    return actions;
  }
  // The layoff: the defender may set aside any card (the golden checks no meld).
  actions.push(DONE);
  for (let i = 0; i < hand.length; i++) actions.push(CARD_ACTIONS[hand[i]]);
  return actions;
}

function buildCardIndex(): Record<string, number> {
  const index: Record<string, number> = {};
  for (let c = 0; c < 52; c++) index[CARDS[c]] = c;
  return index;
}

/** Card name -> card, for cardIndex (a lookup, not a search of the 52 names: resampling reads many hands). */
const CARD_INDEX: Record<string, number> = buildCardIndex();

/** The card written `text` ("As"), -1 if none. */
function cardIndex(text: string): number {
  const card = CARD_INDEX[text];
  return card === undefined || CARDS[card] !== text ? -1 : card;
}

/** The card of a card action "Action: As", -1 if `action` is not one. */
function actionCard(action: Action): number {
  return action.length === ACTION_PREFIX.length + 2 && action.slice(0, ACTION_PREFIX.length) === ACTION_PREFIX ? cardIndex(action.slice(ACTION_PREFIX.length)) : -1;
}

function without(cards: number[], card: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < cards.length; i++) {
    if (cards[i] !== card) out.push(cards[i]);
  }
  return out;
}

function withCard(cards: number[], card: number): number[] {
  return cards.concat([card]);
}

function withHand(hands: number[][], player: number, hand: number[]): number[][] {
  const out = hands.slice();
  out[player] = hand;
  return out;
}

/** Sets up the table from a deal order: ten cards each, the upcard, the rest the stock; player 1 acts first. */
function setUp(next: State, order: number[]): State {
  next.dealt = [];
  next.hands = [order.slice(0, HAND_SIZE), order.slice(HAND_SIZE, 2 * HAND_SIZE)];
  next.discardPile = [order[2 * HAND_SIZE]];
  next.stock = order.slice(2 * HAND_SIZE + 1);
  next.currentPlayer = 1;
  next.phase = FIRST_TURN;
  return next;
}

function deal(state: State, action: Action): State {
  if (action.indexOf(',') >= 0) {
    // The golden's whole deal in one action: only before any card is dealt.
    if (state.dealt.length > 0) throw new Error(`"${action.slice(0, 40)}...": a whole deal is only accepted before the first card is dealt`);
    const names = action.slice('deal:'.length).split(',');
    const order: number[] = [];
    for (let i = 0; i < names.length; i++) {
      const card = cardIndex(names[i]);
      if (card < 0 || order.indexOf(card) >= 0) throw new Error(`"deal:...": "${names[i]}" is not a card or is dealt twice`);
      order.push(card);
    }
    if (order.length < 2 * HAND_SIZE + 1) throw new Error(`a whole deal lists at least ${2 * HAND_SIZE + 1} cards (two hands and the upcard), not ${order.length}`);
    const next = copyState(state);
    // It stands for the 52 single deals (for the length cap).
    next.moves = 52;
    return setUp(next, order);
  }
  const card = action.slice(0, 5) === 'deal:' ? cardIndex(action.slice(5)) : -1;
  if (card < 0) throw new Error(`"${action}" is not a deal; expected deal:<rank><suit> such as deal:Ah, or the whole deal deal:<52 cards>`);
  if (state.dealt.indexOf(card) >= 0) throw new Error(`"${action}": ${CARDS[card]} has already been dealt`);
  const next = copyState(state);
  next.dealt = state.dealt.concat([card]);
  return next.dealt.length === 52 ? setUp(next, next.dealt) : next;
}

/** Fewer than two stock cards: the wall, where player 0 passes to end the hand. */
function wallCheck(next: State): boolean {
  if (next.stock.length >= WALL_STOCK) return false;
  next.phase = WALL;
  next.currentPlayer = 0;
  return true;
}

/** The golden's scoring, which ends the game. */
function score(next: State): State {
  const knocker = next.knocker;
  const defender = 1 - knocker;
  const knockerDeadwood = totalValue(next.hands[knocker]);
  const defenderDeadwood = deadwoodOf(next.hands[defender]);
  const scores = [0, 0];
  if (next.gin) scores[knocker] = GIN_BONUS + defenderDeadwood;
  else if (knockerDeadwood < defenderDeadwood) scores[knocker] = defenderDeadwood - knockerDeadwood;
  else scores[defender] = UNDERCUT_BONUS + knockerDeadwood - defenderDeadwood;
  next.scores = scores;
  next.currentPlayer = TERMINAL;
  return next;
}

function playerAction(state: State, player: number, action: Action): State {
  const hand = state.hands[player];
  const phase = state.phase;
  const next = copyState(state);
  if (phase === WALL) {
    if (action === WALL_PASS) {
      next.currentPlayer = TERMINAL;
      return next;
    }
    // The golden ignores anything else here; the paper's wall scenario plays a discard.
    if (actionCard(action) >= 0) return next;
    throw new Error(`"${action}": at the wall the only action is "${WALL_PASS}"`);
  }
  if (phase === FIRST_TURN || phase === DRAW) {
    if (action === DRAW_UPCARD) {
      const pile = state.discardPile;
      if (pile.length === 0) throw new Error(`"${action}": the discard pile is empty`);
      next.hands = withHand(state.hands, player, withCard(hand, pile[pile.length - 1]));
      next.discardPile = pile.slice(0, pile.length - 1);
      next.phase = DISCARD;
      // The golden checks for the wall after a draw, except on the first turn.
      if (phase === DRAW) wallCheck(next);
      return next;
    }
    if (phase === DRAW && action === DRAW_STOCK) {
      if (state.stock.length > 0) {
        next.hands = withHand(state.hands, player, withCard(hand, state.stock[0]));
        next.stock = state.stock.slice(1);
      }
      next.phase = DISCARD;
      wallCheck(next);
      return next;
    }
    if (phase === FIRST_TURN && action === PASS) {
      next.passes = state.passes + 1;
      if (next.passes === 1) {
        next.currentPlayer = 1 - player;
        return next;
      }
      // Both passed: player 1 takes the top stock card and discards.
      if (state.stock.length === 0) throw new Error(`"${action}": the stock is empty, so player 1 cannot draw`);
      next.currentPlayer = 1;
      next.hands = withHand(state.hands, 1, withCard(state.hands[1], state.stock[0]));
      next.stock = state.stock.slice(1);
      next.phase = DISCARD;
      return next;
    }
    throw new Error(`"${action}" is not legal in phase ${phase}; expected "${DRAW_UPCARD}" or "${phase === DRAW ? DRAW_STOCK : PASS}"`);
  }
  if (phase === DISCARD) {
    if (action === KNOCK) {
      const deadwood = deadwoodOf(hand);
      if (deadwood > KNOCK_LIMIT) throw new Error(`"${action}": the hand's deadwood is ${deadwood}, more than ${KNOCK_LIMIT}`);
      next.phase = KNOCK_PHASE;
      next.knocker = player;
      next.gin = deadwood === 0;
      return next;
    }
    const card = actionCard(action);
    if (card < 0 || hand.indexOf(card) < 0) throw new Error(`"${action}" is not a discard of a card in player ${player}'s hand, nor "${KNOCK}"`);
    next.hands = withHand(state.hands, player, without(hand, card));
    next.discardPile = state.discardPile.concat([card]);
    if (wallCheck(next)) return next;
    next.currentPlayer = 1 - player;
    next.phase = DRAW;
    return next;
  }
  if (phase === KNOCK_PHASE) {
    if (action === DONE) {
      next.currentPlayer = 1 - state.knocker;
      if (state.gin) return score(next);
      next.phase = LAYOFF;
      return next;
    }
    const melds = meldsIn(sortedCopy(hand));
    for (let m = 0; m < melds.length; m++) {
      if (action === ACTION_PREFIX + meldString(melds[m])) {
        let rest = hand;
        for (let k = 0; k < melds[m].length; k++) rest = without(rest, melds[m][k]);
        next.hands = withHand(state.hands, player, rest);
        next.knockMelds = state.knockMelds.concat([melds[m]]);
        return next;
      }
    }
    throw new Error(`"${action}" is not a meld in player ${player}'s hand (e.g. "Action: As2s3s"), nor "${DONE}"`);
  }
  // The layoff.
  if (action === DONE) return score(next);
  const card = actionCard(action);
  if (card < 0 || hand.indexOf(card) < 0) throw new Error(`"${action}" is not a card in player ${player}'s hand, nor "${DONE}"`);
  next.hands = withHand(state.hands, player, without(hand, card));
  return next;
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the game is over; "${action}" cannot be played`);
  if (player === CHANCE) return deal(state, action);
  const next = playerAction(state, player, action);
  // Our cap: the golden's game can go on for ever (see MAX_ACTIONS).
  if (next.moves >= MAX_ACTIONS && next.currentPlayer !== TERMINAL) next.currentPlayer = TERMINAL;
  return next;
}

/** The golden's scores: all 0 until the end, then the winner's points (the loser gets 0). */
export function getRewards(state: State): number[] {
  return state.scores.slice();
}

function observationFor(state: State, player: number): Observation {
  const held: string[] = [];
  const cards = state.hands[player];
  for (let i = 0; i < cards.length; i++) held.push(CARDS[cards[i]]);
  const sorted = sortedCopy(cards);
  const hand: string[] = [];
  for (let i = 0; i < sorted.length; i++) hand.push(CARDS[sorted[i]]);
  const toMove = state.currentPlayer === player;
  const pile = state.discardPile;
  const melds: string[] = [];
  for (let m = 0; m < state.knockMelds.length; m++) melds.push(meldString(state.knockMelds[m]));
  return {
    player,
    phase: state.phase,
    hand,
    upcard: pile.length > 0 ? CARDS[pile[pile.length - 1]] : null,
    knockMelds: melds,
    toMove,
    heldOrder: toMove && (state.phase === DISCARD || state.phase === LAYOFF) ? held : null,
  };
}

export function getObservations(state: State): Observation[] {
  return [observationFor(state, 0), observationFor(state, 1)];
}

// ---------------------------------------------------------------------------
// Resampling, in the paper's convention: the history is the player's own
// decisions, [observation just before acting, action] each, possibly ending
// with [current observation, null].
//
// A player sees its own hand, the top of the discard pile, the knocker's
// melds and the phase, and nothing of the opponent's moves. The resampler
// rebuilds one play that explains the history on the deal's 52 positions
// (ten per hand, the upcard, the stock in drawing order), with each
// position's card fixed only when something shows it: the player's own cards
// when it sees them, the pile's top, each card the opponent discards or
// melds (put on one of the opponent's unknown positions, picked uniformly).
// Between two of the player's decisions the opponent's turn is read off the
// next observation: a pass, a draw (from the pile or the stock, whichever the
// phase, the stock count and the top card allow, tried in random order and
// given up when a later observation rules it out: a card under the top may
// only come to light turns later) then a discard of the card now on top, or
// a knock with the melds shown (its other cards drawn so that the knock was
// allowed and was not gin). The cards no observation pins down are a uniform
// shuffle of the cards the player never saw. The worlds are consistent with
// the history; their weighting follows these choices, not the exact
// posterior.

const RESAMPLE_ATTEMPTS = 3;
/** Rebuilds expanded per attempt by the search over the opponent's draws. */
const SEARCH_STEPS = 20000;
/** Random fills tried for a knocker's unseen cards before the low-card fallback. */
const KNOCK_FILLS = 300;

function noPlay(player: number, detail: string): Error {
  return new Error(`no play explains player ${player}'s history: ${detail}`);
}

function pick(count: number, random: () => number): number {
  const i = Math.floor(random() * count);
  return i >= count ? count - 1 : i;
}

function shuffled(items: number[], random: () => number): number[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = pick(i + 1, random);
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}

/** The rebuilt play: positions instead of cards, each position's card once known. */
interface Rebuild {
  /** card[position], -1 while unknown. */
  card: number[];
  /** Whether each card sits on some position, or is one of the player's loose cards. */
  placed: boolean[];
  /** Cards the player is seen to hold whose positions in its hand are not known yet (its dealt hand before it sees their order). */
  loose: number[];
  hands: number[][];
  pile: number[];
  /** The next stock position to draw. */
  stockNext: number;
  phase: string;
  current: number;
  passes: number;
  gin: boolean;
  melds: string[];
  over: boolean;
  /** The actions so far, newest first as a chain shared between the search's branches (copying lists would dominate). */
  actions: ActionChain | null;
}

interface ActionChain {
  action: Action;
  before: ActionChain | null;
}

function record(r: Rebuild, action: Action): void {
  r.actions = { action, before: r.actions };
}

function chainToList(chain: ActionChain | null): Action[] {
  const reversed: Action[] = [];
  for (let link = chain; link !== null; link = link.before) reversed.push(link.action);
  reversed.reverse();
  return reversed;
}

function place(r: Rebuild, position: number, card: number): boolean {
  if (r.card[position] === card) return true;
  if (r.card[position] >= 0 || r.placed[card]) return false;
  r.card[position] = card;
  r.placed[card] = true;
  return true;
}

function stockLeft(r: Rebuild): number {
  return 52 - r.stockNext;
}

function topCard(r: Rebuild): number {
  return r.pile.length > 0 ? r.card[r.pile[r.pile.length - 1]] : -1;
}

function removePosition(positions: number[], position: number): number[] {
  return positions.filter((p) => p !== position);
}

/** The position in `player`'s hand holding `card`, placing it on an unknown position (picked uniformly) if needed; -1 if impossible. */
function positionFor(r: Rebuild, player: number, card: number, random: () => number): number {
  const hand = r.hands[player];
  for (let i = 0; i < hand.length; i++) {
    if (r.card[hand[i]] === card) return hand[i];
  }
  if (r.placed[card]) return -1;
  const unknown = hand.filter((p) => r.card[p] < 0);
  if (unknown.length === 0) return -1;
  const position = unknown[pick(unknown.length, random)];
  place(r, position, card);
  return position;
}

function wallAfter(r: Rebuild): boolean {
  if (stockLeft(r) >= WALL_STOCK) return false;
  r.phase = WALL;
  r.current = 0;
  return true;
}

/** Checks `obs` against the rebuild at one of the player's decisions, fixing the cards it shows. */
function matches(r: Rebuild, obs: Observation, player: number, random: () => number): boolean {
  if (obs.phase !== r.phase || !obs.toMove || r.current !== player || r.over) return false;
  if (obs.knockMelds.length !== r.melds.length) return false;
  for (let m = 0; m < r.melds.length; m++) {
    if (obs.knockMelds[m] !== r.melds[m]) return false;
  }
  const top = r.pile.length > 0 ? r.pile[r.pile.length - 1] : -1;
  if ((top < 0) !== (obs.upcard === null)) return false;
  if (top >= 0 && !place(r, top, cardIndex(obs.upcard as string))) return false;
  const hand = r.hands[player];
  if (hand.length !== obs.hand.length) return false;
  const shown: number[] = obs.hand.map((c) => cardIndex(c));
  if (obs.heldOrder !== null) {
    // The order shown fixes every position of the hand.
    if (obs.heldOrder.length !== hand.length) return false;
    for (let i = 0; i < hand.length; i++) {
      const card = cardIndex(obs.heldOrder[i]);
      if (r.card[hand[i]] !== card) {
        const loose = r.loose.indexOf(card);
        if (r.card[hand[i]] >= 0 || loose < 0 && r.placed[card]) return false;
        if (loose >= 0) r.loose = r.loose.filter((c) => c !== card);
        r.card[hand[i]] = card;
        r.placed[card] = true;
      }
    }
    return r.loose.length === 0;
  }
  // Without an order: the cards seen and not yet on a position stay loose.
  const unknown = hand.filter((p) => r.card[p] < 0);
  const missing = shown.filter((c) => hand.every((p) => r.card[p] !== c));
  if (missing.length !== unknown.length) return false;
  for (let i = 0; i < missing.length; i++) {
    if (r.loose.indexOf(missing[i]) >= 0) continue;
    if (r.placed[missing[i]]) return false;
    r.placed[missing[i]] = true;
    r.loose = r.loose.concat([missing[i]]);
  }
  return hand.every((p) => r.card[p] < 0 || shown.indexOf(r.card[p]) >= 0);
}

/** Whether `player`'s hand (every position known) allows a knock that is not gin. */
function knockFits(r: Rebuild, player: number): boolean {
  const cards = r.hands[player].map((p) => r.card[p]);
  const deadwood = deadwoodOf(cards);
  return deadwood > 0 && deadwood <= KNOCK_LIMIT;
}

/** Fixes the knocker's unknown positions so that its knock was allowed and not gin; false if no fill is found. */
function fillKnocker(r: Rebuild, player: number, random: () => number): boolean {
  const unknown = r.hands[player].filter((p) => r.card[p] < 0);
  if (unknown.length === 0) return knockFits(r, player);
  const pool: number[] = [];
  for (let c = 0; c < 52; c++) {
    if (!r.placed[c]) pool.push(c);
  }
  if (pool.length < unknown.length) return false;
  const known = r.hands[player].filter((p) => r.card[p] >= 0).map((p) => r.card[p]);
  for (let attempt = 0; attempt <= KNOCK_FILLS; attempt++) {
    // The last try takes the lowest cards left, which fits whenever anything small enough is unseen.
    const fill = attempt < KNOCK_FILLS ? shuffled(pool, random).slice(0, unknown.length) : sortedCopy(pool).sort((a, b) => VALUE[a] - VALUE[b]).slice(0, unknown.length);
    const deadwood = deadwoodOf(known.concat(fill));
    if (deadwood > 0 && deadwood <= KNOCK_LIMIT) {
      for (let i = 0; i < unknown.length; i++) place(r, unknown[i], fill[i]);
      return true;
    }
  }
  return false;
}

/** The opponent's discard of the card on top of `after`, or its knock with the melds `after` shows. */
function opponentDiscards(r: Rebuild, opponent: number, after: Observation, random: () => number): boolean {
  if (after.phase === LAYOFF) {
    record(r, KNOCK);
    // The knock is judged on the full hand: the melds' cards leave it only after the rest is filled in.
    const melded: number[] = [];
    for (let m = r.melds.length; m < after.knockMelds.length; m++) {
      const text = after.knockMelds[m];
      for (let k = 0; k + 2 <= text.length; k += 2) {
        const card = cardIndex(text.slice(k, k + 2));
        const position = card < 0 ? -1 : positionFor(r, opponent, card, random);
        if (position < 0 || melded.indexOf(position) >= 0) return false;
        melded.push(position);
      }
      record(r, ACTION_PREFIX + text);
      r.melds.push(text);
    }
    if (!fillKnocker(r, opponent, random)) return false;
    r.hands[opponent] = r.hands[opponent].filter((p) => melded.indexOf(p) < 0);
    record(r, DONE);
    r.phase = LAYOFF;
    r.current = 1 - opponent;
    return true;
  }
  if (after.upcard === null) return false;
  const position = positionFor(r, opponent, cardIndex(after.upcard), random);
  if (position < 0) return false;
  record(r, CARD_ACTIONS[r.card[position]]);
  r.hands[opponent] = removePosition(r.hands[opponent], position);
  r.pile = r.pile.concat([position]);
  if (wallAfter(r)) return true;
  r.current = 1 - opponent;
  r.phase = DRAW;
  return true;
}

/**
 * The opponent's ways to reach the player's next observation `after` from the
 * rebuild: its draw, or a pass, or nothing to choose (""). `revealed`: if the
 * player then takes the upcard and sees the pile again, the card it sees on
 * top (-1 for none), which tells whether the opponent's draw left the old top
 * there; -2 if nothing shows it.
 */
function opponentChoices(r: Rebuild, opponent: number, after: Observation, revealed: number): string[] {
  if (r.phase === FIRST_TURN) return [after.phase === FIRST_TURN || after.phase === DISCARD ? PASS : DRAW_UPCARD];
  if (r.phase === DISCARD) return [''];
  if (r.phase !== DRAW) return [];
  // The draw: the pile's top or the stock, where they fit what the player sees next.
  const top = topCard(r);
  const wanted = after.upcard === null ? -1 : cardIndex(after.upcard);
  const below = r.pile.length > 1 ? r.card[r.pile[r.pile.length - 2]] : -1;
  const options: string[] = [];
  if (after.phase === WALL) {
    if (stockLeft(r) - 1 < WALL_STOCK && stockLeft(r) > 0 && wanted === top) options.push(DRAW_STOCK);
  } else if (after.phase === LAYOFF) {
    if (wanted === below) options.push(DRAW_UPCARD);
    if (stockLeft(r) - 1 >= WALL_STOCK && wanted === top) options.push(DRAW_STOCK);
  } else if (after.phase === DRAW && wanted >= 0) {
    // The card now on top was the opponent's to discard: already in its hand, or never seen and put on an unknown position.
    const held = r.hands[opponent].some((p) => r.card[p] === wanted);
    const hidden = !r.placed[wanted];
    const upcardFits = revealed === -2 || wanted === top || revealed === below;
    const stockFits = revealed === -2 || revealed === top;
    if (upcardFits && (wanted === top || held || (hidden && r.hands[opponent].some((p) => r.card[p] < 0)))) options.push(DRAW_UPCARD);
    if (stockFits && stockLeft(r) - 1 >= WALL_STOCK && wanted !== top && (held || hidden)) options.push(DRAW_STOCK);
  }
  return options;
}

/** Plays the opponent's turn by `choice` (see opponentChoices) up to the player's next observation `after`. */
function opponentTurn(r: Rebuild, opponent: number, after: Observation, choice: string, random: () => number): boolean {
  const player = 1 - opponent;
  if (r.phase === FIRST_TURN) {
    record(r, choice);
    if (choice === PASS) {
      r.passes += 1;
      r.current = player;
      if (r.passes === 2) {
        // Player 0 passed too: player 1 (the player) takes the top stock card.
        r.hands[player] = r.hands[player].concat([r.stockNext]);
        r.stockNext += 1;
        r.phase = DISCARD;
      }
      return true;
    }
    r.hands[opponent] = r.hands[opponent].concat([r.pile[r.pile.length - 1]]);
    r.pile = r.pile.slice(0, r.pile.length - 1);
    r.phase = DISCARD;
    return opponentDiscards(r, opponent, after, random);
  }
  if (r.phase === DISCARD) return opponentDiscards(r, opponent, after, random);
  record(r, choice);
  if (choice === DRAW_UPCARD) {
    r.hands[opponent] = r.hands[opponent].concat([r.pile[r.pile.length - 1]]);
    r.pile = r.pile.slice(0, r.pile.length - 1);
  } else {
    r.hands[opponent] = r.hands[opponent].concat([r.stockNext]);
    r.stockNext += 1;
  }
  r.phase = DISCARD;
  if (wallAfter(r)) return after.phase === WALL;
  return opponentDiscards(r, opponent, after, random);
}

/** The player's own action `own`, on the rebuild. */
function ownTurn(r: Rebuild, player: number, own: Action): boolean {
  record(r, own);
  const hand = r.hands[player];
  const phase = r.phase;
  if (phase === WALL) {
    if (own === WALL_PASS) r.over = true;
    return own === WALL_PASS || actionCard(own) >= 0;
  }
  if ((phase === FIRST_TURN || phase === DRAW) && own === DRAW_UPCARD) {
    r.hands[player] = hand.concat([r.pile[r.pile.length - 1]]);
    r.pile = r.pile.slice(0, r.pile.length - 1);
    r.phase = DISCARD;
    if (phase === DRAW) wallAfter(r);
    return true;
  }
  if (phase === DRAW && own === DRAW_STOCK) {
    if (stockLeft(r) > 0) {
      r.hands[player] = hand.concat([r.stockNext]);
      r.stockNext += 1;
    }
    r.phase = DISCARD;
    wallAfter(r);
    return true;
  }
  if (phase === FIRST_TURN && own === PASS) {
    r.passes += 1;
    if (r.passes === 1) {
      r.current = 1 - player;
      return true;
    }
    // Player 0's second pass: player 1 (the opponent) takes the top stock card.
    r.current = 1;
    r.hands[1] = r.hands[1].concat([r.stockNext]);
    r.stockNext += 1;
    r.phase = DISCARD;
    return true;
  }
  if (phase === DISCARD) {
    if (own === KNOCK) {
      const deadwood = deadwoodOf(hand.map((p) => r.card[p]));
      r.phase = KNOCK_PHASE;
      r.gin = deadwood === 0;
      return deadwood <= KNOCK_LIMIT;
    }
    const card = actionCard(own);
    const position = hand.find((p) => r.card[p] === card);
    if (card < 0 || position === undefined) return false;
    r.hands[player] = removePosition(hand, position);
    r.pile = r.pile.concat([position]);
    if (wallAfter(r)) return true;
    r.current = 1 - player;
    r.phase = DRAW;
    return true;
  }
  if (phase === KNOCK_PHASE) {
    if (own === DONE) {
      r.current = 1 - player;
      if (r.gin) r.over = true;
      else r.phase = LAYOFF;
      return true;
    }
    const text = own.slice(ACTION_PREFIX.length);
    for (let k = 0; k + 2 <= text.length; k += 2) {
      const card = cardIndex(text.slice(k, k + 2));
      const position = r.hands[player].find((p) => r.card[p] === card);
      if (card < 0 || position === undefined) return false;
      r.hands[player] = removePosition(r.hands[player], position);
    }
    r.melds.push(text);
    return true;
  }
  if (phase === LAYOFF) {
    if (own === DONE) {
      r.over = true;
      return true;
    }
    const card = actionCard(own);
    const position = hand.find((p) => r.card[p] === card);
    if (card < 0 || position === undefined) return false;
    r.hands[player] = removePosition(hand, position);
    return true;
  }
  return false;
}

function copyRebuild(r: Rebuild): Rebuild {
  return {
    card: r.card.slice(), placed: r.placed.slice(), loose: r.loose.slice(), hands: [r.hands[0].slice(), r.hands[1].slice()], pile: r.pile.slice(),
    stockNext: r.stockNext, phase: r.phase, current: r.current, passes: r.passes, gin: r.gin, melds: r.melds.slice(),
    over: r.over, actions: r.actions,
  };
}

/** The player's decision `k` on the rebuild: its observation matches, then its action is played. */
function ownStep(r: Rebuild, history: Array<[Observation, Action | null]>, k: number, player: number, random: () => number): boolean {
  const [now, own] = history[k];
  if (!matches(r, now, player, random)) return false;
  if (own === null) return k === history.length - 1;
  return ownTurn(r, player, own);
}

/**
 * One rebuilt play explaining the history, or null. A depth-first search over
 * the opponent's draws (which only later observations may rule out, when the
 * pile's lower cards come to light), each tried in random order; at most
 * SEARCH_STEPS rebuilds are expanded.
 */
function rebuild(history: Array<[Observation, Action | null]>, player: number, random: () => number): Action[] | null {
  const start: Rebuild = {
    card: [], placed: [], loose: [], hands: [[], []], pile: [2 * HAND_SIZE], stockNext: 2 * HAND_SIZE + 1,
    phase: FIRST_TURN, current: 1, passes: 0, gin: false, melds: [], over: false, actions: null,
  };
  for (let i = 0; i < 52; i++) {
    start.card.push(-1);
    start.placed.push(false);
  }
  for (let i = 0; i < HAND_SIZE; i++) {
    start.hands[0].push(i);
    start.hands[1].push(HAND_SIZE + i);
  }
  const opponent = 1 - player;
  // The stock count prunes the search: ownStock[k] counts the player's own
  // stock draws from decision k on, which the stock must still hold; and if a
  // decision shows the wall, the stock holds exactly one card there, so the
  // opponent's stock draws until then are fixed in number.
  const ownStock: number[] = [];
  for (let k = 0; k <= history.length; k++) ownStock.push(0);
  for (let k = history.length - 1; k >= 0; k--) ownStock[k] = ownStock[k + 1] + (history[k][1] === DRAW_STOCK ? 1 : 0);
  // oppDraws[k]: the opponent's draws from the turn before decision k on (a turn follows each own discard).
  const oppDraws: number[] = [];
  for (let k = 0; k <= history.length; k++) oppDraws.push(0);
  for (let k = history.length - 1; k >= 0; k--) {
    const discarded = k > 0 && history[k - 1][0].phase === DISCARD && actionCard(history[k - 1][1] ?? '') >= 0;
    oppDraws[k] = oppDraws[k + 1] + (discarded ? 1 : 0);
  }
  let wallAt = -1;
  for (let k = 0; k < history.length && wallAt < 0; k++) {
    if (history[k][0].phase === WALL) wallAt = k;
  }
  /** The opponent's stock draws still needed before the wall at decision wallAt, or -1 if none is seen. */
  const stockNeeded = (r: Rebuild, k: number): number => (wallAt >= k ? stockLeft(r) - (ownStock[k] - ownStock[wallAt]) - 1 : -1);
  const feasible = (r: Rebuild, k: number): boolean => {
    if (stockLeft(r) - ownStock[k] < 1) return false;
    const needed = stockNeeded(r, k);
    // (One more for player 1's forced stock draw after two passes, not a turn of its own.)
    return wallAt < k || (needed >= 0 && needed <= oppDraws[k] - oppDraws[wallAt + 1] + 1);
  };
  // Frames: a rebuild just before the player's decision `k` (the opponent may have to move first).
  const stack: Array<[Rebuild, number]> = [[start, 0]];
  let found: Rebuild | null = null;
  for (let steps = 0; stack.length > 0 && found === null && steps < SEARCH_STEPS; steps++) {
    const [r, k] = stack.pop() as [Rebuild, number];
    if (k === history.length) {
      found = r;
      break;
    }
    if (!feasible(r, k)) continue;
    if (r.current === player || r.over) {
      if (ownStep(r, history, k, player, random)) stack.push([r, k + 1]);
      continue;
    }
    // One step of lookahead: the player taking the upcard next shows what lay under it.
    let revealed = -2;
    if (history[k][1] === DRAW_UPCARD && k + 1 < history.length) {
      const seen = history[k + 1][0].upcard;
      revealed = seen === null ? -1 : cardIndex(seen);
    }
    const choices = opponentChoices(r, opponent, history[k][0], revealed);
    let order = shuffled(choices.map((_, i) => i), random);
    const needed = stockNeeded(r, k);
    if (choices.length === 2 && needed >= 0) {
      // Towards the wall: try the stock first about as often as the draws still needed from it require.
      const stockFirst = random() * (oppDraws[k] - oppDraws[wallAt + 1]) < needed;
      const stock = choices.indexOf(DRAW_STOCK);
      order = stockFirst ? [1 - stock, stock] : [stock, 1 - stock];
    }
    // Pushed in reverse: the first choice is expanded first.
    for (let i = 0; i < order.length; i++) {
      const next = copyRebuild(r);
      if (opponentTurn(next, opponent, history[k][0], choices[order[i]], random) && ownStep(next, history, k, player, random)) stack.push([next, k + 1]);
    }
  }
  if (found === null) return null;
  // The player's loose cards go on its unknown positions in a uniform order.
  const ownUnknown = found.hands[player].filter((p) => found.card[p] < 0);
  const looseOrder = shuffled(found.loose, random);
  for (let i = 0; i < looseOrder.length && i < ownUnknown.length; i++) found.card[ownUnknown[i]] = looseOrder[i];
  // Every position nothing showed: a uniform shuffle of the cards never seen.
  const pool: number[] = [];
  for (let c = 0; c < 52; c++) {
    if (!found.placed[c]) pool.push(c);
  }
  const fill = shuffled(pool, random);
  let next = 0;
  const actions: Action[] = [];
  for (let position = 0; position < 52; position++) {
    if (found.card[position] < 0) {
      found.card[position] = fill[next];
      next += 1;
    }
    actions.push(DEAL_ACTIONS[found.card[position]]);
  }
  return actions.concat(chainToList(found.actions));
}

function sameObservation(a: Observation, b: Observation): boolean {
  if (a.player !== b.player || a.phase !== b.phase || a.upcard !== b.upcard || a.toMove !== b.toMove) return false;
  if (a.hand.length !== b.hand.length || a.knockMelds.length !== b.knockMelds.length) return false;
  if ((a.heldOrder === null) !== (b.heldOrder === null)) return false;
  if (a.heldOrder !== null && b.heldOrder !== null && a.heldOrder.join(' ') !== b.heldOrder.join(' ')) return false;
  for (let i = 0; i < a.hand.length; i++) {
    if (a.hand[i] !== b.hand[i]) return false;
  }
  for (let i = 0; i < a.knockMelds.length; i++) {
    if (a.knockMelds[i] !== b.knockMelds[i]) return false;
  }
  return true;
}

/**
 * Whether replaying `actions` explains the player's history: at each of the
 * player's turns the next entry's observation and action, every entry
 * consumed, no further turn of the player; a trailing [observation, null]
 * entry is reached (the list ends at the player's turn with that observation).
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
    if (actor === TERMINAL) return false;
    // applyAction refuses every action the rules do not allow here (but the wall's ignored discards, which no rebuild plays).
    try {
      state = applyAction(state, actions[t]);
    } catch (error) {
      return false;
    }
  }
  return false;
}

export function resampleHistory(
  history: Array<[Observation, Action | null]>,
  player: number,
  random: () => number,
): Action[] {
  if (history.length === 0) return [];
  for (let attempt = 0; attempt < RESAMPLE_ATTEMPTS; attempt++) {
    const actions = rebuild(history, player, random);
    if (actions !== null && explains(actions, history, player)) return actions;
  }
  throw noPlay(player, `none of ${RESAMPLE_ATTEMPTS} rebuilt plays gives the history`);
}
