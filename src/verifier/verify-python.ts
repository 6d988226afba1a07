// Verifies a paper-format Python CWM with the same tiers and scores as a
// TypeScript candidate, through the hardened Python runner: every loop
// (playouts, histories, scenario replays, differential trajectories) runs in
// Python, one request per tier (the differential tier in batches). It replays trajectories
// recorded from the built-in TypeScript reference.

import { recordTrajectories } from '../engine/record.js';
import { getGame } from '../games/index.js';
import { readFileSync } from 'node:fs';
import type { Tenancy } from '../fair-scheduler.js';
import { fairRequest } from '../python-runner/fair-request.js';
import { PythonRunner, PythonRunnerError } from '../python-runner/runner-client.js';
import { type PythonValueRule, valueRuleOf } from '../python-runner/value-rule.js';
import { limitsForGame } from './budget.js';
import { CheckRecorder, type CheckResult } from './check-result.js';
import { INFORMATION_CHECKS, POSTERIOR_CHECK } from './information.js';
import { comparePythonPosteriors, type PythonDraws } from './python-posterior.js';
import type { AnyGameCWM } from '../engine/contract.js';
import { differentialRequest, type PythonDifferentialPart, PythonDifferentialJudge } from './python-differential.js';
import { evalScore, rlvrReward, type TierName } from './scores.js';
import {
  CONSISTENCY_CHECKS, emptyTiers, markNotRun, setTier, TIER_NAMES, type TierReport, type VerificationReport, type VerifyOptions, type VerifyTarget,
} from './verify.js';

/** What the paper's static tier requires (get_player_name is optional in its format). */
const CONTRACT = ['get_initial_state', 'apply_action', 'get_current_player', 'get_rewards', 'get_legal_actions', 'get_observations'];

/**
 * Python runs the same checks more slowly. A candidate's whole verification
 * (every request together) gets one budget: the sandbox call's limit for each
 * playout asked for (playouts also set the histories and differential
 * trajectories, so the work grows with them), and at least this many limits.
 * One budget, not one per request: a module that spends just under a
 * request's limit in each of a dozen requests gets no more than the budget.
 * The paper's chess golden needs about 90 s of CPU for the default 100
 * playouts, within the 200 s budget at the default 2 s limit.
 */
export const PYTHON_TIME_FACTOR = 30;

/** The time budget of one Python candidate's whole verification. */
export function pythonBudgetMs(timeoutMs: number, playouts: number): number {
  return timeoutMs * Math.max(PYTHON_TIME_FACTOR, playouts);
}

/** Differential trajectories per request. */
const DIFFERENTIAL_BATCH = 5;

/** Dynamics playouts and information histories per request. */
const TIER_BATCH = 5;

/** Sends one request to the runner: in the candidate's turns of a shared scheduler when given some. */
type Ask = <T>(op: string, fields?: Record<string, unknown>) => Promise<T>;

/** `tenancy`: run each request in the candidate's turns of a scheduler shared with other candidates (the Verifier's). */
export async function verifyPython(path: string, target: VerifyTarget, options: VerifyOptions, file = path, tenancy?: Tenancy): Promise<VerificationReport> {
  const tiers = emptyTiers(target);
  const start = performance.now();
  const budgetMs = pythonBudgetMs(limitsForGame(options.limits, target.info).timeoutMs, options.playouts);
  const runner = await PythonRunner.start(path, { timeoutMs: budgetMs, budgetMs, memoryMb: Math.max(options.limits.memoryMb, 256) });
  const ask: Ask = (op, fields) => (tenancy ? fairRequest(runner, tenancy, op, fields) : runner.request(op, fields));
  let transitionAccuracy: number | null = null;
  try {
    const exported = await ask<string[]>('exports').catch((error: unknown) => {
      setTier(tiers.static, [{ name: 'loads', passed: false, message: errorText(error) }]);
      return null;
    });
    if (exported === null) {
      markNotRun(tiers, 'not run: the module does not load');
    } else {
      const required = target.info.information === 'imperfect' ? [...CONTRACT, 'resample_history'] : CONTRACT;
      const missing = required.filter((name) => !exported.includes(name));
      setTier(tiers.static, [
        { name: 'loads', passed: true },
        missing.length === 0 ? { name: 'satisfies-contract', passed: true }
          : { name: 'satisfies-contract', passed: false, message: `the module does not define ${missing.join(', ')}` },
      ]);
      transitionAccuracy = await runTiers(ask, target, options, tiers, valueRuleOf(readFileSync(path, 'utf8')));
    }
  } finally {
    tenancy?.end();
    await runner.close();
  }
  if (target.referenceId !== undefined && transitionAccuracy === null) transitionAccuracy = 0;
  const ok = TIER_NAMES.every((t) => !tiers[t].applicable || tiers[t].passed === tiers[t].total);
  return {
    // A paper-format module is Python already.
    game: target.info.id, file, ok, portable: true, portability: [],
    scores: { eval: evalScore(tiers), reward: rlvrReward(tiers, false, options.reward), transitionAccuracy },
    tiers, diagnostics: [], timings: { staticMs: 0, sandboxMs: performance.now() - start, cpuMs: 0 },
  };
}

async function runTiers(
  ask: Ask, target: VerifyTarget, options: VerifyOptions, tiers: Record<TierName, TierReport>, values: PythonValueRule,
): Promise<number | null> {
  const { info, referenceId } = target;
  const attempt = async <T>(tier: TierName, op: string, fields: Record<string, unknown>): Promise<T | null> => {
    try {
      return await ask<T>(op, fields);
    } catch (error) {
      setTier(tiers[tier], [{ name: 'runs-within-limits', passed: false, message: errorText(error) }]);
      return null;
    }
  };
  // Playouts and histories go in batches: the paper's goldens of long games (backgammon: about 0.8 s a
  // game) would not fit 100 of them in one request's time limit.
  const batched = async (tier: TierName, op: string, count: number, fields: Record<string, unknown>): Promise<{ checks: CheckResult[]; tested: number } | null> => {
    const merged = new Map<string, CheckResult>();
    let tested = 0;
    for (let first = 0; first < count; first += TIER_BATCH) {
      const part = await attempt<{ checks: CheckResult[]; histories?: number }>(tier, op, { ...fields, first, [op === 'dynamics' ? 'playouts' : 'histories']: Math.min(TIER_BATCH, count - first) });
      if (!part) return null;
      mergeChecks(merged, part.checks);
      tested += part.histories ?? 0;
    }
    return { checks: [...merged.values()], tested };
  };
  const dynamics = await batched('dynamics', 'dynamics', options.playouts, {
    players: info.players, utility: info.utility, max_game_length: info.maxGameLength, seed: options.seed, values,
  });
  if (dynamics) {
    setTier(tiers.dynamics, dynamics.checks.filter((c) => !CONSISTENCY_CHECKS.has(c.name)));
    setTier(tiers.consistency, dynamics.checks.filter((c) => CONSISTENCY_CHECKS.has(c.name)));
  } else {
    setTier(tiers.consistency, tiers.dynamics.checks.slice());
  }
  if (tiers.information.applicable) {
    const information = await batched('information', 'information', options.histories, {
      players: info.players, max_game_length: info.maxGameLength, seed: options.seed, values, batch: true,
    });
    if (information && information.tested === 0 && options.histories > 0) {
      const runs = information.checks.find((c) => c.name === 'resample-runs');
      if (runs?.passed) Object.assign(runs, { passed: false, message: `none of ${options.histories} sampled histories had a decision of the sampled player, so resample_history could not be tested` });
    }
    if (information) {
      const posterior = referenceId !== undefined && getGame(referenceId).cwm.resampleHistory !== undefined;
      const recorder = new CheckRecorder(posterior ? [...INFORMATION_CHECKS, POSTERIOR_CHECK] : INFORMATION_CHECKS);
      for (const check of information.checks) if (!check.passed) recorder.fail(check.name, check.message ?? 'failed', check.actions);
      // As the TypeScript tier: the posterior is compared once every history the module resampled explains itself.
      let judged = true;
      if (posterior && INFORMATION_CHECKS.every((name) => name === 'resample-legal' || !recorder.hasFailed(name))) {
        judged = await comparePythonPosteriors(
          (fields) => attempt<PythonDraws>('information', 'posterior', { ...fields, values }),
          getGame(referenceId!).cwm as AnyGameCWM, info.players, { histories: options.histories, seed: options.seed, maxGameLength: info.maxGameLength }, recorder,
        );
      }
      if (judged) setTier(tiers.information, recorder.list());
    }
  }
  const reference = referenceId === undefined ? undefined : getGame(referenceId);
  if (tiers.scenarios.applicable) {
    const scenarios = await attempt<CheckResult[]>('scenarios', 'scenarios', { scenarios: reference?.scenarios ?? target.scenarios, values });
    if (scenarios) setTier(tiers.scenarios, scenarios);
  }
  if (reference === undefined) return null;
  const recorded = recordTrajectories(reference.cwm, options.trajectories, options.seed, reference.info.maxGameLength);
  // In batches: a long game's trajectories with every legal set (havannah: ~170 actions a state) would make
  // one request too big for the runner's memory limit, and a batch keeps each request well inside its time limit.
  const judge = new PythonDifferentialJudge(reference.cwm as AnyGameCWM, reference.info.information);
  for (let start = 0; start < recorded.length; start += DIFFERENTIAL_BATCH) {
    const batch = recorded.slice(start, start + DIFFERENTIAL_BATCH);
    const differential = await attempt<PythonDifferentialPart>('differential', 'differential', {
      trajectories: differentialRequest(batch, start, reference.info.information), values,
    });
    if (!differential) return 0;
    judge.add(batch, differential);
  }
  setTier(tiers.differential, judge.checks());
  return judge.transitionAccuracy();
}

/** A check passes only if it passed in every batch; the first failure is the one reported. */
function mergeChecks(merged: Map<string, CheckResult>, checks: CheckResult[]): void {
  for (const check of checks) {
    const seen = merged.get(check.name);
    if (!seen || (seen.passed && !check.passed)) merged.set(check.name, check);
  }
}

function errorText(error: unknown): string {
  return error instanceof PythonRunnerError || error instanceof Error ? error.message : String(error);
}
