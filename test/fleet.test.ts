// The fleet against a real redis-server: reports from workers equal local
// ones, a worker killed mid-job loses nothing and counts nothing twice, a
// hostile candidate fails its own job only, limits and deadlines fail one job,
// and a Redis that is down or goes away ends a producer with one line (exit 2)
// after the verdicts that came back.

import { copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FleetError } from '../src/fleet/errors.js';
import { FleetVerifier } from '../src/fleet/producer.js';
import { spawnWorker, type WorkerProcess } from '../src/fleet/worker-process.js';
import { type FleetWorker, startFleetWorker, type WorkerCounters } from '../src/fleet/worker.js';
import { getGame } from '../src/games/index.js';
import { gameModulePath } from '../src/games/files.js';
import { type CandidateSource, LocalCandidateVerifier } from '../src/verifier/candidate.js';
import type { RunSettings, VerificationReport, VerifyTarget } from '../src/verifier/verify.js';
import { freePort, type RedisServer, startRedis } from './helpers/redis-server.js';
import { runCli } from './helpers/run-cli.js';
import { tempDirs } from './helpers/temp-dirs.js';

const ROOT = resolve(import.meta.dirname, '..');
const HOSTILE = join(ROOT, 'test', 'fixtures', 'hostile');
const tempDir = tempDirs('gamecwm-fleet-');

/** Far above the work's cost, so a loaded machine cannot turn a slow tier into a different verdict. */
const SETTINGS: RunSettings = { playouts: 20, histories: 20, trajectories: 20, seed: 3, limits: { memoryMb: 128, timeoutMs: 30_000, maxResultChars: 4_000_000 } };
const TTT = getGame('tic_tac_toe');
const TTT_TARGET: VerifyTarget = { info: TTT.info, referenceId: 'tic_tac_toe' };
const ttt: CandidateSource = { language: 'ts', source: readFileSync(gameModulePath('tic_tac_toe'), 'utf8'), file: 'ttt.ts' };
const hostile = (name: string): CandidateSource => ({ language: 'ts', source: readFileSync(join(HOSTILE, `${name}.cwm.ts`), 'utf8'), file: `${name}.ts` });

let redis: RedisServer;
let queues = 0;
const queueName = () => `test-${process.pid}-${queues++}`;

beforeAll(async () => { redis = await startRedis(); });
afterAll(async () => { await redis?.stop(); });

/** A report without its timings (which differ between any two runs). */
function verdict(report: VerificationReport): Omit<VerificationReport, 'timings'> {
  const { timings: _, ...rest } = report;
  return rest;
}

/** A worker counts a job once BullMQ has recorded it, a moment after the producer hears of it. */
async function countersSettle(worker: FleetWorker, expected: Partial<WorkerCounters>): Promise<void> {
  const matches = () => Object.entries(expected).every(([k, v]) => worker.counters[k as keyof WorkerCounters] === v);
  for (let waited = 0; waited < 10_000 && !matches(); waited += 50) await new Promise((r) => setTimeout(r, 50));
  expect(worker.counters).toMatchObject(expected);
}

describe('fleet verification against a real redis-server', () => {
  it('gives the same whole reports as verification in this process, for TypeScript, Python, a hostile candidate and a new game', async () => {
    const python = join(tempDir(), 'kuhn.py');
    expect((await runCli(['translate', '--game', 'kuhn_poker', '--to', 'python', '-o', python])).code).toBe(0);
    const kuhn = getGame('kuhn_poker');
    const cases: Array<{ candidate: CandidateSource; target: VerifyTarget; settings: RunSettings; ok: boolean }> = [
      { candidate: ttt, target: TTT_TARGET, settings: SETTINGS, ok: true },
      { candidate: { language: 'python', source: readFileSync(python, 'utf8'), file: 'kuhn.py' }, target: { info: kuhn.info, referenceId: 'kuhn_poker' }, settings: SETTINGS, ok: true },
      { candidate: hostile('loop-apply-action'), target: TTT_TARGET, settings: { ...SETTINGS, limits: { ...SETTINGS.limits, timeoutMs: 300 } }, ok: false },
      // A new game: its facts and its own scenarios travel with the job, and there is no reference on either side.
      { candidate: ttt, target: { info: { ...TTT.info, id: 'noughts', title: 'Noughts' }, scenarios: TTT.scenarios.slice(0, 3) }, settings: { ...SETTINGS, seed: 11, reward: 'strict', requirePortable: true }, ok: true },
      { candidate: ttt, target: { info: { ...TTT.info, id: 'noughts', title: 'Noughts' }, scenarios: [{ name: 'o first', actions: [], expect: { currentPlayer: 1 } }] }, settings: SETTINGS, ok: false },
    ];
    const queue = queueName();
    const worker = await startFleetWorker({ redis: redis.url, queue, concurrency: 2 });
    const producer = await FleetVerifier.connect({ redis: redis.url, queue }, SETTINGS);
    const local = new LocalCandidateVerifier({ ...SETTINGS, concurrency: 1 });
    try {
      const fleet = await Promise.all(cases.map((c) => producer.verifyCandidate(c.candidate, c.target, c.settings)));
      for (const [i, c] of cases.entries()) {
        const here = await local.verifyCandidate(c.candidate, c.target, c.settings);
        expect(here.ok).toBe(c.ok);
        expect(verdict(fleet[i])).toEqual(verdict(here));
      }
      await countersSettle(worker, { completed: 5, failingVerdicts: 2, failed: 0 });
    } finally {
      await producer.dispose();
      await worker.close();
      await local.dispose();
    }
  });

  it('fails a hostile candidate in its own job only: the worker and the other jobs carry on', async () => {
    const queue = queueName();
    const worker = await startFleetWorker({ redis: redis.url, queue, concurrency: 1 });
    const producer = await FleetVerifier.connect({ redis: redis.url, queue }, SETTINGS);
    try {
      const [oom, good, loop] = await Promise.all([
        producer.verifyCandidate(hostile('isolate-fatal-oom'), TTT_TARGET),
        producer.verifyCandidate(ttt, TTT_TARGET),
        producer.verifyCandidate(hostile('loop-apply-action'), TTT_TARGET, { limits: { ...SETTINGS.limits, timeoutMs: 300 } }),
      ]);
      expect(oom.ok).toBe(false);
      // Which limit stops a memory bomb first depends on the Node line (on Node 24 filling the heap can
      // outlast the 30 s time limit); either way the job fails alone.
      expect(oom.tiers.dynamics.checks[0]).toMatchObject({ name: 'runs-within-limits', passed: false, message: expect.stringMatching(/memory|sandbox process|time limit/) });
      expect(good.ok).toBe(true);
      expect(loop.tiers.dynamics.checks[0]).toMatchObject({ name: 'runs-within-limits', passed: false, message: expect.stringMatching(/300 ms time limit/) });
      await countersSettle(worker, { completed: 3, failingVerdicts: 2, failed: 0 });
      // A malformed job written straight to the queue fails alone; the next job is served.
      // Read from the job itself: a QueueEvents opened just now can miss an event sent before its first read.
      const raw = new Queue(queue, { connection: { url: redis.url } });
      try {
        const job = await raw.add('verify', { candidate: { language: 'cobol', source: '', file: 'x' } });
        await until(async () => Boolean((await raw.getJob(job.id!))?.failedReason), 30_000, () => `job ${job.id} did not fail within 30 s`);
        expect((await raw.getJob(job.id!))!.failedReason).toMatch(/malformed job: candidate must be/);
      } finally {
        await raw.close();
      }
      expect((await producer.verifyCandidate(ttt, TTT_TARGET)).ok).toBe(true);
      await countersSettle(worker, { completed: 4, failed: 1 });
    } finally {
      await producer.dispose();
      await worker.close();
    }
  });

  it('holds jobs to the payload and result limits and to the per-job deadline, failing only that candidate', async () => {
    const queue = queueName();
    const worker = await startFleetWorker({ redis: redis.url, queue, concurrency: 1, limits: { maxPayloadBytes: 1024 * 1024, maxResultBytes: 2000 } });
    const small = await FleetVerifier.connect({ redis: redis.url, queue, limits: { maxPayloadBytes: 1000, maxResultBytes: 8e6 } }, SETTINGS);
    const plain = await FleetVerifier.connect({ redis: redis.url, queue }, SETTINGS);
    const hurried = await FleetVerifier.connect({ redis: redis.url, queue, jobTimeoutMs: 300 }, SETTINGS);
    const fleetJob = (report: VerificationReport) => report.tiers.static.checks[0];
    try {
      const payload = await small.verifyCandidate(ttt, TTT_TARGET);
      expect(payload.ok).toBe(false);
      expect(payload.scores.reward).toBe(0);
      expect(fleetJob(payload)).toMatchObject({ name: 'fleet-job', passed: false, message: expect.stringMatching(/the job is \d+ bytes, over the fleet's limit of 1000 bytes/) });
      const result = await plain.verifyCandidate(ttt, TTT_TARGET, { playouts: 1, histories: 1, trajectories: 1 });
      expect(fleetJob(result).message).toMatch(/the report is \d+ bytes, over the fleet's result limit of 2000 bytes/);
      const late = await hurried.verifyCandidate(hostile('loop-apply-action'), TTT_TARGET, { limits: { ...SETTINGS.limits, timeoutMs: 5000 } });
      expect(fleetJob(late).message).toMatch(/exceeded its deadline of 300 ms on the worker/);
      await countersSettle(worker, { failed: 2 });
    } finally {
      await Promise.all([small.dispose(), plain.dispose(), hurried.dispose()]);
      await worker.close(true);
    }
  });

  it('ends a producer with a FleetError when no worker answers, or Redis cannot be reached (the CLI: one line, exit 2)', async () => {
    const lonely = await FleetVerifier.connect({ redis: redis.url, queue: queueName(), jobTimeoutMs: 200, graceMs: 300 }, SETTINGS);
    try {
      await expect(lonely.verifyCandidate(ttt, TTT_TARGET)).rejects.toThrow(/no worker finished job \d+ \(ttt.ts\) within 500 ms: is a `gamecwm worker` running on queue "test-/);
    } finally {
      await lonely.dispose();
    }
    const closed = await freePort();
    await expect(FleetVerifier.connect({ redis: `redis://:secret@127.0.0.1:${closed}`, connectTimeoutMs: 500 })).rejects.toThrow(FleetError);
    const result = await runCli(['verify', '--game', 'tic_tac_toe', gameModulePath('tic_tac_toe'), '--redis', `redis://:secret@127.0.0.1:${closed}`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^gamecwm: cannot reach Redis at redis://127\\.0\\.0\\.1:${closed} within 5000 ms \\(.*ECONNREFUSED.*\\)\\n$`));
    expect(result.stderr).not.toContain('secret');
    expect((await runCli(['verify', '--game', 'tic_tac_toe', gameModulePath('tic_tac_toe'), '--redis', 'http://x'])).stderr).toMatch(/^gamecwm: --redis must start with redis:\/\//);
  });
});

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, why: () => string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(why());
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('fleet workers as processes', () => {
  const spawned: WorkerProcess[] = [];
  afterAll(() => { for (const w of spawned) w.child.kill('SIGKILL'); });

  it('retries the job of a worker killed mid-job on another worker: every result once, equal to local', async () => {
    const queue = queueName();
    // Locks short enough for a quick test, long enough that a busy (but alive) worker keeps them.
    const fast = ['--lock-ms', '4000', '--stalled-interval-ms', '1000', '--health-s', '0'];
    const first = await spawnWorker(redis.url, queue, fast);
    spawned.push(first);
    const producer = await FleetVerifier.connect({ redis: redis.url, queue }, SETTINGS);
    const watcher = new Queue(queue, { connection: { url: redis.url } });
    const events = new QueueEvents(queue, { connection: { url: redis.url } });
    const stalled: string[] = [];
    events.on('stalled', ({ jobId }) => stalled.push(jobId));
    const local = new LocalCandidateVerifier({ ...SETTINGS, concurrency: 1 });
    try {
      await events.waitUntilReady();
      let killedAt = Infinity;
      const arrivals: number[] = [];
      const candidates = [0, 1, 2, 3].map((i) => ({ ...ttt, file: `ttt-${i}.ts` }));
      const results = Promise.all(candidates.map((c) => producer.verifyCandidate(c, TTT_TARGET).then((report) => {
        arrivals.push(Date.now());
        return report;
      })));
      // The first worker's first job is slow (a cold type checker): it dies holding it, before a second worker exists.
      await until(async () => (await watcher.getActiveCount()) > 0, 60_000, () => 'no job became active');
      first.child.kill('SIGKILL');
      killedAt = Date.now();
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
      const second = await spawnWorker(redis.url, queue, fast);
      spawned.push(second);
      const reports = await results;
      expect(stalled.length).toBeGreaterThanOrEqual(1);
      const here = await local.verifyCandidate(ttt, TTT_TARGET);
      for (const [i, report] of reports.entries()) expect(verdict(report)).toEqual({ ...verdict(here), file: `ttt-${i}.ts` });
      // Counted once: the survivor completed exactly the jobs not finished before the kill, the killed one among them.
      const afterKill = arrivals.filter((t) => t >= killedAt).length;
      expect(afterKill).toBeGreaterThanOrEqual(1);
      second.child.kill('SIGTERM');
      expect(await second.exited).toEqual({ code: 0, signal: null });
      expect(second.output()).toContain(`worker: stopped: ${afterKill} jobs done, 0 failed`);
      expect(await watcher.getJobCounts('waiting', 'active', 'failed')).toEqual({ waiting: 0, active: 0, failed: 0 });
    } finally {
      await Promise.all([producer.dispose(), events.close(), watcher.close(), local.dispose()]);
    }
  });

  it('finishes its running job on SIGTERM before it stops', async () => {
    const queue = queueName();
    const worker = await spawnWorker(redis.url, queue, ['--health-s', '0']);
    spawned.push(worker);
    const producer = await FleetVerifier.connect({ redis: redis.url, queue }, SETTINGS);
    const watcher = new Queue(queue, { connection: { url: redis.url } });
    try {
      const result = producer.verifyCandidate(ttt, TTT_TARGET);
      await until(async () => (await watcher.getActiveCount()) > 0, 60_000, () => 'no job became active');
      worker.child.kill('SIGTERM');
      expect((await result).ok).toBe(true);
      expect(await worker.exited).toEqual({ code: 0, signal: null });
      expect(worker.output()).toMatch(/stopping after 1 running job[^]*stopped: 1 jobs done, 0 failed/);
    } finally {
      await Promise.all([producer.dispose(), watcher.close()]);
    }
  });

  it('verify DIR --redis: Redis dying mid-run shows the verdicts that came back, then one line and exit 2', async () => {
    const doomed = await startRedis();
    const queue = queueName();
    const worker = await spawnWorker(doomed.url, queue, ['--health-s', '1']);
    spawned.push(worker);
    const dir = tempDir();
    copyFileSync(gameModulePath('tic_tac_toe'), join(dir, 'a.ts'));
    copyFileSync(join(HOSTILE, 'loop-apply-action.cwm.ts'), join(dir, 'b.ts'));
    copyFileSync(join(HOSTILE, 'loop-apply-action.cwm.ts'), join(dir, 'c.ts'));
    try {
      const run = runCli(['verify', '--game', 'tic_tac_toe', '--playouts', '10', '--timeout-ms', '5000', dir, '--redis', doomed.url, '--queue', queue]);
      await until(() => /worker: 1 jobs done/.test(worker.output()), 60_000, () => `no job finished:\n${worker.output()}`);
      await doomed.stop();
      const result = await run;
      expect(result.code).toBe(2);
      expect(result.stdout).toMatch(/a\.ts\s+PASS/);
      expect(result.stdout).toContain('1/1 candidates pass every tier');
      expect(result.stderr).toMatch(new RegExp(`^gamecwm: lost the connection to Redis at redis://127\\.0\\.0\\.1:${doomed.port} \\(.*\\)\\n$`));
    } finally {
      worker.child.kill('SIGKILL');
      await doomed.stop();
    }
  });
});

