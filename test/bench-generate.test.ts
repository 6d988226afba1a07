// `gamecwm bench generate` in-process through main(), against a scripted
// OpenAI-compatible server on 127.0.0.1 (no network), with the paper's
// dataset for rules and the Python template. Two games in TypeScript and in
// Python: TypeScript tic_tac_toe has a type error first, then the correct
// module; TypeScript matching_pennies is right at once; Python tic_tac_toe
// fails to load first, then is the back-translated reference; Python
// matching_pennies never loads. Checks the measured values, the files, a
// rerun (no request, same data), and an interrupted run that resumes.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { orderRequested } from '../src/bench/generate.js';
import type { Candidate } from '../src/codegen/refine.js';
import { PythonTranslator } from '../src/codegen/python/translate.js';
import { gameModulePath, readRules } from '../src/games/files.js';
import { TIER_NAMES } from '../src/verifier/verify.js';
import { type FakeReply, type FakeRequest, type FakeServer, startFakeOpenAI } from './helpers/fake-openai.js';
import { CORRECT, fenced, TYPE_ERROR } from './helpers/scripted-candidates.js';
import { runCli } from './helpers/run-cli.js';
import { tempDirs } from './helpers/temp-dirs.js';

const GAMES = ['tic_tac_toe', 'matching_pennies'];
const SHARED_PAPER = resolve(import.meta.dirname, '..', '..', 'shared', 'paper-dataset');
const tempDir = tempDirs('gamecwm-bench-generate-');

/**
 * Without the paper's dataset beside the repository (it is never copied into it), a stand-in in
 * the same layout, in our own words: templates with the placeholders, and our rules texts.
 */
function standInDataset(): string {
  const dir = tempDir();
  for (const file of ['perfect_info.txt', 'imperfect_info.txt']) {
    mkdirSync(join(dir, 'prompts'), { recursive: true });
    writeFileSync(join(dir, 'prompts', file), 'Stand-in template: write {game_name} as a Python CWM.\n\n{game_desc}\n');
  }
  for (const id of GAMES) {
    mkdirSync(join(dir, 'games', id), { recursive: true });
    writeFileSync(join(dir, 'games', id, 'rules.txt'), readRules(id));
  }
  return dir;
}

const PAPER = existsSync(SHARED_PAPER) ? SHARED_PAPER : standInDataset();
const PENNIES = readFileSync(gameModulePath('matching_pennies'), 'utf8');
const BROKEN_PYTHON = '```python\ndef get_initial_state(:\n    pass\n```';

let tttPython = '';
beforeAll(() => {
  tttPython = new PythonTranslator().translate(CORRECT).python;
});

/** Answers from the request itself: which language (the prompt's first line), which game, first try or refinement. */
function reply(request: FakeRequest): FakeReply {
  const prompt = request.body.messages[0].content;
  const refined = request.body.messages.some((m) => m.role === 'assistant');
  const python = /^You are an expert Python programmer who is building the game of (.+?)\.\n/.exec(prompt) ?? /^Stand-in template: write (.+?) as a Python CWM\./.exec(prompt);
  if (python) {
    if (python[1] === 'Tic-Tac-Toe' && refined) return { content: `Fixed:\n\`\`\`python\n${tttPython}\`\`\`` };
    return { content: BROKEN_PYTHON };
  }
  const ts = /^Write the rules of the game (.+?) as a Game Code World Model/.exec(prompt);
  if (ts?.[1] === 'Tic-Tac-Toe') return { content: fenced(refined ? CORRECT : TYPE_ERROR) };
  if (ts?.[1] === 'Matching Pennies') return { content: fenced(PENNIES) };
  return { status: 400, error: `unexpected prompt: ${prompt.slice(0, 80)}` };
}

type Mode = 'healthy' | 'fail-from-4th' | 'unauthorized';
let mode: Mode = 'healthy';
let server: FakeServer;
beforeAll(async () => {
  server = await startFakeOpenAI((request) => {
    if (mode === 'unauthorized') return { status: 401, error: 'invalid api key' };
    if (mode === 'fail-from-4th' && request.index >= 3) return { status: 500, error: 'overloaded' };
    return reply(request);
  });
});
afterAll(() => server.close());
afterEach(() => {
  mode = 'healthy';
});


const benchArgs = (out: string, extra: string[] = []) => [
  'bench', 'generate', '--model', 'scripted', '--base-url', server.url, '--games', GAMES.join(','), '--paper-dataset', PAPER,
  '--refine', '1', '--playouts', '30', '--retry-delay-ms', '10', '--out', out, ...extra,
];

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
/** The report's data with the run folders taken out, to compare runs made in different folders. */
const withoutPaths = (data: { runs: Array<{ summary: string }> }) => ({ ...data, runs: data.runs.map(({ summary: _, ...rest }) => rest) });

describe('gamecwm bench generate', () => {
  let first: { out: string; data: any; requests: number };

  it('measures both languages on both games and writes the report', async () => {
    const out = tempDir();
    const before = server.requests.length;
    const result = await runCli(benchArgs(out, ['--json']));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // ts: 2 + 1 replies; python: 2 + 2 (matching_pennies never loads, refine 1).
    expect(server.requests.length - before).toBe(7);
    const printed = JSON.parse(result.stdout);
    const report = readJson(join(out, 'generate.json'));
    expect(printed.data).toEqual(report.data);
    expect(report).toMatchObject({ suite: 'generate', seed: 0, settings: { model: 'scripted', langs: ['ts', 'python'], games: GAMES, samples: 1, refine: 1 } });

    // Both columns got the paper's rules text.
    const prompts = server.requests.slice(before).filter((r) => r.body.messages.length === 1).map((r) => r.body.messages[0].content);
    expect(prompts).toHaveLength(4);
    const paperRules = readFileSync(join(PAPER, 'games', 'tic_tac_toe', 'rules.txt'), 'utf8').trim();
    expect(prompts.filter((p) => p.includes(paperRules))).toHaveLength(2);

    const { runs, languages } = report.data;
    expect(runs.map((r: any) => [r.language, r.game, r.calls, r.firstTryCompileRate, r.solved, r.solvedAtCall])).toEqual([
      ['ts', 'tic_tac_toe', 2, 0, true, 2],
      ['ts', 'matching_pennies', 1, 1, true, 1],
      ['python', 'tic_tac_toe', 2, 0, true, 2],
      ['python', 'matching_pennies', 2, 0, false, null],
    ]);
    expect(runs.map((r: any) => r.passRate.static)).toEqual([0.5, 1, 0.5, 0]);
    for (const run of runs) {
      const dir = join(out, 'generate-runs', run.language, run.game);
      expect(run.summary).toBe(join(dir, 'summary.json'));
      const summary = readJson(run.summary);
      expect(run.passRate).toEqual(summary.passRate);
      expect(run.promptTokens).toBe(summary.llm.promptTokens);
      expect(run.promptTokens).toBeGreaterThan(0);
      // The means and the curve, from the candidates' own reports in request order.
      const ext = run.language === 'ts' ? 'ts' : 'py';
      const scores = Array.from({ length: run.calls }, (_, round) => readJson(join(dir, `0-${round}.json`)).report.scores);
      const evals = scores.map((s: any) => s.eval);
      expect(run.meanEval).toBeCloseTo(evals.reduce((a: number, b: number) => a + b, 0) / evals.length, 12);
      expect(run.meanReward).toBeCloseTo(scores.reduce((a: number, s: any) => a + s.reward, 0) / scores.length, 12);
      expect(run.bestEvalByCall).toEqual(evals.map((_: number, i: number) => Math.max(...evals.slice(0, i + 1))));
      expect(existsSync(join(dir, `0-0.${ext}`))).toBe(true);
    }
    // A passing candidate scores 1 everywhere; a Python module that does not load scores nothing.
    expect(runs[0].bestEvalByCall[1]).toBe(1);
    expect(runs[1].meanEval).toBe(1);
    expect(runs[1].meanTransitionAccuracy).toBe(1);
    expect(runs[3].bestEvalByCall).toEqual([0, 0]);
    expect(runs[0].bestEvalByCall[0]).toBeGreaterThan(0);
    expect(runs[0].bestEvalByCall[0]).toBeLessThan(1);

    const [ts, python] = languages;
    expect(ts).toMatchObject({ language: 'ts', games: 2, calls: 1.5, firstTryCompileRate: 0.5, solved: 1 });
    expect(python).toMatchObject({ language: 'python', games: 2, calls: 2, firstTryCompileRate: 0, solved: 0.5 });
    expect(ts.passRate.static).toBe(0.75);
    expect(python.passRate.static).toBe(0.25);
    expect(ts.meanEval).toBeCloseTo((runs[0].meanEval + runs[1].meanEval) / 2, 12);
    expect(ts.scoreVsCalls).toEqual([
      { calls: 1, bestEval: (runs[0].bestEvalByCall[0] + 1) / 2, solved: 0.5 },
      { calls: 2, bestEval: 1, solved: 1 },
    ]);
    expect(python.scoreVsCalls).toEqual([{ calls: 1, bestEval: 0, solved: 0 }, { calls: 2, bestEval: 0.5, solved: 0.5 }]);

    expect(existsSync(join(out, 'generate.md'))).toBe(true);
    const heat = readFileSync(join(out, 'generate-pass-rates.svg'), 'utf8');
    for (const game of GAMES) expect(heat).toContain(game);
    for (const tier of TIER_NAMES) expect(heat).toContain(tier);
    for (const chart of ['score-vs-calls', 'solved-vs-calls']) {
      const svg = readFileSync(join(out, `generate-${chart}.svg`), 'utf8');
      expect(svg).toMatch(/^<svg|^<\?xml/);
      expect(svg).toContain('TypeScript');
      expect(svg).toContain('Python');
    }
    first = { out, data: report.data, requests: server.requests.length };
  });

  it('reruns from the caches: no request, the same data, a table naming both languages', async () => {
    const result = await runCli(benchArgs(first.out));
    expect(result.code).toBe(0);
    expect(server.requests.length).toBe(first.requests);
    expect(readJson(join(first.out, 'generate.json')).data).toEqual(first.data);
    expect(result.stdout).toContain('TypeScript');
    expect(result.stdout).toContain('Python');
    expect(result.stdout).toMatch(/tic_tac_toe\s+TypeScript/);
    expect(result.stdout).toContain('made 0 calls to the endpoint and read 7 replies from the cache');
  });

  it('stops in one line on a failing endpoint, keeps the finished runs, and resumes without repeating them', async () => {
    const out = tempDir();
    // Requests from the 4th on (Python tic_tac_toe's first) answer 500, and nothing retries.
    mode = 'fail-from-4th';
    server.requests.length = 0;
    const stopped = await runCli(benchArgs(out, ['--retries', '0', '--json']));
    expect(stopped.code).toBe(2);
    expect(stopped.stdout).toBe('');
    expect(stopped.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stopped.stderr).toMatch(/^gamecwm: .*500.*overloaded.*\(2 of 4 runs finished; kept in .*generate-runs; rerun the same command to resume\)\n$/);
    expect(server.requests).toHaveLength(4);
    const finished = server.requests.slice(0, 3).map((r) => r.raw);
    expect(existsSync(join(out, 'generate.json'))).toBe(false);

    mode = 'healthy';
    const resumed = await runCli(benchArgs(out, ['--json']));
    expect(resumed.code).toBe(0);
    const again = server.requests.slice(4).map((r) => r.raw);
    expect(again).toHaveLength(4);
    for (const raw of again) expect(finished).not.toContain(raw);
    expect(again[0]).toBe(server.requests[3].raw);
    expect(withoutPaths(JSON.parse(resumed.stdout).data)).toEqual(withoutPaths(first.data));
  });

  it('stops in one line on a refused key, before any run finishes', async () => {
    mode = 'unauthorized';
    const out = tempDir();
    const result = await runCli(benchArgs(out));
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^gamecwm: .*401.*invalid api key.*\(0 of 4 runs finished; kept in .*; rerun the same command to resume\)/);
  });

  it('refuses bad settings in one line before any call', async () => {
    const before = server.requests.length;
    const base = ['bench', 'generate', '--base-url', 'http://127.0.0.1:9/v1', '--games', 'tic_tac_toe'];
    const cases: Array<[string[], RegExp]> = [
      [[...base], /--model <name> is required/],
      [[...base, '--model', 'm', '--langs', 'python'], /--langs python uses the paper's prompt template: give --paper-dataset DIR/],
      [[...base, '--model', 'm', '--langs', 'rust'], /--langs takes ts and python, not "rust"/],
      [[...base, '--model', 'm', '--paper-dataset', tempDir()], /--paper-dataset: .* is neither the paper's dataset folder \(games\/<id>\/\) nor a clone of its repository/],
      [[...base, '--model', 'm', '--split', 'eval'], /give --games or --split, not both/],
      [['bench', 'generate', '--model', 'm', '--games', 'tic_tac_toe'], /needs an API key/],
    ];
    for (const [args, message] of cases) {
      const env = { key: process.env.OPENAI_API_KEY, url: process.env.OPENAI_BASE_URL };
      delete process.env.OPENAI_API_KEY;
      delete process.env.OPENAI_BASE_URL;
      try {
        const result = await runCli(args);
        expect(result.code).toBe(2);
        expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(result.stderr).toMatch(message);
      } finally {
        if (env.key !== undefined) process.env.OPENAI_API_KEY = env.key;
        if (env.url !== undefined) process.env.OPENAI_BASE_URL = env.url;
      }
    }
    expect(server.requests.length).toBe(before);
  });
});

describe('request order of candidates', () => {
  const made = (list: Array<[number, number]>) => list.map(([sample, round]) => ({ sample, round, file: `${sample}-${round}.ts` }) as Candidate);
  const files = (list: Candidate[]) => list.map((c) => c.file);

  it('conversation: lockstep rounds, samples within a round', () => {
    // Completion order within a round varies with the endpoint; the requests went round by round.
    expect(files(orderRequested(made([[1, 0], [0, 0], [0, 1], [1, 1], [1, 2], [0, 2]]), 'conversation'))).toEqual(['0-0.ts', '1-0.ts', '0-1.ts', '1-1.ts', '0-2.ts', '1-2.ts']);
  });

  it('tree: the first attempts by sample, then the refinements one at a time as made', () => {
    // Sample 0 refined twice before sample 1 once: its round 2 came before sample 1's round 1.
    expect(files(orderRequested(made([[1, 0], [0, 0], [0, 1], [0, 2], [1, 1]]), 'tree'))).toEqual(['0-0.ts', '1-0.ts', '0-1.ts', '0-2.ts', '1-1.ts']);
  });
});
