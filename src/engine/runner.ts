// Plays one game of a GameCWM with one agent per seat and records what
// happened: every action with who took it, every player's observations, and
// the final returns. Chance nodes are sampled from the game's own outcome
// probabilities with a seeded stream.

import type { Agent, DecisionContext } from './agent.js';
import { sampleChance } from './chance.js';
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

export class GameLengthError extends Error {}

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
      throw new GameLengthError(`the game did not end within ${options.maxLength} actions`);
    }
    let action: Action;
    if (player === CHANCE) {
      action = sampleChance(game, state, chanceRandom);
    } else {
      const agent = agents[player];
      if (!agent) throw new Error(`no agent for player ${player}`);
      const context: DecisionContext<S, O> = { game, player, legalActions: game.getLegalActions(state) };
      if (options.perfectInformation) context.state = state;
      if (agent.usesHistory) {
        context.history = observationActionHistory(observations, actions, players, player);
        context.observation = observations[observations.length - 1][player];
      }
      if (agent.usesTrueActions) context.trueActions = { actions: actions.slice(), players: players.slice() };
      const chosen = agent.act(context);
      action = typeof chosen === 'string' ? chosen : await chosen;
      if (!context.legalActions.includes(action)) {
        throw new Error(`agent ${agent.name} chose "${action}", which is not legal for player ${player}`);
      }
    }
    const next = game.applyAction(state, action);
    options.onStep?.({ state, player, action, next });
    actions.push(action);
    players.push(player);
    state = next;
  }
  const trajectory: Trajectory<O> = { actions, players, returns: game.getRewards(state) };
  if (options.recordObservations) trajectory.observations = observations;
  return { trajectory, finalState: state };
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
