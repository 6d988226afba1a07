// `gamecwm serve-reward`: the RLVR reward as an HTTP service for trainers
// (python/gamecwm_reward.py is a TRL reward function that calls it).

import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { addFleetOptions, candidateVerifier, type FleetCliOptions } from '../fleet-options.js';
import { integerOption, parseRewardKind, parseSeed } from '../options.js';

interface ServeRewardOptions extends FleetCliOptions {
  host: string;
  port: number;
  concurrency?: number;
  maxQueued: number;
  maxBodyMb: number;
  requestTimeoutMs: number;
  playouts: number;
  seed: number;
  memoryMb: number;
  timeoutMs: number;
  reward: 'paper' | 'strict';
  requirePortable?: boolean;
  json?: boolean;
}

/**
 * Completions in progress at once, locally: well over the sandbox processes, since their checks take
 * turns on them fairly (the candidate that has used least time goes first), so a fresh completion is
 * never stuck behind a few that loop.
 */
const LOCAL_CONCURRENCY = 16;
/** On a fleet the work is elsewhere: enough jobs in flight to keep many workers busy. */
const FLEET_CONCURRENCY = 64;

export function registerServeRewardCommand(program: Command): void {
  const command = program
    .command('serve-reward')
    .description('serve the paper\'s RLVR reward over HTTP: POST /reward {"game", "completions", "lang"?}, GET /health')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <n>', 'port (0 picks a free one)', integerOption('--port', 0, 65_535), 8765)
    .option('--concurrency <n>', `completions verified at once, their checks taking turns on the sandbox processes, least time used first (sandbox processes: one per core, and fewer than this; default ${LOCAL_CONCURRENCY}); with --redis, jobs in flight on the fleet (default ${FLEET_CONCURRENCY})`, integerOption('--concurrency', 1, 4096))
    .option('--max-queued <n>', 'completions allowed to wait before requests get 503', integerOption('--max-queued', 1, 1_000_000), 1024)
    .option('--max-body-mb <n>', 'largest request body in MB (413 above)', integerOption('--max-body-mb', 1, 1024), 8)
    .option('--request-timeout-ms <n>', 'time limit of one request in ms (504 after)', integerOption('--request-timeout-ms', 100, 3_600_000), 300_000)
    .option('--playouts <n>', 'verification playouts per completion', integerOption('--playouts', 1, 100_000), 100)
    .option('--seed <n>', 'verification seed', parseSeed, 0)
    .option('--memory-mb <n>', 'sandbox memory limit in MB', integerOption('--memory-mb', 16, 4096), 128)
    .option('--timeout-ms <n>', 'time limit per sandbox call in ms', integerOption('--timeout-ms', 10, 600_000), 2000)
    .option('--reward <kind>', 'paper (the paper\'s RLVR reward) or strict (adds the differential tier); a request may ask for either with "reward"', parseRewardKind, 'paper')
    .option('--require-portable', 'also require the module to translate to Python (the static tier gains the portable check: ok, eval and reward count it)')
    .option('--json', 'announce the service as one JSON line: {"listening": url, "endpoints": [...]}, and {"stopped": true} at the end');
  addFleetOptions(command)
    .action(async (options: ServeRewardOptions) => {
      const { RewardScorer } = await import('../../reward/score.js');
      const { startRewardServer } = await import('../../reward/server.js');
      const concurrency = options.concurrency ?? (options.redis === undefined ? LOCAL_CONCURRENCY : FLEET_CONCURRENCY);
      const scorer = new RewardScorer(await candidateVerifier(options, {
        playouts: options.playouts, histories: options.playouts, trajectories: options.playouts, seed: options.seed,
        limits: { memoryMb: options.memoryMb, timeoutMs: options.timeoutMs, maxResultChars: 4_000_000 }, reward: options.reward,
        requirePortable: options.requirePortable === true,
        // At least one more verification than sandboxes keeps every isolate busy while this thread type-checks the next one.
        concurrency: Math.max(1, Math.min(availableParallelism(), concurrency - 1)),
      }));
      let server;
      try {
        server = await startRewardServer(scorer, {
          host: options.host, port: options.port, concurrency, maxQueued: options.maxQueued,
          maxBodyBytes: options.maxBodyMb * 1024 * 1024, requestTimeoutMs: options.requestTimeoutMs,
        });
      } catch (error) {
        await scorer.dispose();
        const code = (error as { code?: string }).code;
        throw new UserError(`cannot listen on ${options.host}:${options.port}${code ? ` (${code})` : ''}`);
      }
      if (options.json) process.stdout.write(`${JSON.stringify({ listening: server.url, endpoints: ['POST /reward', 'GET /health'] })}\n`);
      else process.stdout.write(`reward service listening on ${server.url} (POST /reward, GET /health)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await server.close();
      await scorer.dispose();
      if (options.json) process.stdout.write(`${JSON.stringify({ stopped: true })}\n`);
    });
}
