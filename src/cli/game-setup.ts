// The game a play or arena command runs: a built-in reference, natively, or
// with --cwm an untrusted candidate file loaded into its own sandbox (the
// reference then only lends its metadata: players, reward range, length).

import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { GameDefinition } from '../engine/game-definition.js';
import { CompileError } from '../engine/sandbox/compile.js';
import { DEFAULT_LIMITS } from '../engine/sandbox/sandbox.js';
import { NativeSearch, type SearchBackend } from '../mcts/backend.js';
import { UserError } from './errors.js';
import { integerOption } from './options.js';
import { resolveGame } from './resolve.js';

export interface GameSetup {
  definition: GameDefinition;
  backend: SearchBackend;
  dispose(): void;
}

export interface SearchCliOptions {
  cwm?: string;
  mctsC?: number;
  rollouts?: number;
  timeoutMs: number;
  memoryMb: number;
}

/** The options play and arena share: a candidate file, search settings, sandbox limits. */
export function addSearchOptions(command: Command): Command {
  return command
    .option('--cwm <file.ts>', "play the rules of this candidate GameCWM (sandboxed) instead of the built-in game's")
    .option('--mcts-c <c>', 'UCT exploration constant on returns scaled to [0, 1] (default 1.414)', parseExploration)
    .option('--rollouts <n>', 'random rollouts per leaf (default 1)', integerOption('--rollouts', 1, 1000))
    .option('--timeout-ms <n>', 'with --cwm: time limit per sandbox call (a search is one call)', integerOption('--timeout-ms', 10, 3_600_000), 60_000)
    .option('--memory-mb <n>', 'with --cwm: sandbox memory limit in MB', integerOption('--memory-mb', 16, 8192), DEFAULT_LIMITS.memoryMb);
}

function parseExploration(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 100) throw new UserError(`--mcts-c must be a number from 0 to 100, not "${text}"`);
  return value;
}

export async function setupGame(id: string, options: SearchCliOptions): Promise<GameSetup> {
  const reference = resolveGame(id);
  if (!options.cwm) return { definition: reference, backend: new NativeSearch(reference.cwm), dispose() {} };
  let source: string;
  try {
    source = readFileSync(options.cwm, 'utf8');
  } catch {
    throw new UserError(`cannot read ${options.cwm}`);
  }
  const json = (value: unknown) => JSON.stringify(value, null, 1);
  if (options.cwm.endsWith('.py')) {
    // A paper-format Python CWM, played through the hardened Python runner.
    const { PythonCandidate } = await import('../python/python-candidate.js');
    const { SyncPythonRunnerError } = await import('../python/sync-runner.js');
    let candidate;
    try {
      candidate = PythonCandidate.load(options.cwm, { timeoutMs: options.timeoutMs, memoryMb: Math.max(options.memoryMb, 256) });
    } catch (error) {
      if (error instanceof SyncPythonRunnerError) throw new UserError(`${options.cwm}: ${error.message}`);
      throw error;
    }
    return { definition: { ...reference, cwm: candidate, renderState: json, renderObservation: json }, backend: candidate, dispose: () => candidate.dispose() };
  }
  const { CandidateRuntime } = await import('../engine/sandbox/candidate-runtime.js');
  let runtime;
  try {
    runtime = await CandidateRuntime.load(source, options.cwm, { ...DEFAULT_LIMITS, timeoutMs: options.timeoutMs, memoryMb: options.memoryMb });
  } catch (error) {
    if (error instanceof CompileError) throw new UserError(`${options.cwm} does not compile: ${error.diagnostics[0]}`);
    throw error;
  }
  const definition: GameDefinition = { ...reference, cwm: runtime, renderState: json, renderObservation: json };
  return { definition, backend: runtime, dispose: () => runtime.dispose() };
}
