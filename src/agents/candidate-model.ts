// A candidate CWM file as a model to play or plan over: a TypeScript module
// compiled into its own sandbox, or a paper-format Python module in the
// hardened Python runner. Either is a GameCWM (to follow a game move by move)
// and a SearchBackend (a whole search per call, where the module lives), and
// plays random playouts in one call (the speed benchmark's baseline).

import { readFileSync } from 'node:fs';
import type { GameCWM } from '../engine/contract.js';
import type { PlayoutTotals } from '../engine/playouts.js';
import { CompileError } from '../engine/sandbox/compile.js';
import { DEFAULT_LIMITS, SandboxError } from '../engine/sandbox/limits.js';
import type { SearchBackend } from '../mcts/backend.js';
import { SyncPythonRunnerError } from '../python-runner/sync-runner.js';

export interface CandidateModel extends GameCWM<unknown, unknown>, SearchBackend {
  /** Seeded random playouts, run where the module lives in one call. */
  playouts(count: number, seed: number, maxLength: number): PlayoutTotals;
  dispose(): void;
}

export interface CandidateLimits {
  /** Time limit per call (a whole search is one call). */
  timeoutMs: number;
  /** Memory limit in MB (the Python runner gets at least 256). */
  memoryMb: number;
}

/** A candidate that cannot be used at all: unreadable, not compiling, or a Python module the runner rejects. One line, naming the file. */
export class CandidateLoadError extends Error {}

/** Loads `file` by its extension: `.py` through the Python runner, anything else as TypeScript in the sandbox. */
export async function loadCandidateModel(file: string, limits: CandidateLimits): Promise<CandidateModel> {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    throw new CandidateLoadError(`cannot read ${file}`);
  }
  if (file.endsWith('.py')) {
    const { PythonCandidate } = await import('../python-runner/python-candidate.js');
    try {
      return PythonCandidate.load(file, { timeoutMs: limits.timeoutMs, memoryMb: Math.max(limits.memoryMb, 256) });
    } catch (error) {
      if (error instanceof SyncPythonRunnerError) throw new CandidateLoadError(`${file}: ${error.message}`);
      throw error;
    }
  }
  const { CandidateRuntime } = await import('../engine/sandbox/candidate-runtime.js');
  try {
    return await CandidateRuntime.load(source, file, { ...DEFAULT_LIMITS, timeoutMs: limits.timeoutMs, memoryMb: limits.memoryMb });
  } catch (error) {
    if (error instanceof CompileError) throw new CandidateLoadError(`${file} does not compile: ${error.diagnostics[0]}`);
    throw error;
  }
}

/**
 * Whether a failure leaves the candidate unusable for the rest of a run: it
 * hit its time or memory limit (a retry would only burn the same limit again),
 * or the Python runner stopped answering.
 */
export function isFatalCandidateError(error: unknown): boolean {
  if (error instanceof SandboxError) return error.kind === 'timeout' || error.kind === 'memory';
  return error instanceof SyncPythonRunnerError && /no answer|was lost/.test(error.message);
}
