// `gamecwm bench verify`: verification latency and throughput, TypeScript
// candidates in the sandbox against Python CWMs in the runner (src/bench/verify.ts).

import type { Command } from 'commander';
import { pythonVersion } from '../../bench/machine.js';
import { FULL_VERIFY, QUICK_VERIFY, runVerifyBench } from '../../bench/verify.js';
import { GAMES } from '../../games/index.js';
import { integerOption } from '../options.js';
import { startProgress } from '../progress.js';
import { addCommonBenchOptions, type CommonBenchOptions, finishBench, selectGames } from './bench.js';

interface VerifyCliOptions extends CommonBenchOptions {
  games?: string;
  split?: string;
  quick?: boolean;
  runs?: number;
  playouts: number;
  batchCopies?: number;
  python: boolean;
  timeoutMs: number;
}

export function registerVerifyBench(bench: Command): void {
  const command = bench
    .command('verify')
    .description('verification latency and throughput: TypeScript candidates (sandbox) against Python CWMs (runner), same tiers and playouts')
    .option('--games <ids>', `comma-separated game ids (default: all 30; with --quick the first ${QUICK_VERIFY.games})`)
    .option('--split <split>', 'the dataset split: train or eval')
    .option('--quick', `fewer runs (${QUICK_VERIFY.runs} instead of ${FULL_VERIFY.runs}) and a smaller batch`)
    .option('--runs <n>', 'measured runs per game (medians over them)', integerOption('--runs', 1, 1000))
    .option('--playouts <n>', 'playouts, histories and differential trajectories per candidate', integerOption('--playouts', 1, 100_000), 100)
    .option('--batch-copies <n>', 'copies of each game\'s candidate in the throughput batch', integerOption('--batch-copies', 1, 1000))
    .option('--no-python', 'leave out the Python column')
    .option('--timeout-ms <n>', 'time limit of one sandbox call in ms (Python requests get 30 times as long)', integerOption('--timeout-ms', 100, 3_600_000), 20_000);
  addCommonBenchOptions(command).action(async (options: VerifyCliOptions) => {
    const games = selectGames(options.games, options.split, options.quick ? GAMES.slice(0, QUICK_VERIFY.games) : GAMES);
    const preset = options.quick ? QUICK_VERIFY : FULL_VERIFY;
    const progress = options.json ? { tick() {}, stop() {} } : startProgress('bench verify', games.length + 1);
    let report;
    try {
      report = await runVerifyBench({
        games, seed: options.seed, runs: options.runs ?? preset.runs, playouts: options.playouts, batchCopies: options.batchCopies ?? preset.batchCopies,
        python: options.python && pythonVersion() !== null, timeoutMs: options.timeoutMs, onStep: () => progress.tick(),
      });
    } finally {
      progress.stop();
    }
    finishBench(report, options);
  });
}
