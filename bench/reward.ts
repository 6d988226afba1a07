// bench/reward: the reward service under the red team's mixed load (issue
// 15). A `gamecwm serve-reward` child process on loopback gets 240 POST
// /reward requests (one completion each) from 64 concurrent clients: 120
// correct reference modules, 30 wrong variants (rule mutants) and 90 hostile
// ones (a forbidden import, endless loops in TypeScript and Python, a memory
// bomb, a stack overflow, a huge result, prose, and a candidate that tries to
// poison the checker for everyone after it). Every answer is checked (status
// 200, the expected verdict, a full reward for every correct one, whatever
// ran before it); throughput and latency percentiles per kind are printed.
// Run: npm run bench:reward [-- --json]

import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { formatTable } from '../src/cli/table.js';
import { mutantSource, patchedGameSource } from '../test/helpers/mutants.js';

const CLIENTS = 64;
/** One round of the mix: 4 correct, 1 wrong, 3 hostile; 30 rounds make 240 requests (120/30/90). */
const ROUND: Array<Case['kind']> = ['correct', 'hostile', 'correct', 'wrong', 'hostile', 'correct', 'hostile', 'correct'];
const ROUNDS = 30;
const REQUESTS = ROUND.length * ROUNDS;
/** Sandbox time limit per call: the endless loop costs this much per tier. */
const SANDBOX_TIMEOUT_MS = 1000;
const json = process.argv.includes('--json');
const ROOT = resolve(import.meta.dirname, '..');

interface Case {
  kind: 'correct' | 'wrong' | 'hostile';
  name: string;
  game: string;
  completion: string;
  lang?: 'ts' | 'python';
  /** Its own verdict is not checked (the poisoner's rules are correct); the verdicts after it are. */
  anyVerdict?: boolean;
}

const fence = (code: string) => `Here is the module:\n\n\`\`\`ts\n${code}\`\`\`\n`;
// A .diff fixture is tic-tac-toe plus its attack, applied to the current game.
const file = (path: string) => (path.endsWith('.diff') ? patchedGameSource('tic_tac_toe', path) : readFileSync(resolve(ROOT, path), 'utf8'));
const hostile = (name: string, path: string, game = 'tic_tac_toe', lang: 'ts' | 'python' = 'ts'): Case => ({
  kind: 'hostile', name, game, lang, completion: lang === 'ts' ? fence(file(path)) : `\`\`\`python\n${file(path)}\`\`\`\n`,
});
const BY_KIND: Record<Case['kind'], Case[]> = {
  correct: ['tic_tac_toe', 'connect4', 'kuhn_poker', 'matching_pennies', 'dots_and_boxes'].map((game): Case => ({ kind: 'correct', name: game, game, completion: fence(file(`src/games/${game}/game.ts`)) })),
  wrong: [
    { kind: 'wrong', name: 'tic_tac_toe/inverted-rewards', game: 'tic_tac_toe', completion: fence(mutantSource('tic_tac_toe', 'inverted-rewards')) },
    { kind: 'wrong', name: 'tic_tac_toe/missing-anti-diagonal', game: 'tic_tac_toe', completion: fence(mutantSource('tic_tac_toe', 'missing-anti-diagonal')) },
    { kind: 'wrong', name: 'kuhn_poker/leak-opponent-card', game: 'kuhn_poker', completion: fence(mutantSource('kuhn_poker', 'leak-opponent-card')) },
  ],
  hostile: [
    hostile('import-fs', 'test/fixtures/hostile/import-fs-static.cwm.ts'),
    hostile('endless-loop', 'test/fixtures/hostile/loop-get-initial-state.cwm.ts'),
    hostile('loop-apply-action', 'test/fixtures/hostile/loop-apply-action.cwm.ts'),
    hostile('loop-resample-history', 'test/fixtures/hostile/loop-resample-history.cwm.ts', 'kuhn_poker'),
    hostile('memory-bomb', 'test/fixtures/hostile/memory-bomb.cwm.ts'),
    hostile('deep-recursion', 'test/fixtures/hostile/deep-recursion.cwm.ts'),
    hostile('huge-result', 'test/fixtures/hostile/huge-result.cwm.ts'),
    { kind: 'hostile', name: 'prose', game: 'tic_tac_toe', completion: 'I would rather not write code today.' },
    { ...hostile('poisons-the-checker', 'test/fixtures/hostile/red-team/poison-checker-tostring.diff'), anyVerdict: true },
    hostile('python-endless-loop', 'python/testdata/hostile/infinite_loop.py', 'tic_tac_toe', 'python'),
  ],
};
/** The i-th request's case: the round's kind, cycling through that kind's cases. */
const caseAt = (i: number): Case => {
  const kind = ROUND[i % ROUND.length];
  const ofKind = ROUND.slice(0, i % ROUND.length).filter((k) => k === kind).length + Math.floor(i / ROUND.length) * ROUND.filter((k) => k === kind).length;
  return BY_KIND[kind][ofKind % BY_KIND[kind].length];
};
const CASES = Object.values(BY_KIND).flat();

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const script = `import { main } from ${JSON.stringify(resolve(ROOT, 'src/cli/main.ts'))}; process.exitCode = await main(${JSON.stringify(['serve-reward', '--port', '0', '--timeout-ms', String(SANDBOX_TIMEOUT_MS)])});`;
  const child = spawn(process.execPath, ['--no-node-snapshot', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolvePromise, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolvePromise({ child, url: match[1] });
    });
    child.on('exit', (code) => reject(new Error(`serve-reward exited with ${code}`)));
  });
}

function post(url: string, body: object): Promise<{ status: number; body: { rewards?: number[]; details?: Array<{ ok: boolean; reward: number }>; error?: string } }> {
  const data = JSON.stringify(body);
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest(`${url}/reward`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => { text += d.toString(); });
      res.on('end', () => resolvePromise({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round = (x: number) => Math.round(x * 10) / 10;

const { child, url } = await startServer();
try {
  // Warm-up: each correct and wrong case once, so every sandbox process and the type checker are warm.
  for (const c of CASES.filter((k) => k.kind !== 'hostile')) await post(url, { game: c.game, completions: [c.completion], lang: c.lang ?? 'ts' });

  const latencies: Record<Case['kind'], number[]> = { correct: [], wrong: [], hostile: [] };
  const all: number[] = [];
  const failures: string[] = [];
  let next = 0;
  const client = async () => {
    while (next < REQUESTS) {
      const index = next++;
      const c = caseAt(index);
      const start = performance.now();
      const response = await post(url, { game: c.game, completions: [c.completion], lang: c.lang ?? 'ts' });
      const elapsed = performance.now() - start;
      latencies[c.kind].push(elapsed);
      all.push(elapsed);
      const detail = response.body.details?.[0];
      const right = response.status === 200 && detail !== undefined && (c.anyVerdict === true
        || (detail.ok === (c.kind === 'correct') && (c.kind === 'correct' ? detail.reward === 1 : detail.reward < 1)));
      if (!right) failures.push(`${c.name}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (performance.now() - start) / 1000;

  const sorted = (xs: number[]) => xs.slice().sort((a, b) => a - b);
  const rows = (['correct', 'wrong', 'hostile', 'all'] as const).map((kind) => {
    const xs = sorted(kind === 'all' ? all : latencies[kind]);
    return { kind, requests: xs.length, p50Ms: round(percentile(xs, 50)), p95Ms: round(percentile(xs, 95)), maxMs: round(xs.at(-1)!) };
  });
  const result = {
    suite: 'reward', requests: REQUESTS, clients: CLIENTS, sandboxTimeoutMs: SANDBOX_TIMEOUT_MS,
    machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model },
    correctAnswers: REQUESTS - failures.length, requestsPerSecond: round(REQUESTS / seconds), seconds: round(seconds), latency: rows, failures,
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    process.stdout.write(`reward service: ${REQUESTS} requests from ${CLIENTS} clients on loopback, ${cpus().length} cores, Node ${process.version}\n`);
    process.stdout.write(`${formatTable(['completions', 'requests', 'p50 ms', 'p95 ms', 'max ms'], rows.map((r) => [r.kind, r.requests, r.p50Ms, r.p95Ms, r.maxMs]))}\n`);
    process.stdout.write(`throughput ${result.requestsPerSecond} requests/s; ${result.correctAnswers}/${REQUESTS} answered correctly\n`);
    for (const failure of failures) process.stdout.write(`  wrong answer: ${failure}\n`);
  }
  if (failures.length > 0) process.exitCode = 1;
} finally {
  child.kill('SIGTERM');
}
