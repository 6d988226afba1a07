// Worker thread behind SyncPythonRunner: owns the asynchronous PythonRunner
// and answers each request on its port, then wakes the waiting main thread.

import { type MessagePort, workerData } from 'node:worker_threads';
import { PythonRunner } from './runner-client.js';

interface Setup {
  modulePath: string;
  options: { timeoutMs: number; memoryMb: number };
  port: MessagePort;
  signal: Int32Array;
}

const { modulePath, options, port, signal } = workerData as Setup;

function reply(message: unknown): void {
  port.postMessage(message);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

let runner: PythonRunner | undefined;
try {
  runner = await PythonRunner.start(modulePath, options);
  reply({ ok: true });
} catch (error) {
  reply({ ok: false, error: (error as Error).message });
}

port.on('message', (message: { op: string; fields: Record<string, unknown> } | { close: true }) => {
  if ('close' in message) {
    void runner?.close().finally(() => {
      reply({ ok: true });
      port.close();
    });
    return;
  }
  runner!.request(message.op, message.fields).then(
    (result) => reply({ ok: true, result }),
    (error: unknown) => reply({ ok: false, error: (error as Error).message }),
  );
});
