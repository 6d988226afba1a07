// The information tier, in the paper's convention: a player's history is its
// own [observation, action] pairs, and `resampleHistory` must return a full
// action list that replays legally from the initial state, shows the player
// each entry's observation at its turns, takes each entry's action there,
// consumes every entry and goes no further than the player's next turn (the
// paper's four checks). With a reference game we also compare the resampled
// hidden worlds with the reference's (whole worlds and each hidden step).
// Pure code, sandbox-ready.

import { sampleChance } from '../engine/chance.js';
import { type Action, CHANCE, type GameCWM, type ObservationActionPair, TERMINAL } from '../engine/contract.js';
import { stableStringify } from '../engine/json.js';
import { Rng } from '../engine/rng.js';
import { CheckRecorder, type CheckResult, describeThrown } from './check-result.js';
import { homogeneityPValue } from './stats.js';
import { guardGame, NonJsonValueError } from './guard.js';

/** resample-runs, then the paper's four: legal, observations reconstructed, own actions kept, history complete. */
export const INFORMATION_CHECKS = ['resample-runs', 'resample-legal', 'resample-observations', 'resample-own-actions', 'resample-complete'] as const;
export type InformationCheck = (typeof INFORMATION_CHECKS)[number];
/** Added when a reference game is known: resampled worlds follow the reference's posterior. */
export const POSTERIOR_CHECK = 'resample-matches-posterior';

/** Draws per history, histories compared, and the p-value below which the distributions differ. */
export const POSTERIOR_SAMPLES = 600;
export const POSTERIOR_HISTORIES = 6;
export const POSTERIOR_P_VALUE = 1e-5;
/** Distinct resampled worlds replayed per compared history. */
export const POSTERIOR_REPLAYS = 20;
/** Draws that decide whether a history's posterior has more than one world. */
const POSTERIOR_PROBE = 40;

export interface InformationOptions {
  histories: number;
  seed: number;
  maxGameLength: number;
}

export interface InformationReport {
  checks: CheckResult[];
  histories: number;
}

/** A random true play cut at a random step, seen by a random player. */
export interface SampledHistory<O> {
  /** The true actions up to and including the player's last decision. */
  actions: Action[];
  player: number;
  /** The player's own [observation, action] pairs along them. */
  history: Array<ObservationActionPair<O>>;
  /** Indices in `actions` of the steps the player did not take. */
  hidden: number[];
}

export function checkInformation<S, O, RS, RO>(
  game: GameCWM<S, O>,
  players: number,
  options: InformationOptions,
  reference?: GameCWM<RS, RO>,
): InformationReport {
  const recorder = new CheckRecorder(reference?.resampleHistory ? [...INFORMATION_CHECKS, POSTERIOR_CHECK] : INFORMATION_CHECKS);
  game = guardGame(game);
  if (!game.resampleHistory) {
    recorder.fail('resample-runs', 'resampleHistory is missing; imperfect-information games must export it');
    return { checks: recorder.list(), histories: 0 };
  }
  let tested = 0;
  for (let i = 0; i < options.histories; i++) {
    const rng = new Rng(options.seed).derive(i);
    const sampled = sampleHistory(game, players, rng, options.maxGameLength);
    // The paper tests histories with at least one own decision.
    if (sampled.history.length === 0) continue;
    tested++;
    let resampled: Action[];
    try {
      resampled = game.resampleHistory(sampled.history, sampled.player, rng.randomFn);
    } catch (error) {
      const problem = error instanceof NonJsonValueError ? error.message : `resampleHistory(history, ${sampled.player}) threw ${describeThrown(error)}`;
      recorder.fail('resample-runs', `${problem} for the history of actions`, sampled.actions);
      continue;
    }
    const problem = replayAgainstHistory(game, resampled, sampled.player, sampled.history);
    if (problem) recorder.fail(problem.check, `player ${sampled.player}: ${problem.message}`, sampled.actions);
  }
  if (tested === 0 && options.histories > 0) {
    recorder.fail('resample-runs', `none of ${options.histories} sampled histories had a decision of the sampled player, so resampleHistory could not be tested`);
  }
  if (reference?.resampleHistory && !recorder.hasFailed('resample-runs') && !recorder.hasFailed('resample-observations') && !recorder.hasFailed('resample-own-actions') && !recorder.hasFailed('resample-complete')) {
    comparePosteriors(game, reference, players, options, recorder);
  }
  return { checks: recorder.list(), histories: options.histories };
}

/**
 * Compares the candidate's resampled worlds with the reference's on a few
 * histories that have hidden steps: the same true actions, each game's own
 * observations, POSTERIOR_SAMPLES draws from each, and a chi-square test of
 * homogeneity over the hidden actions up to the player's last decision. A
 * wrong weighting or a missing part of the posterior's support fails it; a
 * correct sampler fails with probability below POSTERIOR_P_VALUE per history.
 */
function comparePosteriors<S, O, RS, RO>(
  game: GameCWM<S, O>,
  reference: GameCWM<RS, RO>,
  players: number,
  options: InformationOptions,
  recorder: CheckRecorder,
): void {
  for (const { truth, referenceDraws, rng } of posteriorCases(reference, players, options)) {
    let candidateHistory: Array<ObservationActionPair<O>>;
    try {
      candidateHistory = historyFor(game, truth.actions, truth.player);
    } catch (error) {
      recorder.fail(POSTERIOR_CHECK, posteriorNotComparable(truth.player, error instanceof NonJsonValueError ? error.message : describeThrown(error)), truth.actions);
      return;
    }
    let candidateDraws: Draws;
    try {
      candidateDraws = drawWorlds(game, candidateHistory, truth.player, truth.hidden, rng, POSTERIOR_SAMPLES);
    } catch (error) {
      recorder.fail('resample-runs', `player ${truth.player}: resampleHistory threw ${describeThrown(error)}`, truth.actions);
      return;
    }
    // Distinct worlds drawn must explain the history: one replay per world, at most
    // POSTERIOR_REPLAYS of them (large hidden spaces make every draw distinct).
    for (const example of [...candidateDraws.examples.values()].slice(0, POSTERIOR_REPLAYS)) {
      const problem = replayAgainstHistory(game, example, truth.player, candidateHistory);
      if (problem) {
        recorder.fail(problem.check, posteriorReplayFailure(truth.player, problem.message), truth.actions);
        return;
      }
    }
    const mismatch = posteriorMismatch(candidateDraws, referenceDraws);
    if (mismatch) {
      recorder.fail(POSTERIOR_CHECK, posteriorFailure(truth.player, mismatch), truth.actions);
      return;
    }
  }
}

/** One history the posterior test compares on: the reference's true play, its draws, and the RNG the candidate's draws continue. */
export interface PosteriorCase<RO> {
  truth: SampledHistory<RO>;
  referenceDraws: Draws;
  rng: Rng;
}

/**
 * The histories the posterior test uses, from the reference alone: sampled
 * plays with hidden steps whose posterior has more than one world (a few
 * draws first: one world cannot tell samplers apart), at most
 * POSTERIOR_HISTORIES of them, each with POSTERIOR_SAMPLES reference draws.
 */
export function* posteriorCases<RS, RO>(reference: GameCWM<RS, RO>, players: number, options: InformationOptions): Generator<PosteriorCase<RO>> {
  let compared = 0;
  for (let i = 0; i < options.histories && compared < POSTERIOR_HISTORIES; i++) {
    const rng = new Rng(options.seed).derive(1_000_000 + i);
    const truth = sampleHistory(reference, players, rng, options.maxGameLength);
    if (truth.history.length === 0 || truth.hidden.length === 0) continue;
    if (drawWorlds(reference, truth.history, truth.player, truth.hidden, rng, POSTERIOR_PROBE).worlds.size < 2) continue;
    const referenceDraws = drawWorlds(reference, truth.history, truth.player, truth.hidden, rng, POSTERIOR_SAMPLES);
    compared++;
    yield { truth, referenceDraws, rng };
  }
}

// The posterior test's failure messages, one wording for TypeScript and Python candidates.

/** A comparison that cannot run fails: skipping it would let a wrong sampler through. */
export function posteriorNotComparable(player: number, thrown: string): string {
  return `player ${player}: the posterior could not be compared: replaying the rules' actions threw ${thrown}; every legal sequence of actions must replay`;
}

export function posteriorReplayFailure(player: number, problem: string): string {
  return `player ${player}: over ${POSTERIOR_SAMPLES} draws, one resampled history does not explain the history: ${problem}`;
}

export function posteriorFailure(player: number, mismatch: string): string {
  return `player ${player}: over ${POSTERIOR_SAMPLES} draws each, ${mismatch}; weight each world by its chance probabilities (and a uniform opponent) and keep every consistent world possible`;
}

/**
 * Where the candidate's draws and the reference's differ significantly: the
 * whole hidden worlds, or the action drawn at one hidden step (a marginal has
 * far more power when worlds are many). Bonferroni-corrected over the tests.
 */
export function posteriorMismatch(candidate: Draws, reference: Draws): string | null {
  const tests = 1 + reference.marginals.length;
  const threshold = POSTERIOR_P_VALUE / tests;
  const whole = homogeneityPValue(candidate.worlds, reference.worlds);
  if (whole < threshold) {
    return `resampleHistory's hidden actions follow ${describeWorlds(candidate.worlds)} but the rules' posterior gives ${describeWorlds(reference.worlds)} (chi-square p = ${whole.toExponential(1)})`;
  }
  for (let k = 0; k < reference.marginals.length; k++) {
    const p = homogeneityPValue(candidate.marginals[k], reference.marginals[k]);
    if (p < threshold) {
      return `at hidden step ${reference.steps[k]} resampleHistory draws ${describeWorlds(candidate.marginals[k])} but the rules' posterior gives ${describeWorlds(reference.marginals[k])} (chi-square p = ${p.toExponential(1)})`;
    }
  }
  return null;
}

/** The player's own [observation, action] pairs along `actions` in `game` (the paper's convention). */
export function historyFor<S, O>(game: GameCWM<S, O>, actions: Action[], player: number): Array<ObservationActionPair<O>> {
  const history: Array<ObservationActionPair<O>> = [];
  let state = game.getInitialState();
  for (const action of actions) {
    if (game.getCurrentPlayer(state) === player) history.push([game.getObservations(state)[player], action]);
    state = game.applyAction(state, action);
  }
  return history;
}

export interface Draws {
  /** Counts of the hidden actions, joined, per distinct world. */
  worlds: Map<string, number>;
  /** One full resampled action list per distinct world. */
  examples: Map<string, Action[]>;
  /** The hidden steps, and the counts of the action drawn at each. */
  steps: number[];
  marginals: Array<Map<string, number>>;
}

/** `samples` resamples of `history`, counted by hidden world (the actions at `steps`) and by hidden step. */
function drawWorlds<S, O>(
  game: GameCWM<S, O>,
  history: Array<ObservationActionPair<O>>,
  player: number,
  steps: number[],
  rng: Rng,
  samples: number,
): Draws {
  const draws = emptyDraws(steps);
  const random = rng.randomFn;
  for (let k = 0; k < samples; k++) {
    const actions = game.resampleHistory!(history, player, random);
    tallyDraw(draws, steps.map((t) => actions[t]), 1, actions);
  }
  return draws;
}

export function emptyDraws(steps: number[]): Draws {
  return { worlds: new Map(), examples: new Map(), steps, marginals: steps.map(() => new Map()) };
}

/** Counts `count` draws whose actions at the hidden steps are `hidden` (undefined where a draw stops short). */
export function tallyDraw(draws: Draws, hidden: Array<Action | null | undefined>, count: number, example?: Action[]): void {
  const key = hidden.map((a) => a ?? '').join('|');
  draws.worlds.set(key, (draws.worlds.get(key) ?? 0) + count);
  if (example && !draws.examples.has(key)) draws.examples.set(key, example);
  hidden.forEach((a, i) => draws.marginals[i].set(String(a ?? undefined), (draws.marginals[i].get(String(a ?? undefined)) ?? 0) + count));
}

function describeWorlds(counts: Map<string, number>): string {
  const total = [...counts.values()].reduce((s, n) => s + n, 0);
  const entries = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6)
    .map(([key, n]) => `${JSON.stringify(key.split('|').filter((a) => a !== '').join(' '))}: ${(n / total).toFixed(2)}`);
  return `{${entries.join(', ')}${counts.size > 6 ? ', ...' : ''}}`;
}

/**
 * Plays randomly (chance by its probabilities), stops at a random step or the
 * end, and takes a random player's own pairs; the true actions are kept up to
 * that player's last decision.
 */
export function sampleHistory<S, O>(game: GameCWM<S, O>, players: number, rng: Rng, maxGameLength: number): SampledHistory<O> {
  const played: Action[] = [];
  const actors: number[] = [];
  const observations: O[][] = [];
  let state = game.getInitialState();
  const stopAt = rng.int(maxGameLength + 1);
  for (;;) {
    const player = game.getCurrentPlayer(state);
    if (player === TERMINAL || played.length >= stopAt) break;
    observations.push(game.getObservations(state));
    const action = player === CHANCE ? sampleChance(game, state, rng.randomFn) : rng.pick(game.getLegalActions(state));
    played.push(action);
    actors.push(player);
    state = game.applyAction(state, action);
  }
  const player = rng.int(players);
  const history: Array<ObservationActionPair<O>> = [];
  let end = 0;
  for (let t = 0; t < played.length; t++) {
    if (actors[t] !== player) continue;
    history.push([observations[t][player], played[t]]);
    end = t + 1;
  }
  const hidden: number[] = [];
  for (let t = 0; t < end; t++) if (actors[t] !== player) hidden.push(t);
  return { actions: played.slice(0, end), player, history, hidden };
}

/**
 * Why `actions` does not explain `history` for `player` in the paper's
 * convention, or null if it does. Replays from the initial state: every
 * action legal; at each of the player's turns the observation equals the next
 * entry's and the action equals its action; every entry consumed; no turn of
 * the player beyond the history. Actions after the game's end are ignored, as
 * the paper's evaluator ignores them.
 */
export function replayAgainstHistory<S, O>(
  game: GameCWM<S, O>,
  actions: unknown,
  player: number,
  history: Array<ObservationActionPair<O>>,
): { check: InformationCheck; message: string } | null {
  if (!Array.isArray(actions) || !actions.every((a) => typeof a === 'string')) {
    return { check: 'resample-runs', message: `resampleHistory returned ${JSON.stringify(actions)?.slice(0, 200)}; expected a list of action strings` };
  }
  const trailing = history.length > 0 && history[history.length - 1][1] === null ? history[history.length - 1] : null;
  const decisions = trailing ? history.length - 1 : history.length;
  let state = game.getInitialState();
  let next = 0;
  for (let t = 0; t < actions.length; t++) {
    const actor = game.getCurrentPlayer(state);
    if (actor === TERMINAL) break;
    const legal = game.getLegalActions(state);
    if (!legal.includes(actions[t])) {
      return { check: 'resample-legal', message: `step ${t}: resampled action "${actions[t]}" is not legal (legal: ${JSON.stringify(legal)})` };
    }
    if (actor === player) {
      if (next >= decisions) {
        return { check: 'resample-own-actions', message: `step ${t}: the resampled history has the player act ("${actions[t]}") after all ${decisions} of its decisions; it must stop before the player's next turn` };
      }
      const [expectedObservation, ownAction] = history[next];
      const observed = game.getObservations(state)[player];
      if (stableStringify(observed) !== stableStringify(expectedObservation)) {
        return { check: 'resample-observations', message: `at the player's decision ${next} (after ${t} resampled actions ${JSON.stringify(actions.slice(0, t))}) the player observes ${stableStringify(observed)} but the history says ${stableStringify(expectedObservation)}` };
      }
      if (actions[t] !== ownAction) {
        return { check: 'resample-own-actions', message: `at the player's decision ${next} (step ${t}) the player took "${ownAction}" but the resampled history has "${actions[t]}"` };
      }
      next++;
    }
    state = game.applyAction(state, actions[t]);
  }
  if (next < decisions) {
    return { check: 'resample-complete', message: `the ${actions.length} resampled actions ${JSON.stringify(actions).slice(0, 200)} pass only ${next} of the player's ${decisions} decisions; every entry of the history must be replayed` };
  }
  if (trailing) {
    const observed = game.getCurrentPlayer(state) === player ? stableStringify(game.getObservations(state)[player]) : null;
    if (observed !== stableStringify(trailing[0])) {
      return { check: 'resample-complete', message: `the history ends with [observation, null] but the resampled actions end ${observed === null ? 'where it is not the player\'s turn' : `at the player's turn with observation ${observed}`}; they must reach the player's turn with ${stableStringify(trailing[0])}` };
    }
  }
  return null;
}
