// bench/verify: warm verification latency per candidate (all tiers, 100
// playouts), warm type-check time, and batch throughput on one and two cores.
// Run: npm run bench:verify [-- --json]

import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { GAMES } from '../src/games/index.js';
import { formatTable } from '../src/cli/table.js';
import { Verifier } from '../src/verifier/verify.js';
import { median, timeRuns } from '../src/bench/stats.js';

const RUNS = 15;
const json = process.argv.includes('--json');

const verifier = new Verifier({ concurrency: 2 });
const rows: Array<Record<string, string | number>> = [];
for (const game of GAMES) {
  const source = readFileSync(`src/games/${game.info.id}/game.ts`, 'utf8');
  const target = { info: game.info, referenceId: game.info.id };
  const staticTimes = await timeRuns(RUNS * 2, 5, () => verifier.staticChecker.check(source));
  let sandboxTimes: number[] = [];
  const totals = await timeRuns(RUNS, 3, async () => {
    const report = await verifier.verify(source, target);
    if (!report.ok) throw new Error(`${game.info.id} reference failed verification`);
    sandboxTimes.push(report.timings.sandboxMs);
  });
  sandboxTimes = sandboxTimes.slice(-RUNS);
  rows.push({
    game: game.info.id,
    fullReportMs: round(median(totals)),
    typeCheckMs: round(median(staticTimes)),
    sandboxTiersMs: round(median(sandboxTimes)),
  });
}

// Batch throughput: the same mixed batch on one isolate and on two.
// The batch mixes the first eight games (the quick ones), four candidates each.
const batch = GAMES.slice(0, 8).flatMap((game) => Array.from({ length: 4 }, () => ({
  source: readFileSync(`src/games/${game.info.id}/game.ts`, 'utf8'), target: { info: game.info, referenceId: game.info.id },
})));
const throughput: Record<string, number> = {};
for (const concurrency of [1, 2]) {
  const pool = new Verifier({ concurrency });
  const times = await timeRuns(3, 1, async () => {
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const item = batch[next++];
        await pool.verify(item.source, item.target);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  });
  throughput[`cores${concurrency}`] = round(batch.length / (median(times) / 1000));
  pool.dispose();
}
verifier.dispose();

const result = {
  suite: 'verify', runs: RUNS, playouts: verifier.options.playouts, machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model },
  games: rows, batch: { candidates: batch.length, candidatesPerSecond: throughput, speedup: round(throughput.cores2 / throughput.cores1) },
};
if (json) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  process.stdout.write(`Verification, warm, medians of ${RUNS} runs (100 playouts, 100 histories, 100 differential trajectories)\n\n`);
  process.stdout.write(`${formatTable(['game', 'full report ms', 'type-check ms', 'sandbox tiers ms'], rows.map((r) => [r.game, r.fullReportMs, r.typeCheckMs, r.sandboxTiersMs]))}\n\n`);
  process.stdout.write(`Batch of ${batch.length} candidates: ${throughput.cores1}/s on one core, ${throughput.cores2}/s on two (x${result.batch.speedup})\n`);
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
