// Negotiation (after Lewis et al.'s "Deal or No Deal") as a GameCWM: a pool of
// 2 books, 2 hats and 2 balls; chance gives each player private values of 0-3
// points per item type; the players alternate, player 0 first, proposing how
// much of the pool the proposer keeps, until one accepts the other's proposal
// (each scores its share at its own values, and the rewards are each score
// minus the mean of the two), or rejects (both score 0), or the tenth proposal
// ends the negotiation with no deal. The paper's golden implementation fixes
// these conventions (see rules.md).
// Written in the contract's subset: pure functions over JSON state, no imports.

export type Action = string;

export interface State {
  /** values[p] = player p's points per [book, hat, ball], null until chance deals them. */
  values: number[][] | null;
  /** Proposals in order; proposal k is made by player k % 2 and is [books, hats, balls] the proposer keeps. */
  proposals: number[][];
  /** "accept" or "reject" once a player's answer has ended the negotiation, else null (also when the tenth proposal ended it). */
  outcome: string | null;
  /** 0 or 1 to act, -1 before the values are dealt, -4 once the negotiation is over. */
  currentPlayer: number;
}

/**
 * What one player sees (as the paper's golden shows it): its own values, the
 * proposal on the table, who made it and how many proposals were made; at the
 * end also the opponent's values and whether a deal was made. Nothing before
 * the deal.
 */
export interface Observation {
  /** Whose view this is. */
  player: number;
  /** This player's own values per [book, hat, ball], null until dealt. */
  values: number[] | null;
  /** The latest proposal ([books, hats, balls] its proposer keeps), null before the first. */
  proposal: number[] | null;
  /** Who made the latest proposal, null before the first. */
  proposer: number | null;
  /** Proposals made so far. */
  round: number;
  /** The opponent's values, shown once the negotiation is over, else null. */
  opponentValues: number[] | null;
  /** "deal" or "no deal" once the negotiation is over, else null. */
  outcome: string | null;
}

const CHANCE = -1;
const TERMINAL = -4;
/** Items of each type in the pool. */
const POOL = 2;
/** Values run from 0 to MAX_VALUE. */
const MAX_VALUE = 3;
/** The proposal that ends the negotiation with no deal (the rules set no limit; the golden stops here). */
const MAX_PROPOSALS = 10;
const ACCEPT = 'accept';
const REJECT = 'reject';
const DIGITS = ['0', '1', '2', '3'];

/** SPLITS[k] = [books, hats, balls] for k = books * 9 + hats * 3 + balls. */
function allSplits(): number[][] {
  const splits: number[][] = [];
  for (let b = 0; b <= POOL; b++) {
    for (let h = 0; h <= POOL; h++) {
      for (let l = 0; l <= POOL; l++) splits.push([b, h, l]);
    }
  }
  return splits;
}

/** VALUE_SETS[k] = [book, hat, ball] values for k = book * 16 + hat * 4 + ball. */
function allValueSets(): number[][] {
  const sets: number[][] = [];
  for (let b = 0; b <= MAX_VALUE; b++) {
    for (let h = 0; h <= MAX_VALUE; h++) {
      for (let l = 0; l <= MAX_VALUE; l++) sets.push([b, h, l]);
    }
  }
  return sets;
}

const SPLITS: number[][] = allSplits();
const PROPOSE_ACTIONS: Action[] = SPLITS.map((s) => `propose_${s[0]}_${s[1]}_${s[2]}`);
const VALUE_SETS: number[][] = allValueSets();

function dealAction(v0: number[], v1: number[]): Action {
  return `v0_${v0[0]}_${v0[1]}_${v0[2]}_v1_${v1[0]}_${v1[1]}_${v1[2]}`;
}

/** DEAL_ACTIONS[i * 64 + j]: player 0 gets VALUE_SETS[i], player 1 VALUE_SETS[j]. */
function allDeals(): Action[] {
  const deals: Action[] = [];
  for (let i = 0; i < VALUE_SETS.length; i++) {
    for (let j = 0; j < VALUE_SETS.length; j++) deals.push(dealAction(VALUE_SETS[i], VALUE_SETS[j]));
  }
  return deals;
}

const DEAL_ACTIONS: Action[] = allDeals();
const DEAL_OUTCOMES: Array<[Action, number]> = DEAL_ACTIONS.map((a): [Action, number] => [a, 1 / DEAL_ACTIONS.length]);
/** Every split and walking away are always open; accept once a proposal is on the table. */
const OPENING_ACTIONS: Action[] = PROPOSE_ACTIONS.concat([REJECT]);
const ANSWER_ACTIONS: Action[] = PROPOSE_ACTIONS.concat([ACCEPT, REJECT]);

export function getInitialState(): State {
  return { values: null, proposals: [], outcome: null, currentPlayer: CHANCE };
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
  if (player === CHANCE) return DEAL_ACTIONS.slice();
  if (state.proposals.length === 0) return OPENING_ACTIONS.slice();
  return ANSWER_ACTIONS.slice();
}

/** Both players' values are drawn independently and uniformly: 4,096 equally likely deals. */
export function getChanceOutcomes(state: State): Array<[Action, number]> {
  if (state.currentPlayer !== CHANCE) return [];
  return DEAL_OUTCOMES.slice();
}

/** Reads "v0_A_B_C_v1_D_E_F" into [[A, B, C], [D, E, F]], or null if malformed. */
function parseDeal(action: Action): number[][] | null {
  const parts = action.split('_');
  if (parts.length !== 8 || parts[0] !== 'v0' || parts[4] !== 'v1') return null;
  const values: number[] = [];
  for (let i = 1; i < 8; i++) {
    if (i === 4) continue;
    const v = DIGITS.indexOf(parts[i]);
    if (v < 0) return null;
    values.push(v);
  }
  return [[values[0], values[1], values[2]], [values[3], values[4], values[5]]];
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the negotiation is over; "${action}" cannot be played`);
  if (player === CHANCE) {
    const values = parseDeal(action);
    if (values === null) throw new Error(`"${action}" is not a deal of values; expected v0_<b>_<h>_<l>_v1_<b>_<h>_<l> with values 0 to 3`);
    return { ...state, values, currentPlayer: 0 };
  }
  const count = state.proposals.length;
  if (action === REJECT) return { ...state, outcome: REJECT, currentPlayer: TERMINAL };
  if (action === ACCEPT) {
    if (count === 0) throw new Error(`"${action}": there is no proposal on the table yet`);
    return { ...state, outcome: ACCEPT, currentPlayer: TERMINAL };
  }
  const split = PROPOSE_ACTIONS.indexOf(action);
  if (split < 0) throw new Error(`"${action}" is not an action; expected propose_<books>_<hats>_<balls> (each 0 to 2), accept or reject`);
  const proposals = state.proposals.concat([SPLITS[split]]);
  if (proposals.length >= MAX_PROPOSALS) return { ...state, proposals, currentPlayer: TERMINAL };
  return { ...state, proposals, currentPlayer: 1 - player };
}

function worth(values: number[], items: number[]): number {
  return values[0] * items[0] + values[1] * items[1] + values[2] * items[2];
}

/**
 * After an accepted proposal, the proposer scores the items it kept and the
 * acceptor the rest, each at its own values; each reward is that score minus
 * the mean of the two scores (zero-sum). No deal scores 0 for both.
 */
export function getRewards(state: State): number[] {
  if (state.outcome !== ACCEPT || state.values === null) return [0, 0];
  const count = state.proposals.length;
  const kept = state.proposals[count - 1];
  const rest = [POOL - kept[0], POOL - kept[1], POOL - kept[2]];
  const proposer = (count - 1) - 2 * Math.floor((count - 1) / 2);
  const scores = [0, 0];
  scores[proposer] = worth(state.values[proposer], kept);
  scores[1 - proposer] = worth(state.values[1 - proposer], rest);
  const mean = (scores[0] + scores[1]) / 2;
  return [scores[0] - mean, scores[1] - mean];
}

function observationFor(state: State, player: number): Observation {
  const count = state.proposals.length;
  const over = state.currentPlayer === TERMINAL;
  return {
    player,
    values: state.values === null ? null : state.values[player].slice(),
    proposal: count === 0 ? null : state.proposals[count - 1].slice(),
    proposer: count === 0 ? null : (count - 1) % 2,
    round: count,
    opponentValues: over && state.values !== null ? state.values[1 - player].slice() : null,
    outcome: over ? (state.outcome === ACCEPT ? 'deal' : 'no deal') : null,
  };
}

export function getObservations(state: State): Observation[] {
  return [observationFor(state, 0), observationFor(state, 1)];
}

// ---------------------------------------------------------------------------
// Resampling (the paper's convention: the player's own decisions, oldest
// first, each [observation before acting, action], optionally ending with
// [current observation, null]). The only hidden thing is the opponent's
// values. No player's legal actions depend on any values, so under a
// uniformly random opponent nothing in the history bears on them: the exact
// posterior is the prior, uniform over the 64 value sets. Between two of the
// player's decisions the opponent made one proposal (anything else ends the
// game), which the next observation shows on the table.

function sameNumbers(a: number[] | null, b: number[] | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function sameObservation(a: Observation, b: Observation): boolean {
  return a.player === b.player && a.proposer === b.proposer && a.round === b.round && a.outcome === b.outcome &&
    sameNumbers(a.values, b.values) && sameNumbers(a.proposal, b.proposal) && sameNumbers(a.opponentValues, b.opponentValues);
}

function noPlay(player: number, why: string): Error {
  return new Error(`no play of negotiation explains player ${player}'s history: ${why}`);
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
    // Every well-formed deal is legal; checking that directly skips listing all 4,096.
    const legal = state.currentPlayer === CHANCE ? parseDeal(actions[t]) !== null : getLegalActions(state).indexOf(actions[t]) >= 0;
    if (!legal) throw noPlay(player, `"${actions[t]}" cannot be played at step ${t}`);
    state = applyAction(state, actions[t]);
  }
  if (next !== history.length) throw noPlay(player, 'not every decision of the history is replayed');
}

export function resampleHistory(
  history: Array<[Observation, Action | null]>,
  player: number,
  random: () => number,
): Action[] {
  if (history.length === 0) return [];
  const own = history[0][0].values;
  if (own === null) throw noPlay(player, 'its values are missing at its first decision');
  const pick = Math.min(VALUE_SETS.length - 1, Math.floor(random() * VALUE_SETS.length));
  const other = VALUE_SETS[pick];
  const actions: Action[] = [player === 0 ? dealAction(own, other) : dealAction(other, own)];
  for (let i = 0; i < history.length; i++) {
    const seen = history[i][0];
    // Player 1's every decision, and player 0's after its first, answer the opponent's proposal on the table.
    if ((player === 1 || i > 0) && seen.proposal !== null && seen.proposal.length === 3) {
      const p = seen.proposal;
      actions.push(PROPOSE_ACTIONS[p[0] * 9 + p[1] * 3 + p[2]]);
    }
    const action = history[i][1];
    if (action !== null) actions.push(action);
  }
  checkExplains(actions, history, player);
  return actions;
}
