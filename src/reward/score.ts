// The RLVR reward of one completion, as the paper computes it: take the first
// code block of the completion (the whole text if it has none), verify it
// against the game with every tier, and return the paper's weighted reward.
// Hostile code is the sandbox's business: it yields a low reward, never an
// error of the service.

import { extractCode, type CodeLanguage } from '../codegen/extract.js';
import { firstFailure } from '../codegen/feedback.js';
import type { GameInfo } from '../engine/game-info.js';
import type { RewardKind } from '../verifier/scores.js';
import { type CandidateVerifier, LocalCandidateVerifier } from '../verifier/candidate.js';
import type { VerifyOptions } from '../verifier/verify.js';

export interface RewardDetail {
  reward: number;
  /** Every tier passed. */
  ok: boolean;
  /** Translatable to Python (counted in ok and the reward only with requirePortable), null if not checked. */
  portable: boolean | null;
  eval: number;
  transitionAccuracy: number | null;
  /** A code block was found (otherwise the whole completion was verified). */
  fenced: boolean;
  /** `tier/check` of the first failure. */
  firstFailure?: string;
  /** Set when the completion could not be scored at all (reward 0). */
  error?: string;
}

/** The text of a completion: a string, or a conversation whose last assistant turn is the answer (TRL's conversational format). */
export function completionText(completion: unknown): string | null {
  if (typeof completion === 'string') return completion;
  if (!Array.isArray(completion)) return null;
  const turns = completion.filter((m): m is { role?: unknown; content: string } => typeof m === 'object' && m !== null && typeof (m as { content?: unknown }).content === 'string');
  if (turns.length !== completion.length) return null;
  const assistant = turns.filter((m) => m.role === 'assistant');
  return (assistant.length > 0 ? assistant : turns).at(-1)?.content ?? '';
}

/** Scores completions with a candidate verifier: in this process (options) or on a fleet of workers (a FleetVerifier). */
export class RewardScorer {
  readonly verifier: CandidateVerifier;

  constructor(verifier: CandidateVerifier | Partial<VerifyOptions> = {}) {
    this.verifier = 'verifyCandidate' in verifier ? verifier as CandidateVerifier : new LocalCandidateVerifier(verifier);
  }

  async score(info: GameInfo, referenceId: string | undefined, completion: string, language: CodeLanguage, reward: RewardKind | undefined = this.verifier.options.reward): Promise<RewardDetail> {
    const fenced = /^\s*(```|~~~)/m.test(completion);
    const code = extractCode(completion, language, 'first');
    if (code === null) return { reward: 0, ok: false, portable: null, eval: 0, transitionAccuracy: referenceId ? 0 : null, fenced, error: 'empty completion' };
    const target = { info, ...(referenceId ? { referenceId } : {}) };
    const file = language === 'ts' ? 'completion.ts' : 'completion.py';
    const report = await this.verifier.verifyCandidate({ language, source: code, file }, target, reward === undefined ? {} : { reward });
    const failure = firstFailure(report);
    return {
      reward: report.scores.reward, ok: report.ok, portable: report.portable, eval: report.scores.eval, transitionAccuracy: report.scores.transitionAccuracy, fenced,
      ...(failure ? { firstFailure: failure } : {}),
    };
  }

  dispose(): Promise<void> {
    return this.verifier.dispose();
  }
}
