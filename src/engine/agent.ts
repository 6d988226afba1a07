// Agents choose actions from what their player may know. For imperfect-
// information games the runner never hands them the state, so an agent cannot
// peek at hidden information.

import type { Action, GameCWM, ObservationActionPair } from './contract.js';
import type { Rng } from './rng.js';

export interface DecisionContext<State = unknown, Observation = unknown> {
  game: GameCWM<State, Observation>;
  player: number;
  legalActions: Action[];
  /** The full state: only in perfect-information games. */
  state?: State;
  /** This player's observation-action history, present when the agent asks for it (`usesHistory`). */
  history?: Array<ObservationActionPair<Observation>>;
  /** This player's current observation, present with `history`. */
  observation?: Observation;
  /**
   * Every action so far with who took it (chance included), present when the
   * agent asks for it (`usesTrueActions`). Hidden information: only for harness
   * agents that must mirror the game in another model (a planner over a
   * candidate CWM), never for deciding from what a player may not see.
   */
  trueActions?: { actions: Action[]; players: number[] };
}

export interface Agent<State = unknown, Observation = unknown> {
  readonly name: string;
  /** Whether the runner must build this agent's observation-action history. */
  readonly usesHistory?: boolean;
  /** Whether the runner must hand this agent the true action sequence (`trueActions`). */
  readonly usesTrueActions?: boolean;
  act(context: DecisionContext<State, Observation>): Action | Promise<Action>;
}

/** Plays uniformly at random among the legal actions, from its own seeded stream. */
export class RandomAgent implements Agent {
  readonly name = 'random';
  constructor(private readonly rng: Rng) {}

  act(context: DecisionContext): Action {
    return this.rng.pick(context.legalActions);
  }
}
