// The red-team round of issue 15: each finding with a hostile candidate of
// our own (test/fixtures/hostile/red-team/), run through the library, `verify
// DIR` and `serve-reward`. A finding is fixed when the hostile candidate gets
// the verdict the rules earn it and changes nobody else's.

import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnyGameCWM } from '../src/engine/contract.js';
import { CandidateRuntime } from '../src/engine/sandbox/candidate-runtime.js';
import { getGame } from '../src/games/index.js';
import { MAX_LINE_CHARS, PythonRunner, PythonRunnerError } from '../src/python-runner/runner-client.js';
import { checkInformation, POSTERIOR_CHECK } from '../src/verifier/information.js';
import { checkDynamics } from '../src/verifier/dynamics.js';
import { checkScenarios } from '../src/verifier/scenarios.js';
import { checkDifferential } from '../src/verifier/differential.js';
import { pythonBudgetMs } from '../src/verifier/verify-python.js';
import { limitsForGame } from '../src/verifier/budget.js';
import { RewardScorer } from '../src/reward/score.js';
import { startRewardServer } from '../src/reward/server.js';
import { DEFAULT_VERIFY_OPTIONS, type VerificationReport, Verifier } from '../src/verifier/verify.js';
import { verifyPython } from '../src/verifier/verify-python.js';
import type { TierName } from '../src/verifier/scores.js';
import { PythonTranslator } from '../src/codegen/python/translate.js';
import { runCli } from './helpers/run-cli.js';
import { tempDirs } from './helpers/temp-dirs.js';
import { patchedGameSource } from './helpers/mutants.js';

const ROOT = resolve(import.meta.dirname, '..');
const RED_TEAM = resolve(import.meta.dirname, 'fixtures', 'hostile', 'red-team');
const LIMITS = { memoryMb: 64, timeoutMs: 1500, maxResultChars: 1_000_000 };
const BUDGETS = { playouts: 30, histories: 30, trajectories: 30 };
const tempDir = tempDirs('gamecwm-red-team-');
const PROBE_FIXTURE = 'probe-verification.diff';
const JSON_KEYS = 'json-keys-like-methods.diff';

/** A red-team fixture: a .diff is tic-tac-toe plus its attack (applied to the current game), anything else is read as it is. */
const redTeam = (file: string) => (file.endsWith('.diff')
  ? patchedGameSource('tic_tac_toe', `test/fixtures/hostile/red-team/${file}`)
  : readFileSync(resolve(RED_TEAM, file), 'utf8'));
const reference = (game: string) => readFileSync(resolve(ROOT, 'src', 'games', game, 'game.ts'), 'utf8');
const target = (game: string) => ({ info: getGame(game).info, referenceId: game });
const failures = (report: VerificationReport) => Object.entries(report.tiers)
  .flatMap(([tier, t]) => t.checks.filter((c) => !c.passed).map((c) => `${tier}/${c.name}: ${c.message}`));

const verifiers: Verifier[] = [];
/** One sandbox process: every candidate runs after the previous one in the same isolate. */
function oneSandbox(): Verifier {
  const verifier = new Verifier({ limits: LIMITS, ...BUDGETS, concurrency: 1 });
  verifiers.push(verifier);
  return verifier;
}
afterAll(() => { for (const v of verifiers) v.dispose(); });

describe('finding 1: no candidate changes another candidate\'s verdict', () => {
  const POISON = 'poison-checker-tostring.diff';

  it('a candidate that poisons the functions on its inputs\' prototypes leaves the next candidate\'s verdict alone (library)', async () => {
    const verifier = oneSandbox();
    await verifier.verify(redTeam(POISON), target('tic_tac_toe'), 'poison-checker-tostring.ts');
    for (const game of ['tic_tac_toe', 'kuhn_poker']) {
      const report = await verifier.verify(reference(game), target(game));
      expect(failures(report)).toEqual([]);
      expect(report.scores).toEqual({ eval: 1, reward: 1, transitionAccuracy: 1 });
    }
  });

  it('verify DIR: the correct candidates after it pass; the probe (finding 3) fails; method-named keys (finding 4) pass', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-poison.ts'), redTeam(POISON));
    for (const name of ['b', 'c', 'd', 'e']) writeFileSync(join(dir, `${name}-correct.ts`), reference('tic_tac_toe'));
    writeFileSync(join(dir, 'f-probe.ts'), redTeam(PROBE_FIXTURE));
    writeFileSync(join(dir, 'g-json-keys.ts'), redTeam(JSON_KEYS));
    const result = await runCli(['verify', dir, '--game', 'tic_tac_toe', '--playouts', '30', '--json']);
    const reports = JSON.parse(result.stdout) as Array<{ file: string; ok: boolean; scores: { reward: number } }>;
    const verdict = (suffix: string) => reports.filter((r) => r.file.endsWith(suffix)).map((r) => r.ok);
    expect(verdict('-correct.ts')).toEqual([true, true, true, true]);
    expect(verdict('f-probe.ts')).toEqual([false]);
    expect(verdict('g-json-keys.ts')).toEqual([true]);
    expect(result.code).toBe(1);
  });

  it('serve-reward: correct completions after it are rewarded 1; the probe less; method-named keys 1', async () => {
    const scorer = new RewardScorer({ limits: LIMITS, ...BUDGETS, concurrency: 1 });
    const server = await startRewardServer(scorer, { port: 0, concurrency: 1 });
    try {
      const fence = (code: string) => `\`\`\`ts\n${code}\`\`\`\n`;
      const completions = [POISON, 'correct', 'correct', PROBE_FIXTURE, JSON_KEYS]
        .map((name) => fence(name === 'correct' ? reference('tic_tac_toe') : redTeam(name)));
      const response = await fetch(`${server.url}/reward`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ game: 'tic_tac_toe', completions }) });
      const rewards = ((await response.json()) as { rewards: number[] }).rewards;
      expect(rewards[1]).toBe(1);
      expect(rewards[2]).toBe(1);
      expect(rewards[3]).toBeLessThan(1);
      expect(rewards[4]).toBe(1);
    } finally {
      await server.close();
      scorer.dispose();
    }
  });
});

describe('finding 2: the Python path runs every check of the TypeScript tiers, by the same definitions', () => {
  /** [game, fixture, tier and check it fails]: the red team's three kuhn_poker candidates, and a mutant the Python path missed too. */
  const TWINS: Array<[string, string, string, string]> = [
    ['kuhn_poker', 'test/fixtures/mutants/kuhn_poker/leak-opponent-card.diff', 'differential', 'observations-reveal-no-more'],
    ['kuhn_poker', 'test/fixtures/hostile/red-team/kuhn-deal-skewed.diff', 'differential', 'same-chance-probabilities'],
    ['kuhn_poker', 'test/fixtures/hostile/red-team/kuhn-resample-biased.diff', 'information', 'resample-matches-posterior'],
    ['pig', 'test/fixtures/mutants/pig/observation-drops-turn-total.diff', 'differential', 'observations-hide-no-more'],
  ];
  const translator = new PythonTranslator();
  /** `source` as a paper-format Python module (without the translator's first line, so judged as the red team's modules were). */
  const paperFormat = (source: string): string => {
    const translation = translator.translate(source);
    if (translation.diagnostics.length > 0) throw new Error(translation.diagnostics[0].message);
    return translation.python.slice(translation.python.indexOf('\n') + 1);
  };
  const failing = (report: VerificationReport) => failures(report).map((f) => f.slice(0, f.indexOf(':')));
  const options = { ...DEFAULT_VERIFY_OPTIONS, limits: LIMITS, ...BUDGETS };

  it.each(TWINS)('%s %s fails %s/%s in Python as in TypeScript, with the same failing checks', async (game, fixture, tier, check) => {
    const source = patchedGameSource(game, fixture);
    const typescript = await oneSandbox().verify(source, target(game));
    const file = join(tempDir(), `${game}.py`);
    writeFileSync(file, paperFormat(source));
    const python = await verifyPython(file, target(game), options);
    expect(typescript.tiers[tier as TierName].checks.find((c) => c.name === check)).toMatchObject({ passed: false });
    expect(python.tiers[tier as TierName].checks.find((c) => c.name === check), failures(python).join('\n')).toMatchObject({ passed: false });
    expect(python.ok).toBe(false);
    expect(failing(python)).toEqual(failing(typescript));
  }, 120_000);

  it('the correct exports pass every check, the new ones included, in both value rules', async () => {
    for (const game of ['kuhn_poker', 'pig']) {
      const typescript = await oneSandbox().verify(reference(game), target(game));
      for (const [name, text] of [['paper', paperFormat(reference(game))], ['export', translator.translate(reference(game)).python]]) {
        const file = join(tempDir(), `${game}-${name}.py`);
        writeFileSync(file, text);
        const python = await verifyPython(file, target(game), options);
        expect(failures(python), `${game} ${name}`).toEqual([]);
        expect(python.scores).toEqual({ eval: 1, reward: 1, transitionAccuracy: 1 });
        // Every dynamic tier names the same checks in the same order on both paths (the paper's format names its state rule its own way).
        const names = (report: VerificationReport) => Object.entries(report.tiers).filter(([tier]) => tier !== 'static')
          .flatMap(([tier, t]) => t.checks.map((c) => `${tier}/${c.name === 'state-copies-by-value' ? 'state-is-json' : c.name}`));
        expect(names(python)).toEqual(names(typescript));
      }
    }
  }, 120_000);

  // serve-reward with the strict reward: the paper's ignores the differential tier, where two of them fail (finding 7).
  it('verify DIR and serve-reward reject the Python twins and pass the export', async () => {
    const dir = tempDir();
    const names = ['a-leak', 'b-skewed', 'c-biased'];
    TWINS.slice(0, 3).forEach(([game, fixture], i) => writeFileSync(join(dir, `${names[i]}.py`), paperFormat(patchedGameSource(game, fixture))));
    writeFileSync(join(dir, 'd-correct.py'), paperFormat(reference('kuhn_poker')));
    const result = await runCli(['verify', dir, '--game', 'kuhn_poker', '--playouts', '30', '--json']);
    const reports = JSON.parse(result.stdout) as VerificationReport[];
    expect(reports.map((r) => [r.file.slice(r.file.lastIndexOf('/') + 1), r.ok])).toEqual([['a-leak.py', false], ['b-skewed.py', false], ['c-biased.py', false], ['d-correct.py', true]]);
    const scorer = new RewardScorer({ limits: LIMITS, ...BUDGETS, concurrency: 1 });
    const server = await startRewardServer(scorer, { port: 0, concurrency: 1 });
    try {
      const completions = [...names, 'd-correct'].map((name) => `\`\`\`python\n${readFileSync(join(dir, `${name}.py`), 'utf8')}\`\`\`\n`);
      const response = await fetch(`${server.url}/reward`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ game: 'kuhn_poker', lang: 'python', reward: 'strict', completions }) });
      const rewards = ((await response.json()) as { rewards: number[] }).rewards;
      expect(rewards.slice(0, 3).every((r) => r < 1), JSON.stringify(rewards)).toBe(true);
      expect(rewards[3]).toBe(1);
    } finally {
      await server.close();
      scorer.dispose();
    }
  }, 240_000);
});

describe('finding 6: the Python runner\'s escape routes are closed', () => {
  const ROUTES = ['random-os', 'real-import', 'memfd-create', 'posix-memfd-create'];

  it('verify DIR: a module taking each route fails cleanly (no-crash, the route\'s error); the correct module after them passes', async () => {
    const dir = tempDir();
    const honest = readFileSync(resolve(ROOT, 'python', 'testdata', 'tic_tac_toe.py'), 'utf8');
    ROUTES.forEach((route, i) => writeFileSync(join(dir, `${i}-${route}.py`), `${honest}\n${readFileSync(resolve(RED_TEAM, 'python-escape-routes.py'), 'utf8')}\nROUTE = '${route}'\n`));
    writeFileSync(join(dir, '9-correct.py'), honest);
    const result = await runCli(['verify', dir, '--game', 'tic_tac_toe', '--playouts', '10', '--json']);
    const reports = JSON.parse(result.stdout) as VerificationReport[];
    expect(reports.map((r) => r.ok)).toEqual([false, false, false, false, true]);
    const crashes = reports.slice(0, 4).map((r) => r.tiers.dynamics.checks.find((c) => c.name === 'no-crash')?.message);
    expect(crashes[0]).toMatch(/^get_initial_state\(\) raised AttributeError: module 'random' has no attribute '_os'/);
    expect(crashes[1]).toMatch(/^get_initial_state\(\) raised RuntimeError: the real __import__ is out of reach/);
    expect(crashes[2]).toMatch(/^get_initial_state\(\) raised AttributeError: module 'os' has no attribute 'memfd_create'/);
    expect(crashes[3]).toMatch(/^get_initial_state\(\) raised AttributeError: module 'posix' has no attribute 'memfd_create'/);
  }, 120_000);
});

describe('finding 3: verification cannot be told apart from play', () => {
  const PROBE = 'probe-verification.diff';

  it('the probe candidate cheats under play: x wins with its first move', async () => {
    const runtime = await CandidateRuntime.load(redTeam(PROBE), 'probe-verification.ts', LIMITS);
    try {
      const after = runtime.applyAction(runtime.getInitialState(), 'x(1,1)');
      expect(runtime.getCurrentPlayer(after)).toBe(-4);
      expect(runtime.getRewards(after)).toEqual([1, -1]);
    } finally {
      runtime.dispose();
    }
  });

  it('verification hands it inputs as play does, so it cheats there too and fails (library)', async () => {
    const report = await oneSandbox().verify(redTeam(PROBE), target('tic_tac_toe'), 'probe-verification.ts');
    expect(report.ok).toBe(false);
    expect(report.tiers.dynamics.score, failures(report).join('\n')).toBe(1);
    expect(failures(report).join('\n')).toMatch(/scenarios\/scenario: .*should not be over|differential\/same-terminal/);
  });

  it('inputs are fresh and unfrozen, and a change to one still fails no-mutation', async () => {
    const verifier = oneSandbox();
    // Writes its move into the board it was given.
    const mutating = reference('tic_tac_toe').replace('const board = state.board.slice();', 'const board = state.board;');
    const report = await verifier.verify(mutating, target('tic_tac_toe'));
    expect(report.tiers.dynamics.checks.find((c) => c.name === 'no-mutation')).toMatchObject({
      passed: false, message: expect.stringMatching(/^applyAction\(state, "[^"]+"\) tried to modify its input \(\$\.board\[\d\] changed\)/),
    });
  });

  it('a posterior comparison that cannot run fails instead of being skipped', () => {
    const kuhn = getGame('kuhn_poker').cwm as AnyGameCWM;
    // The rules without Raise: its own histories replay, the reference's histories with a Raise do not.
    const noRaise: AnyGameCWM = {
      ...kuhn,
      getLegalActions: (state) => kuhn.getLegalActions(state).filter((a) => a !== 'Raise'),
      applyAction: (state, action) => {
        if (action === 'Raise') throw new Error('"Raise" is not an action of this game');
        return kuhn.applyAction(state, action);
      },
    };
    const report = checkInformation(noRaise, 2, { histories: 60, seed: 0, maxGameLength: getGame('kuhn_poker').info.maxGameLength }, kuhn);
    expect(report.checks.find((c) => c.name === POSTERIOR_CHECK)).toMatchObject({
      passed: false, message: expect.stringMatching(/the posterior could not be compared: replaying the rules' actions threw Error: "Raise" is not an action/),
    });
  });
});

describe('finding 4: keys Object.prototype has are data like any other', () => {
  it('an observation field named __proto__ cannot carry the opponent\'s view past the leak check', async () => {
    const source = wrapExport(reference('kuhn_poker'), 'getObservations', 'baseObservations', redTeam('proto-key-leak.wrap.ts'));
    const report = await oneSandbox().verify(source, target('kuhn_poker'), 'proto-key-leak.ts');
    expect(report.tiers.differential.checks.find((c) => c.name === 'observations-reveal-no-more')).toMatchObject({ passed: false });
  });

  it('a JSON state with keys toString, valueOf and constructor verifies', async () => {
    const report = await oneSandbox().verify(redTeam(JSON_KEYS), target('tic_tac_toe'), 'json-keys-like-methods.ts');
    expect(failures(report)).toEqual([]);
    expect(report.ok).toBe(true);
  });
});

/** `source` with its exported function `name` renamed `base` and `replacement` (which calls `base`) appended. */
function wrapExport(source: string, name: string, base: string, replacement: string): string {
  const declaration = `export function ${name}(`;
  if (!source.includes(declaration)) throw new Error(`no ${declaration} in the module`);
  return `${source.replace(declaration, `function ${base}(`)}\n${replacement}`;
}

describe('finding 5, TypeScript side: a candidate\'s checks share one time budget', () => {
  it('a candidate that spends a little under the limit in every check costs one budget, not one limit per check (library)', async () => {
    const kuhn = getGame('kuhn_poker');
    const settings = { ...BUDGETS, seed: 0 };
    // Where each check starts, in getInitialState calls: the checks run on the host over a counting copy of the rules.
    let calls = 0;
    const counted: AnyGameCWM = { ...(kuhn.cwm as AnyGameCWM), getInitialState: () => { calls++; return kuhn.cwm.getInitialState(); } };
    const starts: number[] = [];
    const count = (check: () => unknown) => { starts.push(calls + 1); check(); };
    count(() => checkDynamics(counted, { players: 2, utility: kuhn.info.utility, maxGameLength: kuhn.info.maxGameLength }, settings));
    count(() => checkInformation(counted, 2, { histories: settings.histories, seed: 0, maxGameLength: kuhn.info.maxGameLength }, kuhn.cwm as AnyGameCWM));
    count(() => checkScenarios(counted, kuhn.scenarios));
    count(() => checkDifferential(counted, kuhn.cwm as AnyGameCWM, { trajectories: settings.trajectories, seed: 0, maxGameLength: kuhn.info.maxGameLength, information: 'imperfect' }));
    // Loop iterations that take about 0.6 of a check's limit here and now.
    let sink = 0;
    const probe = 5_000_000;
    const began = performance.now();
    for (let i = 0; i < probe; i++) sink = (sink * 31 + i) % 1000003;
    const burn = Math.round(probe / (performance.now() - began) * LIMITS.timeoutMs * 0.6) + (sink < 0 ? 1 : 0);
    const source = patchedGameSource('kuhn_poker', 'test/fixtures/hostile/red-team/kuhn-slow-every-check.diff')
      .replace('const BURN = 0;', `const BURN = ${burn};`).replace('const CHECK_STARTS: number[] = [];', `const CHECK_STARTS: number[] = ${JSON.stringify(starts)};`);
    const report = await oneSandbox().verify(source, target('kuhn_poker'), 'kuhn-slow-every-check.ts');
    const limits = Object.values(report.tiers).flatMap((t) => t.checks).filter((c) => c.name === 'runs-within-limits');
    // Four checks at 0.6 of a limit each (and their own work) would take 2.4 limits and more; the budget is two.
    expect(limits.length, failures(report).join('\n')).toBeGreaterThan(0);
    expect(limits.some((c) => /used up its time budget of 3000 ms for all its checks/.test(c.message ?? '')), failures(report).join('\n')).toBe(true);
    for (const check of limits) expect(check.message).toMatch(/used up its time budget of 3000 ms|exceeded the 1500 ms time limit/);
    expect(report.ok).toBe(false);
  }, 60_000);
});

describe('finding 5: the Python protocol is capped, and a candidate has one time budget', () => {
  /** An interpreter that runs the fake runner in `mode`, whatever the client asks it to run. */
  function fakeInterpreter(...mode: string[]): string {
    const path = join(tempDir(), 'python');
    writeFileSync(path, `#!/bin/sh\nexec python3 ${JSON.stringify(resolve(RED_TEAM, 'fake_runner.py'))} ${mode.join(' ')}\n`);
    chmodSync(path, 0o755);
    return path;
  }
  const module = resolve(ROOT, 'python', 'testdata', 'tic_tac_toe.py');

  it('a line that never ends is cut at MAX_LINE_CHARS: the runner is killed, the host keeps its memory', async () => {
    const runner = await PythonRunner.start(module, { python: fakeInterpreter('endless-line'), timeoutMs: 60_000 });
    const before = process.memoryUsage().rss;
    const error = await runner.request('exports').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PythonRunnerError);
    expect(error).toMatchObject({ kind: 'protocol', message: expect.stringMatching(new RegExp(`more than ${MAX_LINE_CHARS} characters without ending its line`)) });
    expect(process.memoryUsage().rss - before).toBeLessThan(6 * MAX_LINE_CHARS);
    await runner.close();
  });

  it('a game whose reference needs more time per call gets its verifyTimeScale times the limit', () => {
    expect(limitsForGame({ timeoutMs: 2000, memoryMb: 128 }, getGame('gin_rummy').info)).toEqual({ timeoutMs: 2000 * getGame('gin_rummy').info.verifyTimeScale!, memoryMb: 128 });
    expect(getGame('gin_rummy').info.verifyTimeScale).toBeGreaterThan(1);
    expect(limitsForGame({ timeoutMs: 2000, memoryMb: 128 }, getGame('tic_tac_toe').info).timeoutMs).toBe(2000);
  });

  it('a Python candidate\'s budget grows with the work asked of it, from 30 call limits up', () => {
    // The red-team case (--timeout-ms 200, default 100 playouts) is bounded at 20 s, not 61 s.
    expect(pythonBudgetMs(200, 100)).toBe(20_000);
    expect(pythonBudgetMs(2000, 100)).toBe(200_000);
    expect(pythonBudgetMs(2000, 5)).toBe(60_000);
  });

  it('requests each well under the per-request limit stop once their shared budget is spent', async () => {
    // Each request after the first takes 4 s of an 8 s limit; six of them would take 20 s and more.
    const runner = await PythonRunner.start(module, { python: fakeInterpreter('slow', '8000'), timeoutMs: 8000, budgetMs: 16_000 });
    const start = performance.now();
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) {
      outcomes.push(await runner.request('exports').then(() => 'ok', (e: PythonRunnerError) => e.message));
    }
    const elapsed = performance.now() - start;
    expect(outcomes.slice(0, 2)).toEqual(['ok', 'ok']);
    expect(outcomes.find((o) => o !== 'ok')).toMatch(/used up its time budget of 16000 ms for all its requests \(during op "exports"\)/);
    expect(elapsed).toBeLessThan(16_000 + 3000);
    await runner.close();
  }, 30_000);
});
