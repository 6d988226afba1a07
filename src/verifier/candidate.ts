// One candidate, TypeScript or paper-format Python, verified from its source:
// the one path every producer of verdicts takes (verify, the reward service,
// generation, a fleet worker). Locally it is the Verifier for TypeScript and
// the Python runner for Python; src/fleet/producer.ts implements the same
// interface over a queue of workers that run this very class.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeLanguage } from '../codegen/extract.js';
import { Tenancy } from '../fair-scheduler.js';
import { type RunSettings, type VerificationReport, type VerifyOptions, Verifier, type VerifyTarget } from './verify.js';

export interface CandidateSource {
  language: CodeLanguage;
  source: string;
  /** The name the report carries (file:line diagnostics, the `file` field). */
  file: string;
  /** Python: the module's own file when it has one (verified in place instead of a temporary copy). */
  path?: string;
}

export interface CandidateVerifier {
  /** Defaults of every verification; `concurrency` is how many candidates are worth having in flight. */
  readonly options: VerifyOptions;
  /** `settings` replaces the defaults' playouts, seed, limits and reward for this candidate. */
  verifyCandidate(candidate: CandidateSource, target: VerifyTarget, settings?: Partial<RunSettings>): Promise<VerificationReport>;
  dispose(): Promise<void>;
}

/** The defaults with a candidate's own settings laid over them: what a verification runs with. */
export function runSettings(options: VerifyOptions, settings: Partial<RunSettings> = {}): RunSettings {
  const { playouts, histories, trajectories, seed, limits, reward, requirePortable } = { ...options, ...settings };
  return {
    playouts, histories, trajectories, seed, limits, ...(reward === undefined ? {} : { reward }), ...(requirePortable ? { requirePortable } : {}),
  };
}

export class LocalCandidateVerifier implements CandidateVerifier {
  readonly verifier: Verifier;
  private tempDir?: string;
  private nextFile = 0;

  constructor(options: Partial<VerifyOptions> = {}) {
    this.verifier = new Verifier(options);
  }

  get options(): VerifyOptions {
    return this.verifier.options;
  }

  async verifyCandidate(candidate: CandidateSource, target: VerifyTarget, settings?: Partial<RunSettings>): Promise<VerificationReport> {
    const run = runSettings(this.options, settings);
    if (candidate.language === 'ts') return this.verifier.verify(candidate.source, target, candidate.file, run.reward, run);
    const { verifyPython } = await import('./verify-python.js');
    const options = { ...this.options, ...run };
    // Its requests take turns with every other candidate's checks on this verifier's cores.
    const turns = new Tenancy(this.verifier.scheduler);
    if (candidate.path !== undefined) return verifyPython(candidate.path, target, options, candidate.file, turns);
    this.tempDir ??= mkdtempSync(join(tmpdir(), 'gamecwm-candidates-'));
    // A fresh name each time: candidates of the same name may be verified at once.
    const path = join(this.tempDir, `candidate-${this.nextFile++}.py`);
    writeFileSync(path, candidate.source);
    try {
      return await verifyPython(path, target, options, candidate.file, turns);
    } finally {
      rmSync(path, { force: true });
    }
  }

  async dispose(): Promise<void> {
    this.verifier.dispose();
    if (this.tempDir) rmSync(this.tempDir, { recursive: true, force: true });
  }
}
