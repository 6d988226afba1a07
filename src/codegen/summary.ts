// The summary of a generation run: how often the first try compiled, how
// often each tier passed, the best candidate, and what the model cost.

import type { TierName } from '../verifier/scores.js';
import { TIER_NAMES, type VerificationReport } from '../verifier/verify.js';
import { firstFailure } from './feedback.js';
import type { Candidate, Strategy } from './refine.js';

/** A candidate's score: the mean of its applicable tiers' scores (all six tiers, not only the paper's). */
export function candidateScore(report: VerificationReport): number {
  const applicable = TIER_NAMES.filter((t) => report.tiers[t].applicable);
  return applicable.reduce((sum, t) => sum + report.tiers[t].score, 0) / applicable.length;
}

export function tierPassed(report: VerificationReport, tier: TierName): boolean {
  const result = report.tiers[tier];
  return result.total > 0 && result.passed === result.total;
}

export interface LlmUsage {
  /** Replies used: calls plus cache hits. */
  requests: number;
  /** Requests answered by the endpoint in this run. */
  calls: number;
  /** Replies read from the run folder's cache. */
  cached: number;
  /** Retried attempts (429, 5xx, timeouts) in this run. */
  retries: number;
  /** Tokens of every reply used, cached ones included. */
  promptTokens: number;
  completionTokens: number;
  /** Tokens of the calls made in this run. */
  spentPromptTokens: number;
  spentCompletionTokens: number;
}

export interface CandidateSummary {
  file: string;
  sample: number;
  round: number;
  parent: string | null;
  ok: boolean;
  score: number;
  eval: number;
  reward: number;
  transitionAccuracy: number | null;
  firstFailure: string;
}

export interface GenerationSummary {
  game: string;
  language: 'ts' | 'python';
  model: string;
  strategy: Strategy;
  samples: number;
  refine: number;
  seed: number;
  /** The first candidate that passes every tier, or null. */
  passed: string | null;
  candidates: number;
  /** Share of first attempts (round 0) whose static tier passes. */
  firstTryCompileRate: number;
  /** Per tier, the share of candidates where it applies that pass it; null where it applies to none. */
  passRate: Record<TierName, number | null>;
  /** The candidate with the highest score. */
  best: CandidateSummary | null;
  /** The highest of each score over all candidates. */
  bestScores: { eval: number; reward: number; transitionAccuracy: number | null };
  /** Tiers that did not apply, with the reason (no built-in reference, perfect information). */
  skipped: Partial<Record<TierName, string>>;
  llm: LlmUsage;
  /** Set when the run stopped early on an error; the candidates so far are kept. */
  interrupted?: string;
  list: CandidateSummary[];
}

/** What the summary takes from the run's settings (the rest it derives from the candidates). */
export type SummaryInput = Pick<GenerationSummary, 'game' | 'language' | 'model' | 'strategy' | 'samples' | 'refine' | 'seed' | 'llm' | 'interrupted'>;

export function summarize(input: SummaryInput, candidates: readonly Candidate[]): GenerationSummary {
  const ordered = [...candidates].sort((a, b) => a.sample - b.sample || a.round - b.round);
  const list = ordered.map(candidateSummary);
  const firstTries = ordered.filter((c) => c.round === 0);
  const passRate = {} as Record<TierName, number | null>;
  const skipped: Partial<Record<TierName, string>> = {};
  for (const tier of TIER_NAMES) {
    const applicable = ordered.filter((c) => c.report.tiers[tier].applicable);
    passRate[tier] = applicable.length === 0 ? null : applicable.filter((c) => tierPassed(c.report, tier)).length / applicable.length;
    const note = ordered[0]?.report.tiers[tier].note;
    if (applicable.length === 0 && note) skipped[tier] = note;
  }
  const best = list.length === 0 ? null : list.reduce((a, b) => (b.score > a.score || (b.score === a.score && b.reward > a.reward) ? b : a));
  const accuracies = list.map((c) => c.transitionAccuracy).filter((x): x is number => x !== null);
  // The run stops in the round where a candidate first passes; within a round the lowest sample counts.
  const passing = ordered.filter((c) => c.report.ok).sort((a, b) => a.round - b.round || a.sample - b.sample);
  const passed = passing[0]?.file ?? null;
  return {
    game: input.game, language: input.language, model: input.model, strategy: input.strategy,
    samples: input.samples, refine: input.refine, seed: input.seed,
    passed, candidates: list.length,
    firstTryCompileRate: firstTries.length === 0 ? 0 : firstTries.filter((c) => tierPassed(c.report, 'static')).length / firstTries.length,
    passRate, best,
    bestScores: {
      eval: Math.max(0, ...list.map((c) => c.eval)),
      reward: Math.max(0, ...list.map((c) => c.reward)),
      transitionAccuracy: accuracies.length === 0 ? null : Math.max(...accuracies),
    },
    skipped, llm: input.llm,
    ...(input.interrupted ? { interrupted: input.interrupted } : {}),
    list,
  };
}

function candidateSummary(c: Candidate): CandidateSummary {
  return {
    file: c.file, sample: c.sample, round: c.round, parent: c.parent, ok: c.report.ok, score: c.score,
    eval: c.report.scores.eval, reward: c.report.scores.reward, transitionAccuracy: c.report.scores.transitionAccuracy,
    firstFailure: firstFailure(c.report),
  };
}
