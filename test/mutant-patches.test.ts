// The unified-diff applier behind the rule mutants, and a quick check that
// every stored mutant patch still applies to its game (the verifier run over
// them is test/mutants.test.ts, which takes minutes).

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mutantSource, storedMutants } from './helpers/mutants.js';
import { applyUnifiedDiff, parseUnifiedDiff, PatchError } from './helpers/unified-diff.js';

const SOURCE = [
  'const A = 1;',
  'const B = 2;',
  'function f(x: number): number {',
  '  return x + A;',
  '}',
  '',
  'function g(x: number): number {',
  '  return x * B;',
  '}',
  '',
].join('\n');

const PATCH = `Bug: f subtracts and g divides.

--- src/demo.ts
+++ src/demo.ts
@@ -2,4 +2,4 @@
 const B = 2;
 function f(x: number): number {
-  return x + A;
+  return x - A;
 }
@@ -7,3 +7,4 @@
 function g(x: number): number {
-  return x * B;
+  const y = x / B;
+  return y;
 }
`;

const FIX = 'Rebuild the patch.';
const apply = (source: string, patch: string) =>
  applyUnifiedDiff(source, parseUnifiedDiff(patch, 'demo.diff'), 'demo.diff', 'src/demo.ts', FIX);

/** The error `run` throws, checked to be a PatchError. */
function patchError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PatchError);
    return (error as Error).message;
  }
  throw new Error('expected a PatchError');
}

describe('parseUnifiedDiff', () => {
  it('reads the description, the old file and each hunk\'s old and new lines', () => {
    const patch = parseUnifiedDiff(PATCH, 'demo.diff');
    expect(patch.preamble).toBe('Bug: f subtracts and g divides.');
    expect(patch.oldFile).toBe('src/demo.ts');
    expect(patch.hunks.map((h) => [h.index, h.header, h.oldStart])).toEqual([[1, '@@ -2,4 +2,4 @@', 2], [2, '@@ -7,3 +7,4 @@', 7]]);
    expect(patch.hunks[1].oldLines).toEqual(['function g(x: number): number {', '  return x * B;', '}']);
    expect(patch.hunks[1].newLines).toEqual(['function g(x: number): number {', '  const y = x / B;', '  return y;', '}']);
  });

  it('drops the timestamp diff -u puts after the file name', () => {
    const stamped = PATCH.replace('--- src/demo.ts\n', '--- src/demo.ts\t2026-01-01 10:00:00.000 +0000\n');
    expect(parseUnifiedDiff(stamped, 'demo.diff').oldFile).toBe('src/demo.ts');
  });

  it('refuses a patch without a header, without hunks, or with a hunk shorter than its header says', () => {
    expect(patchError(() => parseUnifiedDiff('@@ -1 +1 @@\n-a\n+b\n', 'x.diff'))).toBe('x.diff: no "--- file" / "+++ file" header; write it with diff -u');
    expect(patchError(() => parseUnifiedDiff('--- a.ts\n+++ a.ts\n', 'x.diff'))).toBe('x.diff: no hunks ("@@ -a,b +c,d @@") after the header');
    expect(patchError(() => parseUnifiedDiff('--- a.ts\n+++ a.ts\n@@ -1,3 +1,3 @@\n a\n-b\n+c\n', 'x.diff')))
      .toBe('x.diff: hunk 1 (@@ -1,3 +1,3 @@) is cut short: it promises 3 old and 3 new lines but has 2 and 2');
    expect(patchError(() => parseUnifiedDiff('--- a.ts\n+++ a.ts\n@@ -1,2 +1,2 @@\n a\n*b\n', 'x.diff')))
      .toBe('x.diff: hunk 1 (@@ -1,2 +1,2 @@) has a line that is not context, "-" or "+": "*b"');
  });
});

describe('applyUnifiedDiff', () => {
  it('replaces each hunk\'s old lines by its new ones', () => {
    expect(apply(SOURCE, PATCH)).toBe(SOURCE.replace('x + A', 'x - A').replace('  return x * B;', '  const y = x / B;\n  return y;'));
  });

  it('finds hunks by their lines, not their line numbers: edits elsewhere and shifted lines do not matter', () => {
    const edited = `// A new header comment\n// of two lines.\n${SOURCE.replace('const A = 1;', 'const A = 10;')}export const C = 3;\n`;
    const mutant = apply(edited, PATCH);
    expect(mutant).toContain('const A = 10;');
    expect(mutant).toContain('  return x - A;');
    expect(mutant).toContain('  const y = x / B;\n  return y;');
    expect(mutant.endsWith('export const C = 3;\n')).toBe(true);
  });

  it('reads an empty line in a hunk as an empty context line (an editor stripped its space)', () => {
    const patch = '--- src/demo.ts\n+++ src/demo.ts\n@@ -5,3 +5,3 @@\n }\n\n-function g(x: number): number {\n+function g(x: number): number { // g\n';
    expect(apply(SOURCE, patch)).toContain('}\n\nfunction g(x: number): number { // g\n');
  });

  it('names the patch, the hunk, the line that is gone and the fix when a hunk is not found', () => {
    const changed = SOURCE.replace('  return x + A;', '  return A + x;');
    expect(patchError(() => apply(changed, PATCH))).toBe('demo.diff, hunk 1 (@@ -2,4 +2,4 @@), was written against line 2 of src/demo.ts: '
      + 'its 4 old lines are not in the current file (its old line 3, "  return x + A;", is nowhere in the file). Rebuild the patch.');
  });

  it('says so when a hunk\'s lines all still exist but no longer together', () => {
    const moved = SOURCE.replace('const B = 2;\n', '').replace('function g', 'const B = 2;\nfunction g');
    expect(patchError(() => apply(moved, PATCH))).toBe('demo.diff, hunk 1 (@@ -2,4 +2,4 @@), was written against line 2 of src/demo.ts: '
      + 'its 4 old lines are not in the current file (each of its old lines still exists, but no longer all together in this order). Rebuild the patch.');
  });

  it('refuses a hunk whose lines occur twice, with both places', () => {
    const twice = `${SOURCE}function g(x: number): number {\n  return x * B;\n}\n`;
    expect(patchError(() => apply(twice, PATCH))).toBe('demo.diff, hunk 2 (@@ -7,3 +7,4 @@), was written against line 7 of src/demo.ts: '
      + 'its 3 old lines occur 2 times (at lines 7, 10), so it is ambiguous; give the hunk more context lines (diff -U5 or more) so that it matches once. Rebuild the patch.');
  });

  it('refuses hunks that overlap', () => {
    const overlapping = '--- src/demo.ts\n+++ src/demo.ts\n@@ -1,2 +1,2 @@\n-const A = 1;\n+const A = 5;\n const B = 2;\n@@ -2,2 +2,2 @@\n-const B = 2;\n+const B = 6;\n function f(x: number): number {\n';
    expect(patchError(() => apply(SOURCE, overlapping))).toBe('demo.diff: hunks 1 and 2 overlap in src/demo.ts; merge them into one hunk. Rebuild the patch.');
  });
});

describe('the stored mutants', () => {
  const mutants = storedMutants();

  it('are found on disk', () => {
    expect(mutants.length).toBeGreaterThan(100);
  });

  it.each(mutants)('%s applies to its current game module and changes it', (id) => {
    const [game, name] = id.split('/');
    const original = readFileSync(resolve(import.meta.dirname, '..', 'src', 'games', game, 'game.ts'), 'utf8');
    const mutant = mutantSource(game, name);
    expect(mutant).not.toBe(original);
  });
});
