// An agent that plans over a candidate CWM while the game itself runs by the
// reference rules (the CWM paper's "MCTS over a generated model" player).
// The candidate's states differ from the reference's, so the agent mirrors
// the true game in the candidate: it replays the true action sequence
// (chance included) through the candidate's applyAction, then searches from
// its own mirrored state (MCTS) or from the observation-action history the
// candidate's observations give (ISMCTS). When the candidate cannot follow
// the game (it throws, ends too early, disagrees on whose turn it is, offers
// no moves) or picks an action the true game forbids, the agent plays a
// uniformly random true legal action and counts it.

import type { Agent, DecisionContext } from '../engine/agent.js';
import { type Action, TERMINAL } from '../engine/contract.js';
import type { Rng } from '../engine/rng.js';
import { observationActionHistory } from '../engine/runner.js';
import { errorText } from '../engine/sandbox/sandbox.js';
import type { SearchOptions } from '../mcts/search.js';
import { type CandidateModel, isFatalCandidateError } from './candidate-model.js';

/** What a candidate's planning did over a match (shared by all of its agents). */
export interface PlannerTally {
  /** Moves the agent had to choose. */
  decisions: number;
  /** Moves where the candidate's search chose an action the true game does not allow. */
  illegal: number;
  /** Moves where the candidate failed (threw, diverged from the true game earlier in that game, or was disabled). */
  errors: number;
  /** The first failure's message, to show the reader why. */
  firstError: string | null;
}

export const emptyTally = (): PlannerTally => ({ decisions: 0, illegal: 0, errors: 0, firstError: null });

/** Shared by every agent over one candidate: set once the candidate hit a limit, after which nobody calls it again. */
export interface CandidateHealth {
  disabled: string | null;
}

export class CandidatePlanner implements Agent {
  readonly name: string;
  readonly usesTrueActions = true;
  /** The candidate's mirror of the true game, after `applied` true actions. */
  private state: unknown;
  private applied = 0;
  /** The candidate's observations of every mirrored state (ISMCTS only). */
  private observations: unknown[][] = [];
  /** Set once the candidate lost the game's thread; it stays lost for the rest of this game. */
  private lost: string | null = null;

  constructor(
    private readonly model: CandidateModel,
    private readonly search: 'mcts' | 'ismcts',
    private readonly options: SearchOptions,
    private readonly rng: Rng,
    private readonly tally: PlannerTally,
    private readonly health: CandidateHealth = { disabled: null },
  ) {
    this.name = `${search}:${options.iterations} over candidate`;
  }

  act(context: DecisionContext): Action {
    // One seed per move whatever happens, so a fallback never shifts later moves' streams.
    const seed = this.rng.nextUint32();
    this.tally.decisions++;
    let action: Action;
    try {
      action = this.plan(context, seed);
    } catch (error) {
      if (isFatalCandidateError(error)) this.health.disabled ??= errorText(error);
      this.tally.errors++;
      this.tally.firstError ??= errorText(error);
      return this.rng.pick(context.legalActions);
    }
    if (!context.legalActions.includes(action)) {
      this.tally.illegal++;
      this.tally.firstError ??= `the candidate's search chose "${action}", which the true game does not allow here`;
      return this.rng.pick(context.legalActions);
    }
    return action;
  }

  private plan(context: DecisionContext, seed: number): Action {
    if (this.health.disabled !== null) throw new Error(`the candidate was disabled: ${this.health.disabled}`);
    const played = context.trueActions;
    if (!played) throw new Error('the runner did not pass the true actions (usesTrueActions)');
    // A mirror that lost the thread stays lost for the rest of this game; a failed search costs only its move.
    if (this.lost === null) {
      try {
        this.follow(played.actions, context.player);
      } catch (error) {
        this.lost = errorText(error);
      }
    }
    if (this.lost !== null) throw new Error(this.lost);
    if (this.search === 'mcts') return this.model.mcts(this.state, this.options, seed).action;
    const legal = this.model.getLegalActions(this.state);
    if (legal.length === 0) throw new Error(`after ${played.actions.length} actions the candidate offers no legal actions`);
    const history = observationActionHistory(this.observations, played.actions, played.players, context.player);
    return this.model.ismcts(history, context.player, legal, this.options, seed).action;
  }

  /** Applies the true actions the mirror has not seen yet, step by step, and checks it is `player`'s turn there too. */
  private follow(actions: Action[], player: number): void {
    if (this.state === undefined) {
      this.state = this.model.getInitialState();
      if (this.search === 'ismcts') this.observations = [this.model.getObservations(this.state)];
    }
    for (; this.applied < actions.length; this.applied++) {
      if (this.model.getCurrentPlayer(this.state) === TERMINAL) {
        throw new Error(`the candidate's game ended after ${this.applied} actions, but the true game went on`);
      }
      this.state = this.model.applyAction(this.state, actions[this.applied]);
      if (this.search === 'ismcts') this.observations.push(this.model.getObservations(this.state));
    }
    const current = this.model.getCurrentPlayer(this.state);
    if (current !== player) {
      throw new Error(`after ${actions.length} actions the candidate says player ${current} moves, but it is player ${player}'s turn`);
    }
  }
}
