// A Python runner's requests as turns of a fair scheduler: each waits for a
// slot in its candidate's tenancy, and while one runs, a cheaper candidate
// that is waiting gets the slot: the Python process is stopped until the
// scheduler gives it a slot again. A module that loops thus runs only while
// nobody with less service waits, and its wall-clock budget runs on meanwhile,
// so it still ends one budget after it started, as it did before.

import type { Tenancy } from '../fair-scheduler.js';
import type { PythonRunner } from './runner-client.js';

/** How often a running request looks for a cheaper waiter, and how much less service that one must have. */
const QUANTUM_MS = 50;

export async function fairRequest<T>(runner: PythonRunner, tenancy: Tenancy, op: string, fields: Record<string, unknown> = {}): Promise<T> {
  const turn = await tenancy.next();
  const request = runner.request<T>(op, fields);
  let settled = false;
  request.then(() => { settled = true; }, () => { settled = true; });
  while (!settled) {
    await Promise.race([request.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, QUANTUM_MS))]);
    if (settled || !turn.contended(QUANTUM_MS)) continue;
    runner.pause();
    try {
      await turn.yield();
    } finally {
      runner.resume();
    }
  }
  return request;
}
