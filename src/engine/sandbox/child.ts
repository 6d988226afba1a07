// The sandbox child process. It owns one isolate and serves the parent's
// requests over IPC: load a candidate, call the harness, release. V8 can end
// a whole process on some out-of-memory paths inside an isolate; living in a
// child, such a crash costs one candidate its verdict, never the host.

import { harnessSource } from './compile.js';
import { Sandbox, SandboxError, type SandboxLimits, type SandboxSession } from './sandbox.js';

export type ChildRequest =
  | { id: number; type: 'load'; script: string; limits: SandboxLimits }
  | { id: number; type: 'call'; request: { op: string; [field: string]: unknown }; timeoutMs?: number }
  | { id: number; type: 'release' };

export type ChildResponse =
  | { id: number; ok: true; result?: unknown; cpuTimeMs?: number }
  | { id: number; ok: false; kind: SandboxError['kind']; message: string };

let sandbox: Sandbox | undefined;
let session: SandboxSession | undefined;

async function handle(message: ChildRequest): Promise<ChildResponse> {
  switch (message.type) {
    case 'load': {
      // A candidate with other limits (a fleet worker serves jobs of several producers) gets a fresh isolate.
      if (sandbox && !sameLimits(sandbox.limits, message.limits)) sandbox.dispose();
      if (!sandbox || !sandbox.healthy || !sameLimits(sandbox.limits, message.limits)) sandbox = new Sandbox(await harnessSource(), message.limits);
      session = await sandbox.load(message.script);
      return { id: message.id, ok: true };
    }
    case 'call': {
      if (!session) throw new SandboxError('crashed', 'no candidate is loaded');
      const result = await session.call(message.request, message.timeoutMs);
      return { id: message.id, ok: true, result, cpuTimeMs: session.cpuTimeMs };
    }
    case 'release':
      session?.release();
      session = undefined;
      return { id: message.id, ok: true };
  }
}

function sameLimits(a: SandboxLimits, b: SandboxLimits): boolean {
  return a.memoryMb === b.memoryMb && a.timeoutMs === b.timeoutMs && a.maxResultChars === b.maxResultChars;
}

process.on('message', (message: ChildRequest) => {
  handle(message).then(
    (response) => process.send!(response),
    (error: unknown) => {
      const failure = error instanceof SandboxError ? error : new SandboxError('crashed', error instanceof Error ? error.message : String(error));
      process.send!({ id: message.id, ok: false, kind: failure.kind, message: failure.message } satisfies ChildResponse);
    },
  );
});
process.on('disconnect', () => process.exit(0));
