// A verification job on the queue: the candidate's source, the game it
// implements (a built-in id, or a new game's facts), and the settings of its
// verification. Producers check it before sending; workers check it again on
// arrival, since anything may write to a Redis queue. A job is plain JSON.

import type { CodeLanguage } from '../codegen/extract.js';
import { findGame } from '../games/index.js';
import { scenarioProblems } from '../games/new-game.js';
import type { CandidateSource } from '../verifier/candidate.js';
import type { RunSettings, VerificationReport, VerifyTarget } from '../verifier/verify.js';

export const DEFAULT_QUEUE = 'gamecwm-verify';
export const JOB_NAME = 'verify';

export interface FleetLimits {
  /** Largest job (its JSON, nearly all of it the candidate's source), in bytes. */
  maxPayloadBytes: number;
  /** Largest report a worker sends back, in bytes of JSON. */
  maxResultBytes: number;
}

export const DEFAULT_FLEET_LIMITS: FleetLimits = { maxPayloadBytes: 1024 * 1024, maxResultBytes: 8 * 1024 * 1024 };

/** Longest a worker spends on one job, by default (the sandbox's own limits end most candidates far sooner). */
export const DEFAULT_JOB_TIMEOUT_MS = 600_000;

export interface VerifyJob {
  candidate: { language: CodeLanguage; source: string; file: string };
  target: VerifyTarget;
  settings: RunSettings;
  /** The worker gives up on the job after this long (the producer waits a little longer). */
  timeoutMs: number;
}

/** Why a job is refused: a fault of the job, failing that job only. */
export class JobRejected extends Error {
  override name = 'JobRejected';
}

export function makeJob(candidate: CandidateSource, target: VerifyTarget, settings: RunSettings, timeoutMs: number): VerifyJob {
  return {
    candidate: { language: candidate.language, source: candidate.source, file: candidate.file },
    target: {
      info: target.info,
      ...(target.referenceId === undefined ? (target.scenarios?.length ? { scenarios: target.scenarios } : {}) : { referenceId: target.referenceId }),
    },
    settings, timeoutMs,
  };
}

export function jobBytes(job: VerifyJob): number {
  return Buffer.byteLength(JSON.stringify(job));
}

/** Throws JobRejected unless `data` is a well-formed job within the limits. */
export function checkJob(data: unknown, limits: FleetLimits): VerifyJob {
  const fail = (what: string): never => { throw new JobRejected(`malformed job: ${what}`); };
  if (!isObject(data)) return fail('not an object');
  const size = Buffer.byteLength(JSON.stringify(data));
  if (size > limits.maxPayloadBytes) throw new JobRejected(`the job is ${size} bytes, over the fleet's limit of ${limits.maxPayloadBytes} bytes`);
  const { candidate, target, settings, timeoutMs } = data;
  if (!isObject(candidate) || (candidate.language !== 'ts' && candidate.language !== 'python')
    || typeof candidate.source !== 'string' || typeof candidate.file !== 'string') return fail('candidate must be {language: "ts"|"python", source, file}');
  if (!isObject(target) || !isObject(target.info)) return fail('target must be {info, referenceId?, scenarios?}');
  checkInfo(target.info, fail);
  if (target.scenarios !== undefined) {
    const problems = scenarioProblems(target.scenarios, target.info.players as number);
    if (problems.length > 0) fail(`target.${problems[0].replace(/^scenarios: /, 'scenarios')}`);
  }
  if (target.referenceId !== undefined && (typeof target.referenceId !== 'string' || !findGame(target.referenceId))) {
    return fail(`no built-in game "${String(target.referenceId).slice(0, 100)}" on this worker`);
  }
  if (!isObject(settings)) return fail('settings missing');
  for (const name of ['playouts', 'histories', 'trajectories'] as const) {
    if (!isInteger(settings[name], 0, 100_000)) fail(`settings.${name} must be an integer from 0 to 100000`);
  }
  if (!isInteger(settings.seed, 0, Number.MAX_SAFE_INTEGER)) fail('settings.seed must be a non-negative integer');
  const { limits: sandbox } = settings;
  if (!isObject(sandbox) || !isInteger(sandbox.memoryMb, 16, 4096) || !isInteger(sandbox.timeoutMs, 10, 600_000)
    || !isInteger(sandbox.maxResultChars, 1, 100_000_000)) fail('settings.limits must be {memoryMb, timeoutMs, maxResultChars} within range');
  if (settings.reward !== undefined && settings.reward !== 'paper' && settings.reward !== 'strict') fail('settings.reward must be "paper" or "strict"');
  if (settings.requirePortable !== undefined && typeof settings.requirePortable !== 'boolean') fail('settings.requirePortable must be true or false');
  if (!isInteger(timeoutMs, 1, 86_400_000)) fail('timeoutMs must be an integer of ms up to a day');
  return data as unknown as VerifyJob;
}

function checkInfo(info: Record<string, unknown>, fail: (what: string) => never): void {
  if (typeof info.id !== 'string' || info.id === '') fail('target.info.id must be a game id');
  if (!isInteger(info.players, 1, 16)) fail('target.info.players must be an integer from 1 to 16');
  if (info.information !== 'perfect' && info.information !== 'imperfect') fail('target.info.information must be "perfect" or "imperfect"');
  if (!['zero-sum', 'general-sum', 'identical'].includes(info.utility as string)) fail('target.info.utility is not a known utility');
  if (!isInteger(info.maxGameLength, 1, 1_000_000)) fail('target.info.maxGameLength must be an integer from 1 to 1000000');
}

/** What a worker sends back: the report, and how long the job took on the worker (the rest of a round trip is the queue's). */
export interface JobResult {
  report: VerificationReport;
  workerMs: number;
}

/** Throws JobRejected when a result is too large to send back. */
export function checkResult(result: JobResult, limits: FleetLimits): JobResult {
  const size = Buffer.byteLength(JSON.stringify(result));
  if (size > limits.maxResultBytes) throw new JobRejected(`the report is ${size} bytes, over the fleet's result limit of ${limits.maxResultBytes} bytes`);
  return result;
}

/** A worker's answer, read back by a producer: a result in shape, or null. */
export function asResult(value: unknown): JobResult | null {
  if (!isObject(value) || typeof value.workerMs !== 'number') return null;
  const report = value.report;
  return isObject(report) && typeof report.ok === 'boolean' && isObject(report.scores) && isObject(report.tiers) ? value as unknown as JobResult : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInteger(value: unknown, min: number, max: number): value is number {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}
