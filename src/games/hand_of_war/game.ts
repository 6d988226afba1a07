// Hand of War as a GameCWM, with the paper's golden conventions: sixteen cards
// (A, K, Q, J in four suits) dealt in one chance step as a whole deck order,
// the first eight to player 0's draw pile and the last eight to player 1's,
// each then drawing a hand of three. Each battle player 0 picks a hand card,
// then player 1 (player 0's pick is hidden from player 1 until then); the
// higher rank takes the cards at stake into its win pile and both hands are
// refilled to three. Equal ranks put both cards at stake and each player burns
// the top card of its draw pile onto them, hands not refilled. The game ends
// when a refill or a burn finds an empty draw pile; the bigger win pile wins.
// Like the golden, chance offers one deal only, the sorted deck (the golden
// never shuffles); any other order of the sixteen cards is accepted when
// applied, as the paper's scenarios do. See rules.md.
// Written in the contract's subset: pure functions over JSON state, no imports.

export type Action = string;

export interface State {
  /** hands[p]: player p's hand cards in the order drawn, e.g. ["Ac", "Ad", "Ah"]. */
  hands: string[][];
  /** draws[p]: player p's draw pile, top card first. */
  draws: string[][];
  /** wins[p]: the cards player p has won, in the order won. */
  wins: string[][];
  /** Cards at stake after equal battles: both battle cards and both burns of each, in order. */
  pot: string[];
  /** Player 0's pick in the current battle, null until made; hidden from player 1. */
  pending: string | null;
  /** Every action so far, the deal included. */
  history: Action[];
  /** Player to act (0 or 1), -1 before the deal, -4 once the game is over. */
  currentPlayer: number;
  /** The winner once the game is over (null for a draw or while it goes on). */
  winner: number | null;
}

export interface Observation {
  /** Whose view this is. */
  player: number;
  /** This player's hand in the order drawn. */
  hand: string[];
  /** Cards left in each player's draw pile. */
  drawCounts: number[];
  /** Cards in each player's win pile. */
  winCounts: number[];
  /** Cards at stake after equal battles (public). */
  pot: string[];
  /**
   * Every action so far (public: the deal and every play), except that while
   * player 1 is to pick, player 0's pick shows to player 1 as "play:?".
   */
  history: Action[];
  /** True once the game is over. */
  over: boolean;
  /** The winner once the game is over, else null. */
  winner: number | null;
}

const CHANCE = -1;
const TERMINAL = -4;
const RANKS_HIGH_FIRST = ['A', 'K', 'Q', 'J'];
const SUITS = ['s', 'h', 'd', 'c'];
const HAND_SIZE = 3;
const PILE_SIZE = 8;
const DECK_SIZE = 16;
const DEAL_PREFIX = 'deal:';
const PLAY_PREFIX = 'play:';
/** Player 0's pick as player 1 sees it while player 1 is to pick. */
const HIDDEN_PICK = 'play:?';

function buildDeck(): string[] {
  const deck: string[] = [];
  for (let r = 0; r < RANKS_HIGH_FIRST.length; r++) {
    for (let s = 0; s < SUITS.length; s++) deck.push(RANKS_HIGH_FIRST[r] + SUITS[s]);
  }
  return deck;
}

/** The sixteen cards, "As" ... "Jc". */
const DECK: string[] = buildDeck();
/** The golden's only deal: the deck in sorted string order (player 0: aces and jacks; player 1: kings and queens). */
const SORTED_DEAL: Action = DEAL_PREFIX + DECK.slice().sort().join(',');

/** A card's strength: 4 for an ace down to 1 for a jack. */
function rankValue(card: string): number {
  return 4 - RANKS_HIGH_FIRST.indexOf(card.charAt(0));
}

export function getInitialState(): State {
  return {
    hands: [[], []],
    draws: [[], []],
    wins: [[], []],
    pot: [],
    pending: null,
    history: [],
    currentPlayer: CHANCE,
    winner: null,
  };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'Player 0' : 'Player 1';
}

export function getChanceOutcomes(state: State): Array<[Action, number]> {
  if (state.currentPlayer !== CHANCE) return [];
  return [[SORTED_DEAL, 1]];
}

export function getLegalActions(state: State): Action[] {
  const player = state.currentPlayer;
  if (player === TERMINAL) return [];
  if (player === CHANCE) return [SORTED_DEAL];
  const hand = state.hands[player];
  const actions: Action[] = [];
  for (let i = 0; i < hand.length; i++) actions.push(PLAY_PREFIX + hand[i]);
  return actions;
}

/** The sixteen cards of "deal:c1,...,c16", or null unless each card appears exactly once. */
function parseDeal(action: Action): string[] | null {
  if (action.indexOf(DEAL_PREFIX) !== 0) return null;
  const cards = action.slice(DEAL_PREFIX.length).split(',');
  if (cards.length !== DECK_SIZE) return null;
  for (let i = 0; i < cards.length; i++) {
    if (DECK.indexOf(cards[i]) < 0 || cards.indexOf(cards[i]) !== i) return null;
  }
  return cards;
}

function deal(state: State, action: Action): State {
  const cards = parseDeal(action);
  if (cards === null) throw new Error(`"${action}" is not a deal; expected deal: and the sixteen cards (A, K, Q, J of s, h, d, c) in order, e.g. ${SORTED_DEAL}`);
  return {
    hands: [cards.slice(0, HAND_SIZE), cards.slice(PILE_SIZE, PILE_SIZE + HAND_SIZE)],
    draws: [cards.slice(HAND_SIZE, PILE_SIZE), cards.slice(PILE_SIZE + HAND_SIZE)],
    wins: [[], []],
    pot: [],
    pending: null,
    history: [action],
    currentPlayer: 0,
    winner: null,
  };
}

/** The game ends on an empty draw pile: the bigger win pile wins, equal piles draw. */
function depleted(next: State): State {
  const w0 = next.wins[0].length;
  const w1 = next.wins[1].length;
  next.currentPlayer = TERMINAL;
  next.winner = w0 > w1 ? 0 : w1 > w0 ? 1 : null;
  return next;
}

/** After a decided battle: refill player 0's hand to three, then player 1's, ending the game at an empty draw pile. */
function refill(next: State): State {
  const hands = [next.hands[0].slice(), next.hands[1].slice()];
  const draws = [next.draws[0].slice(), next.draws[1].slice()];
  next.hands = hands;
  next.draws = draws;
  for (let p = 0; p < 2; p++) {
    while (hands[p].length < HAND_SIZE) {
      if (draws[p].length === 0) return depleted(next);
      hands[p].push(draws[p][0]);
      draws[p].splice(0, 1);
    }
  }
  next.currentPlayer = 0;
  return next;
}

/** After equal ranks: each player burns its top draw card onto the pot, ending the game at an empty draw pile. */
function burn(next: State): State {
  const draws = [next.draws[0].slice(), next.draws[1].slice()];
  const pot = next.pot.slice();
  next.draws = draws;
  next.pot = pot;
  for (let p = 0; p < 2; p++) {
    if (draws[p].length === 0) return depleted(next);
    pot.push(draws[p][0]);
    draws[p].splice(0, 1);
  }
  // A hand emptied by equal battles cannot pick: the golden would be stuck
  // with no legal action, we end the game as an empty draw pile does.
  if (next.hands[0].length === 0 || next.hands[1].length === 0) return depleted(next);
  next.currentPlayer = 0;
  return next;
}

/** Whether one player holds all sixteen cards with nothing at stake (the capture-all win). */
function capturedAll(state: State, player: number): boolean {
  return state.pot.length === 0 && state.pending === null &&
    state.hands[player].length + state.draws[player].length + state.wins[player].length === DECK_SIZE;
}

function battle(state: State, pick1: string, history: Action[]): State {
  const pick0 = state.pending as string;
  const hands = [state.hands[0], state.hands[1].slice()];
  hands[1].splice(hands[1].indexOf(pick1), 1);
  const next: State = {
    hands, draws: state.draws, wins: state.wins, pot: state.pot, pending: null, history, currentPlayer: 0, winner: null,
  };
  const v0 = rankValue(pick0);
  const v1 = rankValue(pick1);
  if (v0 === v1) {
    next.pot = state.pot.concat([pick0, pick1]);
    return burn(next);
  }
  const taker = v0 > v1 ? 0 : 1;
  const wins = state.wins.slice();
  wins[taker] = state.wins[taker].concat(state.pot, [pick0, pick1]);
  next.wins = wins;
  next.pot = [];
  return refill(next);
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the game is over; "${action}" cannot be played`);
  if (player === CHANCE) return deal(state, action);
  const card = action.indexOf(PLAY_PREFIX) === 0 ? action.slice(PLAY_PREFIX.length) : '';
  const index = state.hands[player].indexOf(card);
  if (index < 0) throw new Error(`"${action}" is not a card in player ${player}'s hand; expected one of ${getLegalActions(state).join(', ')}`);
  const history = state.history.concat([action]);
  if (player === 1) {
    const next = battle(state, card, history);
    for (let p = 0; p < 2 && next.currentPlayer !== TERMINAL; p++) {
      if (capturedAll(next, p)) {
        next.currentPlayer = TERMINAL;
        next.winner = p;
      }
    }
    return next;
  }
  const hands = [state.hands[0].slice(), state.hands[1]];
  hands[0].splice(index, 1);
  return {
    hands, draws: state.draws, wins: state.wins, pot: state.pot, pending: card, history, currentPlayer: 1, winner: null,
  };
}

/** +1 / -1 to the winner and the loser once the game is over; 0 / 0 for a draw or while it goes on. */
export function getRewards(state: State): number[] {
  if (state.winner === null) return [0, 0];
  return state.winner === 0 ? [1, -1] : [-1, 1];
}

function observationFor(state: State, player: number): Observation {
  const history = state.history.slice();
  if (player === 1 && state.currentPlayer === 1) history[history.length - 1] = HIDDEN_PICK;
  return {
    player,
    hand: state.hands[player].slice(),
    drawCounts: [state.draws[0].length, state.draws[1].length],
    winCounts: [state.wins[0].length, state.wins[1].length],
    pot: state.pot.slice(),
    history,
    over: state.currentPlayer === TERMINAL,
    winner: state.winner,
  };
}

export function getObservations(state: State): Observation[] {
  return [observationFor(state, 0), observationFor(state, 1)];
}

// ---------------------------------------------------------------------------
// Resampling. Everything is public but one thing: while player 1 is to pick,
// which card player 0 picked. So player 0's history is its own record, and
// player 1's differs only by player 0's pick in the battle player 1 is
// answering; under a uniformly random player 0 that pick is uniform over
// player 0's hand at the time.

function sameList(a: Array<string | number>, b: Array<string | number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function sameObservation(a: Observation, b: Observation): boolean {
  return a.player === b.player && a.over === b.over && a.winner === b.winner && sameList(a.hand, b.hand) &&
    sameList(a.drawCounts, b.drawCounts) && sameList(a.winCounts, b.winCounts) && sameList(a.pot, b.pot) &&
    sameList(a.history, b.history);
}

function noPlay(player: number, why: string): Error {
  return new Error(`no play of hand_of_war explains player ${player}'s history: ${why}`);
}

/**
 * The paper's convention: `history` holds the player's own decisions
 * ([observation before acting, action]), oldest first, optionally ending with
 * [current observation, null]. Returns every action from the start, through
 * the player's last decision (or up to the current one for a null entry).
 */
export function resampleHistory(
  history: Array<[Observation, Action | null]>,
  player: number,
  random: () => number,
): Action[] {
  if (history.length === 0) return [];
  const last = history[history.length - 1];
  const actions = last[0].history.slice();
  const hidden = actions.indexOf(HIDDEN_PICK);
  if (hidden >= 0) {
    if (player !== 1 || hidden !== actions.length - 1) throw noPlay(player, 'a hidden pick outside player 1\'s turn');
    let state = getInitialState();
    for (let i = 0; i < hidden; i++) {
      if (getLegalActions(state).indexOf(actions[i]) < 0 && (i > 0 || parseDeal(actions[i]) === null)) {
        throw noPlay(player, `"${actions[i]}" cannot be played at step ${i}`);
      }
      state = applyAction(state, actions[i]);
    }
    const hand = state.hands[0];
    if (state.currentPlayer !== 0 || hand.length === 0) throw noPlay(player, 'player 0 was not to pick before the hidden pick');
    const k = Math.min(hand.length - 1, Math.floor(random() * hand.length));
    actions[hidden] = PLAY_PREFIX + hand[k];
  }
  if (last[1] !== null) actions.push(last[1]);
  // Check the drawn play against the whole history: at each of the player's
  // turns the recorded observation and action, every entry consumed.
  let state = getInitialState();
  let next = 0;
  for (let t = 0; t <= actions.length; t++) {
    if (state.currentPlayer === player) {
      if (next >= history.length) throw noPlay(player, 'the play reaches a turn the history does not record');
      const entry = history[next];
      if (!sameObservation(observationFor(state, player), entry[0])) throw noPlay(player, `the observation at its decision ${next} differs`);
      if (entry[1] === null) {
        if (t !== actions.length) throw noPlay(player, 'the current decision is not the last');
        return actions;
      }
      if (actions[t] !== entry[1]) throw noPlay(player, `its action at decision ${next} differs`);
      next += 1;
    }
    if (t === actions.length) break;
    const legal = state.currentPlayer === CHANCE ? parseDeal(actions[t]) !== null : getLegalActions(state).indexOf(actions[t]) >= 0;
    if (!legal) throw noPlay(player, `"${actions[t]}" cannot be played at step ${t}`);
    state = applyAction(state, actions[t]);
  }
  if (next !== history.length) throw noPlay(player, 'not every decision of the history is replayed');
  return actions;
}
