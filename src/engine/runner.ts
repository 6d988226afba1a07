// Plays one game of a GameCWM with one agent per seat and records what
// happened: every action with who took it, every player's observations, and
// the final returns. Chance nodes are sampled from the game's own outcome
// probabilities with a seeded stream.

import type { Agent, DecisionContext } from './agent.js';
import { chanceOutcomes, sampleOutcome } from './chance.js';
import { type Action, CHANCE, type GameCWM, type ObservationActionPair, TERMINAL } from './contract.js';
import type { Rng } from './rng.js';

export interface Trajectory<Observation = unknown> {
  /** actions[t] was taken at step t. */
  actions: Action[];
  /** players[t] took actions[t]: 0..n-1 or CHANCE. */
  players: number[];
  /** observations[t] is every player's observation before step t; the last entry is the final state's. Present when recorded. */
  observations?: Observation[][];
  /** Final rewards, one per player. */
  returns: number[];
}

export interface PlayOptions {
  /** Stream for chance outcomes. */
  chanceRng: Rng;
  /** Stop with an error once a game exceeds this many actions (the game's declared bound). */
  maxLength: number;
  /** Keep every step's observations in the trajectory. */
  recordObservations?: boolean;
  /** Perfect information: agents may see the state. */
  perfectInformation: boolean;
  /** Called after every action, e.g. to print a trajectory as it unfolds. */
  onStep?: (step: { state: unknown; player: number; action: Action; next: unknown }) => void;
}

/**
 * The game's rules broke a game: a current player, a legal action list, a
 * chance distribution or rewards that are not what the contract says, or a
 * game longer than its declared bound. With a candidate's rules this is the
 * candidate's fault, reported in one line.
 */
export class GameFaultError extends Error {
  override name = 'GameFaultError';
}

export class GameLengthError extends GameFaultError {
  override name = 'GameLengthError';
}

export async function playGame<S, O>(
  game: GameCWM<S, O>,
  agents: Agent<S, O>[],
  options: PlayOptions,
): Promise<{ trajectory: Trajectory<O>; finalState: S }> {
  const needHistory = agents.some((agent) => agent.usesHistory);
  const recordObservations = options.recordObservations || needHistory;
  const actions: Action[] = [];
  const players: number[] = [];
  const observations: O[][] = [];
  const chanceRandom = options.chanceRng.randomFn;

  let state = game.getInitialState();
  for (;;) {
    const player = game.getCurrentPlayer(state);
    if (recordObservations) observations.push(game.getObservations(state));
    if (player === TERMINAL) break;
    if (actions.length >= options.maxLength) {
      throw new GameLengthError(`the game did not end within ${options.maxLength} actions (its declared maxGameLength), after ${JSON.stringify(actions.slice(-5))}`);
    }
    let action: Action;
    if (player === CHANCE) {
      const outcomes = chanceOutcomes(game, state);
      if (!Array.isArray(outcomes) || outcomes.length === 0 || !outcomes.every((o) => Array.isArray(o) && typeof o[0] === 'string' && typeof o[1] === 'number' && o[1] >= 0)) {
        throw new GameFaultError(`a chance node's outcomes are ${describe(outcomes)}: expected a non-empty list of [action, probability] pairs`);
      }
      action = sampleOutcome(outcomes, chanceRandom());
    } else {
      const agent = agents[player];
      if (!agent || !Number.isInteger(player)) {
        throw new GameFaultError(`getCurrentPlayer returned ${describe(player)}: not a player (0-${agents.length - 1}), CHANCE (-1) or TERMINAL (-4)`);
      }
      const legalActions = game.getLegalActions(state);
      if (!Array.isArray(legalActions) || legalActions.length === 0 || !legalActions.every((a) => typeof a === 'string')) {
        throw new GameFaultError(`getLegalActions returned ${describe(legalActions)} at a decision of player ${player}: expected a non-empty list of action strings`);
      }
      const context: DecisionContext<S, O> = { game, player, legalActions };
      if (options.perfectInformation) context.state = state;
      if (agent.usesHistory) {
        context.history = observationActionHistory(observations, actions, players, player);
        context.observation = observations[observations.length - 1][player];
      }
      if (agent.usesTrueActions) context.trueActions = { actions: actions.slice(), players: players.slice() };
      const chosen = agent.act(context);
      action = typeof chosen === 'string' ? chosen : await chosen;
      if (!context.legalActions.includes(action)) {
        throw new GameFaultError(`agent ${agent.name} chose "${action}", which is not legal for player ${player}`);
      }
    }
    const next = game.applyAction(state, action);
    options.onStep?.({ state, player, action, next });
    actions.push(action);
    players.push(player);
    state = next;
  }
  const returns = game.getRewards(state);
  if (!Array.isArray(returns) || returns.length !== agents.length || !returns.every((r) => typeof r === 'number' && Number.isFinite(r))) {
    throw new GameFaultError(`getRewards returned ${describe(returns)} at the end of the game: expected ${agents.length} finite numbers`);
  }
  const trajectory: Trajectory<O> = { actions, players, returns };
  if (options.recordObservations) trajectory.observations = observations;
  return { trajectory, finalState: state };
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}...` : text;
}

/**
 * A player's history at its decision, as searches take it: its own
 * [observation, action] pairs in the paper's convention (its past decisions,
 * oldest first), then [current observation, null] (the decision it is about
 * to take; see DecisionHistory in src/mcts/determinise.ts).
 */
export function observationActionHistory<O>(
  observations: O[][],
  actions: Action[],
  players: number[],
  player: number,
): Array<ObservationActionPair<O>> {
  const history: Array<ObservationActionPair<O>> = [];
  for (let t = 0; t < actions.length; t++) {
    if (players[t] === player) history.push([observations[t][player], actions[t]]);
  }
  history.push([observations[observations.length - 1][player], null]);
  return history;
}
