// `gamecwm bench agreement`: the paper's evaluator and ours on the same
// paper-format samples (src/bench/agreement.ts).

import { join } from 'node:path';
import type { Command } from 'commander';
import { runAgreementBench } from '../../bench/agreement.js';
import { PaperLayoutError, paperLayout, requireEvaluator } from '../../paper/layout.js';
import { UserError } from '../errors.js';
import { integerOption } from '../options.js';
import { startProgress, type Progress } from '../progress.js';
import { addCommonBenchOptions, type CommonBenchOptions, finishBench, selectGames } from './bench.js';

interface AgreementCliOptions extends CommonBenchOptions {
  paperRepo?: string;
  samples?: string;
  games?: string;
  numGames: number;
  timeoutMs: number;
}

export function registerAgreementBench(bench: Command): void {
  const command = bench
    .command('agreement')
    .description('the paper\'s evaluator and gamecwm\'s verifier on the same paper-format samples: agreement per tier, model and game, and every disagreement')
    .option('--paper-repo <dir>', 'a clone of the paper\'s repository (data/games, evaluation/, config/) or the paper\'s dataset folder (games/, evaluation/, config/)')
    .option('--samples <dir>', 'paper-format samples <game>_gen<k>.py, one subfolder per model (default: the samples of --paper-repo)')
    .option('--games <ids>', 'only these games (comma-separated)')
    .option('--num-games <n>', 'games per tier for the paper\'s evaluator, and our playouts, histories and trajectories', integerOption('--num-games', 1, 10_000), 100)
    .option('--timeout-ms <n>', 'time limit for the paper\'s evaluator on one sample', integerOption('--timeout-ms', 1000, 3_600_000), 300_000);
  addCommonBenchOptions(command).action(async (options: AgreementCliOptions) => {
    if (options.paperRepo === undefined) throw new UserError('--paper-repo <dir> is required: a clone of the paper\'s repository or its dataset folder');
    let layout;
    try {
      layout = requireEvaluator(paperLayout(options.paperRepo, '--paper-repo'));
    } catch (error) {
      if (error instanceof PaperLayoutError) throw new UserError(error.message);
      throw error;
    }
    const samplesDir = options.samples ?? layout.samplesDir;
    if (samplesDir === null) throw new UserError(`--samples <dir> is required: ${layout.root} holds no released samples`);
    const games = options.games === undefined ? undefined : selectGames(options.games, undefined).map((g) => g.info.id);
    let progress: Progress = { tick() {}, stop() {} };
    try {
      const report = await runAgreementBench({
        layout, samplesDir, games, numGames: options.numGames, seed: options.seed, timeoutMs: options.timeoutMs, concurrency: 2,
        cacheDir: join(options.out, 'agreement-cache'),
        onTotal: (total) => {
          if (total === 0) throw new UserError(`no samples named <game>_gen<k>.py in ${samplesDir}`);
          if (!options.json) progress = startProgress('bench agreement', total);
        },
        onStep: () => progress.tick(),
      });
      progress.stop();
      finishBench(report, options);
    } finally {
      progress.stop();
    }
  });
}
