// `gamecwm bench speed` and `gamecwm bench verify` end to end, in-process
// through main(), on two small games with tiny budgets: every column is
// measured (TypeScript native, in the sandbox, the Python translation and a
// user's own Python CWM), a user module that fails is reported and the others
// carry on, the files are written, and bad options end in one line, exit 2.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownTable } from '../src/bench/markdown.js';
import type { SpeedData } from '../src/bench/speed.js';
import type { VerifyBenchData } from '../src/bench/verify.js';
import { isolatedVmLine } from '../src/engine/sandbox/ivm.js';
import { PythonTranslator } from '../src/codegen/python/translate.js';
import { gameModulePath } from '../src/games/files.js';
import { runCli } from './helpers/run-cli.js';
import { tempDirs } from './helpers/temp-dirs.js';

const tempDir = tempDirs('gamecwm-bench-test-');

describe('bench speed', () => {
  it('measures every column, reports a failing user module, and writes JSON, Markdown and SVG', async () => {
    const pythonDir = tempDir();
    writeFileSync(join(pythonDir, 'tic_tac_toe.py'), new PythonTranslator().translate(readFileSync(gameModulePath('tic_tac_toe'), 'utf8')).python);
    writeFileSync(join(pythonDir, 'kuhn_poker.py'), 'def get_initial_state():\n    raise ValueError("no deck")\n');
    const out = tempDir();
    const result = await runCli(['bench', 'speed', '--games', 'tic_tac_toe,kuhn_poker', '--runs', '2', '--target-ms', '5', '--python-dir', pythonDir, '--out', out, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { suite: string; seed: number; machine: { cores: number; versions: Record<string, string> }; data: SpeedData; files: { json: string } };
    expect(report.suite).toBe('speed');
    expect(report.machine.cores).toBeGreaterThan(0);
    // The isolated-vm line this Node runs, as installed (each Node line has its own).
    expect(report.machine.versions['isolated-vm']).toBe(isolatedVmLine().installed);
    expect(report.machine.versions['isolated-vm']).toMatch(/^\d+\.\d+\.\d+$/);
    const { data } = report;
    expect(data.columns).toEqual(['native', 'isolate', 'python', 'python-user']);
    expect(data.games.map((g) => [g.game, g.search])).toEqual([['tic_tac_toe', 'mcts'], ['kuhn_poker', 'ismcts']]);
    const ttt = data.games[0];
    for (const column of data.columns) {
      expect(ttt.columns[column]!.simulationsPerSecond).toBeGreaterThan(0);
      expect(ttt.columns[column]!.playoutGamesPerSecond).toBeGreaterThan(0);
    }
    expect(ttt.iterations).toBeGreaterThanOrEqual(16);
    // The same UCT in pure Python is far slower than TypeScript on the same game.
    expect(ttt.ratios.nativeOverPython).toBeGreaterThan(3);
    expect(ttt.ratios.nativeOverUserPython).toBeGreaterThan(3);
    const kuhn = data.games[1];
    expect(kuhn.columns.python!.simulationsPerSecond).toBeGreaterThan(0);
    // The translation determinises natively; the notes say so with the counts.
    expect(kuhn.columns.python!.searches!.paths).toEqual(['native']);
    expect(kuhn.columns.python!.searches!.searched).toBe(kuhn.columns.python!.searches!.iterations);
    expect(kuhn.columns['python-user']).toMatchObject({ simulationsPerSecond: null, playoutGamesPerSecond: null });
    expect(kuhn.columns['python-user']!.error).toMatch(/no deck/);
    expect(kuhn.ratios.nativeOverUserPython).toBeNull();

    const written = JSON.parse(readFileSync(join(out, 'speed.json'), 'utf8')) as { data: SpeedData; charts: Array<{ file: string }> };
    expect(written.data).toEqual(data);
    expect(written.charts.map((c) => c.file)).toEqual(['speed-mcts.svg', 'speed-playouts.svg']);
    const markdown = readFileSync(join(out, 'speed.md'), 'utf8');
    expect(markdown).toMatch(/\| game \| search \| iterations \| TS native sims\/s \| TS isolate sims\/s \| Python \(translated\) sims\/s \| Python \(yours\) sims\/s/);
    expect(markdown).toMatch(/!\[MCTS simulations per second \(log scale\)\]\(speed-mcts\.svg\)/);
    expect(markdown).toMatch(/not measured: kuhn_poker, Python \(yours\): .*no deck/);
    expect(markdown).toMatch(/kuhn_poker, Python \(translated\): (\d+) of \1 ISMCTS iterations started from a determinisation; \d+ of \d+ determinisations succeeded \(the module's resample with a trailing \[observation, null\]\)/);
    for (const chart of ['speed-mcts.svg', 'speed-playouts.svg']) {
      const svg = readFileSync(join(out, chart), 'utf8');
      expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(svg).toContain('tic_tac_toe');
      expect(svg).toContain('Python (yours)');
    }
  });

  it('prints the tables for people', async () => {
    const out = tempDir();
    const result = await runCli(['bench', 'speed', '--games', 'matching_pennies', '--runs', '1', '--target-ms', '2', '--no-python', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/MCTS simulations per second from the first decision/);
    expect(result.stdout).toMatch(/matching_pennies\s+ismcts\s+\d+\s+\d+\s+\d+/);
    expect(result.stdout).toMatch(/Python columns left out/);
    expect(result.stdout).toContain(join(out, 'speed.json'));
    expect(existsSync(join(out, 'speed-mcts.svg'))).toBe(true);
  });

  it('refuses bad options with one line and exit 2', async () => {
    const out = tempDir();
    const cases: Array<[string[], RegExp]> = [
      [['--games', 'no_such_game'], /unknown game|no_such_game/i],
      [['--games', 'pig', '--split', 'eval'], /--games or --split/],
      [['--split', 'test'], /--split must be train or eval/],
      [['--python-dir', join(out, 'missing')], /--python-dir: .* is not a readable folder/],
      [['--python-dir', out, '--games', 'pig'], /--python-dir: .* holds none of pig\.py/],
      [['--runs', '0'], /--runs must be an integer/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(['bench', 'speed', '--out', out, ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    }
    expect(existsSync(join(out, 'speed.json'))).toBe(false);
  });
});

describe('bench verify', () => {
  it('verifies each game in both languages, measures throughput, and writes the report', async () => {
    const out = tempDir();
    const result = await runCli(['bench', 'verify', '--games', 'tic_tac_toe,kuhn_poker', '--runs', '1', '--playouts', '10', '--batch-copies', '1', '--out', out, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { data, settings } = JSON.parse(result.stdout) as { data: VerifyBenchData; settings: { playouts: number } };
    expect(settings.playouts).toBe(10);
    expect(data.games.map((g) => g.game)).toEqual(['tic_tac_toe', 'kuhn_poker']);
    for (const game of data.games) {
      expect(game.typescript.ok).toBe(true);
      expect(game.python!.ok).toBe(true);
      expect(game.typescript.fullReportMs).toBeGreaterThan(0);
      expect(game.typescript.typeCheckMs).toBeGreaterThan(0);
      expect(game.python!.fullReportMs).toBeGreaterThan(0);
      expect(game.pythonOverTypescript).toBeCloseTo(game.python!.fullReportMs / game.typescript.fullReportMs, 0);
    }
    expect(data.throughput.candidates).toBe(2);
    expect(data.throughput.typescriptPerSecond).toBeGreaterThan(0);
    expect(data.throughput.pythonPerSecond).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'verify.md'), 'utf8')).toMatch(/\| tic_tac_toe \| [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+x \| yes, yes \|/);
    expect(readFileSync(join(out, 'verify-latency.svg'), 'utf8')).toContain('kuhn_poker');
  });
});

describe('Markdown tables', () => {
  it('escapes pipes, right-aligns numeric columns and writes n/a for missing values', () => {
    expect(markdownTable({ columns: ['game', 'sims/s'], rows: [['a|b', 12], ['c', null]] })).toBe(
      '| game | sims/s |\n|---|---:|\n| a\\|b | 12 |\n| c | n/a |',
    );
  });
});
