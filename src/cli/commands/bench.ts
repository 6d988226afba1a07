// `gamecwm bench <suite>`: the benchmark harness. Every suite prints its
// tables and writes DIR/<suite>.json, DIR/<suite>.md and SVG charts; the
// options every suite shares and the writing live here, each suite's own
// options and measurements in its own module.

import type { Command } from 'commander';
import { printBenchReport, writeBenchReport } from '../../bench/output.js';
import type { BenchReport } from '../../bench/report.js';
import { GAMES } from '../../games/index.js';
import type { GameDefinition } from '../../engine/game-definition.js';
import { UserError } from '../errors.js';
import { parseSeed } from '../options.js';
import { resolveGame } from '../resolve.js';
import { registerAgreementBench } from './bench-agreement.js';
import { registerGenerateBench } from './bench-generate.js';
import { registerScaleBench } from './bench-scale.js';
import { registerSpeedBench } from './bench-speed.js';
import { registerStrengthBench } from './bench-strength.js';
import { registerVerifyBench } from './bench-verify.js';

export const DEFAULT_BENCH_DIR = 'bench-results';

export interface CommonBenchOptions {
  out: string;
  seed: number;
  json?: boolean;
}

export function registerBenchCommand(program: Command): void {
  const bench = program
    .command('bench')
    .description('benchmarks: TypeScript GameCWMs against Python CWMs (speed, verify, generate, strength, agreement, scale); tables, JSON, Markdown and SVG charts');
  registerSpeedBench(bench);
  registerVerifyBench(bench);
  registerGenerateBench(bench);
  registerStrengthBench(bench);
  registerAgreementBench(bench);
  registerScaleBench(bench);
  for (const command of bench.commands) command.exitOverride();
  bench.exitOverride();
}

/** Adds --out, --seed and --json to a suite's command. */
export function addCommonBenchOptions(command: Command): Command {
  return command
    .option('--out <dir>', 'where to write <suite>.json, <suite>.md and the SVG charts', DEFAULT_BENCH_DIR)
    .option('--seed <n>', 'seed of every random choice (playouts, searches, sampling)', parseSeed, 0)
    .option('--json', 'print the report as JSON instead of tables');
}

/** Writes the report's files and prints it. */
export function finishBench(report: BenchReport, options: CommonBenchOptions): void {
  const written = writeBenchReport(options.out, report);
  printBenchReport(report, written, options.json === true);
}

/**
 * The games a suite runs: `--games a,b` (validated, in the given order), else
 * `--split train|eval` of the dataset, else `fallback` (all 30 unless a suite says otherwise).
 */
export function selectGames(games: string | undefined, split: string | undefined, fallback: readonly GameDefinition[] = GAMES): GameDefinition[] {
  if (games !== undefined && split !== undefined) throw new UserError('give --games or --split, not both');
  if (games !== undefined) {
    const ids = games.split(',').map((id) => id.trim()).filter((id) => id !== '');
    if (ids.length === 0) throw new UserError('--games needs at least one game id (see `gamecwm games`)');
    const unique = [...new Set(ids)];
    return unique.map(resolveGame);
  }
  if (split !== undefined) {
    if (split !== 'train' && split !== 'eval') throw new UserError(`--split must be train or eval, not "${split}"`);
    return GAMES.filter((game) => game.info.split === split);
  }
  return [...fallback];
}
