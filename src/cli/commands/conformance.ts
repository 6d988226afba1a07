// `gamecwm conformance`: do the built-in references behave as the paper's
// goldens, and do their Python exports score 1.0 on the paper's evaluator?
// (src/paper/conformance.ts). Exit 0 only when every game conforms.

import type { Command } from 'commander';
import { checkConformance, conforms, type GameConformance } from '../../paper/conformance.js';
import { PaperLayoutError, paperLayout } from '../../paper/layout.js';
import { UserError } from '../errors.js';
import { integerOption, parseSeed } from '../options.js';
import { startProgress } from '../progress.js';
import { formatTable } from '../table.js';
import { selectGames } from './bench.js';

interface ConformanceCliOptions {
  paperDataset?: string;
  games?: string;
  split?: string;
  trajectories: number;
  seed: number;
  evaluatorSeeds: string;
  evaluator: boolean;
  numGames: number;
  timeoutMs: number;
  json?: boolean;
}

export const CONFORMANCE_FAILED_EXIT_CODE = 1;

export function registerConformanceCommand(program: Command): void {
  program
    .command('conformance')
    .description('check the built-in references against the paper\'s goldens (seeded trajectories from both sides) and score their Python exports with the paper\'s evaluator')
    .option('--paper-dataset <dir>', 'the paper\'s dataset folder or a clone of its repository')
    .option('--games <ids>', 'comma-separated game ids (default: all 30)')
    .option('--split <split>', 'the dataset split: train or eval')
    .option('--trajectories <n>', 'seeded trajectories drawn from each side', integerOption('--trajectories', 1, 1_000_000), 1000)
    .option('--seed <n>', 'seed of the trajectories', parseSeed, 0)
    .option('--evaluator-seeds <list>', 'seeds of the paper evaluator\'s runs on each export', '0,1')
    .option('--no-evaluator', 'compare with the goldens only')
    .option('--num-games <n>', 'the paper evaluator\'s games per tier', integerOption('--num-games', 1, 100_000), 100)
    .option('--timeout-ms <n>', 'time limit of one game\'s agreement run or evaluator run', integerOption('--timeout-ms', 1000, 86_400_000), 1_800_000)
    .option('--json', 'print JSON for machines')
    .action(async (options: ConformanceCliOptions) => {
      if (options.paperDataset === undefined) throw new UserError('--paper-dataset <dir> is required: the paper\'s dataset folder or a clone of its repository');
      let layout;
      try {
        layout = paperLayout(options.paperDataset);
      } catch (error) {
        if (error instanceof PaperLayoutError) throw new UserError(error.message);
        throw error;
      }
      const evaluatorSeeds = options.evaluator ? parseSeeds(options.evaluatorSeeds) : [];
      if (evaluatorSeeds.length > 0 && (layout.evaluationDir === null || layout.configDir === null)) {
        throw new UserError(`${layout.root} has no evaluation/ and config/ folders (the paper's evaluator): give --no-evaluator to compare with the goldens only`);
      }
      const games = selectGames(options.games, options.split);
      const progress = options.json ? { tick() {}, stop() {} } : startProgress('conformance', games.length);
      let results: GameConformance[];
      try {
        results = await checkConformance(games, {
          layout, trajectories: options.trajectories, seed: options.seed, evaluatorSeeds, numGames: options.numGames,
          concurrency: 2, timeoutMs: options.timeoutMs, onStep: () => progress.tick(),
        });
      } finally {
        progress.stop();
      }
      if (options.json) process.stdout.write(`${JSON.stringify(results.map((r) => ({ ...r, conforms: conforms(r) })), null, 2)}\n`);
      else process.stdout.write(`${formatResults(results, evaluatorSeeds)}\n`);
      process.exitCode = results.every(conforms) ? 0 : CONFORMANCE_FAILED_EXIT_CODE;
    });
}

/** " (2 documented exceptions)" when the agreement excused some disagreements. */
function excusedNote(excused: Record<string, string>): string {
  const n = Object.keys(excused).length;
  return n === 0 ? '' : ` (${n} documented exception${n === 1 ? '' : 's'})`;
}

function parseSeeds(text: string): number[] {
  const seeds = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (seeds.length === 0) throw new UserError('--evaluator-seeds needs at least one seed (or give --no-evaluator)');
  return seeds.map((s) => parseSeed(s));
}

function formatResults(results: GameConformance[], seeds: number[]): string {
  const rows = results.map((r) => {
    const a = r.agreement;
    const first = r.error ?? (a && !a.agree ? Object.entries(a.disagreements).map(([kind, d]) => `${kind}: ${d.message} after ${JSON.stringify(d.actions)}`)[0] : '');
    const evalFailure = r.evaluations.flatMap((e) => e.failures.map((f) => `seed ${e.seed}: ${f}`))[0] ?? '';
    return [
      r.game, conforms(r) ? 'yes' : 'NO',
      a === null ? (r.error ? 'error' : 'no golden') : `${a.agree ? 'agree' : 'differ'}${excusedNote(a.excused)}`,
      a === null ? '' : `${a.trajectories} / ${a.states}`,
      a === null ? '' : `${a.longest.ours} / ${a.longest.golden}`,
      ...seeds.map((seed) => {
        const e = r.evaluations.find((x) => x.seed === seed);
        return e ? `${e.evalScore.toFixed(3)} / ${e.reward === null ? 'n/a' : e.reward.toFixed(3)}` : '';
      }),
      (first || evalFailure).slice(0, 200),
    ];
  });
  const table = formatTable(['game', 'conforms', 'golden', 'trajectories / states', 'longest ours / golden', ...seeds.map((s) => `eval / reward (seed ${s})`), 'first problem'], rows);
  return `${table}\n\n${results.filter(conforms).length}/${results.length} games conform`;
}
