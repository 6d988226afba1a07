// Pig as a GameCWM: two players race to bank 100 points with one six-sided
// die. On a turn the player rolls (a chance node decides the face) until they
// hold or roll a 1. A game also stops, drawn, after 1000 actions in all
// (chance included), as OpenSpiel's horizon does, so every game is finite.
// Written in the contract's subset: pure functions over JSON state.

export type Action = string;

export interface State {
  /** Banked points of player 0 and player 1. */
  scores: number[];
  /** Points gathered in the current turn, lost on a 1. */
  turnTotal: number;
  /** Whose turn it is (0 or 1), also while the die is rolling. */
  turnPlayer: number;
  /** Who acts now: 0 or 1, -1 while the die is rolling, -4 once the game is over. */
  currentPlayer: number;
  /** 0 or 1 once someone has banked 100 or more, else null. */
  winner: number | null;
  /** Actions taken so far, chance included. */
  actionCount: number;
}

/**
 * Nothing is hidden, but the action count is left out: it only matters at the
 * 1000-action limit, and two positions that differ only in it are the same
 * situation to the players (as in the paper's reference, which has no count).
 */
export interface Observation {
  scores: number[];
  turnTotal: number;
  turnPlayer: number;
  currentPlayer: number;
}

const CHANCE = -1;
const TERMINAL = -4;
const TARGET = 100;
const HORIZON = 1000;
const ROLL = 'roll';
const HOLD = 'hold';
const FACES: Action[] = ['1', '2', '3', '4', '5', '6'];
const ROLL_ONLY: Action[] = [ROLL];
const ROLL_OR_HOLD: Action[] = [ROLL, HOLD];

export function getInitialState(): State {
  return { scores: [0, 0], turnTotal: 0, turnPlayer: 0, currentPlayer: 0, winner: null, actionCount: 0 };
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
  if (player === CHANCE) return FACES.slice();
  return state.turnTotal > 0 ? ROLL_OR_HOLD.slice() : ROLL_ONLY.slice();
}

/** Ends the game in a draw once the action limit is reached and nobody has won. */
function withCount(next: State, count: number): State {
  if (count >= HORIZON && next.currentPlayer !== TERMINAL) {
    return { ...next, currentPlayer: TERMINAL, actionCount: count };
  }
  return { ...next, actionCount: count };
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the game is over; "${action}" cannot be played`);
  const count = state.actionCount + 1;
  if (player === CHANCE) {
    const face = FACES.indexOf(action) + 1;
    if (face < 1) throw new Error(`"${action}" is not a die face; the chance outcomes are "1" to "6"`);
    if (face === 1) {
      const next = 1 - state.turnPlayer;
      return withCount({ ...state, turnTotal: 0, turnPlayer: next, currentPlayer: next }, count);
    }
    return withCount({ ...state, turnTotal: state.turnTotal + face, currentPlayer: state.turnPlayer }, count);
  }
  if (action === ROLL) {
    return withCount({ ...state, currentPlayer: CHANCE }, count);
  }
  if (action === HOLD) {
    if (state.turnTotal <= 0) throw new Error('"hold" is illegal with a turn total of 0; roll first');
    const scores = state.scores.slice();
    scores[player] = scores[player] + state.turnTotal;
    if (scores[player] >= TARGET) {
      return { ...state, scores, turnTotal: 0, currentPlayer: TERMINAL, winner: player, actionCount: count };
    }
    const next = 1 - player;
    return withCount({ ...state, scores, turnTotal: 0, turnPlayer: next, currentPlayer: next }, count);
  }
  throw new Error(`"${action}" is not an action of player ${player}; expected "roll" or "hold"`);
}

export function getRewards(state: State): number[] {
  if (state.winner === null) return [0, 0];
  return state.winner === 0 ? [1, -1] : [-1, 1];
}

export function getObservations(state: State): Observation[] {
  const observation: Observation = {
    scores: state.scores.slice(), turnTotal: state.turnTotal, turnPlayer: state.turnPlayer, currentPlayer: state.currentPlayer,
  };
  return [observation, observation];
}
