// Liar's dice as a GameCWM: one round for two players with three six-sided
// dice each (the paper's golden). Chance rolls player 0's three dice, then
// player 1's, one die per step. Player 0 opens the bidding; each bid
// "bid:<quantity>:<face>" claims at least that many dice of that face among
// all six, ones counting as every other face (a bid on ones counts only
// ones). Bids must rise (higher quantity, or the same quantity with a higher
// face) until a player calls "liar": the loser of the challenge (the bidder if
// the bid was false, else the challenger) gets -1 and the winner +1. Written
// in the contract's subset: pure functions over JSON state, no imports.

export type Action = string;

export interface State {
  /** Dice [player 0's, player 1's], each face 1..6, in the order rolled. */
  dice: number[][];
  /** The public actions after the roll: bids in order, then "liar" if called. */
  bids: string[];
  /** Index of the standing bid ((quantity - 1) * 6 + face - 1), -1 before the first bid. */
  lastBid: number;
  /** Who made the standing bid, -1 before the first bid. */
  bidder: number;
  /** Player to act (0 or 1), -1 while rolling, -4 once a challenge is resolved. */
  currentPlayer: number;
  /** Payoffs: 0 for both until the end, then +1 for the winner of the challenge and -1 for the loser. */
  rewards: number[];
}

export interface Observation {
  /** Whose view this is. */
  player: number;
  /** This player's dice, in the order rolled. */
  ownDice: number[];
  /** How many dice each player has rolled so far (each cup holds 3). The opponent's dice are never shown. */
  rolled: number[];
  /** The public bidding: bids in order, then "liar" once called. */
  bids: string[];
  /** Whose turn it is (0, 1, -1 while rolling, -4 at the end). */
  currentPlayer: number;
}

const CHANCE = -1;
const TERMINAL = -4;
const DICE_PER_PLAYER = 3;
const FACES = 6;
const TOTAL_DICE = 2 * DICE_PER_PLAYER;
const LIAR = 'liar';
const ROLLS: Action[] = ['roll:1', 'roll:2', 'roll:3', 'roll:4', 'roll:5', 'roll:6'];
const ROLL_PROBABILITY = 1 / FACES;

function buildBids(): Action[] {
  const bids: Action[] = [];
  for (let quantity = 1; quantity <= TOTAL_DICE; quantity++) {
    for (let face = 1; face <= FACES; face++) bids.push(`bid:${quantity}:${face}`);
  }
  return bids;
}

/** BIDS[(quantity - 1) * 6 + face - 1] is "bid:<quantity>:<face>", in rising order. */
const BIDS: Action[] = buildBids();

function buildLegalAfter(): Action[][] {
  const lists: Action[][] = [];
  for (let last = -1; last < BIDS.length; last++) {
    const legal: Action[] = last >= 0 ? [LIAR] : [];
    for (let i = last + 1; i < BIDS.length; i++) legal.push(BIDS[i]);
    lists.push(legal);
  }
  return lists;
}

/** LEGAL_AFTER[lastBid + 1]: the legal actions when the standing bid is lastBid. */
const LEGAL_AFTER: Action[][] = buildLegalAfter();

export function getInitialState(): State {
  return { dice: [[], []], bids: [], lastBid: -1, bidder: -1, currentPlayer: CHANCE, rewards: [0, 0] };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'Player 0' : 'Player 1';
}

export function getLegalActions(state: State): Action[] {
  if (state.currentPlayer === TERMINAL) return [];
  if (state.currentPlayer === CHANCE) return ROLLS.slice();
  return LEGAL_AFTER[state.lastBid + 1].slice();
}

export function getChanceOutcomes(state: State): Array<[Action, number]> {
  if (state.currentPlayer !== CHANCE) return [];
  return ROLLS.map((roll): [Action, number] => [roll, ROLL_PROBABILITY]);
}

/** The quantity and face of bid index `bid`. */
function bidQuantity(bid: number): number {
  return Math.floor(bid / FACES) + 1;
}

function bidFace(bid: number): number {
  return bid - Math.floor(bid / FACES) * FACES + 1;
}

/** Dice among all six that count for `face`: that face, plus ones unless the face is 1. */
function countFor(dice: number[][], face: number): number {
  let count = 0;
  for (let p = 0; p < 2; p++) {
    const cup = dice[p];
    for (let i = 0; i < cup.length; i++) {
      if (cup[i] === face || (face !== 1 && cup[i] === 1)) count++;
    }
  }
  return count;
}

function roll(state: State, action: Action): State {
  const face = ROLLS.indexOf(action) + 1;
  if (face === 0) throw new Error(`"${action}" is not a die roll; expected roll:1 .. roll:6`);
  const owner = state.dice[0].length < DICE_PER_PLAYER ? 0 : 1;
  const cup = state.dice[owner].slice();
  cup.push(face);
  const dice = owner === 0 ? [cup, state.dice[1]] : [state.dice[0], cup];
  const done = owner === 1 && cup.length === DICE_PER_PLAYER;
  return { ...state, dice, currentPlayer: done ? 0 : CHANCE };
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the round is over; "${action}" cannot be played`);
  if (player === CHANCE) return roll(state, action);
  const bids = state.bids.slice();
  bids.push(action);
  if (action === LIAR) {
    if (state.lastBid < 0) throw new Error('"liar" needs a bid to challenge; the opening player must bid');
    const holds = countFor(state.dice, bidFace(state.lastBid)) >= bidQuantity(state.lastBid);
    const loser = holds ? player : state.bidder;
    const rewards = loser === 0 ? [-1, 1] : [1, -1];
    return { ...state, bids, currentPlayer: TERMINAL, rewards };
  }
  const bid = BIDS.indexOf(action);
  if (bid < 0) throw new Error(`"${action}" is not an action; expected "bid:<quantity>:<face>" (quantity 1..${TOTAL_DICE}, face 1..6) or "liar"`);
  if (bid <= state.lastBid) {
    throw new Error(`"${action}" does not raise the standing bid "${BIDS[state.lastBid]}": raise the quantity, or keep it and raise the face`);
  }
  return { ...state, bids, lastBid: bid, bidder: player, currentPlayer: 1 - player };
}

export function getRewards(state: State): number[] {
  return state.rewards.slice();
}

function observationFor(state: State, player: number): Observation {
  return {
    player,
    ownDice: state.dice[player].slice(),
    rolled: [state.dice[0].length, state.dice[1].length],
    bids: state.bids.slice(),
    currentPlayer: state.currentPlayer,
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
  if (a.player !== b.player || a.currentPlayer !== b.currentPlayer || a.bids.length !== b.bids.length) return false;
  for (let i = 0; i < a.bids.length; i++) {
    if (a.bids[i] !== b.bids[i]) return false;
  }
  return sameNumbers(a.ownDice, b.ownDice) && sameNumbers(a.rolled, b.rolled);
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
 * under a uniformly random opponent. The bidding is public and the legal
 * actions depend only on it, never on the dice, so the only hidden facts are
 * the opponent's dice, and the player's observations say nothing about them
 * (not even at the end). Every die is an
 * independent fair roll, so each of the opponent's dice is drawn uniformly
 * from 1..6; the player's own dice and the bids come from the last entry of
 * the history (the player's own decisions in the paper's convention, or
 * [current observation, null]). The candidate is then replayed against the
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
  const opponentDice: number[] = [];
  for (let i = 0; i < last.rolled[1 - player]; i++) opponentDice.push(Math.min(FACES - 1, Math.floor(random() * FACES)) + 1);
  const cups = player === 0 ? [last.ownDice, opponentDice] : [opponentDice, last.ownDice];
  const actions: Action[] = [];
  for (let p = 0; p < 2; p++) {
    for (let i = 0; i < cups[p].length; i++) actions.push(ROLLS[cups[p][i] - 1]);
  }
  for (let i = 0; i < last.bids.length; i++) actions.push(last.bids[i]);
  if (own !== null) actions.push(own);
  if (!explains(actions, history, player)) throw new Error(`no play explains player ${player}'s history`);
  return actions;
}
