// Verifies a TypeScript GameCWM candidate: the static tier on the host (one
// warm ts-morph Project), then every dynamic tier inside a sandbox, one call
// per tier, each call bounded in time and the isolate bounded in memory.

import { compileCandidate, CompileError } from '../engine/sandbox/compile.js';
import { SandboxPool } from '../engine/sandbox/pool.js';
import type { FairScheduler } from '../fair-scheduler.js';
import { CandidateLoadError, DEFAULT_LIMITS, SandboxError, type SandboxLimits } from '../engine/sandbox/limits.js';
import type { CandidateSession } from '../engine/sandbox/sandbox.js';
import type { GameInfo } from '../engine/game-info.js';
import type { Scenario } from '../engine/scenario.js';
import type { CheckResult } from './check-result.js';
import type { DifferentialReport } from './differential.js';
import type { DynamicsReport } from './dynamics.js';
import type { InformationReport } from './information.js';
import { evalScore, type RewardKind, rlvrReward, type TierName } from './scores.js';
import { pythonPortability } from '../codegen/python/translate.js';
import { CandidateBudget, limitsForGame } from './budget.js';
import { PORTABLE_CHECK, result, StaticChecker, type SourceCheck } from './static/checker.js';
import type { Diagnostic } from './static/diagnostic.js';

export const TIER_NAMES: TierName[] = ['static', 'dynamics', 'consistency', 'information', 'scenarios', 'differential'];

/** Dynamics-playout checks that belong to the consistency tier. */
export const CONSISTENCY_CHECKS = new Set(['chance-distribution', 'utility-kind', 'observations-well-formed', 'player-names']);

export interface VerifyOptions {
  playouts: number;
  histories: number;
  trajectories: number;
  seed: number;
  limits: SandboxLimits;
  /** Cores to use for batches (one isolate each). */
  concurrency: number;
  /** The portability check: translation to Python by default, null for none. */
  portability?: SourceCheck | null;
  /**
   * Require portability to Python: the static tier gains the `portable` check, so a module the
   * translator cannot express is not ok and loses that check's share of the eval score and reward.
   * Off by default: a correct TypeScript GameCWM is ok whether or not it translates.
   */
  requirePortable?: boolean;
  /** Which reward `scores.reward` holds: the paper's (default) or the strict one (with the differential tier). */
  reward?: RewardKind;
}

/** What one verification may set for itself on a shared verifier (a fleet worker serves jobs with different settings). */
export type RunSettings = Pick<VerifyOptions, 'playouts' | 'histories' | 'trajectories' | 'seed' | 'limits' | 'requirePortable' | 'reward'>;

export const DEFAULT_VERIFY_OPTIONS: VerifyOptions = {
  playouts: 100, histories: 100, trajectories: 100, seed: 0, limits: DEFAULT_LIMITS, concurrency: 2,
};

export interface TierReport {
  applicable: boolean;
  passed: number;
  total: number;
  score: number;
  checks: CheckResult[];
  /** Why the tier did not run or does not apply. */
  note?: string;
}

export interface VerificationReport {
  game: string;
  file: string;
  /** A correct GameCWM: every applicable tier passed (portability counts only when required). */
  ok: boolean;
  /** Translatable to Python (a verdict of its own), null when not checked. */
  portable: boolean | null;
  /** Why it is not portable, each at line:column of the module. */
  portability: Diagnostic[];
  scores: { eval: number; reward: number; transitionAccuracy: number | null };
  tiers: Record<TierName, TierReport>;
  /** Formatted static diagnostics (file:line:column: message). */
  diagnostics: string[];
  timings: { staticMs: number; sandboxMs: number; cpuMs: number };
}

/** What the verifier needs to know about the game a candidate implements. */
export interface VerifyTarget {
  info: GameInfo;
  /** Id of the built-in reference for scenarios and differential checks, if there is one. */
  referenceId?: string;
  /** A new game's own scenarios (without a reference): the scenarios tier runs these. */
  scenarios?: Scenario[];
}

export class Verifier {
  private checker?: StaticChecker;
  private readonly pool: SandboxPool;
  readonly options: VerifyOptions;

  constructor(options: Partial<VerifyOptions> = {}) {
    this.options = { ...DEFAULT_VERIFY_OPTIONS, ...options };
    this.pool = new SandboxPool(this.options.concurrency, this.options.limits);
  }

  /** Whose sandbox call runs next, across every candidate this verifier has in flight (Python ones too). */
  get scheduler(): FairScheduler {
    return this.pool.scheduler;
  }

  /** The long-lived static checker, created on first use. */
  get staticChecker(): StaticChecker {
    this.checker ??= new StaticChecker(this.options.portability === undefined ? pythonPortability : this.options.portability ?? undefined);
    return this.checker;
  }

  /** `settings` replaces this verifier's playouts, seed, limits and reward for this one candidate. */
  async verify(source: string, target: VerifyTarget, file = 'candidate.ts', reward = this.options.reward, settings?: RunSettings): Promise<VerificationReport> {
    const given = { ...this.options, ...settings };
    const run = { ...given, limits: limitsForGame(given.limits, target.info) };
    const staticStart = performance.now();
    const staticReport = this.staticChecker.check(source);
    const staticMs = performance.now() - staticStart;
    const tiers = emptyTiers(target);
    const portability = staticReport.portability ?? [];
    const portable = staticReport.portability === null ? null : portability.length === 0;
    const requirePortable = run.requirePortable === true;
    setTier(tiers.static, requirePortable ? [...staticReport.checks, result(PORTABLE_CHECK, staticReport.portability ?? [])] : staticReport.checks);
    const format = (d: Diagnostic) => `${file}:${d.line}:${d.column}: ${d.message}`;
    const diagnostics = [...staticReport.diagnostics, ...(requirePortable ? portability : [])].map(format);

    let sandboxMs = 0;
    let cpuMs = 0;
    let transitionAccuracy: number | null = null;
    let script: string | null = null;
    if (staticReport.runnable) {
      try {
        script = await compileCandidate(source, file);
      } catch (error) {
        if (!(error instanceof CompileError)) throw error;
        diagnostics.push(...error.diagnostics);
      }
    }
    if (script === null) {
      markNotRun(tiers, 'not run: the static tier found problems that stop the module from running');
    } else {
      const sandboxStart = performance.now();
      await this.pool.withCandidate(script, async (session) => {
        try {
          transitionAccuracy = await this.runTiers(session, target, tiers, run);
        } finally {
          cpuMs = session.cpuTimeMs;
        }
      }, run.limits).catch((error: unknown) => {
        if (!(error instanceof SandboxError)) throw error;
        markNotRun(tiers, error.message, 'loads');
      });
      sandboxMs = performance.now() - sandboxStart;
    }

    if (target.referenceId !== undefined && transitionAccuracy === null) transitionAccuracy = 0;
    const rewardScore = rlvrReward(tiers, staticReport.resampleStub !== null, reward);
    if (staticReport.resampleStub && tiers.information.applicable) {
      tiers.information.note = `${staticReport.resampleStub}: it earns no information credit in the reward`;
    }
    const ok = TIER_NAMES.every((t) => !tiers[t].applicable || tiers[t].passed === tiers[t].total) && staticReport.resampleStub === null;
    return {
      game: target.info.id, file, ok, portable, portability,
      scores: { eval: evalScore(tiers), reward: rewardScore, transitionAccuracy },
      tiers, diagnostics, timings: { staticMs, sandboxMs, cpuMs },
    };
  }

  /** Runs the dynamic tiers in an open session; returns the transition accuracy. */
  private async runTiers(session: CandidateSession, target: VerifyTarget, tiers: Record<TierName, TierReport>, run: RunSettings): Promise<number | null> {
    const { info, referenceId } = target;
    const { playouts, histories, trajectories, seed } = run;
    // A tier whose call fails (time or memory limit, a harness error) fails as a whole with that message;
    // the calls share one budget (budget.ts), and a tier left without any fails without running.
    const budget = new CandidateBudget(run.limits.timeoutMs);
    const attempt = async <T>(tier: TierName, call: (timeoutMs: number) => Promise<T>): Promise<T | null> => {
      const limitMs = budget.nextLimitMs();
      if (limitMs === null) {
        setTier(tiers[tier], [{ name: 'runs-within-limits', passed: false, message: budget.notRunMessage() }]);
        return null;
      }
      const cpuBefore = session.cpuTimeMs;
      try {
        const result = await call(limitMs);
        budget.charge(session.cpuTimeMs - cpuBefore);
        return result;
      } catch (error) {
        // A candidate that does not load fails every tier alike (below, around the session).
        if (!(error instanceof SandboxError) || error instanceof CandidateLoadError) throw error;
        const cut = error.kind === 'timeout';
        budget.charge(cut ? limitMs : session.cpuTimeMs - cpuBefore);
        const message = (cut ? budget.cutMessage(limitMs, `running the ${tier} checks`) : null) ?? error.message;
        setTier(tiers[tier], [{ name: 'runs-within-limits', passed: false, message }]);
        return null;
      }
    };

    const dynamics = await attempt('dynamics', (timeoutMs) => session.call<DynamicsReport>({
      op: 'dynamics', players: info.players, utility: info.utility, maxGameLength: info.maxGameLength, playouts, seed,
    }, timeoutMs));
    if (dynamics) {
      setTier(tiers.dynamics, dynamics.checks.filter((c) => !CONSISTENCY_CHECKS.has(c.name)));
      setTier(tiers.consistency, dynamics.checks.filter((c) => CONSISTENCY_CHECKS.has(c.name)));
    } else {
      Object.assign(tiers.consistency, { ...tiers.dynamics, checks: tiers.dynamics.checks.slice() });
    }
    if (tiers.information.applicable) {
      const information = await attempt('information', (timeoutMs) => session.call<InformationReport>({
        op: 'information', players: info.players, maxGameLength: info.maxGameLength, histories, seed, gameId: referenceId,
      }, timeoutMs));
      if (information) setTier(tiers.information, information.checks);
    }
    if (tiers.scenarios.applicable) {
      const request = referenceId === undefined ? { op: 'scenarios', scenarios: target.scenarios } : { op: 'scenarios', gameId: referenceId };
      const scenarios = await attempt('scenarios', (timeoutMs) => session.call<CheckResult[]>(request, timeoutMs));
      if (scenarios) setTier(tiers.scenarios, scenarios);
    }
    if (referenceId === undefined) return null;
    const differential = await attempt('differential', (timeoutMs) => session.call<DifferentialReport>({
      op: 'differential', gameId: referenceId, trajectories, seed,
    }, timeoutMs));
    if (!differential) return 0;
    setTier(tiers.differential, differential.checks);
    return differential.transitionAccuracy;
  }

  dispose(): void {
    this.pool.dispose();
  }
}

export function emptyTiers(target: VerifyTarget): Record<TierName, TierReport> {
  const tier = (applicable: boolean, note?: string): TierReport => ({ applicable, passed: 0, total: 0, score: 0, checks: [], ...(note ? { note } : {}) });
  const noReference = 'no built-in reference for this game: skipped';
  const ownScenarios = target.referenceId === undefined && (target.scenarios?.length ?? 0) > 0;
  return {
    static: tier(true),
    dynamics: tier(true),
    consistency: tier(true),
    information: tier(target.info.information === 'imperfect', target.info.information === 'perfect' ? 'perfect information: does not apply' : undefined),
    scenarios: tier(target.referenceId !== undefined || ownScenarios,
      target.referenceId === undefined ? (ownScenarios ? 'the game\'s own scenarios' : 'no built-in reference and no scenarios of its own: skipped') : undefined),
    differential: tier(target.referenceId !== undefined, target.referenceId === undefined ? noReference : undefined),
  };
}

/** The tiers that did not run because the game has no reference (or no scenarios of its own), with the reason. */
export function skippedTiers(tiers: Record<TierName, TierReport>): Partial<Record<TierName, string>> {
  const skipped: Partial<Record<TierName, string>> = {};
  for (const name of TIER_NAMES) if (!tiers[name].applicable && tiers[name].note?.endsWith(': skipped')) skipped[name] = tiers[name].note;
  return skipped;
}

export function setTier(tier: TierReport, checks: CheckResult[]): void {
  tier.checks = checks;
  tier.total = checks.length;
  tier.passed = checks.filter((c) => c.passed).length;
  tier.score = tier.total === 0 ? 0 : tier.passed / tier.total;
}

/**
 * The report of a candidate that never reached the verifier (a reply without code, a fleet job that
 * failed): `check` fails the static tier with its message and every other tier is not run.
 */
export function unrunReport(target: VerifyTarget, file: string, check: CheckResult, reward?: RewardKind): VerificationReport {
  const tiers = emptyTiers(target);
  setTier(tiers.static, [check]);
  markNotRun(tiers, `not run: ${check.message ?? check.name}`);
  return {
    game: target.info.id, file, ok: false, portable: null, portability: [],
    scores: { eval: evalScore(tiers), reward: rlvrReward(tiers, false, reward), transitionAccuracy: target.referenceId === undefined ? null : 0 },
    tiers, diagnostics: [], timings: { staticMs: 0, sandboxMs: 0, cpuMs: 0 },
  };
}

/** Fails every applicable dynamic tier with one message. */
export function markNotRun(tiers: Record<TierName, TierReport>, message: string, checkName = 'runs'): void {
  for (const name of TIER_NAMES) {
    if (name === 'static' || !tiers[name].applicable) continue;
    setTier(tiers[name], [{ name: checkName, passed: false, message }]);
  }
}
