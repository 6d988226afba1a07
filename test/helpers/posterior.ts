// Checks a game's resampleHistory against the exact posterior over hidden
// worlds, for the test/resample-<game>.test.ts files.
//
// A per-game test file only declares data: the plays to look at, whose view
// each is, and the posterior worked out by hand. Typical use:
//
//   import * as game from '../src/games/<game>/game.js';
//   import { describeResampleHistory } from './helpers/posterior.js';
//
//   describeResampleHistory('<game> resampleHistory posterior', game, {
//     draws: 40_000, tolerance: 0.01, seed: (index) => 100 + index,
//     cases: [
//       // Player 1 sees only its own card: player 0 holds either other card.
//       { name: 'player 1 right after the deal', actions: ['QJ'], player: 1, exact: { QJ: 0.5, KJ: 0.5 } },
//     ],
//   });
//
// For every case the suite
//   1. builds `player`'s history along the true play `actions` (historyOf):
//      its own [observation, action] pairs (the paper's convention), plus
//      [observation, null] when the play ends at the player's turn (our
//      extension); worlds then end at that turn, else right after the
//      player's last own action;
//   2. computes the exact posterior independently of the game's own
//      resampleHistory, by walking the whole game tree (exactPosterior): every
//      action list that reaches the history's end with the same observations
//      and actions at the player's turns, weighted by its chance probabilities
//      times 1/|legal actions| at each opponent step (own steps are fixed by
//      the history, weight 1);
//   3. checks that walk against the hand-computed `exact` (expectHandComputed):
//      the same worlds, each probability equal to 12 decimal places (a case
//      with `treeWalk: false`, too large to walk, uses `exact` alone);
//   4. draws `draws` worlds with resampleHistory from `new Rng(seed(index))`
//      (empiricalPosterior) and checks the frequencies against the exact
//      posterior (expectWithinTolerance): no impossible world drawn, every
//      possible world drawn, each frequency strictly within `tolerance`.
//
// Two optional lists add one test each per entry (titled by its name):
//   indistinguishable: plays that give `player` the same history (nothing
//     hidden leaks into its observations);
//   unexplained: a true play's history with one entry's observation replaced
//     (entries count the player's decisions, then the trailing one), which
//     resampleHistory must reject with an error matching /no play/.
//
// A world is written as its action list joined by commas ("KJ,Call,Raise"),
// chance actions included; the empty play is "". Pick `draws` so that the
// rarest world is drawn many times and the standard error of a frequency,
// at most 0.5 / sqrt(draws), is well under `tolerance`.
//
// The building blocks are exported too, for checks the suite does not cover.

import { describe, expect, it } from 'vitest';
import { chanceOutcomes } from '../../src/engine/chance.js';
import { type Action, CHANCE, type GameCWM, type ObservationActionPair, TERMINAL } from '../../src/engine/contract.js';
import { stableStringify } from '../../src/engine/json.js';
import { Rng } from '../../src/engine/rng.js';

/** A game module with a resampleHistory, e.g. `import * as game from '../src/games/kuhn_poker/game.js'`. */
export type ResamplingGame<State, Observation> = GameCWM<State, Observation> &
  Required<Pick<GameCWM<State, Observation>, 'resampleHistory'>>;

/** One player's observation-action history (see ObservationActionPair). */
export type History<Observation> = Array<ObservationActionPair<Observation>>;

/** Probability of each world, keyed by worldKey. */
export type Posterior = Map<string, number>;

/** One play to check. */
export interface PosteriorCase {
  /** Test title; the suite appends the draw count and tolerance. */
  name: string;
  /** The true play from the initial state, chance actions included. */
  actions: Action[];
  /** Whose history is resampled. */
  player: number;
  /** The posterior worked out by hand: world key -> probability (all worlds of nonzero probability). */
  exact: Record<string, number>;
  /**
   * false where the tree walk cannot finish (e.g. four 52-card deals before
   * the first decision, which no observation prunes): the draws are then
   * checked against the hand-computed posterior alone.
   */
  treeWalk?: false;
}

/** Plays that `player` must not be able to tell apart: they give the same history. */
export interface IndistinguishableCase {
  name: string;
  player: number;
  plays: Action[][];
}

/** A history no play explains: resampleHistory must throw /no play/. */
export interface UnexplainedCase<Observation> {
  name: string;
  player: number;
  /** A true play; its history (historyOf) is then altered by `replace`. */
  actions: Action[];
  /** Entry `step` of that history gets `observation` in place of the true one. */
  replace: { step: number; observation: Observation };
}

export interface ResampleSuite<Observation> {
  cases: PosteriorCase[];
  /** resampleHistory calls per case. */
  draws: number;
  /** Largest absolute difference allowed (exclusive) between a drawn frequency and the exact probability. */
  tolerance: number;
  /** The Rng seed for the draws of case number `index` (0-based, in `cases` order). */
  seed(index: number): number;
  indistinguishable?: IndistinguishableCase[];
  unexplained?: Array<UnexplainedCase<Observation>>;
}

/** The key of a world (an action list) in a Posterior. */
export function worldKey(actions: Action[]): string {
  return actions.join(',');
}

/**
 * The history `player` has after the true play `actions`: its own
 * [observation, action] pairs, then [observation, null] if the play ends at
 * the player's turn.
 */
export function historyOf<S, O>(game: GameCWM<S, O>, actions: Action[], player: number): History<O> {
  const history: History<O> = [];
  let state = game.getInitialState();
  for (const action of actions) {
    if (game.getCurrentPlayer(state) === player) history.push([game.getObservations(state)[player], action]);
    state = game.applyAction(state, action);
  }
  if (game.getCurrentPlayer(state) === player) history.push([game.getObservations(state)[player], null]);
  return history;
}

/**
 * The exact posterior over worlds given `player`'s history, by walking the
 * game tree: chance steps weighted by their outcome probabilities, opponent
 * steps uniform over the legal actions, own steps fixed to the history's
 * actions. A world matches the observation of every entry at the player's
 * turns and ends right after the last own action, or at the player's turn
 * with the trailing [observation, null] entry's observation. Normalized.
 */
export function exactPosterior<S, O>(game: GameCWM<S, O>, history: History<O>, player: number): Posterior {
  const trailing = history.length > 0 && history[history.length - 1][1] === null;
  const decisions = trailing ? history.length - 1 : history.length;
  const weights: Posterior = new Map();
  const record = (prefix: Action[], weight: number): void => {
    const key = worldKey(prefix);
    weights.set(key, (weights.get(key) ?? 0) + weight);
  };
  const walk = (state: S, prefix: Action[], next: number, weight: number): void => {
    if (!trailing && next === decisions) {
      record(prefix, weight);
      return;
    }
    const actor = game.getCurrentPlayer(state);
    if (actor === TERMINAL) return;
    const step = (action: Action, w: number, taken: number): void => walk(game.applyAction(state, action), [...prefix, action], taken, w);
    if (actor === player) {
      const [observation, own] = history[next];
      if (stableStringify(game.getObservations(state)[player]) !== stableStringify(observation)) return;
      if (own === null) {
        record(prefix, weight);
        return;
      }
      if (game.getLegalActions(state).includes(own)) step(own, weight, next + 1);
    } else if (actor === CHANCE) {
      for (const [action, p] of chanceOutcomes(game, state)) step(action, weight * p, next);
    } else {
      const legal = game.getLegalActions(state);
      for (const action of legal) step(action, weight / legal.length, next);
    }
  };
  walk(game.getInitialState(), [], 0, 1);
  let total = 0;
  for (const w of weights.values()) total += w;
  for (const [key, w] of weights) weights.set(key, w / total);
  return weights;
}

/** The frequency of each world among `draws` resampleHistory draws seeded with `seed`. */
export function empiricalPosterior<S, O>(
  game: ResamplingGame<S, O>,
  history: History<O>,
  player: number,
  draws: number,
  seed: number,
): Posterior {
  const rng = new Rng(seed);
  const counts: Posterior = new Map();
  for (let i = 0; i < draws; i++) {
    const key = worldKey(game.resampleHistory(history, player, rng.randomFn));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [key, c] of counts) counts.set(key, c / draws);
  return counts;
}

/** Both posteriors have exactly the same worlds; `extra` explains a world of `actual` missing from `expected`. */
function expectSameWorlds(actual: Posterior, expected: Posterior, extra: (key: string) => string): void {
  for (const key of actual.keys()) expect(expected.has(key), extra(key)).toBe(true);
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
}

/** The tree walk's posterior equals the hand-computed one: the same worlds, each to 12 decimal places. */
export function expectHandComputed(computed: Posterior, exact: Record<string, number>): void {
  expectSameWorlds(computed, new Map(Object.entries(exact)), (key) => `the tree walk's world ${key} is not in the hand-computed posterior`);
  for (const [key, p] of Object.entries(exact)) expect(computed.get(key), `world ${key}`).toBeCloseTo(p, 12);
}

/** Drawn frequencies match the exact posterior: the same worlds, each within `tolerance` (exclusive). */
export function expectWithinTolerance(empirical: Posterior, exact: Posterior, tolerance: number): void {
  expectSameWorlds(empirical, exact, (key) => `resampled world ${key} is impossible`);
  for (const [key, p] of exact) {
    const drawn = empirical.get(key) ?? 0;
    expect(Math.abs(drawn - p), `world ${key}: ${drawn} vs exact ${p}`).toBeLessThan(tolerance);
  }
}

/** Steps 1-4 of the header for one case. */
export function checkPosteriorCase<S, O>(
  game: ResamplingGame<S, O>,
  c: PosteriorCase,
  options: { draws: number; tolerance: number; seed: number },
): void {
  const history = historyOf(game, c.actions, c.player);
  let exact: Posterior = new Map(Object.entries(c.exact));
  if (c.treeWalk !== false) {
    exact = exactPosterior(game, history, c.player);
    expectHandComputed(exact, c.exact);
  }
  expectWithinTolerance(empiricalPosterior(game, history, c.player, options.draws, options.seed), exact, options.tolerance);
}

/**
 * A describe block titled `title`: one test per posterior case
 * ("<name>: <draws> draws within <tolerance> of the exact posterior"), then
 * one per indistinguishable and per unexplained case (titled by their name).
 */
export function describeResampleHistory<S, O>(title: string, game: ResamplingGame<S, O>, suite: ResampleSuite<O>): void {
  describe(title, () => {
    for (const [index, c] of suite.cases.entries()) {
      it(`${c.name}: ${suite.draws} draws within ${suite.tolerance} of the exact posterior`, () => {
        checkPosteriorCase(game, c, { draws: suite.draws, tolerance: suite.tolerance, seed: suite.seed(index) });
      });
    }
    for (const c of suite.indistinguishable ?? []) {
      it(c.name, () => {
        expect(c.plays.length).toBeGreaterThanOrEqual(2);
        const [first, ...others] = c.plays.map((play) => stableStringify(historyOf(game, play, c.player)));
        for (const other of others) expect(other).toBe(first);
      });
    }
    for (const c of suite.unexplained ?? []) {
      it(c.name, () => {
        const history = historyOf(game, c.actions, c.player);
        history[c.replace.step][0] = c.replace.observation;
        expect(() => game.resampleHistory(history, c.player, Math.random)).toThrow(/no play/);
      });
    }
  });
}
