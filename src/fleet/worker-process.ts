// A `gamecwm worker` in a child process of its own (the built bin), as
// `bench scale` runs its workers and the tests kill them: resolved once it
// serves its queue.

import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** bin/gamecwm.js of this package: two folders up from src/fleet or dist/fleet. */
const BIN = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), 'bin', 'gamecwm.js');

export async function spawnWorker(redis: string, queue: string, args: string[] = [], startTimeoutMs = 60_000): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--no-node-snapshot', BIN, 'worker', '--redis', redis, '--queue', queue, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const started = await Promise.race([
    new Promise<boolean>((done) => {
      const timer = setTimeout(() => done(false), startTimeoutMs);
      const look = () => {
        if (!output.includes('serving queue')) return;
        clearTimeout(timer);
        child.stdout!.off('data', look);
        done(true);
      };
      child.stdout!.on('data', look);
    }),
    exited.then(() => false),
  ]);
  if (!started) {
    child.kill('SIGKILL');
    throw new Error(`the worker did not start: ${output.trim().split('\n').at(-1) ?? 'no output'}`);
  }
  return { child, output: () => output, exited };
}
