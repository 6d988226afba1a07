// A progress bar on stderr for long work, shown only to a person at a
// terminal so piped and --json output stays clean. The time left is shown only
// once an item has finished (before that there is nothing to estimate from).
// The bar never changes the terminal's modes (cursor, line wrapping): Ctrl-C
// during a busy synchronous loop kills the process before any handler could
// put them back, so there must be nothing to put back.

import cliProgress from 'cli-progress';

export interface Progress {
  tick(): void;
  stop(): void;
}

/** "3m 12s left", or "estimating" before the first item ends. */
export function timeLeft(done: number, total: number, elapsedMs: number): string {
  if (done === 0) return 'estimating';
  const seconds = Math.round(((total - done) * elapsedMs) / done / 1000);
  if (seconds < 60) return `${seconds}s left`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${seconds % 60}s left`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m left`;
}

export function startProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total < 2) return { tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream, format: `${label} [{bar}] {value}/{total} {percentage}% | {left}`, hideCursor: false, linewrap: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  const start = Date.now();
  let done = 0;
  let stopped = false;
  bar.start(total, 0, { left: timeLeft(0, total, 0) });
  return {
    tick: () => {
      done++;
      bar.increment(1, { left: timeLeft(done, total, Date.now() - start) });
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}
