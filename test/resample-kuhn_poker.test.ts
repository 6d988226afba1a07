// kuhn_poker's resampleHistory draws from the exact posterior over hidden
// worlds under a uniformly random opponent. The exact posterior is computed
// here independently by walking the whole game tree: every action sequence of
// the history's length whose observations and own actions match is weighted by
// its chance probabilities times 1/|legal actions| at each opponent step.

import { describe, expect, it } from 'vitest';
import { chanceOutcomes } from '../src/engine/chance.js';
import { type Action, CHANCE, TERMINAL } from '../src/engine/contract.js';
import { stableStringify } from '../src/engine/json.js';
import { Rng } from '../src/engine/rng.js';
import * as game from '../src/games/kuhn_poker/game.js';

type History = Array<[game.Observation, Action | null]>;

const DRAWS = 40000;
const TOLERANCE = 0.01;

function historyOf(actions: Action[], player: number): History {
  let state = game.getInitialState();
  const history: History = [];
  for (const action of actions) {
    const own = game.getCurrentPlayer(state) === player ? action : null;
    history.push([game.getObservations(state)[player], own]);
    state = game.applyAction(state, action);
  }
  history.push([game.getObservations(state)[player], null]);
  return history;
}

function exactPosterior(history: History, player: number): Map<string, number> {
  const weights = new Map<string, number>();
  const steps = history.length - 1;
  function walk(state: game.State, prefix: Action[], weight: number): void {
    const t = prefix.length;
    if (stableStringify(game.getObservations(state)[player]) !== stableStringify(history[t][0])) return;
    if (t === steps) {
      const key = prefix.join(',');
      weights.set(key, (weights.get(key) ?? 0) + weight);
      return;
    }
    const actor = game.getCurrentPlayer(state);
    if (actor === TERMINAL) return;
    if (actor === CHANCE) {
      for (const [action, p] of chanceOutcomes(game, state)) walk(game.applyAction(state, action), [...prefix, action], weight * p);
    } else if (actor === player) {
      const own = history[t][1];
      if (own !== null && game.getLegalActions(state).includes(own)) walk(game.applyAction(state, own), [...prefix, own], weight);
    } else {
      const legal = game.getLegalActions(state);
      for (const action of legal) walk(game.applyAction(state, action), [...prefix, action], weight / legal.length);
    }
  }
  walk(game.getInitialState(), [], 1);
  let total = 0;
  for (const w of weights.values()) total += w;
  for (const [key, w] of weights) weights.set(key, w / total);
  return weights;
}

function empirical(history: History, player: number, seed: number): Map<string, number> {
  const rng = new Rng(seed);
  const counts = new Map<string, number>();
  for (let i = 0; i < DRAWS; i++) {
    const key = game.resampleHistory(history, player, rng.randomFn).join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [key, c] of counts) counts.set(key, c / DRAWS);
  return counts;
}

function expectClose(actual: Map<string, number>, expected: Map<string, number>): void {
  for (const key of actual.keys()) expect(expected.has(key), `resampled world ${key} is impossible`).toBe(true);
  for (const [key, p] of expected) {
    expect(Math.abs((actual.get(key) ?? 0) - p), `world ${key}: ${actual.get(key) ?? 0} vs exact ${p}`).toBeLessThan(TOLERANCE);
  }
}

const CASES: Array<{ name: string; actions: Action[]; player: number; exact: Record<string, number> }> = [
  {
    name: 'player 0 holding K, facing a check-raise',
    actions: ['KJ', 'Call', 'Raise'], player: 0,
    exact: { 'KJ,Call,Raise': 0.5, 'KQ,Call,Raise': 0.5 },
  },
  {
    name: 'player 1 holding K, facing a raise',
    actions: ['QK', 'Raise'], player: 1,
    exact: { 'JK,Raise': 0.5, 'QK,Raise': 0.5 },
  },
  {
    name: 'player 0 holding J after player 1 folded (no card revealed)',
    actions: ['JQ', 'Call', 'Fold'], player: 0,
    exact: { 'JQ,Call,Fold': 0.5, 'JK,Call,Fold': 0.5 },
  },
  {
    name: 'player 1 (holding J) right after the deal',
    actions: ['QJ'], player: 1,
    exact: { 'QJ': 0.5, 'KJ': 0.5 },
  },
  {
    name: 'a showdown reveals both cards: a single world',
    actions: ['QK', 'Call', 'Call'], player: 0,
    exact: { 'QK,Call,Call': 1 },
  },
];

describe('kuhn_poker resampleHistory posterior', () => {
  for (const [index, c] of CASES.entries()) {
    it(`${c.name}: ${DRAWS} draws within ${TOLERANCE} of the exact posterior`, () => {
      const history = historyOf(c.actions, c.player);
      const exact = exactPosterior(history, c.player);
      // The tree walk agrees with the hand-computed posterior.
      expectClose(exact, new Map(Object.entries(c.exact)));
      expect(exact.size).toBe(Object.keys(c.exact).length);
      expectClose(empirical(history, c.player, 100 + index), exact);
    });
  }
});
