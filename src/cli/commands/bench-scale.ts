// `gamecwm bench scale`: verification on one and two fleet workers through
// Redis against in-process verification (src/bench/scale.ts).

import type { Command } from 'commander';
import { integerOption } from '../options.js';
import { startProgress } from '../progress.js';
import { addCommonBenchOptions, type CommonBenchOptions, finishBench, selectGames } from './bench.js';

/** A tier-1 game (a job of a few ms: the queue's overhead shows) and a long one (the workers' scaling shows). */
const DEFAULT_SCALE_GAMES = ['tic_tac_toe', 'checkers'];

interface ScaleCliOptions extends CommonBenchOptions {
  games?: string;
  jobs: number;
  playouts: number;
  redis?: string;
}

export function registerScaleBench(bench: Command): void {
  const command = bench
    .command('scale')
    .description('the fleet: verification jobs/s and per-job overhead on one and two `gamecwm worker` processes through Redis, against in-process')
    .option('--games <ids>', `comma-separated game ids (default: ${DEFAULT_SCALE_GAMES.join(',')}: a short and a long game)`)
    .option('--jobs <n>', 'jobs per measurement', integerOption('--jobs', 1, 100_000), 20)
    .option('--playouts <n>', 'playouts, histories and differential trajectories per job', integerOption('--playouts', 1, 100_000), 100)
    .option('--redis <url>', 'an existing Redis to measure on (default: a private redis-server on a free loopback port)');
  addCommonBenchOptions(command).action(async (options: ScaleCliOptions) => {
    const games = selectGames(options.games ?? DEFAULT_SCALE_GAMES.join(','), undefined);
    const progress = options.json ? { tick() {}, stop() {} } : startProgress('bench scale', games.length * 2);
    // Loaded on demand: BullMQ and ioredis cost other commands nothing.
    const { runScaleBench } = await import('../../bench/scale.js');
    let report;
    try {
      report = await runScaleBench({
        games, seed: options.seed, jobs: options.jobs, playouts: options.playouts,
        ...(options.redis === undefined ? {} : { redis: options.redis }), onStep: () => progress.tick(),
      });
    } finally {
      progress.stop();
    }
    finishBench(report, options);
  });
}
