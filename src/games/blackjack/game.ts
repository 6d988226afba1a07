// Blackjack as a GameCWM: one player (player 0) against a rule-bound dealer
// (player 1) with a single 52-card deck dealt without replacement, one card
// per chance step, as the paper's golden plays it. The player may hit, stand,
// double down (and keep playing the hand), split any pair by value (again and
// again), or surrender any two-card hand; a bust ends the round at once. The
// dealer hits below 17 and stands on 17 or more (soft 17 included), and its
// stand settles the round, even after a bust. The dealer's hole card stays hidden from the
// player until the dealer's turn. Written in the contract's subset: pure
// functions over JSON state, no imports.

export type Action = string;

export interface State {
  /**
   * Chance phases: "deal_p1", "deal_d1", "deal_p2", "deal_d2" (the initial
   * deal), "p_hit" (a card after a hit), "p_double" (the one card after a
   * double down), "p_split" (the card to the active hand after a split), "d_hit" (a card
   * to the dealer). Decisions: "play" (player 0), "dealer" (player 1). "done"
   * once the game is over.
   */
  phase: string;
  /** 0 (player), 1 (dealer), -1 at a deal, -4 once the game is over. */
  currentPlayer: number;
  /** Ids (indexes into the 52-card order Ac Ad Ah As 2c ... Ks) of the cards not dealt yet. */
  deck: number[];
  /** The player's hands: one, more after splits (in the order split off); cards as rank + suit, e.g. "Ah", "Tc". */
  hands: string[][];
  /** Stake of each hand: 1, or 2 after a double down. */
  bets: number[];
  /** Index of the hand being played (or being dealt its second card after a split). */
  active: number;
  /** The dealer's cards: the upcard, the hole card, then any hits. */
  dealer: string[];
  /** Whether the hole card has been turned over (at the start of the dealer's turn). */
  holeRevealed: boolean;
  /** The public decisions so far, in order: the player's H/S/D/R/P and the dealer's H/S. */
  moves: string[];
  /** The player's net result and the dealer's (its negative); [0, 0] until the end. */
  rewards: number[];
}

export interface Observation {
  /** Whose view this is (0 the player, 1 the dealer). */
  player: number;
  phase: string;
  currentPlayer: number;
  /** The player's hands (dealt face up). */
  hands: string[][];
  bets: number[];
  active: number;
  /** The dealer's cards; the hole card reads "??" while the player may not see it. */
  dealer: string[];
  /** The public decisions so far (player and dealer). */
  moves: string[];
}

const CHANCE = -1;
const TERMINAL = -4;
const HIDDEN = '??';
const RANKS = 'A23456789TJQK';
const SUITS = 'cdhs';
/** RANK_VALUES[i] is the count of RANKS[i], an ace counting 1 here (11 where it helps, in handValue). */
const RANK_VALUES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 10];

function buildCards(): string[] {
  const cards: string[] = [];
  for (let r = 0; r < RANKS.length; r++) {
    for (let s = 0; s < SUITS.length; s++) cards.push(RANKS.charAt(r) + SUITS.charAt(s));
  }
  return cards;
}

/** The 52 cards, rank by rank; a card's id is its index here. */
const CARDS: string[] = buildCards();
/** DEALS[id] is the chance action dealing CARDS[id]. */
const DEALS: Action[] = CARDS.map((card) => `deal:${card}`);
const FULL_DECK: number[] = CARDS.map((_card, id) => id);

const ONLY_STAND: Action[] = ['S'];
const HIT_STAND: Action[] = ['H', 'S'];
const TWO_CARDS: Action[] = ['H', 'S', 'D', 'R'];
const TWO_CARDS_PAIR: Action[] = ['H', 'S', 'D', 'R', 'P'];
const DEALER_HIT: Action[] = ['H'];
const DEALER_STAND: Action[] = ['S'];
const PLAYER_ACTIONS: Action[] = ['H', 'S', 'D', 'R', 'P'];

/** The id of the card written at `text[offset..offset + 1]` (rank, suit), or -1 if it is not a card. */
function cardIdAt(text: string, offset: number): number {
  const rank = RANKS.indexOf(text.charAt(offset));
  const suit = SUITS.indexOf(text.charAt(offset + 1));
  if (rank < 0 || suit < 0) return -1;
  return rank * SUITS.length + suit;
}

/** The id of a card such as "Ah", or -1. */
function cardId(card: string): number {
  return card.length === 2 ? cardIdAt(card, 0) : -1;
}

/** The id of the card a deal action such as "deal:Ah" deals, or -1 if it is not a deal. */
function dealId(action: string): number {
  return action.length === 7 && action.startsWith('deal:') ? cardIdAt(action, 5) : -1;
}

function cardValue(card: string): number {
  return RANK_VALUES[RANKS.indexOf(card.charAt(0))];
}

/** Best total of a hand: aces count 1, and one of them 11 when that does not exceed 21. */
function handValue(cards: string[]): number {
  let total = 0;
  let ace = false;
  for (let i = 0; i < cards.length; i++) {
    const value = cardValue(cards[i]);
    total += value;
    if (value === 1) ace = true;
  }
  if (ace && total + 10 <= 21) return total + 10;
  return total;
}

export function getInitialState(): State {
  return {
    phase: 'deal_p1', currentPlayer: CHANCE, deck: FULL_DECK.slice(), hands: [], bets: [1], active: 0,
    dealer: [], holeRevealed: false, moves: [], rewards: [0, 0],
  };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'Player' : 'Dealer';
}

function playerActions(state: State): Action[] {
  const hand = state.hands[state.active];
  if (handValue(hand) >= 21) return ONLY_STAND;
  if (hand.length !== 2) return HIT_STAND;
  // Every two-card hand, split or not, may double, surrender and (a pair by value) split again.
  return cardValue(hand[0]) === cardValue(hand[1]) ? TWO_CARDS_PAIR : TWO_CARDS;
}

export function getLegalActions(state: State): Action[] {
  const player = state.currentPlayer;
  if (player === TERMINAL) return [];
  if (player === CHANCE) return state.deck.map((id) => DEALS[id]);
  if (player === 1) return handValue(state.dealer) < 17 ? DEALER_HIT.slice() : DEALER_STAND.slice();
  return playerActions(state).slice();
}

export function getChanceOutcomes(state: State): Array<[Action, number]> {
  if (state.currentPlayer !== CHANCE) return [];
  const p = 1 / state.deck.length;
  return state.deck.map((id): [Action, number] => [DEALS[id], p]);
}

/**
 * The final state when the dealer stands: each hand settled against the
 * dealer (no hand is bust here, a bust ends the round at once), the player's
 * net and the dealer's negative. Any two-card 21 is a natural, split hands too.
 */
function settle(state: State): State {
  const dealerValue = handValue(state.dealer);
  const dealerNatural = state.dealer.length === 2 && dealerValue === 21;
  let total = 0;
  for (let i = 0; i < state.hands.length; i++) {
    const hand = state.hands[i];
    const value = handValue(hand);
    const bet = state.bets[i];
    const natural = hand.length === 2 && value === 21;
    if (natural) total += dealerNatural ? 0 : 1.5 * bet;
    else if (dealerNatural) total -= bet;
    else if (dealerValue > 21 || value > dealerValue) total += bet;
    else if (value < dealerValue) total -= bet;
  }
  return { ...state, phase: 'done', currentPlayer: TERMINAL, rewards: [total, 0 - total] };
}

/** The player ends the round: its reward `player`, the dealer's the negative. */
function endRound(state: State, player: number): State {
  return { ...state, phase: 'done', currentPlayer: TERMINAL, rewards: [player, 0 - player] };
}

/** The active hand stands: the next hand (as it is, one card after a split) is played, or the dealer plays. */
function finishHand(state: State): State {
  if (state.active + 1 < state.hands.length) return { ...state, active: state.active + 1, phase: 'play', currentPlayer: 0 };
  return { ...state, phase: 'dealer', currentPlayer: 1, holeRevealed: true };
}

function addToActive(state: State, card: string): string[][] {
  const hands = state.hands.slice();
  const hand = hands[state.active].slice();
  hand.push(card);
  hands[state.active] = hand;
  return hands;
}

function deal(state: State, action: Action): State {
  const id = dealId(action);
  if (id < 0) throw new Error(`"${action}" is not a deal; expected deal:<rank><suit>, rank A 2-9 T J Q K, suit c d h s (e.g. deal:Ah)`);
  const position = state.deck.indexOf(id);
  if (position < 0) throw new Error(`"${action}": that card has already been dealt`);
  const deck: number[] = [];
  for (let i = 0; i < state.deck.length; i++) {
    if (i !== position) deck.push(state.deck[i]);
  }
  const card = CARDS[id];
  const phase = state.phase;
  if (phase === 'deal_p1') return { ...state, deck, hands: [[card]], phase: 'deal_d1' };
  if (phase === 'deal_d1') return { ...state, deck, dealer: [card], phase: 'deal_p2' };
  if (phase === 'deal_p2') return { ...state, deck, hands: [[state.hands[0][0], card]], phase: 'deal_d2' };
  if (phase === 'deal_d2') return { ...state, deck, dealer: [state.dealer[0], card], phase: 'play', currentPlayer: 0 };
  if (phase === 'd_hit') {
    const dealer = state.dealer.slice();
    dealer.push(card);
    // Even a bust hands the turn back: the dealer's S then settles the round.
    return { ...state, deck, dealer, phase: 'dealer', currentPlayer: 1 };
  }
  const hands = addToActive(state, card);
  const next = { ...state, deck, hands };
  // A bust ends the whole round at once, losing that hand's bet (other split hands are not played).
  if (handValue(hands[state.active]) > 21) return endRound(next, 0 - state.bets[state.active]);
  return { ...next, phase: 'play', currentPlayer: 0 };
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the game is over; "${action}" cannot be played`);
  if (player === CHANCE) return deal(state, action);
  const legal = getLegalActions(state);
  if (!legal.includes(action)) {
    if (player === 1) throw new Error(`"${action}" is not legal for the dealer: with ${handValue(state.dealer)} the dealer must ${legal[0] === 'H' ? 'hit (H)' : 'stand (S)'}`);
    if (!PLAYER_ACTIONS.includes(action)) throw new Error(`"${action}" is not an action; expected H, S, D, R or P`);
    throw new Error(`"${action}" is not legal now; legal: ${legal.join(', ')}`);
  }
  const moves = state.moves.slice();
  moves.push(action);
  if (player === 1) {
    if (action === 'H') return { ...state, moves, phase: 'd_hit', currentPlayer: CHANCE };
    return settle({ ...state, moves });
  }
  if (action === 'H') return { ...state, moves, phase: 'p_hit', currentPlayer: CHANCE };
  if (action === 'S') return finishHand({ ...state, moves });
  if (action === 'D') {
    const bets = state.bets.slice();
    bets[state.active] = 2 * bets[state.active];
    // The doubled hand takes a card and, if not bust, goes on being played.
    return { ...state, moves, bets, phase: 'p_double', currentPlayer: CHANCE };
  }
  // R ends the round for half the first hand's stake, whichever hand surrenders.
  if (action === 'R') return endRound({ ...state, moves }, -0.5 * state.bets[0]);
  // P: the pair's second card starts a new hand at the end (it stays at one card until
  // played); the active hand is dealt its second card now.
  const hand = state.hands[state.active];
  const hands = state.hands.slice();
  hands[state.active] = [hand[0]];
  hands.push([hand[1]]);
  const bets = state.bets.slice();
  bets.push(state.bets[state.active]);
  return { ...state, moves, hands, bets, phase: 'p_split', currentPlayer: CHANCE };
}

export function getRewards(state: State): number[] {
  return state.rewards.slice();
}

function copyHands(hands: string[][]): string[][] {
  return hands.map((hand) => hand.slice());
}

function observationFor(state: State, player: number): Observation {
  const hideHole = player === 0 && !state.holeRevealed && state.dealer.length > 1;
  return {
    player,
    phase: state.phase,
    currentPlayer: state.currentPlayer,
    hands: copyHands(state.hands),
    bets: state.bets.slice(),
    active: state.active,
    dealer: hideHole ? [state.dealer[0], HIDDEN] : state.dealer.slice(),
    moves: state.moves.slice(),
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

/** Whether the state shows `player` exactly the observation `obs`. */
function shows(state: State, player: number, obs: Observation): boolean {
  if (obs.player !== player || obs.phase !== state.phase || obs.currentPlayer !== state.currentPlayer) return false;
  if (obs.active !== state.active || obs.hands.length !== state.hands.length || obs.bets.length !== state.bets.length) return false;
  for (let i = 0; i < state.hands.length; i++) {
    if (!sameStrings(obs.hands[i], state.hands[i]) || obs.bets[i] !== state.bets[i]) return false;
  }
  if (!sameStrings(obs.moves, state.moves) || obs.dealer.length !== state.dealer.length) return false;
  const hideHole = player === 0 && !state.holeRevealed;
  for (let i = 0; i < state.dealer.length; i++) {
    const expected = hideHole && i === 1 ? HIDDEN : state.dealer[i];
    if (obs.dealer[i] !== expected) return false;
  }
  return true;
}

/** Whether `action` is legal in the non-terminal `state` (getLegalActions without building the deal list). */
function isLegal(state: State, action: Action): boolean {
  const player = state.currentPlayer;
  if (player === CHANCE) {
    const id = dealId(action);
    return id >= 0 && state.deck.indexOf(id) >= 0;
  }
  if (player === 1) return action === (handValue(state.dealer) < 17 ? 'H' : 'S');
  return playerActions(state).includes(action);
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
      if (!shows(state, player, entry[0])) return false;
      if (entry[1] === null) return next === history.length - 1 && t === actions.length;
      if (t === actions.length || actions[t] !== entry[1]) return false;
      next += 1;
    }
    if (t === actions.length) return next === history.length;
    if (actor === TERMINAL || !isLegal(state, actions[t])) return false;
    state = applyAction(state, actions[t]);
  }
  return false;
}

/**
 * The cards dealt to the player's hands, in the order they were dealt, read
 * off the player's view `target`: its public moves are replayed on the hands'
 * shape alone (a hit or a double adds a card to the active hand; a split
 * moves the active hand's second card to a new hand at the end and deals the
 * active hand a new second card; a stand moves on to the next hand), and each
 * card is then found where that shape puts it. Null if the view's hands do
 * not have that shape.
 */
function playerDeals(target: Observation): string[] | null {
  // hands[h][i]: the number of the deal that put the card there (0 and 1: the first two cards).
  const hands: number[][] = [[0, 1]];
  let deals = 2;
  let active = 0;
  for (let m = 0; m < target.moves.length && active < hands.length; m++) {
    const move = target.moves[m];
    if (move === 'H' || move === 'D') {
      hands[active] = hands[active].concat([deals]);
      deals += 1;
    } else if (move === 'P') {
      if (hands[active].length !== 2) return null;
      hands.push([hands[active][1]]);
      hands[active] = [hands[active][0], deals];
      deals += 1;
    } else if (move === 'S') {
      active += 1;
    } else {
      break;
    }
  }
  if (target.hands.length === 0) return [];
  if (hands.length !== target.hands.length) return null;
  const cards: string[] = [];
  for (let k = 0; k < deals; k++) cards.push('');
  for (let h = 0; h < hands.length; h++) {
    if (hands[h].length !== target.hands[h].length) return null;
    for (let i = 0; i < hands[h].length; i++) cards[hands[h][i]] = target.hands[h][i];
  }
  return cards;
}

/**
 * Draws a history consistent with the player's view, from the exact posterior.
 * Every card but the dealer's hole card is dealt face up, and every decision
 * is public, so the play can be replayed forward from the last entry of the
 * history (the player's own decisions in the paper's convention, or ending
 * with [current observation, null]): each deal's card from where the view
 * shows it, each own decision from the history, each of the other side's from
 * the public move list. The dealer sees everything, so its history has a
 * single explanation. The player misses only the hole card until the
 * dealer's turn reveals it; every deal order has the same probability (one
 * over the remaining deck at each draw) and nothing the player sees before
 * the reveal depends on the hole card, so the posterior is uniform over the
 * cards the player has not seen. The candidate is then replayed against the
 * whole history.
 */
export function resampleHistory(
  history: Array<[Observation, Action | null]>,
  player: number,
  random: () => number,
): Action[] {
  if (history.length === 0) return [];
  const target = history[history.length - 1][0];
  const fail = `no play explains player ${player}'s history`;
  const seen: boolean[] = CARDS.map(() => false);
  for (let h = 0; h < target.hands.length; h++) {
    for (let i = 0; i < target.hands[h].length; i++) {
      const id = cardId(target.hands[h][i]);
      if (id >= 0) seen[id] = true;
    }
  }
  for (let i = 0; i < target.dealer.length; i++) {
    const id = cardId(target.dealer[i]);
    if (id >= 0) seen[id] = true;
  }
  const playerCards = playerDeals(target);
  if (playerCards === null) throw new Error(`${fail}: the hands do not match the moves`);
  let playerDealt = 0;
  const actions: Action[] = [];
  let state = getInitialState();
  let next = 0;
  for (let step = 0; step < 200; step++) {
    const actor = state.currentPlayer;
    let action: Action | null = null;
    if (actor === player) {
      if (next >= history.length) throw new Error(`${fail}: the play reaches a decision the history does not have`);
      action = history[next][1];
      next += 1;
      if (action === null) break;
    } else if (actor === CHANCE) {
      const phase = state.phase;
      let card: string | null = null;
      if (phase === 'deal_d1' || phase === 'deal_d2' || phase === 'd_hit') {
        if (state.dealer.length < target.dealer.length) card = target.dealer[state.dealer.length];
      } else if (playerDealt < playerCards.length) {
        card = playerCards[playerDealt];
        playerDealt += 1;
      }
      if (card === null) throw new Error(`${fail}: no card is seen for the deal at step ${step}`);
      let id = cardId(card);
      if (card === HIDDEN) {
        const unseen: number[] = [];
        for (let c = 0; c < CARDS.length; c++) {
          if (!seen[c]) unseen.push(c);
        }
        if (unseen.length === 0) throw new Error(`${fail}: no card is left for the hole`);
        id = unseen[Math.min(unseen.length - 1, Math.floor(random() * unseen.length))];
      }
      if (id < 0) throw new Error(`${fail}: "${card}" is not a card`);
      action = DEALS[id];
    } else if (actor === 1 - player && state.moves.length < target.moves.length) {
      action = target.moves[state.moves.length];
    } else {
      throw new Error(`${fail}: nobody can act at step ${step}`);
    }
    if (!isLegal(state, action)) throw new Error(`${fail}: "${action}" is not legal at step ${step}`);
    actions.push(action);
    state = applyAction(state, action);
    if (next === history.length && history[next - 1][1] !== null) break;
  }
  if (!explains(actions, history, player)) throw new Error(fail);
  return actions;
}
