// A sandbox's limits and its failure verdict, apart from the isolate code so
// that the package's public types never reach isolated-vm's (whose types come
// through a build-time alias a user's project cannot resolve).

export interface SandboxLimits {
  /** Isolate heap limit in MB. */
  memoryMb: number;
  /** Wall-clock limit of each call into the isolate, in ms. */
  timeoutMs: number;
  /** Largest result a call may return, in characters of JSON. */
  maxResultChars: number;
}

export const DEFAULT_LIMITS: SandboxLimits = { memoryMb: 128, timeoutMs: 2000, maxResultChars: 4_000_000 };

export type SandboxFailureKind = 'timeout' | 'memory' | 'result-too-large' | 'crashed';

export class SandboxError extends Error {
  constructor(readonly kind: SandboxFailureKind, message: string) {
    super(message);
  }
}

/** The candidate failed to load (it does not compile, its top level throws or runs out of time): no check of it can run. */
export class CandidateLoadError extends SandboxError {}
