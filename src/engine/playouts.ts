// Seeded uniformly random playouts from the initial state to the end: the
// speed baseline of a GameCWM (games/s) natively and inside the sandbox. The
// Python runner's `playouts` op is the same loop with the same random
// streams, so all three play the same games.

import { sampleChance } from './chance.js';
import { CHANCE, type GameCWM, TERMINAL } from './contract.js';
import { Rng } from './rng.js';

export interface PlayoutTotals {
  games: number;
  /** Actions applied over all games, chance included. */
  steps: number;
}

export class PlayoutError extends Error {
  override name = 'PlayoutError';
}

export function randomPlayouts<S, O>(game: GameCWM<S, O>, count: number, seed: number, maxGameLength: number): PlayoutTotals {
  let steps = 0;
  for (let i = 0; i < count; i++) {
    const rng = new Rng(seed).derive(i);
    let state = game.getInitialState();
    let length = 0;
    for (;;) {
      const player = game.getCurrentPlayer(state);
      if (player === TERMINAL) break;
      if (length >= maxGameLength) throw new PlayoutError(`playout ${i} did not end within ${maxGameLength} actions`);
      const action = player === CHANCE ? sampleChance(game, state, rng.randomFn) : rng.pick(game.getLegalActions(state));
      state = game.applyAction(state, action);
      length++;
    }
    steps += length;
  }
  return { games: count, steps };
}
