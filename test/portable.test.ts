// Portability to Python is a verdict of its own: a correct TypeScript GameCWM
// is ok whether or not it translates; `portable` (with line:column
// diagnostics) says whether it does, and only --require-portable (or a command
// that produces Python) makes it count.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackFor } from '../src/codegen/feedback.js';
import { getGame } from '../src/games/index.js';
import { RewardScorer } from '../src/reward/score.js';
import { Verifier } from '../src/verifier/verify.js';
import { patchedGameSource } from './helpers/mutants.js';
import { runCli } from './helpers/run-cli.js';

const fixture = (name: string) => patchedGameSource('tic_tac_toe', `test/fixtures/portable/tic_tac_toe/${name}.diff`);
/** Correct tic-tac-toe sorting its legal actions with localeCompare, which the translation cannot express. */
const LOCALE = fixture('locale-compare');
const CALL_LINE = LOCALE.split('\n').findIndex((line) => line.includes('localeCompare')) + 1;
const CALL_COLUMN = LOCALE.split('\n')[CALL_LINE - 1].indexOf('a.localeCompare') + 1;
const REASON = 'cannot translate to Python: the string method localeCompare is outside the portable subset';
const TARGET = { info: getGame('tic_tac_toe').info, referenceId: 'tic_tac_toe' };
const LIMITS = { memoryMb: 128, timeoutMs: 30_000, maxResultChars: 4_000_000 };
const BUDGET = { playouts: 30, histories: 30, trajectories: 30, concurrency: 1, limits: LIMITS };
const dir = mkdtempSync(join(tmpdir(), 'gamecwm-portable-'));

let verifier: Verifier;
let strict: Verifier;
beforeAll(() => {
  verifier = new Verifier(BUDGET);
  strict = new Verifier({ ...BUDGET, requirePortable: true });
});
afterAll(() => {
  verifier.dispose();
  strict.dispose();
});

describe('a correct module the translation cannot express', () => {
  it('verifies ok with full scores, and reports portable: false at line:column', async () => {
    expect(CALL_LINE).toBeGreaterThan(0);
    const report = await verifier.verify(LOCALE, TARGET, 'locale.ts');
    expect(report.ok).toBe(true);
    expect(report.scores).toEqual({ eval: 1, reward: 1, transitionAccuracy: 1 });
    expect(report.tiers.static.checks.map((c) => c.name)).toEqual(['parses', 'type-checks', 'satisfies-contract', 'no-forbidden-constructs']);
    expect(report.portable).toBe(false);
    expect(report.portability).toEqual([{ line: CALL_LINE, column: CALL_COLUMN, code: 'portability', message: REASON }]);
    expect(report.diagnostics).toEqual([]);
  });

  it('fails where portability is required: the static tier gains the portable check, lowering eval and reward', async () => {
    const report = await strict.verify(LOCALE, TARGET, 'locale.ts');
    expect(report.ok).toBe(false);
    expect(report.portable).toBe(false);
    expect(report.tiers.static.checks.at(-1)).toEqual({ name: 'portable', passed: false, message: `${CALL_LINE}:${CALL_COLUMN} ${REASON}` });
    expect(report.scores.eval).toBeCloseTo((4 / 5 + 1 + 1) / 3, 9);
    expect(report.scores.reward).toBeLessThan(1);
    expect(report.diagnostics).toEqual([`locale.ts:${CALL_LINE}:${CALL_COLUMN}: ${REASON}`]);
    // What a generation run with --require-portable tells the model.
    expect(feedbackFor(report, 'ts')).toContain(`- locale.ts:${CALL_LINE}:${CALL_COLUMN}: ${REASON}`);
  });

  it('keeps the paper reward unless the scorer requires portability', async () => {
    const lenient = new RewardScorer(BUDGET);
    const demanding = new RewardScorer({ ...BUDGET, requirePortable: true });
    try {
      const completion = `\`\`\`ts\n${LOCALE}\`\`\``;
      expect(await lenient.score(TARGET.info, 'tic_tac_toe', completion, 'ts')).toMatchObject({ reward: 1, ok: true, portable: false });
      const required = await demanding.score(TARGET.info, 'tic_tac_toe', completion, 'ts');
      expect(required).toMatchObject({ ok: false, portable: false, firstFailure: 'static/portable' });
      expect(required.reward).toBeLessThan(1);
    } finally {
      lenient.dispose();
      demanding.dispose();
    }
  });

  it('passes `gamecwm verify`, which prints the verdict; --require-portable fails it', async () => {
    const file = join(dir, 'locale.ts');
    writeFileSync(file, LOCALE);
    const plain = await runCli(['verify', file, '--game', 'tic_tac_toe', '--playouts', '20', '--json']);
    expect(plain.code).toBe(0);
    const json = JSON.parse(plain.stdout);
    expect(json).toMatchObject({ ok: true, portable: false, portability: [{ line: CALL_LINE, column: CALL_COLUMN }] });
    const text = await runCli(['verify', file, '--game', 'tic_tac_toe', '--playouts', '20']);
    expect(text.stdout).toContain(`portable to Python: no (only needed for translate, export-python or --require-portable):\n  locale.ts:${CALL_LINE}:${CALL_COLUMN}: cannot translate to Python`);
    const required = await runCli(['verify', file, '--game', 'tic_tac_toe', '--playouts', '20', '--require-portable', '--json']);
    expect(required.code).toBe(1);
    expect(JSON.parse(required.stdout)).toMatchObject({ ok: false, portable: false });
    // A directory's table has the verdict in its own column.
    const folder = mkdtempSync(join(dir, 'both-'));
    writeFileSync(join(folder, 'locale.ts'), LOCALE);
    writeFileSync(join(folder, 'reference.ts'), readFileSync('src/games/tic_tac_toe/game.ts', 'utf8'));
    const table = await runCli(['verify', folder, '--game', 'tic_tac_toe', '--playouts', '20']);
    expect(table.code).toBe(0);
    const rows = table.stdout.split('\n');
    expect(rows[0]).toMatch(/transition\s+python\s+first failing check/);
    expect(rows.find((r) => r.includes('locale.ts'))).toMatch(/PASS .* no\s*$/);
    expect(rows.find((r) => r.includes('reference.ts'))).toMatch(/PASS .* yes\s*$/);
  });
});

describe('a correct module written as people write TypeScript (a regular expression, a class, destructuring, a Map of Sets)', () => {
  const IDIOMATIC = fixture('idiomatic');

  it('uses each of them', () => {
    expect(IDIOMATIC).toMatch(/const ACTION_PATTERN = \/\^/);
    expect(IDIOMATIC).toMatch(/^class Grid \{/m);
    expect(IDIOMATIC).toMatch(/at\(\{ row, col \}: /);
    expect(IDIOMATIC).toMatch(/for \(const \[a, b, c\] of LINES\)/);
    expect(IDIOMATIC).toMatch(/new Map<string, Set<number>>\(\)/);
  });

  it('verifies ok and portable', async () => {
    const report = await strict.verify(IDIOMATIC, TARGET, 'idiomatic.ts');
    expect(report).toMatchObject({ ok: true, portable: true, portability: [] });
    expect(report.scores).toEqual({ eval: 1, reward: 1, transitionAccuracy: 1 });
  });

  it('translates to Python that plays the same games (translate --check)', async () => {
    const file = join(dir, 'idiomatic.ts');
    writeFileSync(file, IDIOMATIC);
    const result = await runCli(['translate', file, '--game', 'tic_tac_toe', '--to', 'python', '--check', '--trajectories', '200', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).check).toMatchObject({ ok: true, trajectories: 200 });
    expect(result.stderr).toMatch(/^check: 200 trajectories \(\d+ states\) agree\n$/);
  });
});

describe('the reference module', () => {
  it('is portable, with or without the requirement', async () => {
    const source = readFileSync('src/games/tic_tac_toe/game.ts', 'utf8');
    for (const v of [verifier, strict]) {
      const report = await v.verify(source, TARGET);
      expect(report).toMatchObject({ ok: true, portable: true, portability: [] });
      expect(report.scores).toEqual({ eval: 1, reward: 1, transitionAccuracy: 1 });
    }
  });
});
