// The game a play or arena command runs: a built-in reference, natively, or
// with --cwm an untrusted candidate file loaded into its own sandbox (the
// reference then only lends its metadata: players, reward range, length), or
// with --cwm and --info a new game's module and its facts file.

import type { Command } from 'commander';
import type { GameDefinition } from '../engine/game-definition.js';
import { CandidateLoadError, loadCandidateModel } from '../agents/candidate-model.js';
import { DEFAULT_LIMITS } from '../engine/sandbox/sandbox.js';
import { NativeSearch, type SearchBackend } from '../mcts/backend.js';
import { UserError } from './errors.js';
import { integerOption } from './options.js';
import { type GameTarget, resolveGameTarget } from './game-target.js';
import { resolveGame } from './resolve.js';

export interface GameSetup {
  definition: GameDefinition;
  backend: SearchBackend;
  dispose(): void;
}

export interface SearchCliOptions {
  cwm?: string;
  info?: string;
  mctsC?: number;
  rollouts?: number;
  timeoutMs: number;
  memoryMb: number;
}

/** The options play and arena share: a candidate file, search settings, sandbox limits. */
export function addSearchOptions(command: Command): Command {
  return command
    .option('--cwm <file.ts>', "play the rules of this candidate GameCWM (sandboxed) instead of the built-in game's")
    .option('--info <file.json>', 'with --cwm: a new game\'s facts (players, information, maxGameLength, ...) instead of a built-in game id')
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

/** The game `id` or --info names: a built-in game's target, or a new game's (setupGame then needs its module, --cwm). */
export function resolvePlayedGame(id: string | undefined, options: SearchCliOptions): GameTarget {
  if (id === undefined && !options.info) throw new UserError('give a game id (see `gamecwm games`) or a new game\'s facts with --info FILE.json and its module with --cwm FILE');
  if (id !== undefined && !options.info) resolveGame(id); // an unknown id: the registry's message, with the known games
  return resolveGameTarget({ game: id, info: options.info });
}

export async function setupGame(target: GameTarget, options: SearchCliOptions): Promise<GameSetup> {
  const reference = target.referenceId === undefined ? undefined : resolveGame(target.referenceId);
  if (!options.cwm && reference) return { definition: reference, backend: new NativeSearch(reference.cwm), dispose() {} };
  if (!options.cwm) throw new UserError(`${target.info.id} is a new game: give its module with --cwm FILE`);
  let candidate;
  try {
    // A TypeScript file runs in its own sandbox, a paper-format Python CWM through the hardened Python runner.
    candidate = await loadCandidateModel(options.cwm, { timeoutMs: options.timeoutMs, memoryMb: options.memoryMb });
  } catch (error) {
    if (error instanceof CandidateLoadError) throw new UserError(error.message);
    throw error;
  }
  const json = (value: unknown) => JSON.stringify(value, null, 1);
  const definition: GameDefinition = { info: target.info, scenarios: reference?.scenarios ?? target.scenarios, cwm: candidate, renderState: json, renderObservation: json };
  return { definition, backend: candidate, dispose: () => candidate.dispose() };
}
