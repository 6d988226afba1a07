// Two-player Hanabi as a GameCWM. A cooperative game: 50 cards in five colors
// (three 1s, two each of 2, 3 and 4, one 5 per color), five cards per hand,
// 8 information tokens and 3 fuse tokens. Each player sees the partner's hand
// but not their own. On a turn a player plays a card, discards one (regaining
// an information token) or gives the partner a color or rank hint (spending
// one); hints mark every matching card and rule the attribute out for the
// others. Both players score the sum of the five stacks' heights, or 0 if the
// third fuse is lost.
// Written in the contract's subset: pure functions over JSON state, no imports.
//
// Chance deals one card at a time, when it is needed, uniformly from the cards
// not yet dealt (a card type with k copies left among n cards has probability
// k/n): the same distribution as shuffling the deck up front.

export type Action = string;

export interface State {
  /** hands[p][slot]: card type (color * 5 + rank - 1) in each hand slot, slot 0 first. */
  hands: number[][];
  /** colorHints[p][slot]: colors the card may still have given the hints, e.g. "RYGBW" or "G". */
  colorHints: string[][];
  /** rankHints[p][slot]: ranks the card may still have given the hints, e.g. "12345" or "5". */
  rankHints: string[][];
  /** deck[type]: copies of each card type not dealt yet. */
  deck: number[];
  deckSize: number;
  /** fireworks[color]: height of each color's stack, 0..5. */
  fireworks: number[];
  /** Discarded and misplayed cards, in order, e.g. ["R3", "W1"]. */
  discards: string[];
  infoTokens: number;
  lifeTokens: number;
  /** Player turns left once the deck is empty (2, then 1); -1 while cards remain. */
  finalTurns: number;
  /** Player to act (0 or 1), -1 while a card is dealt, -4 once the game is over. */
  currentPlayer: number;
  /** The player who took the last player action, -1 before the first one. */
  lastMover: number;
  /** The last player action, e.g. "Play 2", null before the first one. */
  lastMove: string | null;
  /** The card the last action played or discarded, e.g. "R1"; null after a hint. */
  lastCard: string | null;
}

export interface Observation {
  /** Whose view this is. */
  player: number;
  /** How many cards this player holds (their faces are hidden from them). */
  ownHandSize: number;
  /** The partner's cards, slot 0 first, e.g. ["R1", "B3"]. */
  partnerHand: string[];
  /** colorHints[p][slot]: what the hints leave possible for each card of player p (public). */
  colorHints: string[][];
  /** rankHints[p][slot]: likewise for ranks. */
  rankHints: string[][];
  fireworks: number[];
  discards: string[];
  infoTokens: number;
  lifeTokens: number;
  deckSize: number;
  finalTurns: number;
  currentPlayer: number;
  lastMover: number;
  lastMove: string | null;
  lastCard: string | null;
  /** Sum of the stacks (0 once the third fuse is lost). */
  score: number;
}

const CHANCE = -1;
const TERMINAL = -4;
const HAND_SIZE = 5;
const MAX_INFO = 8;
const MAX_LIFE = 3;
const COLOR_LETTERS = ['R', 'Y', 'G', 'B', 'W'];
const COLOR_NAMES = ['Red', 'Yellow', 'Green', 'Blue', 'White'];
const RANK_LETTERS = ['1', '2', '3', '4', '5'];
const ALL_COLORS = 'RYGBW';
const ALL_RANKS = '12345';
/** Copies of each rank (1..5) in every color. */
const COPIES = [3, 2, 2, 2, 1];

function buildCards(): string[] {
  const cards: string[] = [];
  for (let c = 0; c < 5; c++) {
    for (let r = 0; r < 5; r++) cards.push(COLOR_LETTERS[c] + RANK_LETTERS[r]);
  }
  return cards;
}

/** CARDS[type]: "R1" ... "W5", type = color * 5 + rank - 1. */
const CARDS: string[] = buildCards();
const DEAL_ACTIONS: Action[] = CARDS.map((card) => 'deal:' + card);
const FULL_DECK: number[] = CARDS.map((_, type) => COPIES[type - 5 * Math.floor(type / 5)]);
const PLAY_ACTIONS: Action[] = [0, 1, 2, 3, 4].map((i) => 'Play ' + i);
const DISCARD_ACTIONS: Action[] = [0, 1, 2, 3, 4].map((i) => 'Discard ' + i);
/** REVEAL_COLOR[target][color], REVEAL_RANK[target][rank - 1]. */
const REVEAL_COLOR: Action[][] = [0, 1].map((p) => COLOR_NAMES.map((name) => `Reveal color ${p} ${name}`));
const REVEAL_RANK: Action[][] = [0, 1].map((p) => RANK_LETTERS.map((rank) => `Reveal rank ${p} ${rank}`));

function colorOf(type: number): number {
  return Math.floor(type / 5);
}

function rankOf(type: number): number {
  return type - 5 * Math.floor(type / 5) + 1;
}

export function getInitialState(): State {
  return {
    hands: [[], []],
    colorHints: [[], []],
    rankHints: [[], []],
    deck: FULL_DECK.slice(),
    deckSize: 50,
    fireworks: [0, 0, 0, 0, 0],
    discards: [],
    infoTokens: MAX_INFO,
    lifeTokens: MAX_LIFE,
    finalTurns: -1,
    currentPlayer: CHANCE,
    lastMover: -1,
    lastMove: null,
    lastCard: null,
  };
}

/**
 * A shallow copy whose fields the caller then replaces (built as a literal:
 * much faster than object spread). Arrays are shared, never modified.
 */
function copyState(state: State): State {
  return {
    hands: state.hands,
    colorHints: state.colorHints,
    rankHints: state.rankHints,
    deck: state.deck,
    deckSize: state.deckSize,
    fireworks: state.fireworks,
    discards: state.discards,
    infoTokens: state.infoTokens,
    lifeTokens: state.lifeTokens,
    finalTurns: state.finalTurns,
    currentPlayer: state.currentPlayer,
    lastMover: state.lastMover,
    lastMove: state.lastMove,
    lastCard: state.lastCard,
  };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'Player 0' : 'Player 1';
}

/** The player the next dealt card goes to: the first one with fewer than five cards. */
function dealTarget(state: State): number {
  return state.hands[0].length < HAND_SIZE ? 0 : 1;
}

export function getChanceOutcomes(state: State): Array<[Action, number]> {
  if (state.currentPlayer !== CHANCE) return [];
  const outcomes: Array<[Action, number]> = [];
  for (let t = 0; t < 25; t++) {
    if (state.deck[t] > 0) outcomes.push([DEAL_ACTIONS[t], state.deck[t] / state.deckSize]);
  }
  return outcomes;
}

export function getLegalActions(state: State): Action[] {
  const player = state.currentPlayer;
  if (player === TERMINAL) return [];
  const actions: Action[] = [];
  if (player === CHANCE) {
    for (let t = 0; t < 25; t++) {
      if (state.deck[t] > 0) actions.push(DEAL_ACTIONS[t]);
    }
    return actions;
  }
  // Hints first, then discards, then plays: the safest moves come first, so
  // a search that cannot tell actions apart (ties go to the first listed)
  // does not lose fuses blindly.
  const size = state.hands[player].length;
  if (state.infoTokens > 0) {
    const target = 1 - player;
    const partner = state.hands[target];
    const colors = [false, false, false, false, false];
    const ranks = [false, false, false, false, false];
    for (let i = 0; i < partner.length; i++) {
      colors[colorOf(partner[i])] = true;
      ranks[rankOf(partner[i]) - 1] = true;
    }
    for (let c = 0; c < 5; c++) {
      if (colors[c]) actions.push(REVEAL_COLOR[target][c]);
    }
    for (let r = 0; r < 5; r++) {
      if (ranks[r]) actions.push(REVEAL_RANK[target][r]);
    }
  }
  if (state.infoTokens < MAX_INFO) {
    for (let i = 0; i < size; i++) actions.push(DISCARD_ACTIONS[i]);
  }
  for (let i = 0; i < size; i++) actions.push(PLAY_ACTIONS[i]);
  return actions;
}

/** `hints` without the letter `letter`. */
function withoutLetter(hints: string, letter: string): string {
  let out = '';
  for (let i = 0; i < hints.length; i++) {
    const ch = hints.charAt(i);
    if (ch !== letter) out += ch;
  }
  return out;
}

function removeNumberAt(items: number[], index: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i !== index) out.push(items[i]);
  }
  return out;
}

function removeStringAt(items: string[], index: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i !== index) out.push(items[i]);
  }
  return out;
}

function replaceNumbers(items: number[][], index: number, value: number[]): number[][] {
  const out = items.slice();
  out[index] = value;
  return out;
}

function replaceStrings(items: string[][], index: number, value: string[]): string[][] {
  const out = items.slice();
  out[index] = value;
  return out;
}

function deal(state: State, action: Action): State {
  const type = DEAL_ACTIONS.indexOf(action);
  if (type < 0) throw new Error(`"${action}" is not a deal; expected deal:<color><rank> such as deal:R1`);
  if (state.deck[type] <= 0) throw new Error(`"${action}": no ${CARDS[type]} is left in the deck`);
  const target = dealTarget(state);
  const hand = state.hands[target].slice();
  hand.push(type);
  const colorHints = state.colorHints[target].slice();
  colorHints.push(ALL_COLORS);
  const rankHints = state.rankHints[target].slice();
  rankHints.push(ALL_RANKS);
  const deck = state.deck.slice();
  deck[type] -= 1;
  const next = copyState(state);
  next.hands = replaceNumbers(state.hands, target, hand);
  next.colorHints = replaceStrings(state.colorHints, target, colorHints);
  next.rankHints = replaceStrings(state.rankHints, target, rankHints);
  next.deck = deck;
  next.deckSize = state.deckSize - 1;
  if (next.deckSize === 0) next.finalTurns = 2;
  if (next.hands[0].length === HAND_SIZE && next.hands[1].length === HAND_SIZE) {
    next.currentPlayer = state.lastMover < 0 ? 0 : 1 - state.lastMover;
  }
  return next;
}

function allComplete(fireworks: number[]): boolean {
  for (let c = 0; c < 5; c++) {
    if (fireworks[c] < 5) return false;
  }
  return true;
}

/** After a player action in `next` (a fresh copy): ends the game, deals, or passes the turn. */
function finishTurn(next: State, player: number, drew: boolean): State {
  if (next.lifeTokens <= 0 || allComplete(next.fireworks)) {
    next.currentPlayer = TERMINAL;
    return next;
  }
  if (next.finalTurns > 0) {
    next.finalTurns -= 1;
    next.currentPlayer = next.finalTurns === 0 ? TERMINAL : 1 - player;
    return next;
  }
  next.currentPlayer = drew && next.deckSize > 0 ? CHANCE : 1 - player;
  return next;
}

function takeCard(state: State, player: number, slot: number): State {
  const next = copyState(state);
  next.hands = replaceNumbers(state.hands, player, removeNumberAt(state.hands[player], slot));
  next.colorHints = replaceStrings(state.colorHints, player, removeStringAt(state.colorHints[player], slot));
  next.rankHints = replaceStrings(state.rankHints, player, removeStringAt(state.rankHints[player], slot));
  return next;
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the game is over; "${action}" cannot be played`);
  if (player === CHANCE) return deal(state, action);
  const hand = state.hands[player];
  let slot = PLAY_ACTIONS.indexOf(action);
  if (slot >= 0) {
    if (slot >= hand.length) throw new Error(`"${action}": there is no card in slot ${slot} (the hand has ${hand.length})`);
    const type = hand[slot];
    const color = colorOf(type);
    const next = takeCard(state, player, slot);
    if (state.fireworks[color] === rankOf(type) - 1) {
      const fireworks = state.fireworks.slice();
      fireworks[color] += 1;
      next.fireworks = fireworks;
      // Completing a stack with its 5 returns an information token.
      if (rankOf(type) === 5 && state.infoTokens < MAX_INFO) next.infoTokens = state.infoTokens + 1;
    } else {
      const discards = state.discards.slice();
      discards.push(CARDS[type]);
      next.discards = discards;
      next.lifeTokens = state.lifeTokens - 1;
    }
    next.lastMover = player;
    next.lastMove = action;
    next.lastCard = CARDS[type];
    return finishTurn(next, player, true);
  }
  slot = DISCARD_ACTIONS.indexOf(action);
  if (slot >= 0) {
    if (state.infoTokens >= MAX_INFO) throw new Error(`"${action}": discarding is not allowed with all ${MAX_INFO} information tokens`);
    if (slot >= hand.length) throw new Error(`"${action}": there is no card in slot ${slot} (the hand has ${hand.length})`);
    const type = hand[slot];
    const next = takeCard(state, player, slot);
    const discards = state.discards.slice();
    discards.push(CARDS[type]);
    next.discards = discards;
    next.infoTokens = state.infoTokens + 1;
    next.lastMover = player;
    next.lastMove = action;
    next.lastCard = CARDS[type];
    return finishTurn(next, player, true);
  }
  const target = 1 - player;
  const color = REVEAL_COLOR[target].indexOf(action);
  const rank = REVEAL_RANK[target].indexOf(action);
  if (color < 0 && rank < 0) {
    throw new Error(`"${action}" is not an action of player ${player}; expected "Play <i>", "Discard <i>", "Reveal color ${target} <Color>" or "Reveal rank ${target} <rank>"`);
  }
  if (state.infoTokens <= 0) throw new Error(`"${action}": no information token is left to give a hint`);
  const partner = state.hands[target];
  const colorHints = state.colorHints[target].slice();
  const rankHints = state.rankHints[target].slice();
  let touched = 0;
  for (let i = 0; i < partner.length; i++) {
    if (color >= 0) {
      if (colorOf(partner[i]) === color) {
        colorHints[i] = COLOR_LETTERS[color];
        touched += 1;
      } else {
        colorHints[i] = withoutLetter(colorHints[i], COLOR_LETTERS[color]);
      }
    } else if (rankOf(partner[i]) === rank + 1) {
      rankHints[i] = RANK_LETTERS[rank];
      touched += 1;
    } else {
      rankHints[i] = withoutLetter(rankHints[i], RANK_LETTERS[rank]);
    }
  }
  if (touched === 0) throw new Error(`"${action}": a hint must point out at least one of the partner's cards`);
  const next = copyState(state);
  if (color >= 0) next.colorHints = replaceStrings(state.colorHints, target, colorHints);
  else next.rankHints = replaceStrings(state.rankHints, target, rankHints);
  next.infoTokens = state.infoTokens - 1;
  next.lastMover = player;
  next.lastMove = action;
  next.lastCard = null;
  return finishTurn(next, player, false);
}

function scoreOf(state: State): number {
  if (state.lifeTokens <= 0) return 0;
  const f = state.fireworks;
  return f[0] + f[1] + f[2] + f[3] + f[4];
}

export function getRewards(state: State): number[] {
  if (state.currentPlayer !== TERMINAL) return [0, 0];
  const score = scoreOf(state);
  return [score, score];
}

function observationFor(state: State, player: number): Observation {
  const partner = state.hands[1 - player];
  const partnerHand: string[] = [];
  for (let i = 0; i < partner.length; i++) partnerHand.push(CARDS[partner[i]]);
  return {
    player,
    ownHandSize: state.hands[player].length,
    partnerHand,
    colorHints: [state.colorHints[0].slice(), state.colorHints[1].slice()],
    rankHints: [state.rankHints[0].slice(), state.rankHints[1].slice()],
    fireworks: state.fireworks.slice(),
    discards: state.discards.slice(),
    infoTokens: state.infoTokens,
    lifeTokens: state.lifeTokens,
    deckSize: state.deckSize,
    finalTurns: state.finalTurns,
    currentPlayer: state.currentPlayer,
    lastMover: state.lastMover,
    lastMove: state.lastMove,
    lastCard: state.lastCard,
    score: scoreOf(state),
  };
}

export function getObservations(state: State): Observation[] {
  return [observationFor(state, 0), observationFor(state, 1)];
}

// ---------------------------------------------------------------------------
// Resampling, in the paper's convention: the history is the player's own
// decisions, [observation just before acting, action] each, possibly ending
// with [current observation, null]. A player sees everything except their
// own cards, and an observation shows the partner's last move and card. So
// between two own decisions the whole play is known but for the own cards:
// the partner's move and its refill (the partner's hand), and the card of
// the player's own play or discard, recovered from how the stacks and the
// discards changed (the partner's card, known, accounts for the rest). The
// only unknowns are the cards still in the player's hand at the last
// observation. Their posterior, given the deal probabilities, is uniform over
// assignments of distinct physical cards from the pool of cards the player
// has not seen (deck plus own hand) that agree with every hint (each slot's
// color and rank possibilities, which record positive and negative
// information). It is drawn exactly by rejection: each slot picks a physical
// card uniformly among the pool cards its hints allow, and the draw is kept
// only if no card was picked twice. The list ends right after the last own
// action, or at the player's turn for a trailing [observation, null] entry.

function noPlay(player: number, detail: string): Error {
  return new Error(`no play explains player ${player}'s history: ${detail}`);
}

function cardType(card: string | null): number {
  return card === null ? -1 : CARDS.indexOf(card);
}

/** The public piles after a player action on them: `card` played or discarded (card -1: a hint, nothing changes). */
interface Piles {
  fireworks: number[];
  discards: string[];
  lifeTokens: number;
}

function pilesAfter(piles: Piles, action: Action, card: number): Piles {
  if (card < 0) return piles;
  const fireworks = piles.fireworks.slice();
  const discards = piles.discards.slice();
  let lifeTokens = piles.lifeTokens;
  if (PLAY_ACTIONS.indexOf(action) >= 0 && fireworks[colorOf(card)] === rankOf(card) - 1) {
    fireworks[colorOf(card)] += 1;
  } else {
    discards.push(CARDS[card]);
    if (PLAY_ACTIONS.indexOf(action) >= 0) lifeTokens -= 1;
  }
  return { fireworks, discards, lifeTokens };
}

function samePiles(a: Piles, b: Piles): boolean {
  if (a.lifeTokens !== b.lifeTokens || a.discards.length !== b.discards.length) return false;
  for (let c = 0; c < 5; c++) {
    if (a.fireworks[c] !== b.fireworks[c]) return false;
  }
  for (let i = 0; i < a.discards.length; i++) {
    if (a.discards[i] !== b.discards[i]) return false;
  }
  return true;
}

/**
 * The card the player played or discarded with `own` between observations
 * `before` and `after`, given the partner's move in between (`partnerCard`
 * its card, -1 for a hint): the one card that turns the piles of `before`
 * into those of `after`. Own discards and misplays land on the discards
 * first; a successful play extends a stack by one.
 */
function ownCardBetween(before: Observation, after: Observation, own: Action, partnerMove: Action, partnerCard: number): number {
  const candidates: number[] = [];
  if (after.discards.length > before.discards.length) candidates.push(cardType(after.discards[before.discards.length]));
  if (PLAY_ACTIONS.indexOf(own) >= 0) {
    for (let c = 0; c < 5; c++) {
      if (before.fireworks[c] < 5) candidates.push(c * 5 + before.fireworks[c]);
    }
  }
  const start: Piles = { fireworks: before.fireworks, discards: before.discards, lifeTokens: before.lifeTokens };
  const target: Piles = { fireworks: after.fireworks, discards: after.discards, lifeTokens: after.lifeTokens };
  for (let i = 0; i < candidates.length; i++) {
    if (candidates[i] < 0) continue;
    if (samePiles(pilesAfter(pilesAfter(start, own, candidates[i]), partnerMove, partnerCard), target)) return candidates[i];
  }
  return -1;
}

function handSlot(action: Action): number {
  const play = PLAY_ACTIONS.indexOf(action);
  return play >= 0 ? play : DISCARD_ACTIONS.indexOf(action);
}

function sameStrings(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function sameObservation(a: Observation, b: Observation): boolean {
  if (a.player !== b.player || a.ownHandSize !== b.ownHandSize || a.infoTokens !== b.infoTokens || a.lifeTokens !== b.lifeTokens) return false;
  if (a.deckSize !== b.deckSize || a.finalTurns !== b.finalTurns || a.currentPlayer !== b.currentPlayer || a.score !== b.score) return false;
  if (a.lastMover !== b.lastMover || a.lastMove !== b.lastMove || a.lastCard !== b.lastCard) return false;
  for (let c = 0; c < 5; c++) {
    if (a.fireworks[c] !== b.fireworks[c]) return false;
  }
  if (!sameStrings(a.partnerHand, b.partnerHand) || !sameStrings(a.discards, b.discards)) return false;
  for (let p = 0; p < 2; p++) {
    if (!sameStrings(a.colorHints[p], b.colorHints[p]) || !sameStrings(a.rankHints[p], b.rankHints[p])) return false;
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
    // applyAction refuses an illegal action or deal.
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
  const partner = 1 - player;
  const actions: Action[] = [];
  /** Indices into `actions` of the deals still in the player's hand, slot 0 first. */
  let ownSlots: number[] = [];
  /** The partner's hand, slot 0 first (card types). */
  let partnerHand: number[] = [];
  let deckSize = 50;
  const dealOwn = (): void => {
    ownSlots = ownSlots.concat([actions.length]);
    actions.push('');
    deckSize -= 1;
  };
  const dealPartner = (type: number): void => {
    if (type < 0) throw noPlay(player, 'the partner\'s dealt card is not seen');
    partnerHand = partnerHand.concat([type]);
    actions.push(DEAL_ACTIONS[type]);
    deckSize -= 1;
  };
  /** The partner's move shown in `after`, played on the known partner hand, with its refill. Returns the partner's card (-1 for a hint). */
  const partnerMoves = (after: Observation): number => {
    const move = after.lastMove;
    if (after.lastMover !== partner || move === null) throw noPlay(player, 'the partner\'s move is not seen');
    actions.push(move);
    const slot = handSlot(move);
    if (slot < 0) return -1;
    if (slot >= partnerHand.length) throw noPlay(player, `the partner's "${move}" does not fit its hand`);
    const card = partnerHand[slot];
    if (after.lastCard !== CARDS[card]) throw noPlay(player, `the partner's "${move}" shows ${after.lastCard}, not ${CARDS[card]}`);
    partnerHand = removeNumberAt(partnerHand, slot);
    if (deckSize > 0) dealPartner(cardType(after.partnerHand[after.partnerHand.length - 1]));
    return card;
  };
  const first = history[0][0];
  // The deal: five cards to player 0, then five to player 1.
  let partnerStart: number[] = [];
  if (player === 0) {
    for (let i = 0; i < first.partnerHand.length; i++) partnerStart.push(cardType(first.partnerHand[i]));
  } else {
    // Player 0 moved once before player 1's first decision: undo that move on the hand player 1 sees.
    const slot = first.lastMove === null ? -1 : handSlot(first.lastMove);
    const shown: number[] = [];
    for (let i = 0; i < first.partnerHand.length; i++) shown.push(cardType(first.partnerHand[i]));
    if (slot < 0) partnerStart = shown;
    for (let i = 0; slot >= 0 && i < HAND_SIZE; i++) {
      if (i < slot) partnerStart.push(shown[i]);
      else if (i === slot) partnerStart.push(cardType(first.lastCard));
      else partnerStart.push(shown[i - 1]);
    }
  }
  if (partnerStart.length !== HAND_SIZE) throw noPlay(player, 'the partner\'s dealt hand is not seen');
  for (let p = 0; p < 2; p++) {
    for (let i = 0; i < HAND_SIZE; i++) {
      if (p === player) dealOwn();
      else dealPartner(partnerStart[i]);
    }
  }
  if (player === 1) partnerMoves(first);
  /** The player's hand slots at the last observation: the cards still to draw. */
  let hidden: number[] = [];
  for (let k = 0; k < history.length; k++) {
    const [now, own] = history[k];
    if (own === null) {
      if (k !== history.length - 1) throw noPlay(player, `entry ${k} has no action but is not the last`);
      hidden = ownSlots;
      break;
    }
    actions.push(own);
    const slot = handSlot(own);
    if (k === history.length - 1) {
      // The list ends here; the card just played is one of the hidden ones.
      hidden = ownSlots;
      break;
    }
    const after = history[k + 1][0];
    if (slot >= 0) {
      if (slot >= ownSlots.length) throw noPlay(player, `own "${own}" does not fit the hand`);
      const played = ownSlots[slot];
      ownSlots = removeNumberAt(ownSlots, slot);
      if (deckSize > 0) dealOwn();
      const partnerCard = partnerMoves(after);
      const type = ownCardBetween(now, after, own, after.lastMove as Action, partnerCard);
      if (type < 0) throw noPlay(player, `the card of own "${own}" at decision ${k} is not seen on the stacks or the discards`);
      actions[played] = DEAL_ACTIONS[type];
    } else {
      partnerMoves(after);
    }
  }
  const last = history[history.length - 1][0];
  if (hidden.length !== last.ownHandSize) throw noPlay(player, 'the hand size does not match the deals');
  if (hidden.length > 0) {
    // The pool: every card not on the stacks, in the discards or in the partner's hand.
    const pool = FULL_DECK.slice();
    for (let c = 0; c < 5; c++) {
      for (let r = 0; r < last.fireworks[c]; r++) pool[c * 5 + r] -= 1;
    }
    const seen = last.discards.concat(last.partnerHand);
    for (let i = 0; i < seen.length; i++) {
      const type = cardType(seen[i]);
      if (type < 0) throw noPlay(player, `"${seen[i]}" is not a card`);
      pool[type] -= 1;
    }
    // cards[k]: type of physical pool card k; allowed[slot]: the pool cards the slot's hints allow.
    const cards: number[] = [];
    for (let type = 0; type < 25; type++) {
      if (pool[type] < 0) throw noPlay(player, `more ${CARDS[type]} cards are seen than exist`);
      for (let k = 0; k < pool[type]; k++) cards.push(type);
    }
    const allowed: number[][] = [];
    for (let s = 0; s < hidden.length; s++) {
      const colors = last.colorHints[player][s];
      const ranks = last.rankHints[player][s];
      const fits: number[] = [];
      for (let k = 0; k < cards.length; k++) {
        if (colors.indexOf(COLOR_LETTERS[colorOf(cards[k])]) >= 0 && ranks.indexOf(RANK_LETTERS[rankOf(cards[k]) - 1]) >= 0) fits.push(k);
      }
      if (fits.length === 0) throw noPlay(player, `no unseen card fits the hints on slot ${s}`);
      allowed.push(fits);
    }
    const picked: number[] = [];
    for (let attempt = 0; ; attempt++) {
      if (attempt >= 100000) throw noPlay(player, 'no assignment of unseen cards fits all the hints');
      picked.length = 0;
      let clash = false;
      for (let s = 0; s < allowed.length && !clash; s++) {
        const fits = allowed[s];
        let index = Math.floor(random() * fits.length);
        if (index >= fits.length) index = fits.length - 1;
        const k = fits[index];
        if (picked.indexOf(k) >= 0) clash = true;
        picked.push(k);
      }
      if (!clash) break;
    }
    for (let s = 0; s < hidden.length; s++) actions[hidden[s]] = DEAL_ACTIONS[cards[picked[s]]];
  }
  if (!explains(actions, history, player)) throw noPlay(player, 'replaying the reconstructed play does not give the history');
  return actions;
}
