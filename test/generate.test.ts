// `gamecwm generate` against a scripted OpenAI-compatible server on
// 127.0.0.1 (no network): a candidate with a type error, then one with a rule
// bug, then the correct module; each strategy reaches the correct one and
// stops; runs resume from their cache; the CLI fails in one line on an
// endpoint it cannot use. The CLI cases spawn the built bin (npm run build).

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatProvider } from '../src/codegen/provider.js';
import type { Strategy } from '../src/codegen/refine.js';
import { runGeneration, type GenerationSettings } from '../src/codegen/run.js';
import { PythonTranslator } from '../src/codegen/python/translate.js';
import { getGame } from '../src/games/index.js';
import { readRules } from '../src/games/files.js';
import { closedPort, type FakeServer, type Script, startFakeOpenAI } from './helpers/fake-openai.js';
import { CORRECT, fenced, RULE_BUG, scriptedReply, TYPE_ERROR } from './helpers/scripted-candidates.js';
import { tempDirs } from './helpers/temp-dirs.js';

const BIN = resolve(import.meta.dirname, '..', 'bin', 'gamecwm.js');

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const tempDir = tempDirs('gamecwm-generate-');

function settings(url: string, outDir: string, strategy: Strategy, overrides: Partial<GenerationSettings> = {}): GenerationSettings {
  return {
    info: getGame('tic_tac_toe').info, referenceId: 'tic_tac_toe', rules: readRules('tic_tac_toe'), language: 'ts',
    model: 'scripted', temperature: 0.7, maxTokens: 4096, samples: 1, refine: 5, strategy, seed: 0, outDir,
    example: 'none', blockChoice: 'first', verify: { playouts: 50, histories: 50, trajectories: 50 },
    backend: () => new ChatProvider({ baseURL: url, apiKey: 'none', timeoutMs: 10_000, retries: 2, retryBaseMs: 10, concurrency: 4 }),
    ...overrides,
  };
}

const lastUser = (messages: Array<{ role: string; content: string }>) => messages.filter((m) => m.role === 'user').at(-1)!.content;

describe('generate, conversation strategy', () => {
  it('feeds back the type error, then the failing scenario, reaches the correct module and stops', async () => {
    server = await startFakeOpenAI(scriptedReply);
    const out = tempDir();
    const run = await runGeneration(settings(server.url, out, 'conversation'));
    expect(server.requests).toHaveLength(3);
    const [first, second, third] = server.requests.map((r) => r.body.messages);
    expect(first).toHaveLength(1);
    expect(first[0].content).toContain('x(0,0)');
    expect(second.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(lastUser(second)).toContain("0-0.ts:81:41: Type 'string' is not assignable to type 'number'.");
    expect(third.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user']);
    expect(lastUser(third)).toMatch(/scenarios\/scenario: o wins down a column: .*the rewards should be \[-1,1\], not \[1,-1\]/);
    expect(lastUser(third)).toContain('actions: ["x(0,0)","o(0,1)","x(1,0)","o(1,1)","x(2,2)","o(2,1)"]');

    const dir = join(out, 'tic_tac_toe');
    expect(readFileSync(join(dir, '0-0.ts'), 'utf8').trimEnd()).toBe(TYPE_ERROR.trimEnd());
    expect(readFileSync(join(dir, '0-1.ts'), 'utf8').trimEnd()).toBe(RULE_BUG.trimEnd());
    expect(readFileSync(join(dir, '0-2.ts'), 'utf8').trimEnd()).toBe(CORRECT.trimEnd());
    const report = JSON.parse(readFileSync(join(dir, '0-1.json'), 'utf8'));
    expect(report).toMatchObject({ file: '0-1.ts', sample: 0, round: 1, parent: '0-0.ts', strategy: 'conversation', report: { ok: false } });
    expect(report.feedback).toContain('o wins down a column');

    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(summary).toEqual(run.summary);
    expect(summary).toMatchObject({ passed: '0-2.ts', candidates: 3, firstTryCompileRate: 0, llm: { requests: 3, calls: 3, cached: 0 } });
    expect(summary.passRate.static).toBeCloseTo(2 / 3);
    expect(summary.passRate.scenarios).toBeCloseTo(1 / 3);
    expect(summary.best).toMatchObject({ file: '0-2.ts', ok: true, score: 1 });
    expect(summary.bestScores).toEqual({ eval: 1, reward: 1, transitionAccuracy: 1 });
    expect(summary.llm.promptTokens).toBeGreaterThan(0);
    expect(summary.list.map((c: { firstFailure: string }) => c.firstFailure)).toEqual(['static/type-checks', 'scenarios/scenario: o wins down a column', '']);

    // The same settings again: every reply comes from the run folder.
    const again = await runGeneration(settings(server.url, out, 'conversation'));
    expect(server.requests).toHaveLength(3);
    expect(again.summary.llm).toMatchObject({ requests: 3, calls: 0, cached: 3 });
    expect(again.summary.list).toEqual(run.summary.list);
  });

  it('runs samples in lockstep rounds and stops after the round where one passes', async () => {
    server = await startFakeOpenAI(scriptedReply);
    const run = await runGeneration(settings(server.url, tempDir(), 'conversation', { samples: 2 }));
    expect(server.requests).toHaveLength(6);
    expect(run.summary.list.map((c) => c.file)).toEqual(['0-0.ts', '0-1.ts', '0-2.ts', '1-0.ts', '1-1.ts', '1-2.ts']);
    expect(run.summary.passed).toBe('0-2.ts');
    // Equal prompts, different draws: the two samples are two requests, not one cached twice.
    expect(server.requests[0].raw).toBe(server.requests[1].raw);
  });
});

describe('generate, replies', () => {
  it('says when a reply was cut off by the token limit, and asks again when a reply has no code', async () => {
    server = await startFakeOpenAI((r) => [
      { content: `\`\`\`ts\n${TYPE_ERROR.slice(0, 400)}`, finishReason: 'length' },
      { content: '<think>the rules say x moves first</think>' },
      { content: fenced(CORRECT) },
    ][r.index]);
    const run = await runGeneration(settings(server.url, tempDir(), 'conversation', { maxTokens: 100 }));
    expect(lastUser(server.requests[1].body.messages)).toMatch(/^Your reply was cut off by the token limit \(100 tokens\): write a shorter module\.\n\nYour module does not pass the static checks/);
    expect(lastUser(server.requests[2].body.messages)).toBe('Your reply contained no code. Reply with the whole corrected module in a single ```ts code block.');
    expect(run.summary.list.map((c) => c.firstFailure)).toEqual(['static/parses', 'static/has-code', '']);
    expect(run.summary.passed).toBe('0-2.ts');
  });
});

describe('generate, tree strategy', () => {
  it('refines candidates picked by Thompson sampling until one passes, within the call budget', async () => {
    server = await startFakeOpenAI(scriptedReply);
    const out = tempDir();
    const run = await runGeneration(settings(server.url, out, 'tree', { samples: 2, refine: 8 }));
    const { summary } = run;
    expect(summary.passed).not.toBeNull();
    const passed = run.candidates.find((c) => c.file === summary.passed)!;
    expect(passed.code!.trimEnd()).toBe(CORRECT.trimEnd());
    // It stopped at the first pass: the passing candidate was the last call.
    expect(run.candidates.at(-1)).toBe(passed);
    expect(server.requests.length).toBe(run.candidates.length);
    expect(server.requests.length).toBeLessThanOrEqual(2 + 8);
    // Every refinement starts from the first prompt, the parent's code and its feedback.
    for (const request of server.requests.slice(2)) expect(request.body.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    const parentOf = run.candidates.find((c) => c.file === passed.parent)!;
    expect(parentOf.code!.trimEnd()).toBe(RULE_BUG.trimEnd());
    for (const c of run.candidates) expect(existsSync(join(out, 'tic_tac_toe', c.file.replace('.ts', '.json')))).toBe(true);

    const again = await runGeneration(settings(server.url, out, 'tree', { samples: 2, refine: 8 }));
    expect(again.summary.llm.calls).toBe(0);
    expect(again.summary.list).toEqual(summary.list);
  });
});

describe('generate, Python target', () => {
  it('fills the paper\'s template and refines a broken module to the back-translated one', async () => {
    const dataset = tempDir();
    mkdirSync(join(dataset, 'prompts'));
    writeFileSync(join(dataset, 'prompts', 'perfect_info.txt'), 'Write {game_name} in Python.\n{game_desc}\n');
    const python = new PythonTranslator().translate(CORRECT).python;
    server = await startFakeOpenAI((r) => ({
      content: r.index === 0 ? '```python\ndef get_initial_state(:\n    pass\n```' : `Fixed:\n\`\`\`python\n${python}\`\`\``,
    }));
    const run = await runGeneration(settings(server.url, tempDir(), 'conversation', { language: 'python', paperDataset: dataset }));
    expect(server.requests[0].body.messages[0].content).toMatch(/^Write Tic-Tac-Toe in Python\.\n# Tic-Tac-Toe/);
    expect(lastUser(server.requests[1].body.messages)).toMatch(/static\/loads: .*SyntaxError/);
    expect(run.summary).toMatchObject({ passed: '0-1.py', candidates: 2, language: 'python' });
  });
});

// ---- The built CLI -------------------------------------------------------

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function startCli(args: string[]): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, ['--no-node-snapshot', BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const done = new Promise<CliResult>((resolvePromise) => child.on('close', (code) => resolvePromise({ code, stdout, stderr })));
  return { child, done };
}

const runCli = (args: string[]) => startCli(args).done;

async function waitFor(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('gamecwm generate (CLI)', () => {
  it('gives one clear line and exit 2 for an unreachable base URL', async () => {
    const port = await closedPort();
    const result = await runCli(['generate', '--game', 'tic_tac_toe', '--model', 'm', '--base-url', `http://127.0.0.1:${port}/v1`, '--out', tempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`gamecwm: cannot reach the model endpoint at http://127.0.0.1:${port}/v1 (ECONNREFUSED); is the server running and the URL right?\n`);
  });

  it('times out on a hung endpoint with one clear line and exit 2', async () => {
    server = await startFakeOpenAI(() => 'hang');
    const result = await runCli(['generate', '--game', 'tic_tac_toe', '--model', 'm', '--base-url', server.url, '--timeout-ms', '400', '--retries', '1', '--retry-delay-ms', '10', '--out', tempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`gamecwm: the model endpoint at ${server.url} did not answer within 400 ms (2 attempts)\n`);
    expect(server.requests).toHaveLength(2);
  });

  it('resumes a killed run without repeating a call, and a rerun makes none', async () => {
    let hang = true;
    const script: Script = (r) => (hang && r.index > 0 ? 'hang' : scriptedReply(r));
    server = await startFakeOpenAI(script);
    const out = tempDir();
    const args = ['generate', '--game', 'tic_tac_toe', '--model', 'm', '--base-url', server.url, '--out', out, '--refine', '4', '--playouts', '30', '--json'];
    const first = startCli(args);
    // The first reply is cached and verified once the second request arrives; kill the run while that one is in flight.
    await waitFor(() => server!.requests.length === 2);
    expect(readdirSync(join(out, '.cache'))).toHaveLength(1);
    first.child.kill('SIGKILL');
    await first.done;
    expect(existsSync(join(out, 'tic_tac_toe', '0-0.ts'))).toBe(true);

    hang = false;
    const resumed = await runCli(args);
    expect(resumed.code).toBe(0);
    const summary = JSON.parse(resumed.stdout);
    expect(summary).toMatchObject({ passed: '0-2.ts', llm: { requests: 3, calls: 2, cached: 1 } });
    const rerunBodies = server.requests.slice(2).map((r) => r.raw);
    expect(rerunBodies).toHaveLength(2);
    expect(rerunBodies).not.toContain(server.requests[0].raw);
    expect(rerunBodies[0]).toBe(server.requests[1].raw);

    const third = await runCli(args);
    expect(third.code).toBe(0);
    expect(server.requests).toHaveLength(4);
    expect(JSON.parse(third.stdout).llm).toMatchObject({ calls: 0, cached: 3 });
  });

  it('generates a new game from --rules with the reference tiers skipped, and prints a readable summary', async () => {
    server = await startFakeOpenAI(() => ({ content: fenced(CORRECT) }));
    const out = tempDir();
    const rules = resolve(import.meta.dirname, '..', 'src', 'games', 'tic_tac_toe', 'rules.md');
    const result = await runCli(['generate', '--game', 'my_noughts', '--rules', rules, '--players', '2', '--model', 'm', '--base-url', server.url, '--out', out, '--playouts', '30']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`passed every tier: ${out}/my_noughts/0-0.ts`);
    expect(result.stdout).toContain('first-try compile rate: 100% of 1');
    expect(result.stdout).toContain('skipped: scenarios (no built-in reference and no scenarios of its own: skipped)');
    expect(result.stdout).toMatch(/LLM: 1 replies \(1 calls, 0 from the cache, 0 retries\)/);
    const summary = JSON.parse(readFileSync(join(out, 'my_noughts', 'summary.json'), 'utf8'));
    expect(summary.passRate).toMatchObject({ scenarios: null, differential: null, information: null, static: 1 });
    expect(Object.keys(summary.skipped).sort()).toEqual(['differential', 'information', 'scenarios']);
    expect(server.requests[0].body.messages[0].content).toContain('Write the rules of the game my_noughts');
  });

  it('refuses bad settings in one line before any call', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--game', 'nope', '--model', 'm'], /"nope" is not a built-in game .* --rules FILE/],
      [['--game', 'tic_tac_toe'], /--model <name> is required/],
      [['--game', 'tic_tac_toe', '--model', 'm', '--strategy', 'beam'], /--strategy must be conversation or tree/],
      [['--game', 'tic_tac_toe', '--model', 'm', '--lang', 'python'], /--paper-dataset DIR/],
      [['--game', 'tic_tac_toe', '--model', 'm', '--base-url', 'ftp://x'], /--base-url must be an http\(s\) URL/],
      [['--game', 'tic_tac_toe', '--model', 'm', '--example', 'tic_tac_toe', '--base-url', 'http://127.0.0.1:9/v1'], /another game than tic_tac_toe/],
      [['--game', 'tic_tac_toe', '--model', 'm'], /needs an API key/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(['generate', ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    }
  });
});
