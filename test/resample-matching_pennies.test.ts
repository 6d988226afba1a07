// matching_pennies: resampleHistory draws the hidden world (the opponent's
// unrevealed coin) from the exact posterior. The posterior is computed here
// independently, by enumerating every play of the game under uniformly random
// players and keeping those that reproduce the player's history; 20,000
// seeded draws must match it within 0.01 absolute per world (the standard
// error of a frequency is at most 0.0036 at this sample size).

import { describe, expect, it } from 'vitest';
import { stableStringify } from '../src/engine/json.js';
import { Rng } from '../src/engine/rng.js';
import * as game from '../src/games/matching_pennies/game.js';

type History = Array<[game.Observation, string | null]>;

const DRAWS = 20_000;
const TOLERANCE = 0.01;

/** The history `player` records along the true play `actions`. */
function historyOf(actions: string[], player: number): History {
  const history: History = [];
  let state = game.getInitialState();
  for (let t = 0; t <= actions.length; t++) {
    const actor = game.getCurrentPlayer(state);
    history.push([game.getObservations(state)[player], t < actions.length && actor === player ? actions[t] : null]);
    if (t < actions.length) state = game.applyAction(state, actions[t]);
  }
  return history;
}

/** Exact posterior over action lists: every play of the right length, weighted by uniform play, kept if it explains the history. */
function posterior(history: History, player: number): Record<string, number> {
  const steps = history.length - 1;
  const weights: Record<string, number> = {};
  let total = 0;
  const walk = (state: game.State, actions: string[], weight: number): void => {
    const t = actions.length;
    const [observation, own] = history[t];
    if (stableStringify(game.getObservations(state)[player]) !== stableStringify(observation)) return;
    if (t === steps) {
      weights[actions.join(',')] = (weights[actions.join(',')] ?? 0) + weight;
      total += weight;
      return;
    }
    const actor = game.getCurrentPlayer(state);
    const legal = game.getLegalActions(state);
    for (const action of legal) {
      if ((actor === player) !== (own !== null)) continue;
      if (own !== null && action !== own) continue;
      walk(game.applyAction(state, action), [...actions, action], weight / legal.length);
    }
  };
  walk(game.getInitialState(), [], 1);
  for (const key of Object.keys(weights)) weights[key] /= total;
  return weights;
}

function empirical(history: History, player: number, seed: number): Record<string, number> {
  const rng = new Rng(seed);
  const counts: Record<string, number> = {};
  for (let i = 0; i < DRAWS; i++) {
    const key = game.resampleHistory(history, player, rng.randomFn).join(',');
    counts[key] = (counts[key] ?? 0) + 1;
  }
  for (const key of Object.keys(counts)) counts[key] /= DRAWS;
  return counts;
}

function expectClose(actual: Record<string, number>, expected: Record<string, number>): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const key of Object.keys(expected)) expect(Math.abs(actual[key] - expected[key])).toBeLessThanOrEqual(TOLERANCE);
}

describe('matching_pennies resampleHistory', () => {
  const cases: Array<{ name: string; actions: string[]; player: number; exact: Record<string, number> }> = [
    { name: 'player 1 to move after player 0 chose heads: player 0\'s coin is a fair guess', actions: ['H'], player: 1, exact: { H: 0.5, T: 0.5 } },
    { name: 'player 1 to move after player 0 chose tails: the same, since nothing was revealed', actions: ['T'], player: 1, exact: { H: 0.5, T: 0.5 } },
    { name: 'player 0 after its own choice: nothing is hidden', actions: ['T'], player: 0, exact: { T: 1 } },
    { name: 'player 0 at the end: both coins revealed', actions: ['H', 'T'], player: 0, exact: { 'H,T': 1 } },
    { name: 'player 1 at the end: both coins revealed', actions: ['T', 'H'], player: 1, exact: { 'T,H': 1 } },
    { name: 'the opening: the empty history', actions: [], player: 1, exact: { '': 1 } },
  ];

  it.each(cases)('$name', ({ actions, player, exact }) => {
    const history = historyOf(actions, player);
    const expected = posterior(history, player);
    for (const key of Object.keys(exact)) expect(expected[key]).toBeCloseTo(exact[key], 12);
    expect(Object.keys(expected).length).toBe(Object.keys(exact).length);
    expectClose(empirical(history, player, 7), expected);
  });

  it('player 1 cannot tell heads from tails before the reveal', () => {
    expect(stableStringify(historyOf(['H'], 1))).toBe(stableStringify(historyOf(['T'], 1)));
  });

  it('rejects a history no play of the game explains', () => {
    const history = historyOf(['H', 'T'], 0);
    history[2][0] = { choices: ['T', 'T'], currentPlayer: -4 };
    expect(() => game.resampleHistory(history, 0, Math.random)).toThrow(/no play/);
  });
});
