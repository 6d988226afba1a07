// The differential tier: seeded trajectories of the reference game, replayed
// step by step on the candidate. A step agrees when the legal action set, the
// current player, the rewards and terminality all match; transition accuracy
// is the share of agreeing steps. Pure code, sandbox-ready.

import { sampleChance } from '../engine/chance.js';
import { type Action, CHANCE, type GameCWM, TERMINAL } from '../engine/contract.js';
import { Rng } from '../engine/rng.js';
import { CheckRecorder, type CheckResult, describeThrown } from './check-result.js';

export const DIFFERENTIAL_CHECKS = ['same-legal-actions', 'same-current-player', 'same-rewards', 'same-terminal', 'candidate-accepts-actions'] as const;

export interface DifferentialOptions {
  trajectories: number;
  seed: number;
  maxGameLength: number;
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
  const recorder = new CheckRecorder(DIFFERENTIAL_CHECKS);
  let steps = 0;
  let agreeing = 0;
  for (let i = 0; i < options.trajectories; i++) {
    const result = compareTrajectory(candidate, reference, new Rng(options.seed).derive(i), options.maxGameLength, recorder);
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
    } else if (compareStep(candidate, cand, refPlayer, refLegal, reference.getRewards(ref), actions, recorder)) {
      agreeing++;
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
    const missing = refLegal.filter((a) => !legal.includes(a));
    const extra = legal.filter((a) => !refLegal.includes(a));
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
