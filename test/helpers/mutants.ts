// The rule mutants' sources: each mutant is stored as a unified diff,
// test/fixtures/mutants/<game>/<name>.diff, against its game module
// src/games/<game>/game.ts, and built here by applying it to the game's
// current source (see test/fixtures/mutants/README.md).

import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyUnifiedDiff, parseUnifiedDiff, PatchError } from './unified-diff.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
export const MUTANT_FIXTURES = resolve(ROOT, 'test', 'fixtures', 'mutants');

/** Every stored mutant as "<game>/<name>", sorted. */
export function storedMutants(): string[] {
  return readdirSync(MUTANT_FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) => readdirSync(resolve(MUTANT_FIXTURES, dir.name))
      .filter((file) => file.endsWith('.diff'))
      .map((file) => `${dir.name}/${file.slice(0, -'.diff'.length)}`))
    .sort();
}

/** The source of mutant `name` of `game`: its patch applied to the current game module. */
export function mutantSource(game: string, name: string): string {
  const gameFile = `src/games/${game}/game.ts`;
  const patchFile = `test/fixtures/mutants/${game}/${name}.diff`;
  const howToFix = `The game changed under mutant ${game}/${name}: put its bug (described at the top of ${patchFile}) into a copy of the current ${gameFile} by hand, `
    + `then replace the patch's "---" line and everything below it by the output of \`diff -u ${gameFile} <that copy>\` (see test/fixtures/mutants/README.md).`;
  return patchedGameSource(game, patchFile, howToFix);
}

/**
 * A game module with a stored patch applied (a rule mutant, or a hostile fixture that is a game plus an
 * attack): `patchFile` is relative to the project root and must name src/games/<game>/game.ts.
 */
export function patchedGameSource(game: string, patchFile: string, howToFix = `Rebuild ${patchFile} with diff -u against the current src/games/${game}/game.ts.`): string {
  const gameFile = `src/games/${game}/game.ts`;
  const patch = parseUnifiedDiff(readFileSync(resolve(ROOT, patchFile), 'utf8'), patchFile);
  if (patch.oldFile !== gameFile && !patch.oldFile.endsWith(`/${gameFile}`)) {
    throw new PatchError(`${patchFile}: its "---" header names ${patch.oldFile}, not ${gameFile}; write it with diff -u ${gameFile} <mutant copy>`);
  }
  return applyUnifiedDiff(readFileSync(resolve(ROOT, gameFile), 'utf8'), patch, patchFile, gameFile, howToFix);
}
