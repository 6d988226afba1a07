// Goofspiel (the Game of Pure Strategy) as a GameCWM: two players each hold
// the cards 1..13, a shuffled prize deck of 1..13 is turned up one card per
// round, both players bid a card for it (player 0 first, face down, then
// player 1; both bids are then revealed), the higher bid takes the prize and
// equal bids discard it. After 13 rounds the larger prize total wins.
// Written in the contract's subset: pure functions over JSON state, no imports.

export type Action = string;

export interface State {
  /** Prize cards turned up so far, in order; while a round is open its prize is the last one. */
  prizes: number[];
  /** Bids of the finished rounds: bids[r] = [player 0's card, player 1's card]. */
  bids: number[][];
  /** Player 0's face-down bid in the open round, null if player 0 has not bid yet. */
  pending: number | null;
  /** hands[p]: the cards player p still holds, ascending. */
  hands: number[][];
  /** Prize points won so far by each player. */
  points: number[];
  /** 0 or 1 to bid, -1 when the next prize is turned up, -4 once the game is over. */
  currentPlayer: number;
}

/** What one player sees: everything except the opponent's face-down bid. */
export interface Observation {
  /** Whose view this is. */
  player: number;
  /** Prize cards turned up so far (public). */
  prizes: number[];
  /** Revealed bids of the finished rounds (public). */
  bids: number[][];
  /** This player's own face-down bid in the open round (only player 0 ever has one), else null. */
  ownBid: number | null;
  /** The cards this player still holds (its face-down bid excluded). */
  hand: number[];
  /** Prize points won so far (public). Not whose turn it is: player 1 cannot tell whether player 0 has bid (the paper's golden). */
  points: number[];
}

const CHANCE = -1;
const TERMINAL = -4;
const CARDS = 13;
const FULL_HAND = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
/** BID_ACTIONS[c - 1] and PRIZE_ACTIONS[c - 1] name card c. */
const BID_ACTIONS: Action[] = FULL_HAND.map((card) => `bid:${card}`);
const PRIZE_ACTIONS: Action[] = FULL_HAND.map((card) => `prize:${card}`);

export function getInitialState(): State {
  return {
    prizes: [],
    bids: [],
    pending: null,
    hands: [FULL_HAND.slice(), FULL_HAND.slice()],
    points: [0, 0],
    currentPlayer: CHANCE,
  };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'Player 0' : 'Player 1';
}

export function getLegalActions(state: State): Action[] {
  const player = state.currentPlayer;
  if (player === TERMINAL) return [];
  const actions: Action[] = [];
  if (player === CHANCE) {
    for (let card = 1; card <= CARDS; card++) {
      if (!state.prizes.includes(card)) actions.push(PRIZE_ACTIONS[card - 1]);
    }
    return actions;
  }
  const hand = state.hands[player];
  for (let i = 0; i < hand.length; i++) actions.push(BID_ACTIONS[hand[i] - 1]);
  return actions;
}

/** The next prize is drawn uniformly from the prize cards not yet turned up. */
export function getChanceOutcomes(state: State): Array<[Action, number]> {
  if (state.currentPlayer !== CHANCE) return [];
  const p = 1 / (CARDS - state.prizes.length);
  const outcomes: Array<[Action, number]> = [];
  for (let card = 1; card <= CARDS; card++) {
    if (!state.prizes.includes(card)) outcomes.push([PRIZE_ACTIONS[card - 1], p]);
  }
  return outcomes;
}

function withoutCard(hand: number[], card: number): number[] {
  const rest: number[] = [];
  for (let i = 0; i < hand.length; i++) {
    if (hand[i] !== card) rest.push(hand[i]);
  }
  return rest;
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the game is over; "${action}" cannot be played`);
  if (player === CHANCE) {
    const prize = PRIZE_ACTIONS.indexOf(action) + 1;
    if (prize === 0) throw new Error(`"${action}" is not a prize card; expected prize:1 .. prize:13`);
    if (state.prizes.includes(prize)) throw new Error(`"${action}": prize card ${prize} was already turned up`);
    return { ...state, prizes: state.prizes.concat([prize]), currentPlayer: 0 };
  }
  const card = BID_ACTIONS.indexOf(action) + 1;
  if (card === 0) throw new Error(`"${action}" is not a bid; expected bid:<card> with a card from 1 to 13`);
  if (!state.hands[player].includes(card)) throw new Error(`"${action}": player ${player} no longer holds card ${card}`);
  const hands = state.hands.slice();
  hands[player] = withoutCard(state.hands[player], card);
  if (player === 0) return { ...state, hands, pending: card, currentPlayer: 1 };
  const bid0 = state.pending === null ? 0 : state.pending;
  const prize = state.prizes[state.prizes.length - 1];
  let points = state.points;
  if (bid0 > card) points = [points[0] + prize, points[1]];
  else if (card > bid0) points = [points[0], points[1] + prize];
  const bids = state.bids.concat([[bid0, card]]);
  return {
    prizes: state.prizes,
    bids,
    pending: null,
    hands,
    points,
    currentPlayer: bids.length === CARDS ? TERMINAL : CHANCE,
  };
}

/** +1 to the larger prize total, -1 to the smaller, 0 each on equal totals; 0 until the end. */
/** +1 / -1 to whoever leads on points, 0 each on a tie: the final result at the end, the standing before (the paper's golden). */
export function getRewards(state: State): number[] {
  if (state.points[0] > state.points[1]) return [1, -1];
  if (state.points[1] > state.points[0]) return [-1, 1];
  return [0, 0];
}

function observationFor(state: State, player: number): Observation {
  return {
    player,
    prizes: state.prizes,
    bids: state.bids,
    ownBid: player === 0 ? state.pending : null,
    hand: state.hands[player],
    points: state.points,
  };
}

export function getObservations(state: State): Observation[] {
  return [observationFor(state, 0), observationFor(state, 1)];
}

function sameNumbers(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function sameObservation(a: Observation, b: Observation): boolean {
  if (a.player !== b.player || a.ownBid !== b.ownBid) return false;
  if (!sameNumbers(a.prizes, b.prizes) || !sameNumbers(a.hand, b.hand) || !sameNumbers(a.points, b.points)) return false;
  if (a.bids.length !== b.bids.length) return false;
  for (let r = 0; r < a.bids.length; r++) {
    if (!sameNumbers(a.bids[r], b.bids[r])) return false;
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
 * Prizes and finished rounds' bids are public, so the only hidden thing a
 * player can face is player 0's face-down bid in the open round, seen by
 * player 1 on its turn. Every card player 0 still holds explains that view
 * equally well, and a uniformly random player 0 picks each with the same
 * probability (its hand is public), so the exact posterior is uniform over
 * player 0's remaining cards. The rest of the play is read off the last entry
 * of the history (the player's own decisions in the paper's convention, or
 * [current observation, null]), and the result is replayed against the whole
 * history.
 */
export function resampleHistory(
  history: Array<[Observation, Action | null]>,
  player: number,
  random: () => number,
): Action[] {
  if (history.length === 0) return [];
  const last = history[history.length - 1][0];
  const own = history[history.length - 1][1];
  const actions: Action[] = [];
  for (let r = 0; r < last.bids.length; r++) {
    actions.push(PRIZE_ACTIONS[last.prizes[r] - 1]);
    actions.push(BID_ACTIONS[last.bids[r][0] - 1]);
    actions.push(BID_ACTIONS[last.bids[r][1] - 1]);
  }
  if (last.prizes.length > last.bids.length) {
    actions.push(PRIZE_ACTIONS[last.prizes[last.prizes.length - 1] - 1]);
    if (player === 1) {
      // Player 1 decides after player 0's hidden bid. Player 0's hand: every card not among its revealed bids.
      const open: number[] = [];
      for (let card = 1; card <= CARDS; card++) {
        let played = false;
        for (let r = 0; r < last.bids.length; r++) {
          if (last.bids[r][0] === card) played = true;
        }
        if (!played) open.push(card);
      }
      if (open.length === 0) throw new Error('no play explains player 1\'s history: player 0 has no card left to bid');
      const pick = Math.min(open.length - 1, Math.floor(random() * open.length));
      actions.push(BID_ACTIONS[open[pick] - 1]);
    }
  }
  if (own !== null) actions.push(own);
  if (!explains(actions, history, player)) {
    throw new Error(`no play of goofspiel explains player ${player}'s history of ${history.length} decisions`);
  }
  return actions;
}
