// `gamecwm worker`: a long-running fleet worker. It takes verification and
// reward jobs from a queue on Redis and runs them in this machine's sandbox
// pool. SIGTERM or SIGINT stops it after its running jobs (a second one stops
// it at once: its jobs go back to the queue when their locks expire).

import type { Command } from 'commander';
import type { WorkerEvent } from '../../fleet/worker.js';
import { integerOption } from '../options.js';

interface WorkerCliOptions {
  redis: string;
  queue?: string;
  concurrency: number;
  lockMs: number;
  stalledIntervalMs: number;
  healthS: number;
  json?: boolean;
}

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('serve verification and reward jobs from a Redis queue (the producers: verify, serve-reward, generate, bench generate with --redis)')
    .requiredOption('--redis <url>', 'redis://[:password@]host:port[/db], rediss:// for TLS')
    .option('--queue <name>', 'the queue to serve (default: gamecwm-verify)')
    .option('--concurrency <n>', 'jobs at once, one sandbox process each', integerOption('--concurrency', 1, 256), 1)
    .option('--lock-ms <n>', 'a job\'s lock: if this worker dies, its jobs go to another worker after about this long', integerOption('--lock-ms', 1000, 3_600_000), 30_000)
    .option('--stalled-interval-ms <n>', 'how often to look for jobs of dead workers', integerOption('--stalled-interval-ms', 500, 3_600_000), 30_000)
    .option('--health-s <n>', 'log the counters every n seconds (0: never)', integerOption('--health-s', 0, 86_400), 60)
    .option('--json', 'log JSON lines instead of text')
    .action(async (options: WorkerCliOptions) => {
      const { startFleetWorker } = await import('../../fleet/worker.js');
      const log = options.json ? (event: WorkerEvent) => process.stdout.write(`${JSON.stringify(event)}\n`) : logLine;
      const worker = await startFleetWorker({
        redis: options.redis, ...(options.queue === undefined ? {} : { queue: options.queue }), concurrency: options.concurrency,
        lockDurationMs: options.lockMs, stalledIntervalMs: options.stalledIntervalMs, healthIntervalMs: options.healthS * 1000, log,
      });
      await new Promise<void>((resolve) => {
        let signals = 0;
        const stop = () => {
          signals++;
          if (signals === 1) worker.close().then(resolve, resolve);
          else worker.close(true).then(resolve, resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}

function logLine(event: WorkerEvent): void {
  const line = (text: string): void => { process.stdout.write(`worker: ${text}\n`); };
  switch (event.event) {
    case 'started':
      return line(`serving queue "${event.queue}" at ${event.redis} with ${event.concurrency} job${event.concurrency === 1 ? '' : 's'} at once`);
    case 'health': {
      const c = event.counters;
      return line(`${c.completed} jobs done (${c.failingVerdicts} failing verdicts), ${c.failed} failed, ${c.active} running; ${event.jobsPerS} jobs/s over ${event.uptimeS} s`);
    }
    case 'job-failed':
      return void process.stderr.write(`worker: job ${event.job} (${event.file}) failed: ${event.error}\n`);
    case 'redis':
      return line(event.up ? 'Redis is back' : `lost Redis (${event.cause}); retrying`);
    case 'stopping':
      return line(event.force ? 'stopping now: running jobs go back to the queue' : `stopping after ${event.active} running job${event.active === 1 ? '' : 's'} (signal again to stop now)`);
    case 'stopped': {
      const c = event.counters;
      return line(`stopped: ${c.completed} jobs done, ${c.failed} failed`);
    }
  }
}
