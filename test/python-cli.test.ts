// The Python side of the CLI: translate with --check, export-python, verify
// and arena on paper-format Python modules, hostile Python included.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeDifference, firstDifference } from '../src/codegen/python/compare.js';
import { GAMES } from '../src/games/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = resolve(ROOT, 'bin', 'gamecwm.js');
const dir = mkdtempSync(join(tmpdir(), 'gamecwm-python-cli-'));

function run(args: string[]) {
  const result = spawnSync(process.execPath, ['--no-node-snapshot', BIN, ...args], { encoding: 'utf8', timeout: 300_000, cwd: ROOT });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('gamecwm translate', () => {
  it('translates a built-in game and checks it against TypeScript on seeded trajectories', () => {
    const out = join(dir, 'leduc.py');
    const result = run(['translate', '--game', 'leduc_poker', '--to', 'python', '--check', '--trajectories', '300', '-o', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^check: 300 trajectories \(\d+ states\) agree\n$/);
    expect(readFileSync(out, 'utf8')).toContain('def get_legal_actions(state):');
    const python = spawnSync('python3', ['-c', `import importlib.util as u; s=u.spec_from_file_location('m', '${out}'); m=u.module_from_spec(s); s.loader.exec_module(m); print(m.get_legal_actions(m.get_initial_state()))`], { encoding: 'utf8' });
    expect(python.stdout.trim()).toBe("['deal:J', 'deal:Q', 'deal:K']");
  });

  it('checks a candidate file, recording its trajectories inside the sandbox', () => {
    const file = join(dir, 'ttt.ts');
    writeFileSync(file, readFileSync(resolve(ROOT, 'src/games/tic_tac_toe/game.ts'), 'utf8'));
    const ok = run(['translate', file, '--game', 'tic_tac_toe', '--to', 'python', '--check', '--trajectories', '100', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).check).toMatchObject({ ok: true, trajectories: 100 });
  });

  it('reports code outside the portable subset with line:column and exits 2', () => {
    const file = join(dir, 'collate.ts');
    writeFileSync(file, 'export function f(s: string): number {\n  return s.localeCompare(\'a\');\n}\n');
    const result = run(['translate', file, '--to', 'python']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/collate\.ts:2:10: cannot translate to Python: the string method localeCompare is outside the portable subset/);
  });

  it('writes every built-in game in the paper dataset layout', () => {
    const out = join(dir, 'export');
    const result = run(['export-python', '--out', out]);
    expect(result.code).toBe(0);
    for (const game of GAMES) {
      expect(existsSync(join(out, 'data', 'games', game.info.id, 'golden.py'))).toBe(true);
      expect(readFileSync(join(out, 'data', 'games', game.info.id, 'rules.txt'), 'utf8')).toContain('## Action strings');
    }
  });
});

describe('the --check comparison', () => {
  it('names the first differing aspect and the actions that reach it', () => {
    const expected = {
      actions: ['a', 'b'],
      states: [
        { player: 0, legal: ['a'], rewards: [0, 0], observations: [{}, {}] },
        { player: 1, legal: ['b', 'c'], rewards: [0, 0], observations: [{}, {}] },
        { player: -4, legal: [], rewards: [1, -1], observations: [{}, {}] },
      ],
    };
    const python = [expected.states[0], { ...expected.states[1], legal: ['b'] }, expected.states[2]];
    const difference = firstDifference(3, expected, python);
    expect(difference).toMatchObject({ trajectory: 3, actions: ['a'], aspect: 'legal actions' });
    expect(describeDifference(difference!)).toBe('trajectory 3: after ["a"] the legal actions differ: TypeScript ["b","c"], Python ["b"]');
    expect(firstDifference(0, expected, expected.states)).toBeNull();
    expect(firstDifference(0, expected, [expected.states[0], { error: 'ValueError: boom' }])).toMatchObject({ aspect: 'error', actions: ['a'], python: 'ValueError: boom' });
  });
});

describe('Python CWMs in verify and arena', () => {
  const kuhn = join(dir, 'kuhn.py');

  it('verifies a translated module with every tier, and fails a doctored one at the differential tier', () => {
    expect(run(['translate', '--game', 'kuhn_poker', '--to', 'python', '-o', kuhn]).code).toBe(0);
    const good = run(['verify', kuhn, '--game', 'kuhn_poker', '--json']);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ ok: true, scores: { eval: 1, reward: 1, transitionAccuracy: 1 } });
    const doctored = join(dir, 'kuhn_bad.py');
    writeFileSync(doctored, readFileSync(kuhn, 'utf8').replace('def get_rewards(state):', 'def get_rewards(state):\n    return [0, 0]\n\n\ndef _unused_rewards(state):'));
    const bad = run(['verify', doctored, '--game', 'kuhn_poker', '--json']);
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.stdout);
    const rewards = report.tiers.differential.checks.find((c: { name: string }) => c.name === 'same-rewards');
    expect(rewards.passed).toBe(false);
    expect(report.scores.transitionAccuracy).toBeLessThan(1);
  });

  it('verifies a long game with big legal sets within the default memory limit (differential trajectories go in batches)', () => {
    const havannah = join(dir, 'havannah.py');
    expect(run(['translate', '--game', 'havannah', '--to', 'python', '-o', havannah]).code).toBe(0);
    const result = run(['verify', havannah, '--game', 'havannah', '--json']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, scores: { transitionAccuracy: 1 } });
  });

  it('gives hostile Python a clean failing verdict and carries on', () => {
    const hostile = resolve(ROOT, 'python/testdata/hostile');
    for (const file of ['infinite_loop.py', 'os_system.py', 'read_passwd.py', 'sys_exit.py', 'memory_bomb.py']) {
      const result = run(['verify', join(hostile, file), '--game', 'tic_tac_toe', '--timeout-ms', '100', '--json']);
      expect(result.code, `${file}: ${result.stderr}`).toBe(1);
      expect(JSON.parse(result.stdout).ok).toBe(false);
    }
  });

  it('plays MCTS on a Python module in the arena with the same games as on the TypeScript original', () => {
    const ttt = join(dir, 'ttt.py');
    expect(run(['translate', '--game', 'tic_tac_toe', '--to', 'python', '-o', ttt]).code).toBe(0);
    const args = ['arena', 'tic_tac_toe', '--agents', 'mcts:100,random', '--games', '4', '--seed', '3', '--json'];
    const python = run([...args, '--cwm', ttt]);
    expect(python.code).toBe(0);
    expect(JSON.parse(python.stdout).results.wins[1]).toBe(0);
    const ismcts = run(['arena', 'kuhn_poker', '--agents', 'ismcts:50,random', '--games', '6', '--cwm', kuhn, '--json']);
    expect(ismcts.code).toBe(0);
    expect(JSON.parse(ismcts.stdout).games).toBe(6);
  });
});
