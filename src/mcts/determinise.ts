// How ISMCTS turns a player's history into a concrete state at a decision the
// player has not taken yet (DESIGN.md, "The GameCWM contract"). The history
// is the paper's: the player's own [observation, action] pairs. Three paths,
// the first whose probe (one attempt at the start of each search) succeeds:
//   native: the module accepts our optional trailing [observation, null]
//     entry, so one resample reaches the decision directly.
//   decision (any module): the paper's form with the decision itself as the
//     last entry, [observation, a legal action], which the paper's
//     convention already defines; replayed up to that turn (the probe tries
//     the first POSITED_ACTIONS legal actions in order and keeps the first
//     the module accepts). Legal actions
//     are the player's knowledge (the same in every state it cannot tell
//     apart), so positing one conditions on nothing beyond the observation,
//     and the module's own resampler draws the hidden state. At a first
//     decision this is the only path that conditions on the observation at
//     all (the others deal blindly and reject: 1 in 1,326 for hold'em).
//   extend (the last resort): resample the paper's form, replay it, then
//     extend forward (chance by its probabilities, other players uniformly)
//     until the player is to move with the current observation; a dead end
//     (terminal, another observation, too long) retries. Under a uniform
//     opponent model this rejection sampling draws from the right posterior.
// Every attempt is counted, so a search can say how many determinisations
// really succeeded. Pure code: the same source runs natively and in the sandbox.
// Twin: python/gamecwm_runner/search/determinise.py (same paths, same order,
// same draws from the search's generator).

import { chanceOutcomes, sampleOutcome } from '../engine/chance.js';
import { type Action, CHANCE, type GameCWM, type ObservationActionPair, TERMINAL } from '../engine/contract.js';
import { stableStringify } from '../engine/json.js';
import type { Rng } from '../engine/rng.js';

/** Resample-and-extend attempts per determinisation before it counts as failed. */
export const DETERMINISATION_ATTEMPTS = 100;

/** Legal actions the decision path's probe may posit before giving up on that path. */
export const POSITED_ACTIONS = 3;

export type DeterminisationPath = 'native' | 'decision' | 'extend';

export interface DeterminisationStats {
  /** Resample attempts (each try of either path). */
  attempted: number;
  /** Attempts that gave a state at the player's decision with the current observation. */
  succeeded: number;
  /** The path the search's probe chose (see the top of this file). */
  path: DeterminisationPath;
  /** Why the latest attempt failed, if one did. */
  lastFailure?: string;
}

/**
 * A decision history as the engine hands it to a search: the player's own
 * pairs (the paper's convention) followed by `[current observation, null]`.
 */
export type DecisionHistory<O> = Array<ObservationActionPair<O>>;

/** Splits a decision history into the paper's own pairs and the current observation. */
export function splitDecisionHistory<O>(history: DecisionHistory<O>): { own: Array<ObservationActionPair<O>>; observation: O } {
  const last = history[history.length - 1];
  if (!last || last[1] !== null) throw new Error('a decision history ends with [current observation, null]');
  return { own: history.slice(0, -1), observation: last[0] };
}

export class Determiniser<S, O> {
  readonly stats: DeterminisationStats = { attempted: 0, succeeded: 0, path: 'extend' };
  private readonly target: string;
  private readonly resample: NonNullable<GameCWM<S, O>['resampleHistory']>;
  /** The action the decision path posits at the decision (chosen by the probe). */
  private posited: Action = '';

  constructor(
    private readonly game: GameCWM<S, O>,
    private readonly own: Array<ObservationActionPair<O>>,
    private readonly observation: O,
    private readonly player: number,
    /** The player's legal actions at the decision: the decision path posits one. */
    legalActions: Action[],
    private readonly maxGameLength: number,
    private readonly rng: Rng,
  ) {
    if (!game.resampleHistory) throw new Error('determinising needs the game\'s resampleHistory');
    this.resample = game.resampleHistory;
    this.target = stableStringify(observation);
    if (this.tryNative() !== null) {
      this.stats.path = 'native';
      return;
    }
    for (const action of legalActions.slice(0, POSITED_ACTIONS)) {
      this.posited = action;
      if (this.tryDecision() !== null) {
        this.stats.path = 'decision';
        return;
      }
    }
  }

  /** A state at the player's decision consistent with its history, or null once every attempt failed. */
  next(): S | null {
    for (let attempt = 0; attempt < DETERMINISATION_ATTEMPTS; attempt++) {
      const state = this.tryPath(this.stats.path);
      if (state !== null) return state;
    }
    return null;
  }

  private tryPath(path: DeterminisationPath): S | null {
    return path === 'native' ? this.tryNative() : path === 'decision' ? this.tryDecision() : this.tryExtend();
  }

  private tryNative(): S | null {
    return this.attempt(() => {
      const history: Array<ObservationActionPair<O>> = this.own.slice();
      history.push([this.observation, null]);
      const state = this.replay(this.resample(history, this.player, this.rng.randomFn));
      if (!this.atDecision(state)) throw new Error('the resampled history does not reach the player\'s decision with its current observation');
      return state;
    });
  }

  private tryDecision(): S | null {
    return this.attempt(() => {
      const history: Array<ObservationActionPair<O>> = this.own.slice();
      history.push([this.observation, this.posited]);
      const actions = this.resample(history, this.player, this.rng.randomFn);
      if (!Array.isArray(actions)) throw new Error('resampleHistory did not return a list of actions');
      // Up to the player's turn after its own entries: the rest plays the posited action and on.
      let state = this.game.getInitialState();
      let turns = 0;
      for (const action of actions) {
        if (this.game.getCurrentPlayer(state) === this.player) {
          if (turns === this.own.length) break;
          turns++;
        }
        state = this.game.applyAction(state, action);
      }
      if (!this.atDecision(state)) throw new Error('the resampled history with the decision as its last entry does not reach the player\'s decision with its current observation');
      return state;
    });
  }

  private tryExtend(): S | null {
    return this.attempt(() => {
      let state = this.own.length === 0 ? this.game.getInitialState() : this.replay(this.resample(this.own, this.player, this.rng.randomFn));
      for (let steps = 0; ; steps++) {
        const actor = this.game.getCurrentPlayer(state);
        if (actor === this.player) {
          if (this.atDecision(state)) return state;
          throw new Error('extending the resampled history reached another decision of the player');
        }
        if (actor === TERMINAL) throw new Error('extending the resampled history reached the end of the game');
        if (steps > this.maxGameLength) throw new Error(`extending the resampled history took over ${this.maxGameLength} actions`);
        const legal = this.game.getLegalActions(state);
        const action = actor === CHANCE ? sampleOutcome(chanceOutcomes(this.game, state), this.rng.random()) : legal[this.rng.int(legal.length)];
        state = this.game.applyAction(state, action);
      }
    });
  }

  private attempt(run: () => S): S | null {
    this.stats.attempted++;
    try {
      const state = run();
      this.stats.succeeded++;
      return state;
    } catch (error) {
      this.stats.lastFailure = error instanceof Error ? error.message : String(error);
      return null;
    }
  }

  private replay(actions: Action[]): S {
    if (!Array.isArray(actions)) throw new Error('resampleHistory did not return a list of actions');
    let state = this.game.getInitialState();
    for (const action of actions) state = this.game.applyAction(state, action);
    return state;
  }

  private atDecision(state: S): boolean {
    return this.game.getCurrentPlayer(state) === this.player
      && stableStringify(this.game.getObservations(state)[this.player]) === this.target;
  }
}
