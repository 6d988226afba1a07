// The posterior test of a Python candidate, judged on the host: the histories
// and the reference's draws come from the TypeScript tier's own
// posteriorCases, the runner draws the candidate's worlds for each (its
// 'posterior' op), and posteriorMismatch decides, so both paths share one
// definition of resample-matches-posterior.

import type { Action, AnyGameCWM } from '../engine/contract.js';
import type { CheckRecorder } from './check-result.js';
import {
  emptyDraws, type InformationCheck, type InformationOptions, POSTERIOR_CHECK, POSTERIOR_REPLAYS, POSTERIOR_SAMPLES, posteriorCases,
  posteriorFailure, posteriorMismatch, posteriorNotComparable, posteriorReplayFailure, tallyDraw,
} from './information.js';

/** What the runner's 'posterior' op returns (python/gamecwm_runner/tiers/information.py, posterior_draws). */
export type PythonDraws =
  | { worlds: Array<[Array<Action | null>, number]> }
  | { history_error: string }
  | { resample_error: string }
  | { problem: [InformationCheck, string] };

/** Asks the runner for the candidate's draws; null when the request failed (the caller has failed the tier). */
export type DrawRequest = (fields: { actions: Action[]; player: number; steps: number[]; samples: number; seed: number; replays: number }) => Promise<PythonDraws | null>;

/** Runs the test, recording its failure (under the check the TypeScript tier would name) in `recorder`; false if a request failed. */
export async function comparePythonPosteriors(
  draw: DrawRequest, reference: AnyGameCWM, players: number, options: InformationOptions, recorder: CheckRecorder,
): Promise<boolean> {
  for (const { truth, referenceDraws, rng } of posteriorCases(reference, players, options)) {
    const result = await draw({
      actions: truth.actions, player: truth.player, steps: truth.hidden, samples: POSTERIOR_SAMPLES,
      seed: rng.int(2 ** 32), replays: POSTERIOR_REPLAYS,
    });
    if (result === null) return false;
    if ('history_error' in result) {
      recorder.fail(POSTERIOR_CHECK, posteriorNotComparable(truth.player, result.history_error), truth.actions);
      return true;
    }
    if ('resample_error' in result) {
      recorder.fail('resample-runs', `player ${truth.player}: resample_history raised ${result.resample_error}`, truth.actions);
      return true;
    }
    if ('problem' in result) {
      recorder.fail(result.problem[0], posteriorReplayFailure(truth.player, result.problem[1]), truth.actions);
      return true;
    }
    const candidateDraws = emptyDraws(truth.hidden);
    for (const [hidden, count] of result.worlds) tallyDraw(candidateDraws, hidden, count);
    const mismatch = posteriorMismatch(candidateDraws, referenceDraws);
    if (mismatch) {
      recorder.fail(POSTERIOR_CHECK, posteriorFailure(truth.player, mismatch), truth.actions);
      return true;
    }
  }
  return true;
}
