// bench agreement end to end: the paper's own evaluator (from a plain clone
// layout of the paper's repository) and ours on the same samples. Runs when
// the paper's dataset is beside the checkout (it is in CI); the paper's
// evaluator is not ours to stand in for.

import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSamples, paperVerdict, pearson, sampleGame } from '../src/bench/agreement.js';
import { paperLayout, requireEvaluator } from '../src/paper/layout.js';
import { runCli } from './helpers/run-cli.js';
import { tempDirs } from './helpers/temp-dirs.js';

const PAPER = resolve(import.meta.dirname, '..', '..', 'shared', 'paper-dataset');
const tempDir = tempDirs('gamecwm-agreement-');

/** The paper's data in the layout of a clone of its repository (data/games, data/prompts, evaluation, config). */
function cloneLayout(): string {
  const root = tempDir();
  mkdirSync(join(root, 'data'));
  symlinkSync(join(PAPER, 'games'), join(root, 'data', 'games'));
  symlinkSync(join(PAPER, 'prompts'), join(root, 'data', 'prompts'));
  symlinkSync(join(PAPER, 'evaluation'), join(root, 'evaluation'));
  symlinkSync(join(PAPER, 'config'), join(root, 'config'));
  return root;
}

describe('sample names and statistics', () => {
  it('takes the longest known game id before _gen<k>.py', () => {
    expect(sampleGame('gen_tic_tac_toe_gen3.py')).toBe('gen_tic_tac_toe');
    expect(sampleGame('tic_tac_toe_gen10.py')).toBe('tic_tac_toe');
    expect(sampleGame('poker_gen1.py')).toBeNull();
    expect(sampleGame('tic_tac_toe.py')).toBeNull();
  });
  it('computes Pearson correlation, null where it is undefined', () => {
    expect(pearson([0, 1, 2], [0, 2, 4])).toBeCloseTo(1, 12);
    expect(pearson([0, 1, 2], [4, 2, 0])).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [0, 2, 4])).toBeNull();
    expect(pearson([1], [1])).toBeNull();
  });
  it('finds samples in model subfolders and says what it skipped', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'm1'));
    writeFileSync(join(dir, 'm1', 'pig_gen1.py'), '');
    writeFileSync(join(dir, 'm1', 'notes.py'), '');
    const found = findSamples(dir);
    expect(found.samples.map((s) => [s.model, s.game, s.name])).toEqual([['m1', 'pig', 'pig_gen1.py']]);
    expect(found.skipped).toEqual(['m1/notes.py: not named <game>_gen<k>.py after a known game']);
  });
});

describe('paper layouts', () => {
  it('accepts the dataset folder and a plain clone, and refuses anything else in one line', () => {
    const dir = tempDir();
    expect(() => paperLayout(dir, '--paper-repo')).toThrow(/--paper-repo: .* is neither the paper's dataset folder \(games\/<id>\/\) nor a clone of its repository \(data\/games\/<id>\/\)/);
    mkdirSync(join(dir, 'data', 'games'), { recursive: true });
    const clone = paperLayout(dir);
    expect(clone.kind).toBe('clone');
    expect(clone.gamesDir).toBe(join(dir, 'data', 'games'));
    expect(clone.promptsDir).toBe(join(dir, 'data', 'prompts'));
    expect(clone.evaluationDir).toBeNull();
  });
});

describe.runIf(existsSync(PAPER))('bench agreement with the paper\'s evaluator', () => {
  it('judges correct and wrong samples as the paper does, writes the report, resumes from its cache, and refuses bad options', async () => {
    const exported = tempDir();
    expect((await runCli(['translate', '--game', 'tic_tac_toe', '--to', 'python', '-o', join(exported, 'ttt.py')])).code).toBe(0);
    const correct = readFileSync(join(exported, 'ttt.py'), 'utf8');
    const inverted = correct.replace('[1, (-1)] if (state["winner"] == 0) else [(-1), 1]', '[(-1), 1] if (state["winner"] == 0) else [1, (-1)]');
    expect(inverted).not.toBe(correct);
    const samples = tempDir();
    mkdirSync(join(samples, 'ours'));
    writeFileSync(join(samples, 'ours', 'tic_tac_toe_gen1.py'), correct);
    writeFileSync(join(samples, 'ours', 'tic_tac_toe_gen2.py'), inverted);
    const out = tempDir();
    const args = ['bench', 'agreement', '--paper-repo', cloneLayout(), '--samples', samples, '--num-games', '10', '--out', out, '--json'];

    const first = await runCli(args);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    const [good, bad] = report.data.samples;
    expect(good.name).toBe('tic_tac_toe_gen1.py');
    expect(good.paper.evalScore).toBe(1);
    expect(good.paper.reward).toBeCloseTo(1, 9);
    expect(good.ours.ok).toBe(true);
    expect(good.agree).toBe(true);
    expect(bad.paper.evalScore).toBeLessThan(1);
    expect(bad.paper.tiers.scenarios).toBe(false);
    expect(bad.ours.ok).toBe(false);
    expect(bad.ours.tiers.scenarios).toBe(false);
    expect(bad.ours.firstFailure.tier).toBe('scenarios');
    expect(bad.agree).toBe(true);
    expect(report.data.overall).toMatchObject({ samples: 2, agreement: 1 });
    expect(report.data.overall.evalCorrelation).toBeCloseTo(1, 9);
    for (const file of ['agreement.json', 'agreement.md', 'agreement-heatmap.svg', 'agreement-tiers.svg']) expect(existsSync(join(out, file))).toBe(true);
    expect(readFileSync(join(out, 'agreement.md'), 'utf8')).toContain('| ours | tic_tac_toe | 2 | 1 | 1 | 100.0% |');
    expect(readdirSync(join(out, 'agreement-cache', 'ours'))).toHaveLength(2);

    const again = await runCli(args);
    expect(JSON.parse(again.stdout).data).toEqual(report.data);

    const missing = await runCli(['bench', 'agreement', '--samples', samples, '--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/--paper-repo <dir> is required/);
    const noEvaluator = tempDir();
    mkdirSync(join(noEvaluator, 'games'));
    const refused = await runCli(['bench', 'agreement', '--paper-repo', noEvaluator, '--samples', samples, '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/has no evaluation\/ and config\/ folders/);
  });

  it('runs the paper\'s evaluator confined: a sample cannot write files or start processes', async () => {
    const dir = tempDir();
    const target = join(dir, 'written-by-sample');
    const path = join(dir, 'pig_gen1.py');
    writeFileSync(path, `open(${JSON.stringify(target)}, 'w').write('x')\n`);
    const settings = { layout: requireEvaluator(paperLayout(PAPER)), samplesDir: dir, numGames: 2, seed: 0, timeoutMs: 60_000, concurrency: 1, cacheDir: dir };
    const verdict = await paperVerdict(settings, { model: 'm', game: 'pig', name: 'pig_gen1.py', path });
    expect(verdict.evalScore).toBe(0);
    expect(verdict.failures[0]).toMatch(/static\/syntax: writing .*written-by-sample' is not allowed while the paper evaluator runs a candidate/);
    expect(existsSync(target)).toBe(false);
    writeFileSync(path, 'import os\nos.system("touch ' + target + '")\n');
    const spawned = await paperVerdict(settings, { model: 'm', game: 'pig', name: 'pig_gen1.py', path });
    expect(spawned.failures[0]).toMatch(/os.system is not allowed/);
    expect(existsSync(target)).toBe(false);
  });
});
