// `gamecwm bench speed`: MCTS simulations/s and random playouts/s per game,
// TypeScript native and sandboxed against Python (src/bench/speed.ts).

import { readdirSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { pythonVersion } from '../../bench/machine.js';
import { FULL_SPEED, QUICK_SPEED, runSpeedBench } from '../../bench/speed.js';
import { UserError } from '../errors.js';
import { integerOption } from '../options.js';
import { startProgress } from '../progress.js';
import { addCommonBenchOptions, type CommonBenchOptions, finishBench, selectGames } from './bench.js';

interface SpeedCliOptions extends CommonBenchOptions {
  games?: string;
  split?: string;
  quick?: boolean;
  runs?: number;
  targetMs?: number;
  pythonDir?: string;
  python: boolean;
  timeoutMs: number;
  memoryMb: number;
}

export function registerSpeedBench(bench: Command): void {
  const command = bench
    .command('speed')
    .description('MCTS simulations/s and random playouts/s per game: TypeScript native, in the sandbox, and Python (translated and yours)')
    .option('--games <ids>', 'comma-separated game ids (default: all 30)')
    .option('--split <split>', 'the dataset split: train or eval')
    .option('--quick', `fewer and shorter runs (${QUICK_SPEED.runs} runs of ~${QUICK_SPEED.targetMs} ms instead of ${FULL_SPEED.runs} of ~${FULL_SPEED.targetMs} ms)`)
    .option('--runs <n>', 'measured runs per column (medians over them)', integerOption('--runs', 1, 1000))
    .option('--target-ms <n>', 'length of one run of one column in ms', integerOption('--target-ms', 1, 600_000))
    .option('--python-dir <dir>', 'a folder of paper-format Python CWMs named <game>.py (e.g. the paper\'s own): an extra column')
    .option('--no-python', 'leave out the Python columns')
    .option('--timeout-ms <n>', 'time limit of one search or playout batch in ms (sandbox and Python)', integerOption('--timeout-ms', 100, 3_600_000), 600_000)
    .option('--memory-mb <n>', 'memory limit of the sandbox and of each Python runner in MB', integerOption('--memory-mb', 64, 16_384), 2048);
  addCommonBenchOptions(command).action(async (options: SpeedCliOptions) => {
    const games = selectGames(options.games, options.split);
    if (options.pythonDir !== undefined) checkPythonDir(options.pythonDir, games.map((g) => g.info.id));
    const python = options.python && pythonVersion() !== null;
    if (options.pythonDir !== undefined && !python) throw new UserError('--python-dir needs python3 (not found, or --no-python given)');
    const preset = options.quick ? QUICK_SPEED : FULL_SPEED;
    const progress = options.json ? { tick() {}, stop() {} } : startProgress('bench speed', games.length);
    let report;
    try {
      report = await runSpeedBench({
        games, seed: options.seed, runs: options.runs ?? preset.runs, targetMs: options.targetMs ?? preset.targetMs,
        pythonDir: options.pythonDir, python, timeoutMs: options.timeoutMs, memoryMb: options.memoryMb, onGame: () => progress.tick(),
      });
    } finally {
      progress.stop();
    }
    finishBench(report, options);
  });
}

function checkPythonDir(dir: string, ids: string[]): void {
  let files: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
    files = readdirSync(dir);
  } catch {
    throw new UserError(`--python-dir: ${dir} is not a readable folder`);
  }
  if (!ids.some((id) => files.includes(`${id}.py`))) {
    throw new UserError(`--python-dir: ${dir} holds none of ${ids.length === 1 ? `${ids[0]}.py` : 'the selected games\' <game>.py files'}`);
  }
}
