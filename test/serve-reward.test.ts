// The reward service over real HTTP on 127.0.0.1: good, wrong and hostile
// completions get the paper's RLVR reward (hostile code scores low, never
// breaks the service); malformed requests get JSON errors with their status.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PythonTranslator } from '../src/codegen/python/translate.js';
import { RewardScorer } from '../src/reward/score.js';
import { type RewardServer, startRewardServer } from '../src/reward/server.js';
import { CORRECT, fenced, RULE_BUG, TYPE_ERROR } from './helpers/scripted-candidates.js';

const hostile = (name: string) => readFileSync(resolve(import.meta.dirname, 'fixtures', 'hostile', `${name}.cwm.ts`), 'utf8');

let scorer: RewardScorer;
let server: RewardServer;

beforeAll(async () => {
  scorer = new RewardScorer({
    playouts: 30, histories: 30, trajectories: 30, concurrency: 2,
    limits: { memoryMb: 64, timeoutMs: 1500, maxResultChars: 1_000_000 },
  });
  server = await startRewardServer(scorer, { port: 0, concurrency: 3, maxBodyBytes: 512 * 1024, maxCompletions: 16 });
});

afterAll(async () => {
  await server.close();
  scorer.dispose();
});

interface Response {
  status: number;
  body: Record<string, unknown>;
}

function call(method: string, path: string, body?: string, base = server.url): Promise<Response> {
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest(`${base}${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => { text += d.toString(); });
      res.on('end', () => {
        expect(res.headers['content-type']).toBe('application/json');
        resolvePromise({ status: res.statusCode!, body: JSON.parse(text) });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const reward = (body: object) => call('POST', '/reward', JSON.stringify(body));

describe('serve-reward', () => {
  it('answers /health', async () => {
    const response = await call('GET', '/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ok: true, running: 0, queued: 0 });
    expect(response.body.games).toContain('kuhn_poker');
  });

  it('rewards a correct completion 1 and wrong ones less, with details', async () => {
    const response = await reward({ game: 'tic_tac_toe', completions: [fenced(CORRECT), fenced(RULE_BUG), fenced(TYPE_ERROR), 'I cannot write that game.'] });
    expect(response.status).toBe(200);
    const rewards = response.body.rewards as number[];
    const details = response.body.details as Array<Record<string, unknown>>;
    expect(rewards[0]).toBe(1);
    expect(details[0]).toMatchObject({ ok: true, eval: 1, transitionAccuracy: 1, fenced: true });
    expect(rewards[1]).toBeGreaterThan(0.5);
    expect(rewards[1]).toBeLessThan(1);
    expect(details[1]).toMatchObject({ ok: false, firstFailure: 'scenarios/scenario: o wins down a column' });
    expect(rewards[2]).toBeLessThan(1);
    expect(details[2]).toMatchObject({ ok: false, firstFailure: 'static/type-checks' });
    expect(rewards[3]).toBe(0);
    expect(details[3]).toMatchObject({ ok: false, fenced: false, firstFailure: 'static/parses' });
    expect(details.map((d) => d.reward)).toEqual(rewards);
  });

  it('takes the first code block, conversational completions and a game per completion', async () => {
    const twoBlocks = `First a sketch:\n\`\`\`ts\n${RULE_BUG}\`\`\`\nAnd a better one:\n\`\`\`ts\n${CORRECT}\`\`\``;
    const response = await reward({
      game: ['tic_tac_toe', 'tic_tac_toe', 'kuhn_poker'],
      completions: [twoBlocks, [{ role: 'assistant', content: fenced(CORRECT) }], fenced(CORRECT)],
    });
    expect(response.status).toBe(200);
    const rewards = response.body.rewards as number[];
    expect(rewards[0]).toBeLessThan(1);
    expect(rewards[1]).toBe(1);
    // Tic-tac-toe's rules are not Kuhn poker's: they run, but the information, scenario and differential tiers fail.
    expect(rewards[2]).toBeLessThan(0.75);
    expect((response.body.details as Array<{ ok: boolean }>)[2].ok).toBe(false);
  });

  it('scores Python completions in the paper\'s format', async () => {
    const python = new PythonTranslator().translate(CORRECT).python;
    const response = await reward({ game: 'tic_tac_toe', lang: 'python', completions: [`\`\`\`python\n${python}\`\`\``, '```python\nimport os\nos.system("true")\n```'] });
    expect(response.status).toBe(200);
    expect(response.body.rewards).toEqual([1, 0]);
  });

  it('gives hostile completions a low reward and carries on', async () => {
    const names = ['loop-get-initial-state', 'memory-bomb', 'import-fs-static', 'constructor-escape-computed', 'host-process-exit-runtime', 'isolate-fatal-oom'];
    const response = await reward({ game: 'tic_tac_toe', completions: names.map((n) => fenced(hostile(n))) });
    expect(response.status).toBe(200);
    const details = response.body.details as Array<Record<string, unknown>>;
    for (const [i, detail] of details.entries()) {
      expect(detail.ok, names[i]).toBe(false);
      // Partial credit for the checks that did pass, never the full reward.
      expect(detail.reward as number, names[i]).toBeLessThan(0.6);
      expect(detail.error, names[i]).toBeUndefined();
    }
    const after = await reward({ game: 'tic_tac_toe', completions: [fenced(CORRECT)] });
    expect(after.body.rewards).toEqual([1]);
  });

  it('answers malformed requests with JSON errors and status codes', async () => {
    const cases: Array<[Promise<Response>, number, RegExp]> = [
      [call('POST', '/reward', '{"game": '), 400, /not valid JSON/],
      [call('POST', '/reward', '[1, 2]'), 400, /must be a JSON object/],
      [reward({ game: 'tic_tac_toe' }), 400, /"completions" must be an array/],
      [reward({ game: 'tic_tac_toe', completions: [] }), 400, /is empty/],
      [reward({ game: 'tic_tac_toe', completions: [42] }), 400, /completions\[0\] must be a string/],
      [reward({ game: ['tic_tac_toe'], completions: ['a', 'b'] }), 400, /"game" must be a game id, or an array/],
      [reward({ game: 'no_such_game', completions: ['a'] }), 422, /unknown game "no_such_game"/],
      [reward({ game: 'tic_tac_toe', completions: ['a'], lang: 'rust' }), 400, /"lang" must be "ts" or "python"/],
      [reward({ game: 'tic_tac_toe', completions: Array.from({ length: 17 }, () => 'a') }), 413, /at most 16 completions/],
      [call('POST', '/reward', JSON.stringify({ game: 'tic_tac_toe', completions: ['x'.repeat(600_000)] })), 413, /over 524288 bytes/],
      [call('GET', '/reward'), 405, /use POST/],
      [call('POST', '/health', '{}'), 405, /use GET/],
      [call('GET', '/nowhere'), 404, /no such endpoint \/nowhere/],
    ];
    for (const [response, status, message] of cases) {
      const { status: actual, body } = await response;
      expect(actual, String(message)).toBe(status);
      expect(body.error).toMatch(message);
    }
    expect((await call('GET', '/health')).status).toBe(200);
  });

  it('ends a request that runs over its time limit with 504 and drops its waiting completions', async () => {
    const slow = await startRewardServer(scorer, { port: 0, concurrency: 1, requestTimeoutMs: 300 });
    try {
      const response = await call('POST', '/reward', JSON.stringify({ game: 'tic_tac_toe', completions: [fenced(hostile('loop-get-initial-state')), fenced(CORRECT), fenced(CORRECT)] }), slow.url);
      expect(response.status).toBe(504);
      expect(response.body.error).toBe('not answered within 300 ms');
      const health = await call('GET', '/health', undefined, slow.url);
      expect(health.body.queued).toBe(0);
    } finally {
      await slow.close();
    }
  });

  it('is called by the standard-library Python client as a TRL reward function', async () => {
    const program = [
      'import json, sys',
      `sys.path.insert(0, ${JSON.stringify(resolve(import.meta.dirname, '..', 'python'))})`,
      'from gamecwm_reward import make_reward_func',
      'args = json.loads(sys.stdin.read())',
      `reward = make_reward_func(url=${JSON.stringify(server.url)})`,
      "print(json.dumps(reward(args['completions'], game=args['game'])))",
    ].join('\n');
    const input = JSON.stringify({ game: ['tic_tac_toe', 'tic_tac_toe'], completions: [[{ role: 'assistant', content: fenced(CORRECT) }], fenced(RULE_BUG)] });
    const child = spawn('python3', ['-c', program], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.stdin.end(input);
    const code = await new Promise((r) => child.on('close', r));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const rewards = JSON.parse(stdout) as number[];
    expect(rewards[0]).toBe(1);
    expect(rewards[1]).toBeLessThan(1);
  });

  it('refuses work beyond its queue with 503', async () => {
    const small = await startRewardServer(scorer, { port: 0, concurrency: 1, maxQueued: 2 });
    try {
      const response = await call('POST', '/reward', JSON.stringify({ game: 'tic_tac_toe', completions: ['a', 'b', 'c'] }), small.url);
      expect(response.status).toBe(503);
      expect(response.body.error).toMatch(/busy/);
    } finally {
      await small.close();
    }
  });
});

describe('serve-reward under hostile load', () => {
  it('answers a correct completion before looping ones that came first: they pay with their own waiting', async () => {
    // One sandbox process; every loop costs its candidate budget, two time limits of 1 s.
    const single = new RewardScorer({ playouts: 30, histories: 30, trajectories: 30, concurrency: 1, limits: { memoryMb: 64, timeoutMs: 1000, maxResultChars: 1_000_000 } });
    const service = await startRewardServer(single, { port: 0, concurrency: 8 });
    try {
      // A warm service: the type checker and the sandbox process have served a completion already.
      expect((await call('POST', '/reward', JSON.stringify({ game: 'tic_tac_toe', completions: [fenced(CORRECT)] }), service.url)).body.rewards).toEqual([1]);
      const answered: string[] = [];
      const ask = (name: string, completion: string) => call('POST', '/reward', JSON.stringify({ game: 'tic_tac_toe', completions: [completion] }), service.url)
        .then((response) => { answered.push(name); return response; });
      const loops = ['loop-get-initial-state', 'loop-apply-action', 'loop-get-initial-state', 'loop-apply-action']
        .map((name, i) => ask(`${name} #${i}`, fenced(hostile(name))));
      // Every loop is in progress (one running, the rest waiting for the sandbox) before the correct one arrives.
      while (((await call('GET', '/health', undefined, service.url)).body.running as number) < loops.length) await new Promise((r) => setTimeout(r, 20));
      const correct = await ask('correct', fenced(CORRECT));
      expect(correct.body.rewards).toEqual([1]);
      const hostileAnswers = await Promise.all(loops);
      for (const answer of hostileAnswers) expect((answer.body.rewards as number[])[0]).toBeLessThan(0.6);
      // Served by least time used, the correct one overtook every loop that had burned a time limit; in
      // arrival order it would have waited for all four budgets (8 s of loops).
      expect(answered[0]).toBe('correct');
    } finally {
      await service.close();
      await single.dispose();
    }
  });
});

describe('gamecwm serve-reward (CLI)', () => {
  const BIN = resolve(import.meta.dirname, '..', 'bin', 'gamecwm.js');

  it('prints its URL, serves, and stops cleanly on SIGTERM; a taken port is one line and exit 2', async () => {
    const child = spawn(process.execPath, ['--no-node-snapshot', BIN, 'serve-reward', '--port', '0', '--playouts', '20'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    const closed = new Promise<number | null>((r) => child.on('close', r));
    const start = Date.now();
    while (!/listening on (\S+)/.test(stdout) && Date.now() - start < 30_000) await new Promise((r) => setTimeout(r, 20));
    const url = /listening on (http:\/\/\S+)/.exec(stdout)![1];
    const scored = await call('POST', '/reward', JSON.stringify({ game: 'tic_tac_toe', completions: [fenced(CORRECT)] }), url);
    expect(scored.body.rewards).toEqual([1]);

    const port = Number(new URL(url).port);
    const taken = spawn(process.execPath, ['--no-node-snapshot', BIN, 'serve-reward', '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    taken.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    expect(await new Promise((r) => taken.on('close', r))).toBe(2);
    expect(stderr).toBe(`gamecwm: cannot listen on 127.0.0.1:${port} (EADDRINUSE)\n`);

    child.kill('SIGTERM');
    expect(await closed).toBe(0);
  });
});
