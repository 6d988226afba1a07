// Chance nodes: their outcome distribution and seeded sampling from it.

import type { Action, GameCWM } from './contract.js';

/** The outcomes of a chance node with their probabilities (uniform if the game gives none). */
export function chanceOutcomes<S, O>(game: GameCWM<S, O>, state: S): Array<[Action, number]> {
  if (game.getChanceOutcomes) return game.getChanceOutcomes(state);
  const actions = game.getLegalActions(state);
  return actions.map((action) => [action, 1 / actions.length]);
}

/** Draws one outcome with `u` uniform in [0, 1). */
export function sampleOutcome(outcomes: Array<[Action, number]>, u: number): Action {
  if (outcomes.length === 0) throw new Error('a chance node has no outcomes');
  let total = 0;
  for (const [, p] of outcomes) total += p;
  let threshold = u * total;
  for (const [action, p] of outcomes) {
    threshold -= p;
    if (threshold < 0) return action;
  }
  return outcomes[outcomes.length - 1][0];
}

export function sampleChance<S, O>(game: GameCWM<S, O>, state: S, random: () => number): Action {
  return sampleOutcome(chanceOutcomes(game, state), random());
}
