// bench/python: the same UCT (random rollouts, one core) over a game's
// TypeScript module natively and over its Python translation in the
// pure-Python runner, interleaved, medians of several runs.
// Run: npm run bench:python [-- --json]

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatTable } from '../src/cli/table.js';
import { PythonTranslator } from '../src/codegen/python/translate.js';
import { Rng } from '../src/engine/rng.js';
import { getGame } from '../src/games/index.js';
import { DEFAULT_SEARCH } from '../src/mcts/search.js';
import { uctSearch } from '../src/mcts/uct.js';
import { PythonRunner } from '../src/python/runner-client.js';
import { median } from '../src/bench/stats.js';

const RUNS = 5;
const json = process.argv.includes('--json');
const GAMES_AND_BUDGETS: Array<[string, number, number]> = [['tic_tac_toe', 40_000, 2_000], ['connect4', 10_000, 500]];
const translator = new PythonTranslator();
const dir = mkdtempSync(join(tmpdir(), 'gamecwm-bench-python-'));
const rows: Array<Record<string, string | number>> = [];

for (const [id, tsIterations, pyIterations] of GAMES_AND_BUDGETS) {
  const game = getGame(id);
  const modulePath = join(dir, `${id}.py`);
  writeFileSync(modulePath, translator.translate(readFileSync(`src/games/${id}/game.ts`, 'utf8')).python);
  const runner = await PythonRunner.start(modulePath, { timeoutMs: 600_000, memoryMb: 2048 });
  const options = { ...DEFAULT_SEARCH, players: game.info.players, rewardRange: game.info.rewardRange, maxGameLength: game.info.maxGameLength };
  const ts: number[] = [];
  const py: number[] = [];
  for (let run = -1; run < RUNS; run++) {
    const start = performance.now();
    uctSearch(game.cwm, game.cwm.getInitialState(), { ...options, iterations: tsIterations }, new Rng(run + 10));
    const tsRate = tsIterations / ((performance.now() - start) / 1000);
    const result = await runner.request<{ iterations: number; seconds: number }>('mcts', {
      iterations: pyIterations, c: options.c, rollouts: options.rollouts, players: options.players,
      reward_range: options.rewardRange, max_game_length: options.maxGameLength, seed: run + 10,
    });
    if (run >= 0) {
      ts.push(tsRate);
      py.push(result.iterations / result.seconds);
    }
  }
  runner.close();
  const tsMedian = median(ts);
  const pyMedian = median(py);
  rows.push({ game: id, typescriptPerSecond: Math.round(tsMedian), pythonPerSecond: Math.round(pyMedian), ratio: Math.round(tsMedian / pyMedian) });
}

const result = { suite: 'python', runs: RUNS, machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model }, games: rows };
if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
else {
  process.stdout.write(`UCT simulations/s from the initial state, one core, medians of ${RUNS} runs: TypeScript native vs the Python translation\n\n`);
  process.stdout.write(`${formatTable(['game', 'TypeScript sims/s', 'Python sims/s', 'TypeScript / Python'], rows.map((r) => [r.game, r.typescriptPerSecond, r.pythonPerSecond, `${r.ratio}x`]))}\n`);
}
