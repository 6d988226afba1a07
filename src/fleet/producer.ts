// The producer's side of the fleet: a CandidateVerifier that sends each
// candidate as a job to a BullMQ queue on Redis and awaits the report a worker
// (src/fleet/worker.ts) sends back. Producers use it in place of the
// in-process verifier, so commands behave the same either way.
//
// A job the fleet refuses (too large, a report too large, a worker-side
// deadline) becomes a failing report of that candidate; Redis going away, or
// no worker answering in time, is a FleetError for the whole run.

import { type Job, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { type CandidateSource, type CandidateVerifier, runSettings } from '../verifier/candidate.js';
import { DEFAULT_VERIFY_OPTIONS, type RunSettings, unrunReport, type VerificationReport, type VerifyOptions, type VerifyTarget } from '../verifier/verify.js';
import { openRedis, parseRedisUrl, type RedisEndpoint, watchConnection, whenReady } from './connection.js';
import { FleetError } from './errors.js';
import {
  asResult, DEFAULT_FLEET_LIMITS, DEFAULT_JOB_TIMEOUT_MS, DEFAULT_QUEUE, type FleetLimits, JOB_NAME, jobBytes, makeJob, type VerifyJob,
} from './job.js';

export interface FleetProducerOptions {
  /** redis://[:password@]host:port[/db] or rediss://... */
  redis: string;
  queue?: string;
  /** A worker's limit per job; the producer waits this plus `graceMs` before declaring the fleet unresponsive. */
  jobTimeoutMs?: number;
  graceMs?: number;
  /** Candidates worth having in flight at once (verify DIR keeps this many jobs queued). */
  inFlight?: number;
  limits?: FleetLimits;
  connectTimeoutMs?: number;
  /** Redis unreachable this long in a row ends the run. */
  giveUpMs?: number;
  /** Told of every report that came back: the whole round trip and the part of it spent on the worker (ms). */
  onTiming?: (timing: { roundTripMs: number; workerMs: number }) => void;
}

/** How long finished jobs stay in Redis when nobody removes them (a producer removes each one it read). */
const KEEP_FINISHED = { age: 3600, count: 10_000 };

export class FleetVerifier implements CandidateVerifier {
  readonly options: VerifyOptions;
  readonly endpoint: RedisEndpoint;
  private lost: FleetError | null = null;
  private readonly losers = new Set<(error: FleetError) => void>();
  private readonly unwatch: Array<() => void> = [];

  private constructor(
    private readonly queue: Queue<VerifyJob, unknown>,
    private readonly events: QueueEvents,
    private readonly clients: Redis[],
    endpoint: RedisEndpoint,
    private readonly settings: Required<Omit<FleetProducerOptions, 'redis'>>,
    verify: Partial<VerifyOptions>,
  ) {
    this.endpoint = endpoint;
    this.options = { ...DEFAULT_VERIFY_OPTIONS, ...verify, concurrency: settings.inFlight };
    // A long-lived producer (the reward service) works again once Redis is back; a command ends at the first loss.
    for (const client of clients) {
      this.unwatch.push(watchConnection(client, endpoint, settings.giveUpMs, (error) => this.fail(error), (up) => { if (up && this.clients.every((c) => c.status === 'ready')) this.lost = null; }));
    }
  }

  /** Connects to Redis (a FleetError if it cannot within connectTimeoutMs) with `verify` as every job's default settings. */
  static async connect(options: FleetProducerOptions, verify: Partial<VerifyOptions> = {}): Promise<FleetVerifier> {
    const endpoint = parseRedisUrl(options.redis);
    const settings = {
      queue: options.queue ?? DEFAULT_QUEUE, jobTimeoutMs: options.jobTimeoutMs ?? DEFAULT_JOB_TIMEOUT_MS, graceMs: options.graceMs ?? 10_000,
      inFlight: options.inFlight ?? 64, limits: options.limits ?? DEFAULT_FLEET_LIMITS,
      connectTimeoutMs: options.connectTimeoutMs ?? 5000, giveUpMs: options.giveUpMs ?? 5000, onTiming: options.onTiming ?? (() => undefined),
    };
    const queueClient = openRedis(endpoint, 'producer');
    const eventsClient = openRedis(endpoint, 'producer-events');
    const close = () => { queueClient.disconnect(); eventsClient.disconnect(); };
    try {
      await Promise.all([whenReady(queueClient, endpoint, settings.connectTimeoutMs), whenReady(eventsClient, endpoint, settings.connectTimeoutMs)]);
    } catch (error) {
      close();
      throw error;
    }
    const queue = new Queue<VerifyJob, unknown>(settings.queue, { connection: queueClient });
    const events = new QueueEvents(settings.queue, { connection: eventsClient });
    // Connection errors are watched on the clients; BullMQ's own copies of them need a listener.
    queue.on('error', () => undefined);
    events.on('error', () => undefined);
    // Every job awaited adds a listener to both (job.waitUntilFinished): as many as there are jobs in flight.
    queue.setMaxListeners(0);
    events.setMaxListeners(0);
    await events.waitUntilReady();
    return new FleetVerifier(queue, events, [queueClient, eventsClient], endpoint, settings, verify);
  }

  async verifyCandidate(candidate: CandidateSource, target: VerifyTarget, settings?: Partial<RunSettings>): Promise<VerificationReport> {
    if (this.lost) throw this.lost;
    const run = runSettings(this.options, settings);
    const job = makeJob(candidate, target, run, this.settings.jobTimeoutMs);
    const size = jobBytes(job);
    if (size > this.settings.limits.maxPayloadBytes) {
      return jobFailedReport(job, `the job is ${size} bytes, over the fleet's limit of ${this.settings.limits.maxPayloadBytes} bytes`);
    }
    const start = performance.now();
    const added = await this.untilLost(this.queue.add(JOB_NAME, job, { attempts: 1, removeOnComplete: KEEP_FINISHED, removeOnFail: KEEP_FINISHED }));
    const waitMs = this.settings.jobTimeoutMs + this.settings.graceMs;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new FleetError(
        `no worker finished job ${added.id} (${candidate.file}) within ${waitMs} ms: is a \`gamecwm worker\` running on queue "${this.settings.queue}" at ${this.endpoint.label}?`,
      )), waitMs);
    });
    try {
      const value = await this.untilLost(Promise.race([added.waitUntilFinished(this.events), late]));
      const result = asResult(value);
      if (!result) return jobFailedReport(job, 'the worker sent back something other than a report');
      this.settings.onTiming({ roundTripMs: performance.now() - start, workerMs: result.workerMs });
      return result.report;
    } catch (error) {
      if (error instanceof FleetError) {
        void added.remove().catch(() => undefined);
        throw error;
      }
      // The worker refused the job or gave up on it: a verdict on this candidate only.
      return jobFailedReport(job, error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
      if (!this.lost) void this.removeJob(added);
    }
  }

  /** Jobs waiting, running, finished and failed on the queue (for health lines and tests). */
  counts(): Promise<Record<string, number>> {
    return this.untilLost(this.queue.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed'));
  }

  async dispose(): Promise<void> {
    for (const stop of this.unwatch.splice(0)) stop();
    if (this.lost) {
      // Closing politely would wait for a Redis that is not there.
      for (const client of this.clients) client.disconnect();
      return;
    }
    await Promise.allSettled([this.events.close(), this.queue.close()]);
    for (const client of this.clients) client.disconnect();
  }

  private fail(error: FleetError): void {
    if (this.lost) return;
    this.lost = error;
    for (const reject of this.losers) reject(error);
    this.losers.clear();
  }

  /** `work`, or the FleetError of a lost connection, whichever comes first. */
  private untilLost<T>(work: Promise<T>): Promise<T> {
    if (this.lost) return Promise.reject(this.lost);
    return new Promise<T>((resolve, reject) => {
      this.losers.add(reject);
      work.then(resolve, reject).finally(() => this.losers.delete(reject));
    });
  }

  private async removeJob(job: Job): Promise<void> {
    await job.remove().catch(() => undefined);
  }
}

function jobFailedReport(job: VerifyJob, message: string): VerificationReport {
  return unrunReport(job.target, job.candidate.file, { name: 'fleet-job', passed: false, message: `the fleet could not verify it: ${message}` }, job.settings.reward);
}
