// The differential tier: seeded trajectories of the reference game, replayed
// step by step on the candidate. A step agrees when the legal action set, the
// current player, the rewards and terminality all match; transition accuracy
// is the share of agreeing steps. Pure code, sandbox-ready.

import { chanceOutcomes, sampleChance } from '../engine/chance.js';
import { type Action, CHANCE, type GameCWM, TERMINAL } from '../engine/contract.js';
import { Rng } from '../engine/rng.js';
import { CheckRecorder, type CheckResult, describeThrown, truncate } from './check-result.js';
import { stableStringify } from '../engine/json.js';
import { guardGame } from './guard.js';

export const DIFFERENTIAL_CHECKS = [
  'same-legal-actions', 'same-current-player', 'same-rewards', 'same-terminal', 'same-chance-probabilities',
  'candidate-accepts-actions', 'observations-hide-no-more',
] as const;
/** Added for imperfect-information games, where observations must also hide what the rules hide. */
export const REVEAL_CHECK = 'observations-reveal-no-more';

/** The differential tier's checks, in report order. */
export function differentialCheckNames(information: 'perfect' | 'imperfect'): string[] {
  return information === 'imperfect' ? [...DIFFERENTIAL_CHECKS, REVEAL_CHECK] : [...DIFFERENTIAL_CHECKS];
}

export interface DifferentialOptions {
  trajectories: number;
  seed: number;
  maxGameLength: number;
  /** Perfect information: observations must distinguish every state; imperfect: exactly what the rules let each player distinguish. */
  information: 'perfect' | 'imperfect';
}

/**
 * Information partitions seen so far, per player: states at the same step
 * that the reference shows a player identically must look identical in the
 * candidate too (else the candidate reveals more), and the other way round.
 */
export class PartitionComparer {
  private readonly refToCand: Array<Map<string, { cand: string; actions: Action[] }>> = [];
  private readonly candToRef: Array<Map<string, { ref: string; actions: Action[] }>> = [];

  constructor(players: number, private readonly recorder: CheckRecorder, private readonly checkReveal: boolean) {
    for (let p = 0; p < players; p++) {
      this.refToCand.push(new Map());
      this.candToRef.push(new Map());
    }
  }

  /** Compares one step's observation keys (see observationKeys), reference and candidate, player by player. */
  observe(refKeys: string[], candKeys: string[], actions: Action[]): void {
    for (let p = 0; p < this.refToCand.length; p++) {
      const ref = refKeys[p];
      const cand = candKeys[p];
      const seenRef = this.refToCand[p].get(ref);
      if (seenRef === undefined) this.refToCand[p].set(ref, { cand, actions: actions.slice() });
      else if (this.checkReveal && seenRef.cand !== cand) {
        this.recorder.fail('observations-reveal-no-more', `player ${p} can tell apart two situations the rules make indistinguishable to it: after ${JSON.stringify(seenRef.actions)} and after ${JSON.stringify(actions)} the player must see the same, but its observations differ (${truncate(seenRef.cand)} vs ${truncate(cand)}); hide what the player may not see`, actions);
      }
      const seenCand = this.candToRef[p].get(cand);
      if (seenCand === undefined) this.candToRef[p].set(cand, { ref, actions: actions.slice() });
      else if (seenCand.ref !== ref) {
        this.recorder.fail('observations-hide-no-more', `player ${p} cannot tell apart two situations the rules let it distinguish: after ${JSON.stringify(seenCand.actions)} and after ${JSON.stringify(actions)} its observations are identical but should differ (the rules show ${truncate(seenCand.ref)} vs ${truncate(ref)})`, actions);
      }
    }
  }
}

/**
 * Step-qualified text keys of observations; an object shared by several
 * players is serialised once. The reference builds its objects with a fixed
 * key order, so plain JSON is canonical for it; a candidate's is sorted (a
 * Python candidate's comes as the runner's canonical text of each value).
 */
export function observationKeys(step: number, observations: unknown[], serialise: (value: unknown) => string): string[] {
  const keys: string[] = [];
  for (let p = 0; p < observations.length; p++) {
    const shared = observations.indexOf(observations[p]);
    keys.push(shared < p ? keys[shared] : `${step}|${serialise(observations[p])}`);
  }
  return keys;
}

/** Trajectories whose observations are compared in perfect-information games (every step shows the whole state). */
export const PERFECT_INFORMATION_PARTITION_TRAJECTORIES = 20;

/** Whether trajectory `index` has its observations compared. */
export function comparesPartitions(information: 'perfect' | 'imperfect', index: number): boolean {
  return information === 'imperfect' || index < PERFECT_INFORMATION_PARTITION_TRAJECTORIES;
}

export interface DifferentialReport {
  checks: CheckResult[];
  steps: number;
  agreeingSteps: number;
  transitionAccuracy: number;
}

export function checkDifferential<S, O, RS, RO>(
  candidate: GameCWM<S, O>,
  reference: GameCWM<RS, RO>,
  options: DifferentialOptions,
): DifferentialReport {
  candidate = guardGame(candidate);
  const imperfect = options.information === 'imperfect';
  const recorder = new CheckRecorder(differentialCheckNames(options.information));
  const players = reference.getObservations(reference.getInitialState()).length;
  const partitions = new PartitionComparer(players, recorder, imperfect);
  let steps = 0;
  let agreeing = 0;
  for (let i = 0; i < options.trajectories; i++) {
    const comparePartitions = comparesPartitions(options.information, i);
    const result = compareTrajectory(candidate, reference, new Rng(options.seed).derive(i), options.maxGameLength, recorder, comparePartitions ? partitions : null);
    steps += result.steps;
    agreeing += result.agreeing;
  }
  return { checks: recorder.list(), steps, agreeingSteps: agreeing, transitionAccuracy: steps === 0 ? 0 : agreeing / steps };
}

function compareTrajectory<S, O, RS, RO>(
  candidate: GameCWM<S, O>,
  reference: GameCWM<RS, RO>,
  rng: Rng,
  maxGameLength: number,
  recorder: CheckRecorder,
  partitions: PartitionComparer | null,
): { steps: number; agreeing: number } {
  const actions: Action[] = [];
  let ref = reference.getInitialState();
  let cand: S | null = null;
  let candidateError = '';
  try {
    cand = candidate.getInitialState();
  } catch (error) {
    candidateError = `getInitialState threw ${describeThrown(error)}`;
  }
  let steps = 0;
  let agreeing = 0;
  for (;;) {
    steps++;
    const refPlayer = reference.getCurrentPlayer(ref);
    const refLegal = reference.getLegalActions(ref);
    if (cand === null) {
      recorder.fail('candidate-accepts-actions', candidateError, actions);
    } else {
      if (compareStep(candidate, cand, refPlayer, refLegal, reference.getRewards(ref), actions, recorder)) agreeing++;
      if (partitions) compareObservations(candidate, cand, reference.getObservations(ref), actions, recorder, partitions);
      if (refPlayer === CHANCE) compareChance(candidate, cand, chanceOutcomes(reference, ref), actions, recorder);
    }
    if (refPlayer === TERMINAL || actions.length >= maxGameLength) break;
    const action = refPlayer === CHANCE ? sampleChance(reference, ref, rng.randomFn) : rng.pick(refLegal);
    ref = reference.applyAction(ref, action);
    if (cand !== null) {
      try {
        cand = candidate.applyAction(cand, action);
      } catch (error) {
        candidateError = `applyAction(state, "${action}") threw ${describeThrown(error)}`;
        cand = null;
      }
    }
    actions.push(action);
  }
  return { steps, agreeing };
}

function compareChance<S, O>(
  candidate: GameCWM<S, O>,
  state: S,
  refOutcomes: Array<[Action, number]>,
  actions: Action[],
  recorder: CheckRecorder,
): void {
  if (recorder.hasFailed('same-chance-probabilities')) return;
  try {
    if (candidate.getCurrentPlayer(state) !== CHANCE) return;
    const mismatch = chanceMismatch(refOutcomes, chanceOutcomes(candidate, state));
    if (mismatch) recorder.fail('same-chance-probabilities', mismatch, actions);
  } catch (error) {
    recorder.fail('candidate-accepts-actions', `getChanceOutcomes threw ${describeThrown(error)}`, actions);
  }
}

/** Why a candidate's chance outcomes differ from the rules' (the first outcome whose probability differs), or null. */
export function chanceMismatch(refOutcomes: Array<[Action, number]>, candidateOutcomes: Array<[Action, number]>): string | null {
  const outcomes = new Map(candidateOutcomes);
  for (const [action, p] of refOutcomes) {
    const q = outcomes.get(action) ?? 0;
    if (Math.abs(p - q) > 1e-9) return `chance outcome "${action}" has probability ${q}; the rules give ${p}`;
  }
  return null;
}

function compareObservations<S, O>(
  candidate: GameCWM<S, O>,
  state: S,
  refObservations: unknown[],
  actions: Action[],
  recorder: CheckRecorder,
  partitions: PartitionComparer,
): void {
  try {
    const observations = candidate.getObservations(state);
    if (Array.isArray(observations) && observations.length === refObservations.length) {
      partitions.observe(observationKeys(actions.length, refObservations, (value) => JSON.stringify(value)), observationKeys(actions.length, observations, stableStringify), actions);
    }
  } catch (error) {
    recorder.fail('candidate-accepts-actions', `getObservations threw ${describeThrown(error)}`, actions);
  }
}

/** Compares the candidate's view of one state with the reference's; true when all agree. */
function compareStep<S, O>(
  candidate: GameCWM<S, O>,
  state: S,
  refPlayer: number,
  refLegal: Action[],
  refRewards: number[],
  actions: Action[],
  recorder: CheckRecorder,
): boolean {
  try {
    let agree = true;
    const player = candidate.getCurrentPlayer(state);
    if ((player === TERMINAL) !== (refPlayer === TERMINAL)) {
      recorder.fail('same-terminal', `the game should ${refPlayer === TERMINAL ? '' : 'not '}be over here`, actions);
      agree = false;
    }
    if (player !== refPlayer) {
      recorder.fail('same-current-player', `the current player is ${player}; the rules say ${refPlayer}`, actions);
      agree = false;
    }
    const legal = candidate.getLegalActions(state);
    const legalSet = new Set(legal);
    const refSet = new Set(refLegal);
    const missing = refLegal.filter((a) => !legalSet.has(a));
    const extra = legal.filter((a) => !refSet.has(a));
    if (missing.length > 0 || extra.length > 0 || legal.length !== refLegal.length) {
      const parts = [];
      if (missing.length > 0) parts.push(`missing ${JSON.stringify(missing)}`);
      if (extra.length > 0) parts.push(`should not allow ${JSON.stringify(extra)}`);
      if (parts.length === 0) parts.push('lists an action twice');
      recorder.fail('same-legal-actions', `the legal actions differ from the rules: ${parts.join('; ')}`, actions);
      agree = false;
    }
    const rewards = candidate.getRewards(state);
    if (!Array.isArray(rewards) || rewards.length !== refRewards.length || rewards.some((r, p) => Math.abs(r - refRewards[p]) > 1e-9)) {
      recorder.fail('same-rewards', `the rewards are ${JSON.stringify(rewards)}; the rules give ${JSON.stringify(refRewards)}`, actions);
      agree = false;
    }
    return agree;
  } catch (error) {
    recorder.fail('candidate-accepts-actions', `a query threw ${describeThrown(error)}`, actions);
    return false;
  }
}
