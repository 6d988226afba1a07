// Two-player Hanabi as a GameCWM, as the paper's dataset plays it (its golden
// implementation wins where its rules text says otherwise; see rules.md). A
// cooperative game: 50 cards in five colors (three 1s, two each of 2, 3 and 4,
// one 5 per color), five cards per hand, 8 clue tokens and 3 lives. Each player
// sees the partner's hand but not their own. On a turn a player plays a card,
// discards one (regaining a clue) or reveals a color or rank of the partner's
// cards (spending a clue; the reveal is not recorded anywhere). The fourth
// misplay ends the game with 0; otherwise both players hold the current sum of
// the five stacks, at every state.
// Written in the contract's subset: pure functions over JSON state, no imports.
//
// Chance deals one card at a time, when it is needed. Like the paper's golden,
// it lists each card type still in the deck once and picks among them
// uniformly: a type's probability is 1 / (number of distinct types left),
// however many copies of it remain.

export type Action = string;

export interface State {
  /** hands[p][slot]: card type (color * 5 + rank - 1) in each hand slot, slot 0 first. */
  hands: number[][];
  /** deck[type]: copies of each card type not dealt yet. */
  deck: number[];
  deckSize: number;
  /** fireworks[color]: height of each color's stack, 0..5. */
  fireworks: number[];
  /** Discarded and misplayed cards, in order, e.g. ["R3", "W1"]. */
  discards: string[];
  clues: number;
  /** Lives left; the game ends when they drop below 0 (the fourth misplay). */
  lives: number;
  /** Player to act (0 or 1), -1 while a card is dealt, -4 once the game is over. */
  currentPlayer: number;
  /** At a chance node: the player the card goes to. */
  dealTo: number;
  /** True during the opening deal (five cards to player 0, then five to player 1). */
  opening: boolean;
  /** Set by the first play or discard made with an empty deck. */
  finalRound: boolean;
  /** Turns finished since the final round began; the game ends at 2. */
  finalRoundTurns: number;
}

/** Exactly what the paper's golden shows a player: nothing about hints or the last move. */
export interface Observation {
  /** Whose view this is. */
  player: number;
  /** How many cards this player holds (their faces are hidden from them). */
  ownHandSize: number;
  /** The partner's cards, slot 0 first, e.g. ["R1", "B3"]. */
  partnerHand: string[];
  fireworks: number[];
  discards: string[];
  clues: number;
  lives: number;
  deckSize: number;
  currentPlayer: number;
}

const CHANCE = -1;
const TERMINAL = -4;
const HAND_SIZE = 5;
const MAX_CLUES = 8;
const MAX_LIVES = 3;
const COLOR_LETTERS = ['R', 'Y', 'G', 'B', 'W'];
const RANK_LETTERS = ['1', '2', '3', '4', '5'];
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
/** DEAL_ACTIONS[type]: "deal:R,1" ... "deal:W,5", the paper's spelling. */
const DEAL_ACTIONS: Action[] = CARDS.map((card) => `deal:${card.charAt(0)},${card.charAt(1)}`);
const FULL_DECK: number[] = CARDS.map((_, type) => COPIES[type - 5 * Math.floor(type / 5)]);
const PLAY_ACTIONS: Action[] = [0, 1, 2, 3, 4].map((i) => 'Play ' + i);
const DISCARD_ACTIONS: Action[] = [0, 1, 2, 3, 4].map((i) => 'Discard ' + i);
/** REVEAL_COLOR[target][color], REVEAL_RANK[target][rank - 1]. */
const REVEAL_COLOR: Action[][] = [0, 1].map((p) => COLOR_LETTERS.map((c) => `Reveal color ${p} ${c}`));
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
    deck: FULL_DECK.slice(),
    deckSize: 50,
    fireworks: [0, 0, 0, 0, 0],
    discards: [],
    clues: MAX_CLUES,
    lives: MAX_LIVES,
    currentPlayer: CHANCE,
    dealTo: 0,
    opening: true,
    finalRound: false,
    finalRoundTurns: 0,
  };
}

/**
 * A shallow copy whose fields the caller then replaces (built as a literal:
 * much faster than object spread). Arrays are shared, never modified.
 */
function copyState(state: State): State {
  return {
    hands: state.hands,
    deck: state.deck,
    deckSize: state.deckSize,
    fireworks: state.fireworks,
    discards: state.discards,
    clues: state.clues,
    lives: state.lives,
    currentPlayer: state.currentPlayer,
    dealTo: state.dealTo,
    opening: state.opening,
    finalRound: state.finalRound,
    finalRoundTurns: state.finalRoundTurns,
  };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'Player 0' : 'Player 1';
}

/** How many card types are still in the deck. */
function distinctTypes(deck: number[]): number {
  let count = 0;
  for (let t = 0; t < 25; t++) {
    if (deck[t] > 0) count += 1;
  }
  return count;
}

export function getChanceOutcomes(state: State): Array<[Action, number]> {
  if (state.currentPlayer !== CHANCE) return [];
  const p = 1 / distinctTypes(state.deck);
  const outcomes: Array<[Action, number]> = [];
  for (let t = 0; t < 25; t++) {
    if (state.deck[t] > 0) outcomes.push([DEAL_ACTIONS[t], p]);
  }
  return outcomes;
}

/** The reveals that can be given to `target` holding `hand`: one per color and one per rank in it. */
function revealsOf(hand: number[], target: number): Action[] {
  const colors = [false, false, false, false, false];
  const ranks = [false, false, false, false, false];
  for (let i = 0; i < hand.length; i++) {
    colors[colorOf(hand[i])] = true;
    ranks[rankOf(hand[i]) - 1] = true;
  }
  const actions: Action[] = [];
  for (let c = 0; c < 5; c++) {
    if (colors[c]) actions.push(REVEAL_COLOR[target][c]);
  }
  for (let r = 0; r < 5; r++) {
    if (ranks[r]) actions.push(REVEAL_RANK[target][r]);
  }
  return actions;
}

export function getLegalActions(state: State): Action[] {
  const player = state.currentPlayer;
  if (player === TERMINAL) return [];
  if (player === CHANCE) {
    const deals: Action[] = [];
    for (let t = 0; t < 25; t++) {
      if (state.deck[t] > 0) deals.push(DEAL_ACTIONS[t]);
    }
    return deals;
  }
  // Reveals first, then discards, then plays: the safest moves come first, so
  // a search that cannot tell actions apart (ties go to the first listed)
  // does not lose lives blindly.
  const size = state.hands[player].length;
  const actions: Action[] = state.clues > 0 ? revealsOf(state.hands[1 - player], 1 - player) : [];
  if (state.clues < MAX_CLUES) {
    for (let i = 0; i < size; i++) actions.push(DISCARD_ACTIONS[i]);
  }
  for (let i = 0; i < size; i++) actions.push(PLAY_ACTIONS[i]);
  return actions;
}

function removeAt(items: number[], index: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i !== index) out.push(items[i]);
  }
  return out;
}

function withHand(hands: number[][], player: number, hand: number[]): number[][] {
  const out = hands.slice();
  out[player] = hand;
  return out;
}

function allComplete(fireworks: number[]): boolean {
  for (let c = 0; c < 5; c++) {
    if (fireworks[c] < 5) return false;
  }
  return true;
}

function isOver(state: State): boolean {
  return state.lives < 0 || allComplete(state.fireworks) || (state.finalRound && state.finalRoundTurns >= 2);
}

/**
 * Ends `acting`'s turn in `next` (a fresh copy): the partner is to act, the
 * final round counts the turn, and the game may end. `emptyDeckDraw`: the turn
 * needed a card the empty deck could not give, which starts the final round.
 */
function endTurn(next: State, acting: number, emptyDeckDraw: boolean): State {
  if (emptyDeckDraw && !next.finalRound) {
    next.finalRound = true;
    next.finalRoundTurns = 0;
  }
  next.currentPlayer = 1 - acting;
  next.dealTo = -1;
  if (next.finalRound) next.finalRoundTurns += 1;
  if (isOver(next)) next.currentPlayer = TERMINAL;
  return next;
}

function deal(state: State, action: Action): State {
  const type = DEAL_ACTIONS.indexOf(action);
  if (type < 0) throw new Error(`"${action}" is not a deal; expected deal:<color>,<rank> such as deal:R,1`);
  if (state.deck[type] <= 0) throw new Error(`"${action}": no ${CARDS[type]} is left in the deck`);
  const target = state.dealTo;
  const hand = state.hands[target].slice();
  hand.push(type);
  const deck = state.deck.slice();
  deck[type] -= 1;
  const next = copyState(state);
  next.hands = withHand(state.hands, target, hand);
  next.deck = deck;
  next.deckSize = state.deckSize - 1;
  if (!state.opening) return endTurn(next, target, false);
  if (hand.length === HAND_SIZE) {
    if (target === 0) {
      next.dealTo = 1;
    } else {
      next.opening = false;
      next.dealTo = -1;
      next.currentPlayer = 0;
    }
  }
  return next;
}

/** After a play or discard in `next`: the game may end at once, else the player draws or the turn ends. */
function afterCardLeaves(next: State, player: number): State {
  if (isOver(next)) {
    next.currentPlayer = TERMINAL;
    return next;
  }
  if (next.deckSize > 0) {
    next.currentPlayer = CHANCE;
    next.dealTo = player;
    return next;
  }
  return endTurn(next, player, true);
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
    const next = copyState(state);
    next.hands = withHand(state.hands, player, removeAt(hand, slot));
    if (state.fireworks[color] === rankOf(type) - 1) {
      const fireworks = state.fireworks.slice();
      fireworks[color] += 1;
      next.fireworks = fireworks;
    } else {
      const discards = state.discards.slice();
      discards.push(CARDS[type]);
      next.discards = discards;
      next.lives = state.lives - 1;
    }
    return afterCardLeaves(next, player);
  }
  slot = DISCARD_ACTIONS.indexOf(action);
  if (slot >= 0) {
    if (slot >= hand.length) throw new Error(`"${action}": there is no card in slot ${slot} (the hand has ${hand.length})`);
    const next = copyState(state);
    next.hands = withHand(state.hands, player, removeAt(hand, slot));
    const discards = state.discards.slice();
    discards.push(CARDS[hand[slot]]);
    next.discards = discards;
    // Not offered with all clues held, but applied as the paper's golden does: the clue count stays at the cap.
    next.clues = Math.min(MAX_CLUES, state.clues + 1);
    return afterCardLeaves(next, player);
  }
  if (revealsOf(state.hands[1 - player], 1 - player).indexOf(action) < 0) {
    const target = 1 - player;
    throw new Error(`"${action}" is not an action of player ${player} here; expected "Play <i>", "Discard <i>", or a reveal of a color or rank player ${target} holds such as "Reveal color ${target} R" or "Reveal rank ${target} 1"`);
  }
  if (state.clues <= 0) throw new Error(`"${action}": no clue is left to reveal anything`);
  const next = copyState(state);
  next.clues = state.clues - 1;
  return endTurn(next, player, false);
}

function scoreOf(state: State): number {
  if (state.lives < 0) return 0;
  const f = state.fireworks;
  return f[0] + f[1] + f[2] + f[3] + f[4];
}

/** The current score for both players at every state (0 once the lives are gone). */
export function getRewards(state: State): number[] {
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
    fireworks: state.fireworks.slice(),
    discards: state.discards.slice(),
    clues: state.clues,
    lives: state.lives,
    deckSize: state.deckSize,
    currentPlayer: state.currentPlayer,
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
// A player sees everything but their own cards, so between two own decisions
// the play is known up to a few choices: the partner's move is read off the
// clues (up one: a discard, down one: a reveal, same: a play) and its hand
// (which slot left, which card came in); the card of the player's own play or
// discard off how the stacks and the discards changed. What stays open: the
// cards still in the player's hand at the last observation (the hidden deals),
// which reveal the partner gave (any the player's hand then allowed), which of
// two equal partner cards left, and for player 1 which slot player 0 played
// first (player 1 never saw player 0's opening hand).
//
// The posterior weighs a world by its chance probabilities (1 / distinct types
// left, at every deal) times 1 / (legal actions) at each partner step (a
// uniform partner). It is drawn by rejection: a proposal picks each hidden
// deal uniformly among the types with unseen copies left, each open partner
// choice uniformly among the ones that fit, and is accepted with probability
// (its posterior weight / its proposal probability) / (a bound on that ratio,
// taken step by step). After REJECTION_ATTEMPTS proposals without acceptance
// (long histories, where the bound is loose) the last proposal is returned:
// it explains the history exactly, only its weighting is then approximate.

const REJECTION_ATTEMPTS = 1000;

function noPlay(player: number, detail: string): Error {
  return new Error(`no play explains player ${player}'s history: ${detail}`);
}

function cardType(card: string): number {
  return CARDS.indexOf(card);
}

function cardTypes(cards: string[], player: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < cards.length; i++) {
    const type = cardType(cards[i]);
    if (type < 0) throw noPlay(player, `"${cards[i]}" is not a card`);
    out.push(type);
  }
  return out;
}

function handSlot(action: Action): number {
  const play = PLAY_ACTIONS.indexOf(action);
  return play >= 0 ? play : DISCARD_ACTIONS.indexOf(action);
}

/** The public piles (stacks, discards, lives). */
interface Piles {
  fireworks: number[];
  discards: string[];
  lives: number;
}

/** The piles after `card` is played (`isPlay`) or discarded. */
function pilesAfter(piles: Piles, isPlay: boolean, card: number): Piles {
  const fireworks = piles.fireworks.slice();
  const discards = piles.discards.slice();
  let lives = piles.lives;
  if (isPlay && fireworks[colorOf(card)] === rankOf(card) - 1) {
    fireworks[colorOf(card)] += 1;
  } else {
    discards.push(CARDS[card]);
    if (isPlay) lives -= 1;
  }
  return { fireworks, discards, lives };
}

function sameStrings(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function sameNumbers(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function samePiles(a: Piles, b: Piles): boolean {
  return a.lives === b.lives && sameNumbers(a.fireworks, b.fireworks) && sameStrings(a.discards, b.discards);
}

function sameObservation(a: Observation, b: Observation): boolean {
  return a.player === b.player && a.ownHandSize === b.ownHandSize && a.clues === b.clues && a.lives === b.lives &&
    a.deckSize === b.deckSize && a.currentPlayer === b.currentPlayer && sameNumbers(a.fireworks, b.fireworks) &&
    sameStrings(a.partnerHand, b.partnerHand) && sameStrings(a.discards, b.discards);
}

/**
 * The card of the player's own play or discard `own` between observations
 * `before` and `after`, given the partner's move in between (`partnerCard` -1
 * for a reveal, `partnerPlays` whether it was played): the one card that
 * turns the piles of `before` into those of `after`. -1 if none does.
 */
function ownCardBetween(before: Observation, after: Observation, ownPlays: boolean, partnerPlays: boolean, partnerCard: number): number {
  const candidates: number[] = [];
  if (after.discards.length > before.discards.length) candidates.push(cardType(after.discards[before.discards.length]));
  if (ownPlays) {
    for (let c = 0; c < 5; c++) {
      if (before.fireworks[c] < 5) candidates.push(c * 5 + before.fireworks[c]);
    }
  }
  const start: Piles = { fireworks: before.fireworks, discards: before.discards, lives: before.lives };
  const target: Piles = { fireworks: after.fireworks, discards: after.discards, lives: after.lives };
  for (let i = 0; i < candidates.length; i++) {
    if (candidates[i] < 0) continue;
    let piles = pilesAfter(start, ownPlays, candidates[i]);
    if (partnerCard >= 0) piles = pilesAfter(piles, partnerPlays, partnerCard);
    if (samePiles(piles, target)) return candidates[i];
  }
  return -1;
}

/**
 * One step of the reconstructed play. kind "deal": `owner` gets a card,
 * `type` (-1: hidden, drawn by the proposal; -2: one of player 0's opening
 * cards, placed by the opening choice). kind "own": `action` as given. kind
 * "slot": the partner plays (`isPlay`) or discards one of `slots` (equal
 * cards). kind "reveal": the partner reveals something the player's hand
 * (`ownHand`, deal indices) allows. kind "opening": player 0's first play,
 * one of five slots (player 1's view only).
 */
interface Step {
  kind: string;
  owner: number;
  type: number;
  action: Action;
  slots: number[];
  isPlay: boolean;
  /** At partner steps: what the partner's legal action count depends on. */
  partnerSize: number;
  clues: number;
  ownHand: number[];
  /** At deals: the bound used for 1 / (distinct types left). */
  bound: number;
}

function step(kind: string): Step {
  return { kind, owner: -1, type: -1, action: '', slots: [], isPlay: false, partnerSize: 0, clues: 0, ownHand: [], bound: 1 };
}

/** The reconstructed play's skeleton: steps plus where the deals are. */
interface Skeleton {
  steps: Step[];
  /** Deal index (in deal order) of each deal step: dealSteps[d] is its index in steps. */
  dealSteps: number[];
  /** Known type of each deal, -1 hidden, -2 player 0's opening card (player 1's view). */
  dealTypes: number[];
  /** Player 0's opening hand without its first played card, and that card (player 1's view; else empty, -1). */
  openingKept: number[];
  openingCard: number;
}

/** Builds the skeleton of every play that explains `history`; throws if none does. */
function skeletonOf(history: Array<[Observation, Action | null]>, player: number): Skeleton {
  const partner = 1 - player;
  const steps: Step[] = [];
  const dealSteps: number[] = [];
  const dealTypes: number[] = [];
  let ownHand: number[] = [];
  let partnerHand: number[] = [];
  const addDeal = (owner: number, type: number): void => {
    const s = step('deal');
    s.owner = owner;
    s.type = type;
    dealSteps.push(steps.length);
    dealTypes.push(type);
    steps.push(s);
    if (owner === player) ownHand = ownHand.concat([dealTypes.length - 1]);
    else partnerHand = partnerHand.concat([type]);
  };
  const partnerStep = (kind: string, clues: number): Step => {
    const s = step(kind);
    s.partnerSize = partnerHand.length;
    s.clues = clues;
    s.ownHand = ownHand.slice();
    steps.push(s);
    return s;
  };
  const first = history[0][0];
  let openingKept: number[] = [];
  let openingCard = -1;
  if (player === 0) {
    for (let i = 0; i < HAND_SIZE; i++) addDeal(0, -1);
    const seen = cardTypes(first.partnerHand, player);
    if (seen.length !== HAND_SIZE) throw noPlay(player, 'player 1\'s dealt hand is not seen');
    for (let i = 0; i < HAND_SIZE; i++) addDeal(1, seen[i]);
  } else {
    // Player 0 acted once before player 1's first decision: a reveal (a clue
    // spent) or a play (discarding is not allowed with all clues).
    const shown = cardTypes(first.partnerHand, player);
    if (first.clues === MAX_CLUES - 1) {
      if (shown.length !== HAND_SIZE) throw noPlay(player, 'player 0\'s dealt hand is not seen');
      for (let i = 0; i < HAND_SIZE; i++) addDeal(0, shown[i]);
      for (let i = 0; i < HAND_SIZE; i++) addDeal(1, -1);
      partnerStep('reveal', MAX_CLUES);
    } else {
      let played = -1;
      for (let c = 0; c < 5 && played < 0; c++) {
        if (first.fireworks[c] === 1) played = c * 5;
      }
      if (played < 0 && first.discards.length === 1) played = cardType(first.discards[0]);
      if (played < 0 || shown.length !== HAND_SIZE) throw noPlay(player, 'player 0\'s first move is not seen');
      openingKept = shown.slice(0, HAND_SIZE - 1);
      openingCard = played;
      for (let i = 0; i < HAND_SIZE; i++) addDeal(0, -2);
      partnerHand = [];
      for (let i = 0; i < HAND_SIZE; i++) addDeal(1, -1);
      partnerHand = openingKept.concat([played]);
      partnerStep('opening', MAX_CLUES);
      partnerHand = openingKept.slice();
      addDeal(0, shown[HAND_SIZE - 1]);
    }
  }
  for (let k = 0; k < history.length; k++) {
    const [now, own] = history[k];
    if (now.ownHandSize !== ownHand.length || !sameNumbers(cardTypes(now.partnerHand, player), partnerHand)) {
      throw noPlay(player, `the hands at decision ${k} do not follow from the earlier ones`);
    }
    if (own === null) {
      if (k !== history.length - 1) throw noPlay(player, `entry ${k} has no action but is not the last`);
      break;
    }
    const own1 = step('own');
    own1.action = own;
    steps.push(own1);
    if (k === history.length - 1) break;
    const after = history[k + 1][0];
    const slot = handSlot(own);
    const ownPlays = PLAY_ACTIONS.indexOf(own) >= 0;
    let ownDeal = -1;
    let deckSize = now.deckSize;
    let clues = now.clues;
    if (slot >= 0) {
      if (slot >= ownHand.length) throw noPlay(player, `own "${own}" does not fit the hand`);
      ownDeal = ownHand[slot];
      ownHand = removeAt(ownHand, slot);
      if (!ownPlays) clues += 1;
      if (deckSize > 0) {
        addDeal(player, -1);
        deckSize -= 1;
      }
    } else {
      clues -= 1;
    }
    // The partner's move, read off the clues and its hand.
    const change = after.clues - clues;
    const shown = cardTypes(after.partnerHand, player);
    let partnerCard = -1;
    let partnerPlays = false;
    if (change === -1) {
      if (!sameNumbers(shown, partnerHand)) throw noPlay(player, `the partner's hand changed on a reveal before decision ${k + 1}`);
      partnerStep('reveal', clues);
    } else if (change === 0 || change === 1) {
      partnerPlays = change === 0;
      const draws = deckSize > 0;
      const slots: number[] = [];
      for (let j = 0; j < partnerHand.length; j++) {
        const kept = removeAt(partnerHand, j);
        if (draws ? sameNumbers(kept, shown.slice(0, shown.length - 1)) && shown.length === partnerHand.length : sameNumbers(kept, shown)) slots.push(j);
      }
      if (slots.length === 0) throw noPlay(player, `the partner's hand before decision ${k + 1} does not follow from a play or discard`);
      partnerCard = partnerHand[slots[0]];
      const s = partnerStep('slot', clues);
      s.slots = slots;
      s.isPlay = partnerPlays;
      partnerHand = removeAt(partnerHand, slots[0]);
      if (draws) addDeal(partner, shown[shown.length - 1]);
    } else {
      throw noPlay(player, `the clues before decision ${k + 1} do not follow from one move each`);
    }
    if (ownDeal >= 0) {
      const type = ownCardBetween(now, after, ownPlays, partnerPlays, partnerCard);
      if (type < 0) throw noPlay(player, `the card of own "${own}" at decision ${k} is not seen on the stacks or the discards`);
      dealTypes[ownDeal] = type;
      steps[dealSteps[ownDeal]].type = type;
    }
  }
  return { steps, dealSteps, dealTypes, openingKept, openingCard };
}

/** Legal actions of the partner at a step: plays, discards (below 8 clues), reveals (with a clue). */
function partnerLegalCount(s: Step, reveals: number): number {
  return s.partnerSize + (s.clues < MAX_CLUES ? s.partnerSize : 0) + (s.clues > 0 ? reveals : 0);
}

/**
 * Fills in each step's bound: the largest value its factor of the acceptance
 * ratio can take in any world (deals: 1 / the fewest distinct types the deck
 * can hold there; partner steps: the most fitting choices over the fewest
 * legal actions).
 */
function setBounds(skeleton: Skeleton, unseen: number[]): void {
  const { steps, dealTypes } = skeleton;
  // Seen copies dealt so far, hidden deals so far, and the last deal of each seen type.
  const lastSeen: number[] = FULL_DECK.map(() => -1);
  for (let d = 0; d < dealTypes.length; d++) {
    if (dealTypes[d] >= 0) lastSeen[dealTypes[d]] = d;
  }
  const opening = skeleton.openingKept.concat([skeleton.openingCard]);
  for (let d = 0; d < dealTypes.length; d++) {
    if (dealTypes[d] === -2) lastSeen[opening[d]] = Math.max(lastSeen[opening[d]], d);
  }
  // Player 0's opening deals (player 1's view) come in one of five orders: the
  // bound is the fewest distinct types any order leaves at each of them.
  const openingDistinct = [25, 25, 25, 25, 25];
  for (let j = 0; j < HAND_SIZE && skeleton.openingCard >= 0; j++) {
    const deck = FULL_DECK.slice();
    let distinct = 25;
    for (let i = 0; i < HAND_SIZE; i++) {
      openingDistinct[i] = Math.min(openingDistinct[i], distinct);
      const type = i < j ? skeleton.openingKept[i] : i === j ? skeleton.openingCard : skeleton.openingKept[i - 1];
      deck[type] -= 1;
      if (deck[type] === 0) distinct -= 1;
    }
  }
  const seenDealt = FULL_DECK.map(() => 0);
  let hiddenSoFar = 0;
  let d = 0;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    if (s.kind === 'deal') {
      if (s.type === -1) {
        s.bound = 1;
        hiddenSoFar += 1;
      } else {
        // Distinct types left ignoring hidden deals, less the most types the hidden deals so far can have used up.
        let distinct = 0;
        const small: number[] = [];
        for (let t = 0; t < 25; t++) {
          const left = FULL_DECK[t] - seenDealt[t];
          if (left <= 0) continue;
          distinct += 1;
          if (lastSeen[t] < d && left === unseen[t]) small.push(left);
        }
        small.sort((a, b) => a - b);
        let used = 0;
        let exhausted = 0;
        for (let j = 0; j < small.length && used + small[j] <= hiddenSoFar; j++) {
          used += small[j];
          exhausted += 1;
        }
        s.bound = s.type === -2 ? 1 / openingDistinct[d] : 1 / Math.max(1, distinct - exhausted);
        seenDealt[s.type === -2 ? opening[d] : s.type] += 1;
      }
      d += 1;
    } else if (s.kind !== 'own') {
      let known: number[] = [];
      let hidden = 0;
      for (let j = 0; j < s.ownHand.length; j++) {
        if (dealTypes[s.ownHand[j]] >= 0) known = known.concat([dealTypes[s.ownHand[j]]]);
        else hidden += 1;
      }
      const knownColors = distinctOf(known, colorOf);
      const knownRanks = distinctOf(known, rankOf);
      const fewest = s.ownHand.length > 0 ? Math.max(1, knownColors) + Math.max(1, knownRanks) : 0;
      const most = Math.min(5, knownColors + hidden) + Math.min(5, knownRanks + hidden);
      const base = partnerLegalCount(s, 0);
      if (s.kind === 'reveal') s.bound = most / (base + (s.clues > 0 ? most : 0));
      else s.bound = (s.kind === 'opening' ? HAND_SIZE : s.slots.length) / partnerLegalCount(s, fewest);
    }
  }
}

function distinctOf(types: number[], key: (type: number) => number): number {
  const seen: number[] = [];
  for (let i = 0; i < types.length; i++) {
    if (seen.indexOf(key(types[i])) < 0) seen.push(key(types[i]));
  }
  return seen.length;
}

function pick(count: number, random: () => number): number {
  const i = Math.floor(random() * count);
  return i >= count ? count - 1 : i;
}

/** One proposal: its action list and its acceptance ratio (at most 1). */
function propose(skeleton: Skeleton, unseen: number[], player: number, random: () => number): { actions: Action[]; ratio: number } {
  const { steps, dealTypes } = skeleton;
  const types = dealTypes.slice();
  const openingSlot = skeleton.openingCard >= 0 ? pick(HAND_SIZE, random) : -1;
  if (openingSlot >= 0) {
    const kept = skeleton.openingKept;
    for (let i = 0; i < HAND_SIZE; i++) types[i] = i < openingSlot ? kept[i] : i === openingSlot ? skeleton.openingCard : kept[i - 1];
  }
  const deck = FULL_DECK.slice();
  let distinct = 25;
  const left = unseen.slice();
  const actions: Action[] = [];
  let ratio = 1;
  let d = 0;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    if (s.kind === 'deal') {
      if (types[d] === -1) {
        let choices = 0;
        for (let t = 0; t < 25; t++) {
          if (left[t] > 0) choices += 1;
        }
        if (choices === 0) throw noPlay(player, 'more cards are seen than the deck holds');
        let k = pick(choices, random);
        let type = 0;
        while (left[type] <= 0 || k > 0) {
          if (left[type] > 0) k -= 1;
          type += 1;
        }
        left[type] -= 1;
        types[d] = type;
        ratio *= choices / distinct;
      } else {
        ratio *= 1 / distinct / s.bound;
      }
      const type = types[d];
      if (deck[type] <= 0) throw noPlay(player, `${CARDS[type]} is dealt more often than it exists`);
      actions.push(DEAL_ACTIONS[type]);
      deck[type] -= 1;
      if (deck[type] === 0) distinct -= 1;
      d += 1;
    } else if (s.kind === 'own') {
      actions.push(s.action);
    } else {
      const hand: number[] = [];
      for (let j = 0; j < s.ownHand.length; j++) hand.push(types[s.ownHand[j]]);
      const options = revealsOf(hand, player);
      const legal = partnerLegalCount(s, options.length);
      if (s.kind === 'reveal') {
        // A reveal of a color or rank present in the player's hand, uniformly.
        actions.push(options[pick(options.length, random)]);
        ratio *= options.length / legal / s.bound;
      } else if (s.kind === 'opening') {
        actions.push(PLAY_ACTIONS[openingSlot]);
        ratio *= HAND_SIZE / legal / s.bound;
      } else {
        const j = s.slots[pick(s.slots.length, random)];
        actions.push(s.isPlay ? PLAY_ACTIONS[j] : DISCARD_ACTIONS[j]);
        ratio *= s.slots.length / legal / s.bound;
      }
    }
  }
  return { actions, ratio };
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
    if (getLegalActions(state).indexOf(actions[t]) < 0) return false;
    state = applyAction(state, actions[t]);
  }
  return false;
}

export function resampleHistory(
  history: Array<[Observation, Action | null]>,
  player: number,
  random: () => number,
): Action[] {
  if (history.length === 0) return [];
  const skeleton = skeletonOf(history, player);
  // Unseen copies of each type: the cards the hidden deals are drawn from.
  const unseen = FULL_DECK.slice();
  const opening = skeleton.openingCard >= 0 ? skeleton.openingKept.concat([skeleton.openingCard]) : [];
  for (let i = 0; i < opening.length; i++) unseen[opening[i]] -= 1;
  for (let d = 0; d < skeleton.dealTypes.length; d++) {
    if (skeleton.dealTypes[d] >= 0) unseen[skeleton.dealTypes[d]] -= 1;
  }
  for (let t = 0; t < 25; t++) {
    if (unseen[t] < 0) throw noPlay(player, `more ${CARDS[t]} cards are seen than exist`);
  }
  setBounds(skeleton, unseen);
  let actions: Action[] = [];
  for (let attempt = 0; attempt < REJECTION_ATTEMPTS; attempt++) {
    const proposal = propose(skeleton, unseen, player, random);
    actions = proposal.actions;
    if (random() < proposal.ratio) break;
  }
  if (!explains(actions, history, player)) throw noPlay(player, 'replaying the reconstructed play does not give the history');
  return actions;
}
