// A pool of sandbox child processes, one per core by default, each owning one
// isolate. Every check of a candidate is one turn of the pool's fair scheduler
// (least slot time so far goes first, fair-scheduler.ts) on whichever child is
// free, in a fresh context of its warm isolate: a candidate that loops holds a
// child for one time limit at a time, and only while nobody cheaper waits. A
// child that died (an isolate out of memory can take its process down) fails
// only the candidate it was running and is replaced for the next one.

import { type ChildProcess, fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FairScheduler, Tenancy } from '../../fair-scheduler.js';
import type { ChildRequest, ChildResponse } from './child.js';
import { loadIsolatedVm } from './ivm.js';
import { CandidateLoadError } from './limits.js';
import { type CandidateSession, DEFAULT_LIMITS, SandboxError, type SandboxLimits } from './sandbox.js';

type Pending = { resolve: (response: ChildResponse & { ok: true }) => void; reject: (error: SandboxError) => void };
type RequestBody = Omit<ChildRequest, 'id'>;

/** The child died while running a call (a crash, or memory exhausted past the isolate's own limit). */
class ProcessEndedError extends SandboxError {}

/** One child process and its in-flight requests. */
class SandboxChild {
  private readonly process: ChildProcess;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  alive = true;

  constructor() {
    const here = fileURLToPath(import.meta.url);
    const entry = resolve(dirname(here), `child${extname(here)}`);
    // Under the test runner the sources are TypeScript: load them through tsx, resolved from
    // here rather than from the working directory (a test may have changed it).
    const loader = extname(here) === '.ts' ? ['--import', import.meta.resolve('tsx')] : [];
    this.process = fork(entry, [], { execArgv: ['--no-node-snapshot', ...loader], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    this.process.stderr?.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-2000); });
    this.process.on('message', (response: ChildResponse) => {
      const waiter = this.pending.get(response.id);
      if (!waiter) return;
      this.pending.delete(response.id);
      if (response.ok) waiter.resolve(response);
      else waiter.reject(new (response.loading ? CandidateLoadError : SandboxError)(response.kind, response.message));
    });
    this.process.on('exit', (code, signal) => {
      this.alive = false;
      const oom = /out of memory|heap_oom|allocation failed/i.test(stderr);
      for (const waiter of this.pending.values()) {
        waiter.reject(new ProcessEndedError(oom ? 'memory' : 'crashed', oom
          ? 'the candidate exhausted memory and took its sandbox process down'
          : `the sandbox process ended unexpectedly (${signal ?? `exit code ${code}`})`));
      }
      this.pending.clear();
    });
  }

  request(body: RequestBody): Promise<ChildResponse & { ok: true }> {
    if (!this.alive) return Promise.reject(new SandboxError('crashed', 'the sandbox process has ended'));
    const id = this.nextId++;
    return new Promise((resolvePromise, reject) => {
      this.pending.set(id, { resolve: resolvePromise, reject });
      this.process.send({ id, ...body } as ChildRequest);
    });
  }

  kill(): void {
    this.alive = false;
    this.process.kill();
  }
}

/** A loaded candidate: each call loads it afresh on a free child, in its tenancy's turn. */
class ChildSession implements CandidateSession {
  cpuTimeMs = 0;
  /** Set once the candidate exhausted memory or took its child down: its later calls fail alike without taking another one down. */
  private exhausted?: SandboxError;

  constructor(private readonly pool: SandboxPool, private readonly script: string, private readonly limits: SandboxLimits, private readonly tenancy: Tenancy) {}

  async call<T>(request: { op: string; [field: string]: unknown }, timeoutMs?: number): Promise<T> {
    if (this.exhausted) throw new SandboxError(this.exhausted.kind, `not run: ${this.exhausted.message}`);
    try {
      await this.tenancy.next();
      const response = await this.pool.run({ script: this.script, limits: this.limits, request, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
      this.cpuTimeMs += response.cpuTimeMs ?? 0;
      return response.result as T;
    } catch (error) {
      if (error instanceof ProcessEndedError || (error instanceof SandboxError && error.kind === 'memory')) this.exhausted = error;
      throw error;
    }
  }
}

export class SandboxPool {
  private readonly idle: SandboxChild[] = [];
  private readonly waiting: Array<(child: SandboxChild) => void> = [];
  private live = 0;
  /** Whose check runs next; its slots are the children. */
  readonly scheduler: FairScheduler;

  constructor(readonly size = availableParallelism(), readonly limits: SandboxLimits = DEFAULT_LIMITS) {
    this.scheduler = new FairScheduler(size);
  }

  /**
   * Runs `work` with a session of the compiled candidate (under `limits`, the pool's by default), its
   * calls taking turns with every other candidate's on the pool's scheduler. A candidate that cannot
   * load fails its first call with a CandidateLoadError.
   */
  async withCandidate<T>(candidateScript: string, work: (session: CandidateSession) => Promise<T>, limits = this.limits): Promise<T> {
    // Here, not in a child, so that a missing isolated-vm line is the user's
    // error rather than the candidate's crash.
    loadIsolatedVm();
    const tenancy = new Tenancy(this.scheduler);
    try {
      return await work(new ChildSession(this, candidateScript, limits, tenancy));
    } finally {
      tenancy.end();
    }
  }

  /** One check on a free child (a caller holding one of the scheduler's slots always finds one). */
  async run(body: RequestBody): Promise<ChildResponse & { ok: true }> {
    const child = await this.acquire();
    try {
      return await child.request(body);
    } finally {
      this.release(child);
    }
  }
  private acquire(): Promise<SandboxChild> {
    const child = this.idle.pop();
    if (child) return Promise.resolve(child);
    if (this.live < this.size) {
      this.live++;
      return Promise.resolve(new SandboxChild());
    }
    return new Promise((resolvePromise) => this.waiting.push(resolvePromise));
  }

  private release(child: SandboxChild): void {
    const next = child.alive ? child : new SandboxChild();
    const waiter = this.waiting.shift();
    if (waiter) waiter(next);
    else this.idle.push(next);
  }

  dispose(): void {
    for (const child of this.idle.splice(0)) child.kill();
    this.live = 0;
  }
}
