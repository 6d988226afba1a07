// Seeded random trajectories with what the game says at every state: the
// current player, the legal actions, the rewards and every observation. Two
// implementations of the same game (a TypeScript module and its Python
// translation) must say the same things along the same actions.

import { sampleChance } from './chance.js';
import { type Action, CHANCE, type GameCWM, TERMINAL } from './contract.js';
import { Rng } from './rng.js';

export interface RecordedState {
  player: number;
  legal: Action[];
  rewards: number[];
  observations: unknown[];
}

export interface RecordedTrajectory {
  actions: Action[];
  /** states[t] is the state before actions[t]; the last is the final state. */
  states: RecordedState[];
}

export function recordTrajectories<S, O>(game: GameCWM<S, O>, count: number, seed: number, maxLength: number): RecordedTrajectory[] {
  const trajectories: RecordedTrajectory[] = [];
  for (let i = 0; i < count; i++) {
    const rng = new Rng(seed).derive(i);
    const actions: Action[] = [];
    const states: RecordedState[] = [];
    let state = game.getInitialState();
    for (;;) {
      const player = game.getCurrentPlayer(state);
      const legal = game.getLegalActions(state);
      states.push({ player, legal, rewards: game.getRewards(state), observations: game.getObservations(state) });
      if (player === TERMINAL || actions.length >= maxLength) break;
      const action = player === CHANCE ? sampleChance(game, state, rng.randomFn) : rng.pick(legal);
      actions.push(action);
      state = game.applyAction(state, action);
    }
    trajectories.push({ actions, states });
  }
  return trajectories;
}
