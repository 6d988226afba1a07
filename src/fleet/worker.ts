// The worker's side of the fleet: a BullMQ Worker that takes verification
// jobs off the queue and runs each through the same LocalCandidateVerifier as
// in-process verification (one sandbox process per unit of concurrency), so a
// report from the fleet is the report `verify` would have made here.
//
// A job holds a lock while it runs; a worker that dies (SIGKILL, a lost
// machine) stops renewing it, and BullMQ's stalled-job check hands the job to
// another worker. Only the worker that finishes a job completes it, so a
// retried job is counted once. A candidate's faults are verdicts in its
// report; a job the worker refuses (malformed, too large, past its deadline)
// fails that job only.

import { UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { LocalCandidateVerifier } from '../verifier/candidate.js';
import { openRedis, parseRedisUrl, type RedisEndpoint, watchConnection, whenReady } from './connection.js';
import { checkJob, checkResult, DEFAULT_FLEET_LIMITS, DEFAULT_QUEUE, type FleetLimits, type JobResult, JobRejected, type VerifyJob } from './job.js';

export interface FleetWorkerOptions {
  redis: string;
  queue?: string;
  /** Jobs run at once (and sandbox processes). */
  concurrency?: number;
  limits?: FleetLimits;
  /** How long a job's lock lasts without renewal: a dead worker's jobs move on after about this long. */
  lockDurationMs?: number;
  /** How often workers look for jobs whose lock expired. */
  stalledIntervalMs?: number;
  /** Times a job may be picked up again after its worker died, before it fails. */
  maxStalledCount?: number;
  connectTimeoutMs?: number;
  /** Lines for people (or JSON lines): the start, every error, connection changes, periodic counters. */
  log?: (event: WorkerEvent) => void;
  /** Counters are logged this often (0: never). */
  healthIntervalMs?: number;
}

export interface WorkerCounters {
  completed: number;
  /** Jobs whose candidate failed a tier (a verdict, counted in completed too). */
  failingVerdicts: number;
  /** Jobs refused or given up on (a malformed job, a report over the limit, a deadline). */
  failed: number;
  active: number;
}

export type WorkerEvent =
  | { event: 'started'; queue: string; redis: string; concurrency: number }
  | { event: 'health'; counters: WorkerCounters; uptimeS: number; jobsPerS: number }
  | { event: 'job-failed'; job: string; file: string; error: string }
  | { event: 'redis'; up: boolean; cause: string }
  | { event: 'stopping'; force: boolean; active: number }
  | { event: 'stopped'; counters: WorkerCounters };

export interface FleetWorker {
  readonly counters: WorkerCounters;
  readonly endpoint: RedisEndpoint;
  /** Stops taking jobs; finishes the running ones, or with `force` leaves them to be picked up by another worker. */
  close(force?: boolean): Promise<void>;
}

export async function startFleetWorker(options: FleetWorkerOptions): Promise<FleetWorker> {
  const endpoint = parseRedisUrl(options.redis);
  const queue = options.queue ?? DEFAULT_QUEUE;
  const concurrency = options.concurrency ?? 1;
  const limits = options.limits ?? DEFAULT_FLEET_LIMITS;
  const log = options.log ?? (() => undefined);
  const client: Redis = openRedis(endpoint, 'worker');
  try {
    await whenReady(client, endpoint, options.connectTimeoutMs ?? 5000);
  } catch (error) {
    client.disconnect();
    throw error;
  }
  const verifier = new LocalCandidateVerifier({ concurrency });
  const counters: WorkerCounters = { completed: 0, failingVerdicts: 0, failed: 0, active: 0 };
  const started = performance.now();

  const process = async (job: { id?: string; data: unknown }): Promise<JobResult> => {
    let data: VerifyJob;
    try {
      data = checkJob(job.data, limits);
    } catch (error) {
      throw new UnrecoverableError((error as Error).message);
    }
    counters.active++;
    let timer: NodeJS.Timeout | undefined;
    try {
      // The sandbox's own limits bound each call; this bounds the whole job. A verification past its
      // deadline goes on in its sandbox until those limits end it, but its job is already failed.
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new JobRejected(`the job exceeded its deadline of ${data.timeoutMs} ms on the worker`)), data.timeoutMs);
      });
      const start = performance.now();
      const report = await Promise.race([verifier.verifyCandidate(data.candidate, data.target, data.settings), deadline]);
      return checkResult({ report, workerMs: performance.now() - start }, limits);
    } catch (error) {
      throw error instanceof JobRejected ? new UnrecoverableError(error.message) : error;
    } finally {
      clearTimeout(timer);
      counters.active--;
    }
  };

  const worker = new Worker<unknown, JobResult>(queue, process, {
    connection: client, concurrency,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: options.stalledIntervalMs ?? 30_000,
    maxStalledCount: options.maxStalledCount ?? 2,
    removeOnComplete: { age: 3600, count: 10_000 },
    removeOnFail: { age: 3600, count: 10_000 },
  });
  worker.on('completed', (_job, result) => {
    counters.completed++;
    if (!result.report.ok) counters.failingVerdicts++;
  });
  worker.on('failed', (job, error) => {
    counters.failed++;
    const file = (job?.data as Partial<VerifyJob> | undefined)?.candidate?.file;
    log({ event: 'job-failed', job: job?.id ?? '?', file: typeof file === 'string' ? file : '?', error: error.message });
  });
  // Connection errors arrive through watchConnection; BullMQ repeats them here.
  worker.on('error', () => undefined);
  const unwatch = watchConnection(client, endpoint, 0, () => undefined, (up, cause) => log({ event: 'redis', up, cause }));
  await worker.waitUntilReady();
  log({ event: 'started', queue, redis: endpoint.label, concurrency });

  const health = options.healthIntervalMs
    ? setInterval(() => {
      const uptimeS = (performance.now() - started) / 1000;
      log({ event: 'health', counters: { ...counters }, uptimeS: Math.round(uptimeS), jobsPerS: Number((counters.completed / uptimeS).toFixed(2)) });
    }, options.healthIntervalMs)
    : undefined;
  health?.unref();

  let closing: Promise<void> | undefined;
  return {
    counters, endpoint,
    close(force = false) {
      log({ event: 'stopping', force, active: counters.active });
      const done = (async () => {
        clearInterval(health);
        await worker.close(force);
        unwatch();
        await verifier.dispose();
        client.disconnect();
        log({ event: 'stopped', counters: { ...counters } });
      })();
      // A forced close after a graceful one still ends at once.
      closing = force || !closing ? done : closing;
      return closing;
    },
  };
}
