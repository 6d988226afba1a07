// Options, results and shared pieces of the tree searches. Pure code with no
// host dependencies: the same source runs natively and inside the sandbox.

import { chanceOutcomes, sampleOutcome } from '../engine/chance.js';
import { type Action, CHANCE, type GameCWM, TERMINAL } from '../engine/contract.js';
import type { Rng } from '../engine/rng.js';
import type { DeterminisationStats } from './determinise.js';

export interface SearchOptions {
  /** Iterations (simulations) per move. */
  iterations: number;
  /** Wall-clock budget per move in ms; used instead of iterations when set (native only). */
  timeMs?: number;
  /** UCT exploration constant, on returns scaled to [0, 1]. */
  c: number;
  /** Random rollouts per expanded leaf, averaged. */
  rollouts: number;
  /** Stop growing the tree at this many nodes (iterations continue with rollouts). */
  maxNodes: number;
  players: number;
  /** Smallest and largest terminal return, to scale returns to [0, 1]. */
  rewardRange: [number, number];
  /** Longest possible game, to bound rollouts. */
  maxGameLength: number;
}

export const DEFAULT_SEARCH: Pick<SearchOptions, 'iterations' | 'c' | 'rollouts' | 'maxNodes'> = {
  iterations: 1000, c: Math.SQRT2, rollouts: 1, maxNodes: 1_000_000,
};

export interface ActionStats {
  action: Action;
  visits: number;
  /** Mean scaled return of the acting player after this action, in [0, 1]. */
  value: number;
}

export interface SearchResult {
  action: Action;
  stats: ActionStats[];
  iterations: number;
  treeSize: number;
  elapsedMs: number;
  simulationsPerSecond: number;
  /** ISMCTS: determinisation attempts and successes (an iteration whose determinisation failed did no search). */
  determinisations?: DeterminisationStats;
}

export class SearchError extends Error {}

/** A clock for time budgets; null inside the sandbox, which has none. */
export type Clock = (() => number) | null;

/** Plays uniformly at random (chance by its probabilities) to the end; returns the final rewards. */
export function rollout<S, O>(game: GameCWM<S, O>, state: S, rng: Rng, maxLength: number): number[] {
  let current = state;
  for (let steps = 0; ; steps++) {
    const player = game.getCurrentPlayer(current);
    if (player === TERMINAL) return game.getRewards(current);
    if (steps > maxLength) throw new SearchError(`a rollout did not end within ${maxLength} actions`);
    const action = player === CHANCE
      ? sampleOutcome(chanceOutcomes(game, current), rng.random())
      : pickRandom(game.getLegalActions(current), rng);
    current = game.applyAction(current, action);
  }
}

/** Rewards mapped from the game's reward range to [0, 1]. */
export function scaleReturns(rewards: number[], options: SearchOptions): number[] {
  const [low, high] = options.rewardRange;
  const span = high > low ? high - low : 1;
  const scaled = new Array<number>(options.players);
  for (let p = 0; p < options.players; p++) scaled[p] = (rewards[p] - low) / span;
  return scaled;
}

/** The mean of `rollouts` rollouts' scaled returns. */
export function scaledRollouts<S, O>(game: GameCWM<S, O>, state: S, rng: Rng, options: SearchOptions): number[] {
  if (options.rollouts === 1) return scaleReturns(rollout(game, state, rng, options.maxGameLength), options);
  const totals = new Array<number>(options.players).fill(0);
  for (let r = 0; r < options.rollouts; r++) {
    const returns = scaleReturns(rollout(game, state, rng, options.maxGameLength), options);
    for (let p = 0; p < options.players; p++) totals[p] += returns[p] / options.rollouts;
  }
  return totals;
}

function pickRandom(actions: Action[], rng: Rng): Action {
  if (actions.length === 0) throw new SearchError('a non-terminal state has no legal actions');
  return actions[rng.int(actions.length)];
}

/** The action with the most visits (ties: higher value, then first listed). */
export function mostVisited(stats: ActionStats[]): Action {
  let best = stats[0];
  for (const s of stats) {
    if (s.visits > best.visits || (s.visits === best.visits && s.value > best.value)) best = s;
  }
  return best.action;
}

/** Runs `iterate` until the iteration or time budget is spent; returns the count and elapsed ms. */
export function runBudget(options: SearchOptions, clock: Clock, iterate: () => void): { iterations: number; elapsedMs: number } {
  const start = clock ? clock() : 0;
  let iterations = 0;
  if (options.timeMs !== undefined) {
    if (!clock) throw new SearchError('a time budget needs a clock; inside the sandbox give an iteration budget');
    const deadline = start + options.timeMs;
    do {
      for (let i = 0; i < 16; i++) iterate();
      iterations += 16;
    } while (clock() < deadline);
  } else {
    for (; iterations < options.iterations; iterations++) iterate();
  }
  return { iterations, elapsedMs: clock ? clock() - start : 0 };
}
