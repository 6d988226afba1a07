// The verifier end to end: every reference passes every tier, a wrong
// candidate fails with the tier and the step named, and the CLI's verdicts.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GAMES, getGame } from '../src/games/index.js';
import { Verifier } from '../src/verifier/verify.js';

const BIN = resolve(import.meta.dirname, '..', 'bin', 'gamecwm.js');
const TIC_TAC_TOE = readFileSync('src/games/tic_tac_toe/game.ts', 'utf8');
const WRONG_PAYOFF = TIC_TAC_TOE.replace('? [1, -1] : [-1, 1]', '? [1, -1] : [1, -1]');

function run(args: string[]) {
  const result = spawnSync(process.execPath, ['--no-node-snapshot', BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let verifier: Verifier;
beforeAll(() => {
  // Default budgets; a roomy time limit, since a loaded CI machine slows the long games (chess) down.
  verifier = new Verifier({ limits: { memoryMb: 128, timeoutMs: 30_000, maxResultChars: 4_000_000 } });
});
afterAll(() => verifier.dispose());

describe.each(GAMES.map((g) => [g.info.id, g] as const))('reference %s', (id, game) => {
  it('passes every tier with transition accuracy 1.0', async () => {
    const report = await verifier.verify(readFileSync(`src/games/${id}/game.ts`, 'utf8'), { info: game.info, referenceId: id });
    const failed = Object.values(report.tiers).flatMap((t) => t.checks.filter((c) => !c.passed));
    expect(failed).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.scores).toEqual({ eval: 1, reward: 1, transitionAccuracy: 1 });
    expect(report.tiers.information.applicable).toBe(game.info.information === 'imperfect');
  });
});

describe('a wrong candidate', () => {
  it('fails the scenario and differential tiers, naming the first diverging step', async () => {
    const game = getGame('tic_tac_toe');
    const report = await verifier.verify(WRONG_PAYOFF, { info: game.info, referenceId: 'tic_tac_toe' });
    expect(report.ok).toBe(false);
    const rewards = report.tiers.differential.checks.find((c) => c.name === 'same-rewards')!;
    expect(rewards.passed).toBe(false);
    expect(rewards.message).toBe('the rewards are [1,-1]; the rules give [-1,1]');
    expect(rewards.actions!.length % 2).toBe(0);
    expect(report.scores.transitionAccuracy).toBeGreaterThan(0.9);
    expect(report.scores.transitionAccuracy).toBeLessThan(1);
    expect(report.tiers.scenarios.passed).toBe(report.tiers.scenarios.total - 1);
  });

  it('without a reference, skips scenarios and differential and says so', async () => {
    const report = await verifier.verify(TIC_TAC_TOE, { info: getGame('tic_tac_toe').info });
    expect(report.ok).toBe(true);
    expect(report.tiers.scenarios).toMatchObject({ applicable: false, note: 'no built-in reference and no scenarios of its own: skipped' });
    expect(report.tiers.differential).toMatchObject({ applicable: false, note: 'no built-in reference for this game: skipped' });
    expect(report.scores.transitionAccuracy).toBeNull();
  });

  it('without a reference, runs the game\'s own scenarios', async () => {
    const scenarios = getGame('tic_tac_toe').scenarios.slice(0, 3);
    const report = await verifier.verify(TIC_TAC_TOE, { info: getGame('tic_tac_toe').info, scenarios });
    expect(report.tiers.scenarios).toMatchObject({ applicable: true, passed: 3, total: 3, note: 'the game\'s own scenarios' });
    const wrong = await verifier.verify(TIC_TAC_TOE, { info: getGame('tic_tac_toe').info, scenarios: [{ name: 'o first', actions: [], expect: { currentPlayer: 1 } }] });
    expect(wrong.ok).toBe(false);
    expect(wrong.tiers.scenarios.checks[0]).toMatchObject({ name: 'scenario: o first', passed: false, message: 'after [] the current player should be 1, not 0' });
  });
});

describe('gamecwm verify', () => {
  it('verifies a built-in reference and prints the documented JSON', () => {
    const result = run(['verify', '--game', 'kuhn_poker', '--reference', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ game: 'kuhn_poker', ok: true, scores: { eval: 1, reward: 1, transitionAccuracy: 1 } });
    expect(Object.keys(report.tiers)).toEqual(['static', 'dynamics', 'consistency', 'information', 'scenarios', 'differential']);
    expect(report.tiers.static.checks[0]).toEqual({ name: 'parses', passed: true });
  });

  it('exits 1 for a failing file, and summarises a directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gamecwm-verify-'));
    writeFileSync(join(dir, 'good.ts'), TIC_TAC_TOE);
    writeFileSync(join(dir, 'wrong.ts'), WRONG_PAYOFF);
    writeFileSync(join(dir, 'broken.ts'), 'export const x = ;\n');
    const single = run(['verify', join(dir, 'wrong.ts'), '--game', 'tic_tac_toe']);
    expect(single.code).toBe(1);
    expect(single.stdout).toMatch(/wrong\.ts \(tic_tac_toe\): FAIL/);
    expect(single.stdout).toContain('differential/same-rewards: the rewards are [1,-1]; the rules give [-1,1]');
    const batch = run(['verify', dir, '--game', 'tic_tac_toe', '--json']);
    expect(batch.code).toBe(1);
    const reports = JSON.parse(batch.stdout);
    expect(reports.map((r: { ok: boolean }) => r.ok)).toEqual([false, true, false]);
    expect(reports[0].scores.reward).toBe(0);
    const table = run(['verify', dir, '--game', 'tic_tac_toe']);
    expect(table.stdout).toContain('1/3 candidates pass every tier');
  });

  it.each([
    [['verify', 'x.ts'], /--game <id> is required/],
    [['verify', '--game', 'tic_tac_toe'], /give a candidate \.ts file or directory/],
    [['verify', '/no/such/file.ts', '--game', 'tic_tac_toe'], /no such file or directory: \/no\/such\/file\.ts/],
    [['verify', '--game', 'nope', '--reference'], /"nope" is not a built-in game \(see `gamecwm games`\); for a new game give its facts with --info FILE.json/],
    [['verify', '--game', 'tic_tac_toe', '--reference', '--playouts', '0'], /--playouts must be an integer/],
  ])('%j is a user error (exit 2)', (args, message) => {
    const result = run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
