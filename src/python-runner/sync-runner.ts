// A synchronous face for the Python runner, so a paper-format Python CWM can
// stand in for a GameCWM (whose functions are synchronous) when playing move
// by move. A worker thread talks to the runner; the main thread blocks on an
// Atomics wait and takes the reply from its port. Searches are one request
// per move, their loops in Python.

import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';

export class SyncPythonRunnerError extends Error {}

export class SyncPythonRunner {
  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly signal: Int32Array,
    private readonly waitMs: number,
  ) {}

  static start(modulePath: string, options: { timeoutMs: number; memoryMb: number }): SyncPythonRunner {
    const here = fileURLToPath(import.meta.url);
    const entry = resolve(dirname(here), `sync-worker${extname(here)}`);
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    const workerData = { modulePath, options, port: port2, signal };
    // Under the test runner (or tsx) the sources are TypeScript. Node 20 ignores `--import tsx` in a
    // worker's execArgv, so a small bootstrap registers tsx's loader in the worker, then imports the entry.
    const worker = extname(here) === '.ts'
      ? new Worker(
        `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})`
          + `.then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(entry).href)}); })`,
        { eval: true, workerData, transferList: [port2] },
      )
      : new Worker(entry, { workerData, transferList: [port2] });
    worker.unref();
    const runner = new SyncPythonRunner(worker, port1, signal, options.timeoutMs + 30_000);
    runner.receive('starting the Python runner');
    return runner;
  }

  request<T>(op: string, fields: Record<string, unknown> = {}): T {
    this.port.postMessage({ op, fields });
    return this.receive(`the ${op} request`) as T;
  }

  close(): void {
    this.port.postMessage({ close: true });
    try {
      this.receive('closing');
    } finally {
      void this.worker.terminate();
    }
  }

  private receive(what: string): unknown {
    const outcome = Atomics.wait(this.signal, 0, 0, this.waitMs);
    Atomics.store(this.signal, 0, 0);
    if (outcome === 'timed-out') throw new SyncPythonRunnerError(`no answer from the Python runner while ${what}`);
    const message = receiveMessageOnPort(this.port)?.message as { ok: boolean; result?: unknown; error?: string } | undefined;
    if (!message) throw new SyncPythonRunnerError(`the Python runner's answer to ${what} was lost`);
    if (!message.ok) throw new SyncPythonRunnerError(message.error ?? 'the Python runner failed');
    return message.result;
  }
}
