// Client of the Python runner (python/gamecwm_runner/): one hardened `python3` child per
// paper-format Python CWM, spoken to in JSON lines (one request, one
// response). Requests run one at a time; each has a time limit that kills
// the child when it is exceeded, so an endless loop costs one runner, never
// the host. The runner's own resource limits (memory, CPU time, no files, no
// processes) and audit hook do the rest; see the runner's docstring.
//
// Every response carries a random token given to the child in its
// environment (and removed before the module loads): a line without it is a
// forged or corrupt response, which also ends the runner.

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

/** The runner, a folder Python runs through its __main__.py, found from the package root (python/ sits next to src/ and dist/). */
export const RUNNER_SCRIPT = resolve(PACKAGE_ROOT, 'python', 'gamecwm_runner');

export interface PythonRunnerOptions {
  /** Wall-clock limit of each request in ms (default 10 000); exceeding it kills the runner. */
  timeoutMs?: number;
  /** Address-space limit of the Python process in MB (default 512). */
  memoryMb?: number;
  /** CPU-time limit of the whole Python process in seconds (default 600). */
  cpuSeconds?: number;
  /**
   * Wall-clock budget of all requests together in ms (default: none): each
   * request gets what is left, so a module cannot spend the per-request limit
   * again and again; a request that outlasts it kills the runner.
   */
  budgetMs?: number;
  /** The Python 3.11+ interpreter (default: $GAMECWM_PYTHON or "python3"). */
  python?: string;
}

export type PythonRunnerFailure =
  /** The module raised, or the request was refused (the runner carries on). */
  | 'failed'
  /** The request exceeded its time limit; the runner was killed. */
  | 'timeout'
  /** The Python process ended on its own (memory, CPU limit, a crash, os._exit). */
  | 'died'
  /** The runner wrote something that is not a valid response; it was killed. */
  | 'protocol'
  /** close() was called, or the runner had already stopped. */
  | 'closed'
  /** The interpreter could not be started. */
  | 'spawn';

export class PythonRunnerError extends Error {
  override name = 'PythonRunnerError';
  constructor(readonly kind: PythonRunnerFailure, message: string) {
    super(message);
  }
}

interface Pending {
  id: number;
  op: string;
  line: string;
  timeoutMs: number;
  resolve: (value: unknown) => void;
  reject: (error: PythonRunnerError) => void;
  timer?: NodeJS.Timeout;
}

const DEFAULTS = { timeoutMs: 10_000, memoryMb: 512, cpuSeconds: 600 };
/**
 * Longest line the host buffers from the runner, in characters. A module that
 * writes to the protocol pipe without ending its line is killed here instead
 * of growing the host's memory.
 */
export const MAX_LINE_CHARS = 32 * 1024 * 1024;
/** Characters of the child's stderr kept for error messages. */
const STDERR_TAIL = 4000;

export class PythonRunner {
  private readonly queue: Pending[] = [];
  private inFlight: Pending | null = null;
  private nextId = 1;
  /** The unfinished line: chunks since the last newline, and their length. */
  private partial: string[] = [];
  private partialChars = 0;
  /** What is left of the budget of all requests (Infinity without one). */
  private budgetLeft: number;
  private requestStart = 0;
  /** Stopped by pause(). */
  private paused = false;
  private stderrTail = '';
  private stopped: PythonRunnerError | null = null;
  private readonly exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly token: string,
    readonly modulePath: string,
    readonly options: Required<Omit<PythonRunnerOptions, 'python' | 'budgetMs'>> & { budgetMs?: number },
  ) {
    this.budgetLeft = options.budgetMs ?? Infinity;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => this.onStdout(chunk));
    child.stderr.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_TAIL);
    });
    child.stdin.on('error', () => {
      // EPIPE after the child died: reported through 'exit'.
    });
    this.exited = new Promise((done) => {
      child.on('exit', (code, signal) => {
        this.onExit(code, signal);
        done();
      });
    });
  }

  /** Starts a runner for the Python CWM at `modulePath`. */
  static async start(modulePath: string, options: PythonRunnerOptions = {}): Promise<PythonRunner> {
    const path = resolve(modulePath);
    if (!existsSync(path) || !statSync(path).isFile()) {
      throw new PythonRunnerError('spawn', `no Python CWM at ${path}`);
    }
    if (!existsSync(resolve(RUNNER_SCRIPT, '__main__.py'))) {
      throw new PythonRunnerError('spawn', `the runner script is missing: ${RUNNER_SCRIPT}`);
    }
    const limits = {
      timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
      memoryMb: options.memoryMb ?? DEFAULTS.memoryMb,
      cpuSeconds: options.cpuSeconds ?? DEFAULTS.cpuSeconds,
    };
    for (const [name, value] of Object.entries({ ...limits, ...(options.budgetMs === undefined ? {} : { budgetMs: options.budgetMs }) })) {
      if (!Number.isInteger(value) || value <= 0) throw new PythonRunnerError('spawn', `${name} must be a positive whole number, not ${value}`);
    }
    const python = options.python ?? process.env.GAMECWM_PYTHON ?? 'python3';
    const token = randomBytes(16).toString('hex');
    const child = spawn(python, [
      '-I', '-S', '-B', RUNNER_SCRIPT, path, '--memory-mb', String(limits.memoryMb), '--cpu-seconds', String(limits.cpuSeconds),
    ], {
      stdio: ['pipe', 'pipe', 'pipe'],
      // Nothing from the host's environment reaches the module but PATH.
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', GAMECWM_RUNNER_TOKEN: token },
    });
    await new Promise<void>((resolveSpawn, rejectSpawn) => {
      child.once('spawn', () => resolveSpawn());
      child.once('error', (error) => rejectSpawn(new PythonRunnerError('spawn', `could not start ${python}: ${error.message}`)));
    });
    return new PythonRunner(child, token, path, { ...limits, ...(options.budgetMs === undefined ? {} : { budgetMs: options.budgetMs }) });
  }

  /** Whether the Python process is still serving requests. */
  get alive(): boolean {
    return this.stopped === null;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The last few thousand characters the module printed (stdout and stderr both land there). */
  get output(): string {
    return this.stderrTail;
  }

  /**
   * Sends one request ({"op": op, ...fields}); resolves with its result,
   * rejects with a PythonRunnerError. `timeoutMs` overrides the runner's
   * limit for this request (long searches, benchmarks).
   */
  request<T = unknown>(op: string, fields: Record<string, unknown> = {}, timeoutMs = this.options.timeoutMs): Promise<T> {
    if (this.stopped) {
      return Promise.reject(new PythonRunnerError(this.stopped.kind === 'closed' ? 'closed' : 'died', `the Python runner has stopped: ${this.stopped.message}`));
    }
    const id = this.nextId++;
    let line: string;
    try {
      line = JSON.stringify({ ...fields, id, op });
    } catch (error) {
      return Promise.reject(new PythonRunnerError('failed', `the request cannot be sent as JSON: ${(error as Error).message}`));
    }
    return new Promise<T>((resolveRequest, rejectRequest) => {
      this.queue.push({ id, op, line, timeoutMs, resolve: resolveRequest as (value: unknown) => void, reject: rejectRequest });
      this.pump();
    });
  }

  /**
   * Stops the Python process (SIGSTOP), in the middle of its request if it
   * has one, to let other work have the core; resume() lets it go on. The
   * limits are wall-clock and keep running meanwhile: a module that loops
   * still ends one budget after it started, however long it was stopped.
   */
  pause(): void {
    if (this.paused || this.stopped) return;
    this.paused = true;
    this.child.kill('SIGSTOP');
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    if (this.stopped) return;
    this.child.kill('SIGCONT');
    this.pump();
  }

  /** Ends the runner (stdin closed, then killed if it does not exit); pending requests are rejected. */
  async close(): Promise<void> {
    if (this.paused) this.child.kill('SIGCONT');
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.stop(new PythonRunnerError('closed', 'the Python runner was closed'));
      this.child.stdin.end();
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 1000);
      await this.exited;
      clearTimeout(timer);
    } else {
      await this.exited;
    }
  }

  private pump(): void {
    if (this.inFlight || this.stopped || this.paused) return;
    const next = this.queue.shift();
    if (!next) return;
    this.inFlight = next;
    const byBudget = this.budgetLeft < next.timeoutMs;
    const limit = Math.max(0, Math.min(next.timeoutMs, this.budgetLeft));
    this.requestStart = performance.now();
    next.timer = setTimeout(() => {
      this.kill(new PythonRunnerError('timeout', byBudget
        ? `the Python CWM used up its time budget of ${this.options.budgetMs} ms for all its requests (during op "${next.op}")`
        : `the Python CWM exceeded the ${next.timeoutMs} ms time limit (op "${next.op}")`));
    }, limit);
    this.child.stdin.write(`${next.line}\n`);
  }

  /** Splits the output into lines, scanning each chunk once; an unfinished line over MAX_LINE_CHARS kills the runner. */
  private onStdout(chunk: string): void {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf('\n', start);
      if (newline < 0) break;
      const tail = chunk.slice(start, newline);
      const line = this.partial.length === 0 ? tail : this.partial.join('') + tail;
      this.partial = [];
      this.partialChars = 0;
      start = newline + 1;
      if (line.length > MAX_LINE_CHARS) {
        this.kill(new PythonRunnerError('protocol', `the Python runner wrote a line of ${line.length} characters; the limit is ${MAX_LINE_CHARS}`));
        return;
      }
      if (line.trim() !== '') this.onLine(line);
      if (this.stopped) return;
    }
    if (start >= chunk.length) return;
    const rest = chunk.slice(start);
    this.partial.push(rest);
    this.partialChars += rest.length;
    if (this.partialChars > MAX_LINE_CHARS) {
      this.partial = [];
      this.kill(new PythonRunnerError('protocol', `the Python runner wrote more than ${MAX_LINE_CHARS} characters without ending its line`));
    }
  }

  private onLine(line: string): void {
    let response: { id?: unknown; ok?: unknown; result?: unknown; error?: unknown; token?: unknown };
    try {
      response = JSON.parse(line);
    } catch {
      this.kill(new PythonRunnerError('protocol', `the Python runner wrote a line that is not JSON: ${preview(line)}`));
      return;
    }
    const pending = this.inFlight;
    if (response === null || typeof response !== 'object' || response.token !== this.token) {
      this.kill(new PythonRunnerError('protocol', `the Python runner's channel carried a forged or corrupt response (no valid token): ${preview(line)}`));
      return;
    }
    // Requests run one at a time, so a response without an id (the runner could not even decode the
    // request, e.g. out of memory while parsing it) answers the one in flight.
    if (pending && response.id === null && response.ok !== true) response.id = pending.id;
    if (!pending || response.id !== pending.id) {
      this.kill(new PythonRunnerError('protocol', `the Python runner answered request ${JSON.stringify(response.id)} while ${pending ? pending.id : 'none'} was pending`));
      return;
    }
    clearTimeout(pending.timer);
    this.budgetLeft -= performance.now() - this.requestStart;
    this.inFlight = null;
    if (response.ok === true) {
      pending.resolve(response.result);
    } else {
      pending.reject(new PythonRunnerError('failed', typeof response.error === 'string' ? response.error : 'the Python runner reported an unspecified error'));
    }
    this.pump();
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopped) return;
    let reason: string;
    if (signal === 'SIGXCPU') {
      reason = `it exceeded its CPU-time limit of ${this.options.cpuSeconds} s`;
    } else if (signal === 'SIGKILL') {
      reason = `it was killed (SIGKILL), possibly for exceeding its memory limit of ${this.options.memoryMb} MB`;
    } else if (signal !== null) {
      reason = `it was ended by ${signal}${signal === 'SIGSEGV' || signal === 'SIGABRT' ? ' (a crash: a stack overflow or the interpreter running out of memory)' : ''}`;
    } else {
      reason = `it exited with code ${code}`;
    }
    const tail = this.stderrTail.trim().split('\n').slice(-3).join(' | ');
    this.stop(new PythonRunnerError('died', `the Python CWM process died: ${reason}${tail ? `; its last output: ${preview(tail)}` : ''}`));
  }

  /** Kills the child and fails everything pending with `error`. */
  private kill(error: PythonRunnerError): void {
    this.stop(error);
    this.child.kill('SIGKILL');
  }

  private stop(error: PythonRunnerError): void {
    if (this.stopped) return;
    this.stopped = error;
    const pending = this.inFlight ? [this.inFlight, ...this.queue] : [...this.queue];
    this.inFlight = null;
    this.queue.length = 0;
    for (const request of pending) {
      clearTimeout(request.timer);
      request.reject(request === pending[0] ? error : new PythonRunnerError(error.kind === 'closed' ? 'closed' : 'died', `the Python runner stopped before this request ran: ${error.message}`));
    }
  }
}

function preview(text: string, max = 300): string {
  return text.length <= max ? text : `${text.slice(0, max)}... (${text.length} characters)`;
}
