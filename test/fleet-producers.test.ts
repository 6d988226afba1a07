// The producers with --redis, against a real redis-server and a worker: the
// reward service answers what it answers in-process (and 503 while Redis is
// away), generate and bench generate verify their candidates on the fleet
// with the same reports and outcomes as locally.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FleetVerifier } from '../src/fleet/producer.js';
import { type FleetWorker, startFleetWorker } from '../src/fleet/worker.js';
import { RewardScorer } from '../src/reward/score.js';
import { startRewardServer } from '../src/reward/server.js';
import { type FakeServer, startFakeOpenAI } from './helpers/fake-openai.js';
import { type RedisServer, startRedis } from './helpers/redis-server.js';
import { runCli } from './helpers/run-cli.js';
import { CORRECT, fenced, RULE_BUG, scriptedReply } from './helpers/scripted-candidates.js';
import { tempDirs } from './helpers/temp-dirs.js';

const tempDir = tempDirs('gamecwm-fleet-producers-');
const VERIFY = { playouts: 20, histories: 20, trajectories: 20, seed: 0, limits: { memoryMb: 128, timeoutMs: 30_000, maxResultChars: 4_000_000 } };
const QUEUE = 'producers';

let redis: RedisServer;
let worker: FleetWorker;
let openai: FakeServer;
beforeAll(async () => {
  redis = await startRedis();
  worker = await startFleetWorker({ redis: redis.url, queue: QUEUE, concurrency: 2 });
  openai = await startFakeOpenAI(scriptedReply);
});
afterAll(async () => {
  await worker?.close(true);
  await Promise.all([redis?.stop(), openai?.close()]);
});

async function postReward(url: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${url}/reward`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

describe('producers on the fleet', () => {
  it('serve-reward: the same rewards and details as in-process, and 503 with the cause while Redis is away', async () => {
    const loop = readFileSync(join(import.meta.dirname, 'fixtures', 'hostile', 'loop-apply-action.cwm.ts'), 'utf8');
    // The endless loop meets a short limit per sandbox call (each of three tiers waits it out).
    const limits = { ...VERIFY.limits, timeoutMs: 3000 };
    const request = { game: 'tic_tac_toe', completions: [fenced(CORRECT), fenced(RULE_BUG), fenced(loop), 'no code at all'], reward: 'strict' };
    const local = new RewardScorer({ ...VERIFY, limits, concurrency: 1 });
    const localServer = await startRewardServer(local, { port: 0, concurrency: 2 });
    const doomed = await startRedis();
    const doomedWorker = await startFleetWorker({ redis: doomed.url, concurrency: 1 });
    const fleet = new RewardScorer(await FleetVerifier.connect({ redis: redis.url, queue: QUEUE }, { ...VERIFY, limits }));
    const fleetServer = await startRewardServer(fleet, { port: 0, concurrency: 8 });
    const fragile = new RewardScorer(await FleetVerifier.connect({ redis: doomed.url, giveUpMs: 500 }, VERIFY));
    const fragileServer = await startRewardServer(fragile, { port: 0, concurrency: 8 });
    try {
      const [here, there] = await Promise.all([postReward(localServer.url, request), postReward(fleetServer.url, request)]);
      expect(there.status).toBe(200);
      expect(there.body).toEqual(here.body);
      expect(there.body.rewards[0]).toBe(1);
      expect(there.body.rewards[1]).toBeLessThan(1);
      expect((await postReward(fragileServer.url, { game: 'tic_tac_toe', completions: [fenced(CORRECT)] })).body.rewards).toEqual([1]);
      await doomed.stop();
      const away = await postReward(fragileServer.url, { game: 'tic_tac_toe', completions: [fenced(CORRECT)] });
      expect(away.status).toBe(503);
      expect(away.body.error).toMatch(new RegExp(`^lost the connection to Redis at redis://127\\.0\\.0\\.1:${doomed.port} `));
    } finally {
      await Promise.all([localServer.close(), fleetServer.close(), fragileServer.close()]);
      await Promise.all([local.dispose(), fleet.dispose(), fragile.dispose(), doomedWorker.close(true)]);
    }
  });

  it('generate --redis: the same candidates, reports and summary as a local run', async () => {
    const args = (out: string) => ['generate', '--game', 'tic_tac_toe', '--model', 'scripted', '--base-url', openai.url, '--refine', '3', '--playouts', '20', '--out', out, '--json'];
    const [localOut, fleetOut] = [tempDir(), tempDir()];
    const here = await runCli(args(localOut));
    const there = await runCli([...args(fleetOut), '--redis', redis.url, '--queue', QUEUE]);
    expect(there.stderr).toBe('');
    expect(there.code).toBe(0);
    expect(here.code).toBe(0);
    const files = (out: string) => readdirSync(join(out, 'tic_tac_toe')).filter((f) => /^\d+-\d+\.json$/.test(f)).sort();
    expect(files(fleetOut)).toEqual(['0-0.json', '0-1.json', '0-2.json']);
    expect(files(fleetOut)).toEqual(files(localOut));
    const report = (out: string, file: string) => {
      const { report: { timings: _, ...rest }, ...candidate } = JSON.parse(readFileSync(join(out, 'tic_tac_toe', file), 'utf8'));
      return { ...candidate, report: rest };
    };
    for (const file of files(fleetOut)) expect(report(fleetOut, file)).toEqual(report(localOut, file));
    const summary = (text: string) => {
      const { dir: _, ...rest } = JSON.parse(text);
      return rest;
    };
    expect(summary(there.stdout)).toEqual(summary(here.stdout));
  });

  it('bench generate --redis: the same outcome per run as a local bench', async () => {
    const args = (out: string) => ['bench', 'generate', '--model', 'scripted', '--base-url', openai.url, '--games', 'tic_tac_toe', '--refine', '3', '--playouts', '20', '--out', out, '--json'];
    const outcome = (out: string) => JSON.parse(readFileSync(join(out, 'generate.json'), 'utf8')).data.runs
      .map((r: Record<string, unknown>) => [r.language, r.game, r.calls, r.firstTryCompileRate, r.solved, r.solvedAtCall]);
    const [localOut, fleetOut] = [tempDir(), tempDir()];
    expect((await runCli(args(localOut))).code).toBe(0);
    const there = await runCli([...args(fleetOut), '--redis', redis.url, '--queue', QUEUE]);
    expect(there.stderr).toBe('');
    expect(there.code).toBe(0);
    expect(outcome(fleetOut)).toEqual([['ts', 'tic_tac_toe', 3, 0, true, 3]]);
    expect(outcome(fleetOut)).toEqual(outcome(localOut));
  });

  it('bench scale: in-process, one and two worker processes on the same jobs, with the same reports; JSON, Markdown and a chart', async () => {
    const out = tempDir();
    const result = await runCli(['bench', 'scale', '--games', 'tic_tac_toe', '--jobs', '2', '--playouts', '5', '--redis', redis.url, '--out', out, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'scale.json'), 'utf8'));
    expect(JSON.parse(result.stdout).data).toEqual(report.data);
    expect(report).toMatchObject({ suite: 'scale', settings: { games: ['tic_tac_toe'], jobs: 2, playouts: 5, redis: 'given' } });
    const [game] = report.data.games;
    expect(game).toMatchObject({ game: 'tic_tac_toe', sameReports: true });
    for (const jobsPerSecond of Object.values(game.throughput)) expect(jobsPerSecond).toBeGreaterThan(0);
    for (const latency of [game.latency.local, game.latency.workers1, game.latency.workers2]) expect(latency.p95).toBeGreaterThanOrEqual(latency.p50);
    // The overhead is the part of a round trip not spent verifying: less than the round trip itself.
    expect(game.overhead.workers1.p50).toBeLessThan(game.latency.workers1.p50);
    expect(readFileSync(join(out, 'scale.md'), 'utf8')).toContain('| tic_tac_toe |');
    expect(existsSync(join(out, 'scale-throughput.svg'))).toBe(true);
  });
});
