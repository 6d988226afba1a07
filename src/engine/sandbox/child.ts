// The sandbox child process. It owns one isolate and serves the parent's
// requests over IPC: each `run` loads a candidate into a fresh context, makes
// one harness call and releases the context, so that each check of a
// candidate may go to whichever child is free, and no check sees what an
// earlier one left behind. V8 can end a whole process on some out-of-memory
// paths inside an isolate; living in a child, such a crash costs one
// candidate its verdict, never the host.

import { harnessSource } from './compile.js';
import { Sandbox, SandboxError, type SandboxLimits, type SandboxSession } from './sandbox.js';

export interface ChildRequest {
  id: number;
  script: string;
  limits: SandboxLimits;
  request: { op: string; [field: string]: unknown };
  timeoutMs?: number;
}

export type ChildResponse =
  | { id: number; ok: true; result?: unknown; cpuTimeMs?: number }
  | { id: number; ok: false; kind: SandboxError['kind']; message: string; loading?: boolean };

let sandbox: Sandbox | undefined;

async function handle(message: ChildRequest): Promise<ChildResponse> {
  // The CPU of loading counts too: a module's top level runs again for every check.
  const isolate = await sandboxFor(message.limits);
  const cpuStart = isolate.cpuTimeMs;
  let loaded: SandboxSession;
  try {
    loaded = await isolate.load(message.script);
  } catch (error) {
    throw Object.assign(asSandboxError(error), { loading: true });
  }
  try {
    const result = await loaded.call(message.request, message.timeoutMs);
    return { id: message.id, ok: true, result, cpuTimeMs: isolate.cpuTimeMs - cpuStart };
  } finally {
    loaded.release();
  }
}

/** The isolate for `limits`: a candidate with other limits (a fleet worker serves jobs of several producers) gets a fresh one. */
async function sandboxFor(limits: SandboxLimits): Promise<Sandbox> {
  if (sandbox && !sameLimits(sandbox.limits, limits)) sandbox.dispose();
  if (!sandbox || !sandbox.healthy || !sameLimits(sandbox.limits, limits)) sandbox = new Sandbox(await harnessSource(), limits);
  return sandbox;
}

function asSandboxError(error: unknown): SandboxError {
  return error instanceof SandboxError ? error : new SandboxError('crashed', error instanceof Error ? error.message : String(error));
}

function sameLimits(a: SandboxLimits, b: SandboxLimits): boolean {
  return a.memoryMb === b.memoryMb && a.timeoutMs === b.timeoutMs && a.maxResultChars === b.maxResultChars;
}

process.on('message', (message: ChildRequest) => {
  handle(message).then(
    (response) => process.send!(response),
    (error: unknown) => {
      const failure = asSandboxError(error);
      const loading = (error as { loading?: unknown }).loading === true;
      process.send!({ id: message.id, ok: false, kind: failure.kind, message: failure.message, ...(loading ? { loading } : {}) } satisfies ChildResponse);
    },
  );
});
process.on('disconnect', () => process.exit(0));
