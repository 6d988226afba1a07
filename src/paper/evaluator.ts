// The paper's own evaluator on one paper-format candidate, run from the user's
// copy of the paper's repository by python/paper_evaluator.py in a confined
// child process. Shared by `bench agreement` and `gamecwm conformance`.

import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import type { PaperLayout } from './layout.js';

const EVALUATOR_SCRIPT = resolve(PACKAGE_ROOT, 'python', 'paper_evaluator.py');

export interface PaperCheck {
  name: string;
  passed: boolean;
  message: string;
}

/** The evaluator's verdict, or `error` when it gave none (timeout, crash, a broken copy of the evaluator). */
export interface PaperEvaluatorOutput {
  evalScore: number;
  reward: number | null;
  /** Per tier the evaluator ran: its checks. */
  tiers: Record<string, { passed: number; total: number; checks: PaperCheck[] }>;
  error?: string;
}

export interface PaperEvaluatorRun {
  game: string;
  candidate: string;
  seed: number;
  /** The evaluator's games per tier (its own default is 100). */
  numGames: number;
  timeoutMs: number;
}

export function runPaperEvaluator(layout: PaperLayout, run: PaperEvaluatorRun): Promise<PaperEvaluatorOutput> {
  if (layout.evaluationDir === null || layout.configDir === null) {
    return Promise.resolve({ evalScore: 0, reward: 0, tiers: {}, error: `${layout.root} has no evaluation/ and config/ (the paper's evaluator)` });
  }
  const args = [
    '-B', EVALUATOR_SCRIPT, '--evaluation', layout.evaluationDir, '--config', layout.configDir, '--games', layout.gamesDir,
    '--game', run.game, '--candidate', run.candidate, '--num-games', String(run.numGames), '--seed', String(run.seed),
    '--timeout-s', String(Math.ceil(run.timeoutMs / 1000)),
  ];
  return new Promise((done) => {
    execFile('python3', args, { timeout: run.timeoutMs + 5000, maxBuffer: 16 << 20, killSignal: 'SIGKILL' }, (error, stdout) => {
      let parsed: { eval_score?: number; reward?: number | null; tiers?: PaperEvaluatorOutput['tiers']; error?: string } | null = null;
      try {
        parsed = JSON.parse(stdout.trim().split('\n').pop() ?? '');
      } catch {
        parsed = null;
      }
      if (parsed === null || parsed.error !== undefined || parsed.tiers === undefined) {
        const why = parsed?.error ?? (error?.killed ? `timed out after ${run.timeoutMs} ms` : `no verdict (${error?.message.split('\n')[0] ?? 'empty output'})`);
        // The paper's harness scores a candidate that kills or hangs its evaluator 0.
        done({ evalScore: 0, reward: 0, tiers: {}, error: why });
        return;
      }
      done({ evalScore: parsed.eval_score ?? 0, reward: parsed.reward ?? null, tiers: parsed.tiers });
    });
  });
}

/** Every failing check as "tier/check: message", in the evaluator's order. */
export function paperFailures(output: PaperEvaluatorOutput): string[] {
  if (output.error !== undefined) return [output.error];
  return Object.entries(output.tiers).flatMap(([tier, t]) => t.checks.filter((c) => !c.passed).map((c) => `${tier}/${c.name}: ${c.message}`));
}
