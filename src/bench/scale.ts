// `bench scale`: what the fleet costs and gives on this machine. The same
// verification jobs (a built-in game's module, every tier) run in this
// process and on one and two `gamecwm worker` processes through Redis.
// Latency: one job at a time, so the difference to in-process is the
// queue's overhead per job (Redis round trips, the job and report crossing
// as JSON, the events stream). Throughput: every job in flight at once.

import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { GameDefinition } from '../engine/game-definition.js';
import { DEFAULT_LIMITS } from '../engine/sandbox/limits.js';
import { startRedis } from '../fleet/local-redis.js';
import { FleetVerifier } from '../fleet/producer.js';
import { spawnWorker, type WorkerProcess } from '../fleet/worker-process.js';
import { gameModulePath } from '../games/files.js';
import { type CandidateSource, type CandidateVerifier, LocalCandidateVerifier } from '../verifier/candidate.js';
import type { VerificationReport, VerifyTarget } from '../verifier/verify.js';
import { barChart } from './charts.js';
import { describeMachine } from './machine.js';
import type { BenchReport } from './report.js';
import { median } from './stats.js';

export interface ScaleBenchSettings {
  games: GameDefinition[];
  seed: number;
  /** Jobs per measurement. */
  jobs: number;
  playouts: number;
  /** An existing Redis; by default a private redis-server is started for the run. */
  redis?: string;
  onStep?: () => void;
}

export interface Latency {
  p50: number;
  p95: number;
}

export interface GameScale {
  game: string;
  /** Jobs per second, every job in flight (in-process: as many as cores). */
  throughput: { local1: number; local2: number; workers1: number; workers2: number };
  /** One job at a time, ms per job. */
  latency: { local: Latency; workers1: Latency; workers2: Latency };
  /** Per job taken alone: its round trip less its time on the worker (ms). */
  overhead: { workers1: Latency; workers2: Latency };
  /** Every fleet report equalled the in-process one (timings aside). */
  sameReports: boolean;
}

export interface ScaleBenchData {
  redis: 'private' | 'given';
  cores: number;
  games: GameScale[];
}

/** Unmeasured jobs per verifier and game first: a cold type checker and isolate cost far more than a warm one. */
const WARMUP_JOBS = 3;

export async function runScaleBench(settings: ScaleBenchSettings): Promise<BenchReport<ScaleBenchData>> {
  const createdAt = new Date().toISOString();
  const options = { playouts: settings.playouts, histories: settings.playouts, trajectories: settings.playouts, seed: settings.seed, limits: { ...DEFAULT_LIMITS, timeoutMs: 60_000 } };
  const redis = settings.redis === undefined ? await startRedis() : null;
  const url = settings.redis ?? redis!.url;
  const queue = `gamecwm-bench-scale-${process.pid}`;
  const workers: WorkerProcess[] = [];
  const open: CandidateVerifier[] = [];
  try {
    const local1 = new LocalCandidateVerifier({ ...options, concurrency: 1 });
    const local2 = new LocalCandidateVerifier({ ...options, concurrency: 2 });
    // The overhead of a job taken alone: its round trip less its time on the worker.
    let overheads: number[] | null = null;
    const fleet = await FleetVerifier.connect({
      redis: url, queue, inFlight: settings.jobs, onTiming: ({ roundTripMs, workerMs }) => overheads?.push(roundTripMs - workerMs),
    }, options);
    open.push(local1, local2, fleet);
    const onFleet = async (subject: Subject): Promise<FleetRun> => {
      overheads = [];
      const alone = await oneAtATime(fleet, subject, settings.jobs);
      const paired = overheads;
      overheads = null;
      const all = await allInFlight(fleet, subject, settings.jobs, settings.jobs);
      return { latencies: alone.latencies, overheads: paired, perSecond: all.perSecond, reports: [...alone.reports, ...all.reports] };
    };
    const startWorker = async () => {
      workers.push(await spawnWorker(url, queue, ['--concurrency', '1', '--health-s', '0']));
    };

    await startWorker();
    const measured: Array<{ reference: VerificationReport; local1: LocalRun; local2: LocalRun; workers1: FleetRun; workers2?: FleetRun }> = [];
    for (const game of settings.games) {
      const subject = subjectOf(game);
      const reference = (await warm(local1, subject, 1)).at(-1)!;
      await warm(local2, subject, 2);
      await warm(fleet, subject, 1);
      const alone = await oneAtATime(local1, subject, settings.jobs);
      measured.push({
        reference,
        local1: { ...alone, perSecond: (await allInFlight(local1, subject, settings.jobs, 1)).perSecond },
        local2: { latencies: [], ...await allInFlight(local2, subject, settings.jobs, 2) },
        workers1: await onFleet(subject),
      });
      settings.onStep?.();
    }
    // A second worker joins; the same jobs again.
    await startWorker();
    const games: GameScale[] = [];
    for (const [index, game] of settings.games.entries()) {
      const subject = subjectOf(game);
      await warm(fleet, subject, 2);
      const m = measured[index];
      const workers2 = await onFleet(subject);
      const same = [m.local2, m.workers1, workers2].every((run) => run.reports.every((r) => sameReport(r, m.reference)));
      games.push({
        game: game.info.id,
        throughput: { local1: m.local1.perSecond, local2: m.local2.perSecond, workers1: m.workers1.perSecond, workers2: workers2.perSecond },
        latency: { local: quantiles(m.local1.latencies), workers1: quantiles(m.workers1.latencies), workers2: quantiles(workers2.latencies) },
        overhead: { workers1: quantiles(m.workers1.overheads), workers2: quantiles(workers2.overheads) },
        sameReports: same,
      });
      settings.onStep?.();
    }
    return buildReport({ redis: settings.redis === undefined ? 'private' : 'given', cores: cpus().length, games }, settings, createdAt);
  } finally {
    await Promise.allSettled(open.map((v) => v.dispose()));
    for (const worker of workers) worker.child.kill('SIGTERM');
    await Promise.allSettled(workers.map((w) => w.exited));
    await redis?.stop('SIGTERM');
  }
}

interface Subject {
  candidate: CandidateSource;
  target: VerifyTarget;
}

function subjectOf(game: GameDefinition): Subject {
  return {
    candidate: { language: 'ts', source: readFileSync(gameModulePath(game.info.id), 'utf8'), file: `${game.info.id}.ts` },
    target: { info: game.info, referenceId: game.info.id },
  };
}

interface LocalRun {
  /** ms per job, one job at a time. */
  latencies: number[];
  /** Jobs per second with every job in flight. */
  perSecond: number;
  reports: VerificationReport[];
}

interface FleetRun extends LocalRun {
  /** Per job taken alone: its round trip less its time on the worker (ms). */
  overheads: number[];
}

async function warm(verifier: CandidateVerifier, subject: Subject, copies: number): Promise<VerificationReport[]> {
  const reports: VerificationReport[] = [];
  for (let i = 0; i < WARMUP_JOBS; i++) reports.push(...await Promise.all(Array.from({ length: copies }, () => verifier.verifyCandidate(subject.candidate, subject.target))));
  return reports;
}

async function oneAtATime(verifier: CandidateVerifier, subject: Subject, jobs: number): Promise<{ latencies: number[]; reports: VerificationReport[] }> {
  const latencies: number[] = [];
  const reports: VerificationReport[] = [];
  for (let i = 0; i < jobs; i++) {
    const start = performance.now();
    reports.push(await verifier.verifyCandidate(subject.candidate, subject.target));
    latencies.push(performance.now() - start);
  }
  return { latencies, reports };
}

async function allInFlight(verifier: CandidateVerifier, subject: Subject, jobs: number, inFlight: number): Promise<{ perSecond: number; reports: VerificationReport[] }> {
  const reports: VerificationReport[] = [];
  let next = 0;
  const start = performance.now();
  const lane = async () => {
    while (next < jobs) {
      next++;
      reports.push(await verifier.verifyCandidate(subject.candidate, subject.target));
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, jobs) }, lane));
  return { perSecond: round(jobs / ((performance.now() - start) / 1000)), reports };
}

function quantiles(values: number[]): Latency {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: round(median(values)), p95: round(at(0.95)) };
}

function sameReport(a: VerificationReport, b: VerificationReport): boolean {
  const strip = ({ timings: _, ...rest }: VerificationReport) => JSON.stringify(rest);
  return strip(a) === strip(b);
}

const round = (x: number) => Math.round(x * 10) / 10;

function buildReport(data: ScaleBenchData, settings: ScaleBenchSettings, createdAt: string): BenchReport<ScaleBenchData> {
  const { games } = data;
  const ratio = (a: number, b: number) => (b === 0 ? null : `${(Math.round((a / b) * 100) / 100).toFixed(2)}x`);
  return {
    suite: 'scale',
    title: 'Scale-out: verification jobs on BullMQ workers through Redis vs in-process',
    createdAt, machine: describeMachine(), seed: settings.seed,
    settings: { games: settings.games.map((g) => g.info.id), jobs: settings.jobs, playouts: settings.playouts, redis: data.redis },
    data,
    tables: [
      {
        id: 'throughput', title: `Throughput: ${settings.jobs} jobs, every one in flight (jobs/s; in-process: one or two sandboxes)`,
        columns: ['game', 'in-process, 1 core', 'in-process, 2 cores', '1 worker', '2 workers', '2 workers / 1 worker', 'same reports'],
        rows: games.map((g) => [g.game, g.throughput.local1, g.throughput.local2, g.throughput.workers1, g.throughput.workers2,
          ratio(g.throughput.workers2, g.throughput.workers1), g.sameReports ? 'yes' : 'NO']),
      },
      {
        id: 'latency', title: `Latency: ${settings.jobs} jobs one at a time (ms per job) and the queue's overhead over in-process`,
        columns: ['game', 'in-process p50', 'in-process p95', '1 worker p50', '1 worker p95', 'overhead p50', 'overhead p95', '2 workers p50', '2 workers overhead p50'],
        rows: games.map((g) => [g.game, g.latency.local.p50, g.latency.local.p95, g.latency.workers1.p50, g.latency.workers1.p95,
          g.overhead.workers1.p50, g.overhead.workers1.p95, g.latency.workers2.p50, g.overhead.workers2.p50]),
      },
    ],
    charts: [{
      id: 'throughput', title: 'Verification jobs per second',
      svg: barChart({
        title: 'Verification jobs per second (higher is better)', categories: games.map((g) => g.game), unit: 'jobs/s',
        series: [
          { name: 'in-process, 1 core', values: games.map((g) => g.throughput.local1) },
          { name: 'in-process, 2 cores', values: games.map((g) => g.throughput.local2) },
          { name: '1 worker', values: games.map((g) => g.throughput.workers1) },
          { name: '2 workers', values: games.map((g) => g.throughput.workers2) },
        ],
      }),
    }],
    notes: [
      `Each job verifies the game's built-in module with every tier (${settings.playouts} playouts, histories and trajectories), warm (${WARMUP_JOBS} unmeasured jobs per verifier and game first).`,
      `Workers are \`gamecwm worker --concurrency 1\` processes on this machine (${data.cores} cores), the producer a FleetVerifier in the bench's process; Redis: ${data.redis === 'private' ? 'a private redis-server on loopback' : 'the one given with --redis'}.`,
      'Overhead: for each job taken alone, its round trip as the producer saw it less the time the worker spent verifying it (measured on the worker): Redis round trips, the job and the report crossing as JSON, the completion event, the worker picking the job up.',
      ...games.filter((g) => !g.sameReports).map((g) => `${g.game}: a fleet report differed from the in-process one`),
    ],
  };
}
