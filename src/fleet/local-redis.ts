// A private redis-server on a free loopback port, in a temporary folder,
// with nothing saved to disk: what `bench scale` measures on when given no
// --redis, and what the fleet's tests run against. A missing redis-server is
// a FleetError saying how to install it.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FleetError } from './errors.js';

export interface RedisServer {
  url: string;
  port: number;
  /** Ends the server (SIGKILL by default: Redis vanishing, not a clean shutdown) and removes its folder. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'gamecwm-redis-'));
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    cwd: dir, stdio: ['ignore', 'pipe', 'ignore'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new FleetError(`redis-server did not start within 10 s: ${output.trim().split('\n').at(-1) ?? ''}`)), 10_000);
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === 'ENOENT'
        ? new FleetError('redis-server is not installed (Debian: apt-get install redis-server), or give --redis URL')
        : error);
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new FleetError(`redis-server exited with ${code}: ${output.trim().split('\n').at(-1) ?? ''}`)); });
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('Ready to accept connections')) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.removeAllListeners('exit');
      // Its later lines are not read; the pipe is drained so that it never blocks.
      child.stdout!.resume();
      resolve();
    };
    child.stdout!.on('data', onData);
  });
  let stopped: Promise<void> | undefined;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop(signal = 'SIGKILL') {
      stopped ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }).then(() => rmSync(dir, { recursive: true, force: true }));
      return stopped;
    },
  };
}
