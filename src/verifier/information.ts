// The information tier: for imperfect-information games, `resampleHistory`
// must return a full action list that replays legally from the initial state,
// reproduces the player's observation at every step and the player's own
// actions, and consumes the whole history. Pure code, sandbox-ready.

import { sampleChance } from '../engine/chance.js';
import { type Action, CHANCE, type GameCWM, type ObservationActionPair, TERMINAL } from '../engine/contract.js';
import { stableStringify } from '../engine/json.js';
import { Rng } from '../engine/rng.js';
import { CheckRecorder, type CheckResult, describeThrown } from './check-result.js';

export const INFORMATION_CHECKS = ['resample-runs', 'resample-legal', 'resample-consistent'] as const;

export interface InformationOptions {
  histories: number;
  seed: number;
  maxGameLength: number;
}

export interface InformationReport {
  checks: CheckResult[];
  histories: number;
}

/** A random true history cut at a random step, seen by a random player. */
interface SampledHistory<O> {
  actions: Action[];
  player: number;
  history: Array<ObservationActionPair<O>>;
}

export function checkInformation<S, O>(game: GameCWM<S, O>, players: number, options: InformationOptions): InformationReport {
  const recorder = new CheckRecorder(INFORMATION_CHECKS);
  if (!game.resampleHistory) {
    recorder.fail('resample-runs', 'resampleHistory is missing; imperfect-information games must export it');
    return { checks: recorder.list(), histories: 0 };
  }
  for (let i = 0; i < options.histories; i++) {
    const rng = new Rng(options.seed).derive(i);
    const sampled = sampleHistory(game, players, rng, options.maxGameLength);
    let resampled: Action[];
    try {
      resampled = game.resampleHistory(sampled.history, sampled.player, rng.randomFn);
    } catch (error) {
      recorder.fail('resample-runs', `resampleHistory(history, ${sampled.player}) threw ${describeThrown(error)} for the history of actions`, sampled.actions);
      continue;
    }
    const problem = replayAgainstHistory(game, resampled, sampled.player, sampled.history);
    if (problem) recorder.fail(problem.check, `player ${sampled.player}: ${problem.message}`, sampled.actions);
  }
  return { checks: recorder.list(), histories: options.histories };
}

/** Plays randomly (chance by its probabilities) and stops at a random step. */
export function sampleHistory<S, O>(game: GameCWM<S, O>, players: number, rng: Rng, maxGameLength: number): SampledHistory<O> {
  const actions: Action[] = [];
  const actors: number[] = [];
  const observations: O[][] = [];
  let state = game.getInitialState();
  const stopAt = rng.int(maxGameLength + 1);
  for (;;) {
    observations.push(game.getObservations(state));
    const player = game.getCurrentPlayer(state);
    if (player === TERMINAL || actions.length >= stopAt) break;
    const action = player === CHANCE ? sampleChance(game, state, rng.randomFn) : rng.pick(game.getLegalActions(state));
    actions.push(action);
    actors.push(player);
    state = game.applyAction(state, action);
  }
  const player = rng.int(players);
  const history: Array<ObservationActionPair<O>> = observations.map((obs, t) => [
    obs[player],
    t < actions.length && actors[t] === player ? actions[t] : null,
  ]);
  return { actions, player, history };
}

/** Why `actions` does not explain `history` for `player`, or null if it does. */
export function replayAgainstHistory<S, O>(
  game: GameCWM<S, O>,
  actions: unknown,
  player: number,
  history: Array<ObservationActionPair<O>>,
): { check: (typeof INFORMATION_CHECKS)[number]; message: string } | null {
  if (!Array.isArray(actions) || !actions.every((a) => typeof a === 'string')) {
    return { check: 'resample-runs', message: `resampleHistory returned ${JSON.stringify(actions)?.slice(0, 200)}; expected a list of action strings` };
  }
  const steps = history.length - 1;
  if (actions.length !== steps) {
    return { check: 'resample-consistent', message: `resampleHistory returned ${actions.length} actions for a history of ${steps} steps; it must explain the whole history` };
  }
  let state = game.getInitialState();
  for (let t = 0; t <= steps; t++) {
    const [expectedObservation, ownAction] = history[t];
    const observed = game.getObservations(state)[player];
    if (stableStringify(observed) !== stableStringify(expectedObservation)) {
      return { check: 'resample-consistent', message: `after ${t} resampled actions ${JSON.stringify(actions.slice(0, t))} the player observes ${stableStringify(observed)} but the history says ${stableStringify(expectedObservation)}` };
    }
    if (t === steps) break;
    const actor = game.getCurrentPlayer(state);
    if (ownAction !== null && (actor !== player || actions[t] !== ownAction)) {
      return { check: 'resample-consistent', message: `step ${t}: the player took "${ownAction}" but the resampled history has player ${actor} take "${actions[t]}"` };
    }
    if (ownAction === null && actor === player) {
      return { check: 'resample-consistent', message: `step ${t}: the resampled history has the player act ("${actions[t]}") where the player did not` };
    }
    const legal = game.getLegalActions(state);
    if (!legal.includes(actions[t])) {
      return { check: 'resample-legal', message: `step ${t}: resampled action "${actions[t]}" is not legal (legal: ${JSON.stringify(legal)})` };
    }
    state = game.applyAction(state, actions[t]);
  }
  return null;
}
