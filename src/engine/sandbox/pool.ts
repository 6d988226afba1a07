// A pool of sandbox child processes, one per core by default, each owning one
// isolate. A candidate gets a fresh context in a warm isolate; a child that
// died (an isolate out of memory can take its process down) fails only the
// candidate it was running and is replaced for the next one.

import { type ChildProcess, fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildRequest, ChildResponse } from './child.js';
import { loadIsolatedVm } from './ivm.js';
import { type CandidateSession, DEFAULT_LIMITS, SandboxError, type SandboxLimits } from './sandbox.js';

type Pending = { resolve: (response: ChildResponse & { ok: true }) => void; reject: (error: SandboxError) => void };
type RequestBody = { type: 'load'; script: string; limits: SandboxLimits } | { type: 'call'; request: { op: string; [field: string]: unknown }; timeoutMs?: number } | { type: 'release' };

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
      else waiter.reject(new SandboxError(response.kind, response.message));
    });
    this.process.on('exit', (code, signal) => {
      this.alive = false;
      const oom = /out of memory|heap_oom|allocation failed/i.test(stderr);
      for (const waiter of this.pending.values()) {
        waiter.reject(new SandboxError(oom ? 'memory' : 'crashed', oom
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

class ChildSession implements CandidateSession {
  cpuTimeMs = 0;

  constructor(private readonly child: SandboxChild) {}

  async call<T>(request: { op: string; [field: string]: unknown }, timeoutMs?: number): Promise<T> {
    const response = await this.child.request({ type: 'call', request, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
    this.cpuTimeMs = response.cpuTimeMs ?? this.cpuTimeMs;
    return response.result as T;
  }
}

export class SandboxPool {
  private readonly idle: SandboxChild[] = [];
  private readonly waiting: Array<(child: SandboxChild) => void> = [];
  private live = 0;

  constructor(readonly size = availableParallelism(), readonly limits: SandboxLimits = DEFAULT_LIMITS) {}

  /** Loads a compiled candidate into a sandbox (under `limits`, the pool's by default), runs `work` with it, and cleans up. */
  async withCandidate<T>(candidateScript: string, work: (session: CandidateSession) => Promise<T>, limits = this.limits): Promise<T> {
    // Here, not in a child, so that a missing isolated-vm line is the user's
    // error rather than the candidate's crash.
    loadIsolatedVm();
    const child = await this.acquire();
    try {
      await child.request({ type: 'load', script: candidateScript, limits });
      try {
        return await work(new ChildSession(child));
      } finally {
        if (child.alive) await child.request({ type: 'release' }).catch(() => undefined);
      }
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
