// A pool of sandboxes, one isolate per core by default. Healthy isolates are
// reused across candidates (each candidate gets a fresh context); an isolate
// that died, for instance of running out of memory, is replaced.

import { availableParallelism } from 'node:os';
import { harnessSource } from './compile.js';
import { DEFAULT_LIMITS, Sandbox, type SandboxLimits, type SandboxSession } from './sandbox.js';

export class SandboxPool {
  private readonly idle: Sandbox[] = [];
  private readonly waiting: Array<(sandbox: Sandbox) => void> = [];
  private live = 0;

  constructor(readonly size = availableParallelism(), readonly limits: SandboxLimits = DEFAULT_LIMITS) {}

  /** Loads a compiled candidate into a sandbox, runs `work` with it, and cleans up. */
  async withCandidate<T>(candidateScript: string, work: (session: SandboxSession, sandbox: Sandbox) => Promise<T>): Promise<T> {
    const sandbox = await this.acquire();
    try {
      const session = await sandbox.load(candidateScript);
      try {
        return await work(session, sandbox);
      } finally {
        session.release();
      }
    } finally {
      this.release(sandbox);
    }
  }

  private async acquire(): Promise<Sandbox> {
    const sandbox = this.idle.pop();
    if (sandbox) return sandbox;
    if (this.live < this.size) {
      this.live++;
      try {
        return new Sandbox(await harnessSource(), this.limits);
      } catch (error) {
        this.live--;
        throw error;
      }
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(sandbox: Sandbox): void {
    if (!sandbox.healthy) {
      this.live--;
      const next = this.waiting.shift();
      if (next) {
        this.live++;
        harnessSource().then((source) => next(new Sandbox(source, this.limits)));
      }
      return;
    }
    const next = this.waiting.shift();
    if (next) next(sandbox);
    else this.idle.push(sandbox);
  }

  dispose(): void {
    for (const sandbox of this.idle.splice(0)) sandbox.dispose();
    this.live = 0;
  }
}
