// Creates the isolated-vm isolates of the sandbox. A candidate's play isolate
// (long searches over the same code, call after call) gets the optimizing
// compiler on the isolate's own thread; the verifier's isolates keep V8's
// background compiler.
//
// Why: V8 compiles hot functions with TurboFan on a background thread and
// installs the code through an interrupt of the isolate's thread. isolated-vm
// enters an isolate under a fresh top-level v8::Locker for every call, and
// that resets the isolate's pending interrupts; a compile job that finishes
// between two calls (while the host runs) is never installed, and its
// function stays marked "optimizing" in baseline code for the isolate's life.
// Searches of a few ms ran at 0.4-0.5x native speed whenever that happened.
// Compiled synchronously, the code is installed at once; the compile time
// counts against the call's time limit like any other work of the candidate.
// The verifier runs each candidate's fresh code briefly in a new context:
// there, compiling on the calling thread made the sandbox tiers 25-50%
// slower (tic_tac_toe 27 -> 38-52 ms, pig 214 -> 273-322 ms), so its
// isolates compile in the background as V8 does by default.

import v8 from 'node:v8';
import ivm, { type IsolatedVM } from './ivm.js';

/** Whether the user asked for a setting of the flag we toggle: then it is theirs and left alone. */
const USER_SET = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => /concurrent[-_]recompilation/.test(arg));

export type Compilation = 'synchronous' | 'background';

export function createIsolate(memoryMb: number, compilation: Compilation): IsolatedVM.Isolate {
  if (USER_SET || compilation === 'background') return new ivm.Isolate({ memoryLimit: memoryMb });
  // V8 reads the flag when an isolate is created (it decides whether the
  // isolate gets a background compile dispatcher), so it is switched off for
  // this isolate only and back on for any isolate the host creates later.
  v8.setFlagsFromString('--no-concurrent-recompilation');
  try {
    return new ivm.Isolate({ memoryLimit: memoryMb });
  } finally {
    v8.setFlagsFromString('--concurrent-recompilation');
  }
}
