// One hardened isolated-vm isolate. The harness (verifier checks, reference
// games) lives in one long-lived context, so its code stays JIT-warm across
// candidates, and everything reachable in it is frozen once it has loaded;
// each candidate gets a fresh context of its own, hardened exactly as a play
// context is, and its exports are handed to the harness by reference inside
// the isolate, with the candidate realm's kit (so the harness hands the
// candidate values of its own realm, never one of its own). The host sends
// JSON requests, each call bounded in time, the isolate bounded in memory.
// Nothing from the host is reachable inside: only strings cross.

import type { IsolatedVM } from './ivm.js';
import { createIsolate } from './isolate.js';
import { hardeningPrelude, LOCKDOWN, PRELUDE } from './prelude.js';
import { KIT_GLOBAL, REALM_KIT } from './realm-kit.js';
import { DEFAULT_LIMITS, SandboxError, type SandboxLimits } from './limits.js';

export { DEFAULT_LIMITS, SandboxError, type SandboxFailureKind, type SandboxLimits } from './limits.js';

const SERVE_GLOBAL = '__gamecwmServe';
const CANDIDATE_GLOBAL = '__candidate';

type Serve = (candidate: unknown, fromJson: unknown, makeRandom: unknown, json: string) => string;

/** The candidate realm's kit functions, by reference. */
interface Kit {
  fromJson: IsolatedVM.Reference<unknown>;
  makeRandom: IsolatedVM.Reference<unknown>;
}

export class Sandbox {
  private readonly isolate: IsolatedVM.Isolate;
  /** The prelude of candidate contexts: the same as a play context's. */
  private readonly prelude: IsolatedVM.Script;
  private readonly kit: IsolatedVM.Script;
  private readonly serve: IsolatedVM.Reference<Serve>;

  constructor(harnessSource: string, readonly limits: SandboxLimits = DEFAULT_LIMITS) {
    this.isolate = createIsolate(limits.memoryMb, 'background');
    this.prelude = this.isolate.compileScriptSync(hardeningPrelude(false), { filename: 'gamecwm:prelude' });
    this.kit = this.isolate.compileScriptSync(REALM_KIT, { filename: 'gamecwm:kit' });
    const harnessContext = this.isolate.createContextSync();
    this.isolate.compileScriptSync(PRELUDE, { filename: 'gamecwm:harness-prelude' }).runSync(harnessContext);
    this.isolate.compileScriptSync(harnessSource, { filename: 'gamecwm:harness' }).runSync(harnessContext);
    this.serve = harnessContext.global.getSync(SERVE_GLOBAL, { reference: true }) as IsolatedVM.Reference<Serve>;
    this.isolate.compileScriptSync(LOCKDOWN, { filename: 'gamecwm:lockdown' }).runSync(harnessContext);
  }

  /** False once the isolate was disposed (for instance by running out of memory). */
  get healthy(): boolean {
    return !this.isolate.isDisposed;
  }

  /** CPU time the isolate has used so far, in ms. */
  get cpuTimeMs(): number {
    return this.healthy ? Number(this.isolate.cpuTime) / 1e6 : 0;
  }

  /** A fresh context with the candidate loaded; its top-level code runs under the time limit. */
  async load(candidateScript: string): Promise<SandboxSession> {
    const context = await this.isolate.createContext();
    try {
      await this.prelude.run(context, { timeout: this.limits.timeoutMs });
      const kit = await takeKit(context, this.kit);
      const script = await this.isolate.compileScript(candidateScript, { filename: 'candidate.js' }).catch((error: unknown) => {
        throw new SandboxError('crashed', `the candidate does not compile: ${errorText(error)}`);
      });
      await script.run(context, { timeout: this.limits.timeoutMs }).catch((error: unknown) => {
        throw this.classify(error, 'loading the module');
      });
      const exports = (await context.global.get(CANDIDATE_GLOBAL, { reference: true })) as IsolatedVM.Reference<object>;
      if (exports.typeof !== 'object') {
        exports.release();
        throw new SandboxError('crashed', 'the candidate module defines no exports');
      }
      return new SandboxSession(this, context, exports, kit, this.serve);
    } catch (error) {
      context.release();
      throw error instanceof SandboxError ? error : this.classify(error, 'loading the module');
    }
  }

  /** Turns an isolated-vm failure into a verdict a model can act on. */
  classify(error: unknown, during: string): SandboxError {
    return classifyIsolateError(error, this.healthy, this.limits, during);
  }

  dispose(): void {
    if (this.healthy) this.isolate.dispose();
  }
}

/** What the verifier needs from a loaded candidate, wherever its isolate lives. */
export interface CandidateSession {
  /** One harness request; `timeoutMs` may shorten this call's time limit (never lengthen it). */
  call<T>(request: { op: string; [field: string]: unknown }, timeoutMs?: number): Promise<T>;
  /** CPU time the candidate's calls have used, in ms. */
  readonly cpuTimeMs: number;
}

export class SandboxSession implements CandidateSession {
  cpuTimeMs = 0;

  constructor(
    private readonly sandbox: Sandbox,
    private readonly context: IsolatedVM.Context,
    private readonly exports: IsolatedVM.Reference<object>,
    private readonly kit: Kit,
    private readonly serve: IsolatedVM.Reference<Serve>,
  ) {}

  /** Sends one request to the harness and returns its result. */
  async call<T>(request: { op: string; [field: string]: unknown }, timeoutMs?: number): Promise<T> {
    let text: unknown;
    const cpuStart = this.sandbox.cpuTimeMs;
    try {
      if (!this.sandbox.healthy) throw new Error('Isolate is disposed');
      text = await this.serve.apply(undefined, [this.exports.derefInto(), this.kit.fromJson.derefInto(), this.kit.makeRandom.derefInto(), JSON.stringify(request)], {
        timeout: Math.max(1, Math.floor(Math.min(timeoutMs ?? Infinity, this.sandbox.limits.timeoutMs))), result: { copy: true },
      });
    } catch (error) {
      throw this.sandbox.classify(error, `running the ${request.op} checks`);
    } finally {
      if (this.sandbox.healthy) this.cpuTimeMs += this.sandbox.cpuTimeMs - cpuStart;
    }
    if (typeof text !== 'string') throw new SandboxError('crashed', `the harness returned ${typeof text}`);
    if (text.length > this.sandbox.limits.maxResultChars) {
      throw new SandboxError('result-too-large', `the ${request.op} result is ${text.length} characters; the limit is ${this.sandbox.limits.maxResultChars}`);
    }
    const response = JSON.parse(text) as { ok: true; result: T } | { ok: false; error: string };
    if (!response.ok) throw new SandboxError('crashed', `the ${request.op} checks failed: ${response.error}`);
    return response.result;
  }

  release(): void {
    this.exports.release();
    this.kit.fromJson.release();
    this.kit.makeRandom.release();
    if (this.sandbox.healthy) this.context.release();
  }
}

/** Runs the realm kit in a fresh candidate context and takes its functions, leaving no global behind. */
export async function takeKit(context: IsolatedVM.Context, kit: IsolatedVM.Script): Promise<Kit> {
  await kit.run(context);
  const holder = (await context.global.get(KIT_GLOBAL, { reference: true })) as IsolatedVM.Reference<Record<string, unknown>>;
  try {
    return {
      fromJson: (await holder.get('fromJson', { reference: true })) as IsolatedVM.Reference<unknown>,
      makeRandom: (await holder.get('makeRandom', { reference: true })) as IsolatedVM.Reference<unknown>,
    };
  } finally {
    holder.release();
    await context.global.delete(KIT_GLOBAL);
  }
}

/** A failure inside an isolate as a verdict: the memory limit, the time limit, or the error itself. */
export function classifyIsolateError(error: unknown, healthy: boolean, limits: SandboxLimits, during: string): SandboxError {
  const text = errorText(error);
  if (!healthy || /memory limit|disposed/i.test(text)) {
    return new SandboxError('memory', `the candidate exceeded the ${limits.memoryMb} MB memory limit while ${during}`);
  }
  if (/timed out/i.test(text)) {
    return new SandboxError('timeout', `the candidate exceeded the ${limits.timeoutMs} ms time limit while ${during} (an infinite loop or far too much work?)`);
  }
  return new SandboxError('crashed', `the candidate failed while ${during}: ${text}`);
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
