// Hand of War as a GameCWM: sixteen cards (four each of J, Q, K, A), eight
// face down per player as a draw pile, a hand of three. Each battle both
// players pick a hand card (player 0 first, hidden until player 1 has picked);
// the higher rank takes both cards into its win pile. Equal ranks start a
// showdown: each burns the top card of its draw pile face down and picks
// again; the winner takes everything on the table. Hands are refilled to three
// after each battle. The game ends when a draw or a burn cannot be made; the
// bigger win pile wins.
// Written in the contract's subset: pure functions over JSON state, no imports.
//
// Chance: a card's rank is drawn when the card enters a hand, uniformly from
// the cards nobody has drawn yet. That is the same distribution as shuffling
// the deck up front (every pile position a player looks at is a uniform draw
// from the cards not yet looked at), and burned cards, which nobody ever sees,
// never need a rank at all: they stay among the undrawn cards.

export type Action = string;

export interface State {
  /** hands[p][r]: how many cards of rank r (0 J, 1 Q, 2 K, 3 A) player p holds. */
  hands: number[][];
  /** Cards left in each player's draw pile. */
  piles: number[];
  /** unseen[r]: cards of rank r nobody has drawn (still in a pile, or burned face down). */
  unseen: number[];
  /** Cards in each player's win pile. */
  wins: number[];
  /** Cards at stake in the current battle or showdown: battle cards and face-down burns. */
  table: number;
  /** Player 0's pick in the current battle ("J", "Q", "K", "A"), null until made; hidden from player 1. */
  pending: string | null;
  /** Cards each player still has to draw before play resumes (player 0 draws first). */
  toDraw: number[];
  /** Every revealed battle, in order, as "<player 0's rank>-<player 1's rank>", e.g. "A-J". */
  battles: string[];
  /** Player to act (0 or 1), -1 while a card is drawn, -4 once the game is over. */
  currentPlayer: number;
  /** [0, 0] until the end, then +1 / -1 for more / fewer win-pile cards, 0 / 0 when equal. */
  rewards: number[];
}

export interface Observation {
  /** Whose view this is. */
  player: number;
  /** This player's hand, highest rank first, e.g. ["A", "K", "K"]. */
  hand: string[];
  /** How many cards the opponent holds (their ranks are hidden). */
  opponentHandSize: number;
  /** Cards left in each player's draw pile. */
  drawPiles: number[];
  /** Cards in each player's win pile. */
  winPiles: number[];
  /** Cards at stake on the table (battle cards and face-down burns). */
  table: number;
  /** This player's own pick in the current battle while it is still hidden, else null. */
  myPick: string | null;
  /** Cards each player still has to draw before play resumes. */
  toDraw: number[];
  /** Every revealed battle, in order, as "<player 0's rank>-<player 1's rank>", e.g. "A-J" (public). */
  battles: string[];
  /** Whose turn it is (0, 1, -1 at a draw, -4 at the end). */
  currentPlayer: number;
}

const CHANCE = -1;
const TERMINAL = -4;
/** Ranks from low to high. */
const RANKS = ['J', 'Q', 'K', 'A'];
const DEAL_ACTIONS: Action[] = ['deal:J', 'deal:Q', 'deal:K', 'deal:A'];
const PLAY_ACTIONS: Action[] = ['play:J', 'play:Q', 'play:K', 'play:A'];
/** BATTLES[r0][r1]: the record of a battle, player 0's rank r0 against player 1's rank r1. */
const BATTLES: string[][] = RANKS.map((r0) => RANKS.map((r1) => r0 + '-' + r1));
const HAND_SIZE = 3;
const PILE_SIZE = 8;
const DECK_SIZE = 16;

export function getInitialState(): State {
  return {
    hands: [[0, 0, 0, 0], [0, 0, 0, 0]],
    piles: [PILE_SIZE, PILE_SIZE],
    unseen: [4, 4, 4, 4],
    wins: [0, 0],
    table: 0,
    pending: null,
    toDraw: [HAND_SIZE, HAND_SIZE],
    battles: [],
    currentPlayer: CHANCE,
    rewards: [0, 0],
  };
}

/**
 * A shallow copy whose fields the caller then replaces (built as a literal:
 * much faster than object spread). Arrays are shared, never modified.
 */
function copyState(state: State): State {
  return {
    hands: state.hands,
    piles: state.piles,
    unseen: state.unseen,
    wins: state.wins,
    table: state.table,
    pending: state.pending,
    toDraw: state.toDraw,
    battles: state.battles,
    currentPlayer: state.currentPlayer,
    rewards: state.rewards,
  };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'Player 0' : 'Player 1';
}

function handSize(hand: number[]): number {
  return hand[0] + hand[1] + hand[2] + hand[3];
}

export function getChanceOutcomes(state: State): Array<[Action, number]> {
  if (state.currentPlayer !== CHANCE) return [];
  const unseen = state.unseen;
  const total = unseen[0] + unseen[1] + unseen[2] + unseen[3];
  const outcomes: Array<[Action, number]> = [];
  for (let r = 0; r < 4; r++) {
    if (unseen[r] > 0) outcomes.push([DEAL_ACTIONS[r], unseen[r] / total]);
  }
  return outcomes;
}

export function getLegalActions(state: State): Action[] {
  const player = state.currentPlayer;
  if (player === TERMINAL) return [];
  const actions: Action[] = [];
  if (player === CHANCE) {
    for (let r = 0; r < 4; r++) {
      if (state.unseen[r] > 0) actions.push(DEAL_ACTIONS[r]);
    }
    return actions;
  }
  const hand = state.hands[player];
  for (let r = 3; r >= 0; r--) {
    if (hand[r] > 0) actions.push(PLAY_ACTIONS[r]);
  }
  return actions;
}

/** The game is over: `next` (a fresh copy) becomes terminal with the win piles compared. */
function finish(next: State): State {
  const wins = next.wins;
  next.currentPlayer = TERMINAL;
  if (wins[0] > wins[1]) next.rewards = [1, -1];
  else if (wins[1] > wins[0]) next.rewards = [-1, 1];
  else next.rewards = [0, 0];
  return next;
}

function draw(state: State, action: Action): State {
  const rank = DEAL_ACTIONS.indexOf(action);
  if (rank < 0) throw new Error(`"${action}" is not a draw; expected deal:J, deal:Q, deal:K or deal:A`);
  if (state.unseen[rank] <= 0) throw new Error(`"${action}": all four ${RANKS[rank]}s have been drawn already`);
  const drawer = state.toDraw[0] > 0 ? 0 : 1;
  const hands = state.hands.slice();
  const hand = hands[drawer].slice();
  hand[rank] += 1;
  hands[drawer] = hand;
  const unseen = state.unseen.slice();
  unseen[rank] -= 1;
  const piles = state.piles.slice();
  piles[drawer] -= 1;
  const toDraw = state.toDraw.slice();
  toDraw[drawer] -= 1;
  const next = copyState(state);
  next.hands = hands;
  next.unseen = unseen;
  next.piles = piles;
  next.toDraw = toDraw;
  if (toDraw[0] === 0 && toDraw[1] === 0) next.currentPlayer = 0;
  return next;
}

/**
 * Both picks are revealed: the higher rank takes the table; equal ranks start
 * (or continue) a showdown.
 */
function resolve(state: State, hands: number[][], pick0: number, pick1: number): State {
  const battles = state.battles.slice();
  battles.push(BATTLES[pick0][pick1]);
  const next = copyState(state);
  next.hands = hands;
  next.battles = battles;
  next.pending = null;
  next.table = state.table + 1;
  if (pick0 === pick1) {
    // Showdown: each player burns the top card of the draw pile.
    if (state.piles[0] === 0 || state.piles[1] === 0) return finish(next);
    next.piles = [state.piles[0] - 1, state.piles[1] - 1];
    next.table += 2;
    // With an empty hand a player first draws one card to pick from.
    const size0 = handSize(hands[0]);
    const size1 = handSize(hands[1]);
    if (size0 === 0 || size1 === 0) {
      if (next.piles[0] === 0 || next.piles[1] === 0) return finish(next);
      next.toDraw = [size0 === 0 ? 1 : 0, size1 === 0 ? 1 : 0];
      next.currentPlayer = CHANCE;
      return next;
    }
    next.currentPlayer = 0;
    return next;
  }
  const wins = state.wins.slice();
  wins[pick0 > pick1 ? 0 : 1] += next.table;
  next.wins = wins;
  next.table = 0;
  if (wins[0] === DECK_SIZE || wins[1] === DECK_SIZE) return finish(next);
  const need0 = HAND_SIZE - handSize(hands[0]);
  const need1 = HAND_SIZE - handSize(hands[1]);
  if (state.piles[0] < need0 || state.piles[1] < need1) return finish(next);
  next.toDraw = [need0, need1];
  next.currentPlayer = CHANCE;
  return next;
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the game is over; "${action}" cannot be played`);
  if (player === CHANCE) return draw(state, action);
  const rank = PLAY_ACTIONS.indexOf(action);
  if (rank < 0) throw new Error(`"${action}" is not an action of player ${player}; expected play:<rank> with a rank in hand`);
  if (state.hands[player][rank] <= 0) throw new Error(`"${action}": player ${player} holds no ${RANKS[rank]}`);
  const hands = state.hands.slice();
  const hand = hands[player].slice();
  hand[rank] -= 1;
  hands[player] = hand;
  if (player === 0) {
    const next = copyState(state);
    next.hands = hands;
    next.table = state.table + 1;
    next.pending = RANKS[rank];
    next.currentPlayer = 1;
    return next;
  }
  const pick0 = state.pending === null ? -1 : RANKS.indexOf(state.pending);
  if (pick0 < 0) throw new Error('player 1 cannot pick before player 0');
  return resolve(state, hands, pick0, rank);
}

export function getRewards(state: State): number[] {
  return state.rewards.slice();
}

function handList(hand: number[]): string[] {
  const list: string[] = [];
  for (let r = 3; r >= 0; r--) {
    for (let k = 0; k < hand[r]; k++) list.push(RANKS[r]);
  }
  return list;
}

function observationFor(state: State, player: number): Observation {
  const battles = state.battles.slice();
  return {
    player,
    hand: handList(state.hands[player]),
    opponentHandSize: handSize(state.hands[1 - player]),
    drawPiles: state.piles.slice(),
    winPiles: state.wins.slice(),
    table: state.table,
    myPick: player === 0 ? state.pending : null,
    toDraw: state.toDraw.slice(),
    battles,
    currentPlayer: state.currentPlayer,
  };
}

export function getObservations(state: State): Observation[] {
  return [observationFor(state, 0), observationFor(state, 1)];
}

// ---------------------------------------------------------------------------
// Resampling, in the paper's convention: the history is the player's own
// decisions, [observation just before acting, action] each, possibly ending
// with [current observation, null]. Hidden from a player are the ranks the
// opponent draws and, for player 1 before it picks, player 0's pick; and,
// since only the player's own decisions are recorded, the order of its own
// draws between two decisions (its hand is sorted): any order of the ranks it
// gained is equally likely (a multiset drawn without replacement has the same
// probability in every order), so one is drawn uniformly. Which steps happen
// between two decisions follows from the public counts: the opponent's pick
// (revealed in the next battle, else still hidden), then the draws, player
// 0's first, as many as each hand grew. Given the steps, the only hidden
// quantity that matters at each step is the opponent's hand (a multiset of at
// most three ranks): the undrawn cards are then the deck minus the player's
// own draws, the opponent's revealed picks and that hand. So the exact
// posterior (chance probabilities times 1/|legal actions| at each opponent
// pick, i.e. a uniformly random opponent) is a hidden Markov model over the
// opponent's hand: a forward pass over the steps, then backward sampling of
// the opponent's draws (and of a still hidden pick), then a replay check.

/** Every possible hidden hand: rank counts (J, Q, K, A) of at most three cards. */
function buildHands(): number[][] {
  const hands: number[][] = [];
  for (let j = 0; j <= 3; j++) {
    for (let q = 0; q <= 3 - j; q++) {
      for (let k = 0; k <= 3 - j - q; k++) {
        for (let a = 0; a <= 3 - j - q - k; a++) hands.push([j, q, k, a]);
      }
    }
  }
  return hands;
}

/** HAND_COUNTS[h]: the rank counts of hand number h (35 hands). */
const HAND_COUNTS: number[][] = buildHands();
const HAND_STATES = HAND_COUNTS.length;
const HAND_SIZES: number[] = HAND_COUNTS.map((c) => c[0] + c[1] + c[2] + c[3]);
const HAND_DISTINCT: number[] = HAND_COUNTS.map((c) => (c[0] > 0 ? 1 : 0) + (c[1] > 0 ? 1 : 0) + (c[2] > 0 ? 1 : 0) + (c[3] > 0 ? 1 : 0));

/** The number of the hand with counts `counts`, or -1 if it has more than three cards. */
function handNumber(counts: number[]): number {
  for (let h = 0; h < HAND_STATES; h++) {
    const c = HAND_COUNTS[h];
    if (c[0] === counts[0] && c[1] === counts[1] && c[2] === counts[2] && c[3] === counts[3]) return h;
  }
  return -1;
}

/** CHANGED[h][r]: hand h with one more card of rank r (r 0-3) or one fewer (r + 4); -1 if impossible. */
function buildChanges(): number[][] {
  const changed: number[][] = [];
  for (let h = 0; h < HAND_STATES; h++) {
    const row: number[] = [];
    for (let r = 0; r < 8; r++) {
      const counts = HAND_COUNTS[h].slice();
      if (r < 4) counts[r] += 1;
      else counts[r - 4] -= 1;
      row.push(counts[r < 4 ? r : r - 4] < 0 ? -1 : handNumber(counts));
    }
    changed.push(row);
  }
  return changed;
}

const CHANGED: number[][] = buildChanges();

const OWN_PLAY = 0;
const OWN_DRAW = 1;
const OPP_DRAW = 2;
const OPP_PLAY = 3;
const OPP_HIDDEN_PLAY = 4;

/** Whether `player`'s observation of `state` is `obs` (observationFor, compared without building it). */
function seesAs(state: State, player: number, obs: Observation): boolean {
  if (obs.player !== player || obs.currentPlayer !== state.currentPlayer || obs.table !== state.table) return false;
  if (obs.opponentHandSize !== handSize(state.hands[1 - player])) return false;
  if (obs.myPick !== (player === 0 ? state.pending : null)) return false;
  if (obs.drawPiles[0] !== state.piles[0] || obs.drawPiles[1] !== state.piles[1]) return false;
  if (obs.winPiles[0] !== state.wins[0] || obs.winPiles[1] !== state.wins[1]) return false;
  if (obs.toDraw[0] !== state.toDraw[0] || obs.toDraw[1] !== state.toDraw[1]) return false;
  const hand = state.hands[player];
  if (obs.hand.length !== handSize(hand)) return false;
  let at = 0;
  for (let r = 3; r >= 0; r--) {
    for (let k = 0; k < hand[r]; k++) {
      if (obs.hand[at] !== RANKS[r]) return false;
      at += 1;
    }
  }
  const battles = state.battles;
  if (obs.battles.length !== battles.length) return false;
  for (let i = 0; i < battles.length; i++) {
    if (obs.battles[i] !== battles[i]) return false;
  }
  return true;
}

/** Whether `action` is legal in the non-terminal `state` (getLegalActions without the list). */
function isLegal(state: State, action: Action): boolean {
  if (state.currentPlayer === CHANCE) {
    const rank = DEAL_ACTIONS.indexOf(action);
    return rank >= 0 && state.unseen[rank] > 0;
  }
  const rank = PLAY_ACTIONS.indexOf(action);
  return rank >= 0 && state.hands[state.currentPlayer][rank] > 0;
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
      if (!seesAs(state, player, entry[0])) return false;
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

/** Rank counts (J, Q, K, A) of a hand list such as ["A", "K", "K"], or null if it holds something else. */
function rankCounts(hand: string[]): number[] | null {
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < hand.length; i++) {
    const r = RANKS.indexOf(hand[i]);
    if (r < 0) return null;
    counts[r] += 1;
  }
  return counts;
}

/** The ranks of `counts` in a uniformly random order. */
function shuffledRanks(counts: number[], random: () => number): number[] {
  const out: number[] = [];
  for (let r = 0; r < 4; r++) {
    for (let k = 0; k < counts[r]; k++) out.push(r);
  }
  for (let i = out.length - 1; i > 0; i--) {
    let j = Math.floor(random() * (i + 1));
    if (j > i) j = i;
    const x = out[i];
    out[i] = out[j];
    out[j] = x;
  }
  return out;
}

/** Draws an index from nonnegative `weights` (total `total` > 0) with `u` uniform in [0, 1). */
function pick(weights: number[], total: number, u: number): number {
  let threshold = u * total;
  let lastPositive = -1;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] > 0) {
      lastPositive = i;
      threshold -= weights[i];
      if (threshold < 0) return i;
    }
  }
  return lastPositive;
}

/**
 * Draws a full action list from the exact posterior over the opponent's
 * hidden draws (and hidden pick) given the player's history, under a
 * uniformly random opponent.
 */
export function resampleHistory(
  history: Array<[Observation, Action | null]>,
  player: number,
  random: () => number,
): Action[] {
  if (history.length === 0) return [];
  const opponent = 1 - player;
  const last = history[history.length - 1][0];
  const fail = `no play explains player ${player}'s history`;
  // The steps: their kinds, the rank each known step involves, and the own picks.
  const kinds: number[] = [];
  const ranks: number[] = [];
  const picks: Action[] = [];
  const step = (kind: number, rank: number, action: Action): void => {
    kinds.push(kind);
    ranks.push(rank);
    picks.push(action);
  };
  let opponentPicks = 0;
  const opponentPick = (): void => {
    if (opponentPicks < last.battles.length) {
      const rank = RANKS.indexOf(last.battles[opponentPicks].charAt(2 * opponent));
      if (rank < 0) throw new Error(`${fail}: unknown rank in battle ${opponentPicks}`);
      step(OPP_PLAY, rank, '');
    } else {
      step(OPP_HIDDEN_PLAY, -1, '');
    }
    opponentPicks += 1;
  };
  /** The draws of a refill, player 0's first: the player's gained ranks in a uniform order, and `opponentCount` hidden ones. */
  const draws = (gained: number[], opponentCount: number): void => {
    if (opponentCount < 0 || gained[0] < 0 || gained[1] < 0 || gained[2] < 0 || gained[3] < 0) throw new Error(`${fail}: a hand shrinks between two decisions`);
    for (let p = 0; p < 2; p++) {
      if (p === player) {
        const order = shuffledRanks(gained, random);
        for (let i = 0; i < order.length; i++) step(OWN_DRAW, order[i], '');
      } else {
        for (let i = 0; i < opponentCount; i++) step(OPP_DRAW, -1, '');
      }
    }
  };
  const firstHand = rankCounts(history[0][0].hand);
  if (firstHand === null) throw new Error(`${fail}: the hand holds an unknown rank`);
  draws(firstHand, HAND_SIZE);
  if (player === 1) opponentPick();
  for (let k = 0; k < history.length; k++) {
    const [now, own] = history[k];
    if (own === null) {
      if (k !== history.length - 1) throw new Error(`${fail}: entry ${k} has no action but is not the last`);
      break;
    }
    const played = PLAY_ACTIONS.indexOf(own);
    const before = rankCounts(now.hand);
    if (played < 0 || before === null || before[played] <= 0) throw new Error(`${fail}: own "${own}" at decision ${k} is not a rank in hand`);
    step(OWN_PLAY, -1, own);
    if (k === history.length - 1) break;
    const after = history[k + 1][0];
    const grown = rankCounts(after.hand);
    if (grown === null) throw new Error(`${fail}: the hand holds an unknown rank`);
    if (player === 0) opponentPick();
    const gained = [0, 0, 0, 0];
    for (let r = 0; r < 4; r++) gained[r] = grown[r] - before[r] + (r === played ? 1 : 0);
    // Player 1 sees player 0's hand after player 0's next pick.
    // The opponent's hand lost its pick and gained its draws (player 1 sees player 0's hand after its next pick, one less).
    draws(gained, after.opponentHandSize - now.opponentHandSize + 1);
    if (player === 1) opponentPick();
  }
  const steps = kinds.length;
  // Forward pass: alphas[t][h] = P(history up to step t, opponent hand h).
  const ownDrawn = [0, 0, 0, 0];
  const oppPlayed = [0, 0, 0, 0];
  const alphas: number[][] = [];
  let alpha: number[] = [];
  for (let i = 0; i < HAND_STATES; i++) alpha.push(0);
  alpha[handNumber([0, 0, 0, 0])] = 1;
  alphas.push(alpha);
  // A still hidden pick of the opponent comes last, or just before the player's last own pick.
  const hiddenPick = kinds.indexOf(OPP_HIDDEN_PLAY);
  if (hiddenPick >= 0 && hiddenPick < steps - 2 + (kinds[steps - 1] === OWN_PLAY ? 0 : 1)) throw new Error(`${fail}: an opponent's pick is never revealed`);
  const forwardSteps = hiddenPick >= 0 ? hiddenPick : steps;
  for (let t = 0; t < forwardSteps; t++) {
    const kind = kinds[t];
    const rank = ranks[t];
    if (kind === OWN_PLAY) {
      alphas.push(alpha);
      continue;
    }
    const next: number[] = [];
    for (let i = 0; i < HAND_STATES; i++) next.push(0);
    const knownTotal = DECK_SIZE - ownDrawn[0] - ownDrawn[1] - ownDrawn[2] - ownDrawn[3]
      - oppPlayed[0] - oppPlayed[1] - oppPlayed[2] - oppPlayed[3];
    for (let i = 0; i < HAND_STATES; i++) {
      const a = alpha[i];
      if (a === 0) continue;
      const h = HAND_COUNTS[i];
      if (kind === OPP_PLAY) {
        if (h[rank] > 0) next[CHANGED[i][rank + 4]] += a / HAND_DISTINCT[i];
        continue;
      }
      const total = knownTotal - HAND_SIZES[i];
      if (kind === OWN_DRAW) {
        const left = 4 - ownDrawn[rank] - oppPlayed[rank] - h[rank];
        if (left > 0) next[i] += (a * left) / total;
      } else {
        for (let r = 0; r < 4; r++) {
          const left = 4 - ownDrawn[r] - oppPlayed[r] - h[r];
          const grown = CHANGED[i][r];
          if (left > 0 && grown >= 0) next[grown] += (a * left) / total;
        }
      }
    }
    if (kind === OWN_DRAW) ownDrawn[rank] += 1;
    if (kind === OPP_PLAY) oppPlayed[rank] += 1;
    alpha = next;
    alphas.push(alpha);
  }
  // The final hand (and a hidden pick), then backward sampling.
  const actions: Action[] = [];
  for (let t = 0; t < steps; t++) actions.push(picks[t]);
  let hand = -1;
  if (forwardSteps < steps) {
    // weights[i * 4 + r]: hand i, then the opponent picks rank r uniformly among its ranks.
    const weights: number[] = [];
    let total = 0;
    for (let i = 0; i < HAND_STATES; i++) {
      for (let r = 0; r < 4; r++) {
        const w = alpha[i] > 0 && HAND_COUNTS[i][r] > 0 ? alpha[i] / HAND_DISTINCT[i] : 0;
        weights.push(w);
        total += w;
      }
    }
    if (!(total > 0)) throw new Error(fail);
    const chosen = pick(weights, total, random());
    hand = Math.floor(chosen / 4);
    actions[hiddenPick] = PLAY_ACTIONS[chosen - 4 * hand];
  } else {
    let total = 0;
    for (let i = 0; i < HAND_STATES; i++) total += alpha[i];
    if (!(total > 0)) throw new Error(fail);
    hand = pick(alpha, total, random());
  }
  for (let t = forwardSteps - 1; t >= 0; t--) {
    const kind = kinds[t];
    const rank = ranks[t];
    if (kind === OWN_PLAY) {
      continue;
    } else if (kind === OWN_DRAW) {
      ownDrawn[rank] -= 1;
      actions[t] = DEAL_ACTIONS[rank];
    } else if (kind === OPP_PLAY) {
      oppPlayed[rank] -= 1;
      hand = CHANGED[hand][rank];
      actions[t] = PLAY_ACTIONS[rank];
    } else {
      // The opponent drew some rank r: its hand before was hand - r.
      const before = alphas[t];
      const h = HAND_COUNTS[hand];
      const knownTotal = DECK_SIZE - ownDrawn[0] - ownDrawn[1] - ownDrawn[2] - ownDrawn[3]
        - oppPlayed[0] - oppPlayed[1] - oppPlayed[2] - oppPlayed[3];
      const weights = [0, 0, 0, 0];
      let total = 0;
      for (let r = 0; r < 4; r++) {
        if (h[r] === 0) continue;
        const prev = CHANGED[hand][r + 4];
        if (before[prev] === 0) continue;
        const left = 4 - ownDrawn[r] - oppPlayed[r] - (h[r] - 1);
        if (left <= 0) continue;
        weights[r] = (before[prev] * left) / (knownTotal - HAND_SIZES[prev]);
        total += weights[r];
      }
      if (!(total > 0)) throw new Error(fail);
      const r = pick(weights, total, random());
      hand = CHANGED[hand][r + 4];
      actions[t] = DEAL_ACTIONS[r];
    }
  }
  if (!explains(actions, history, player)) throw new Error(fail);
  return actions;
}
