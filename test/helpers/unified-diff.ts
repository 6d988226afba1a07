// Applies a unified diff (as `diff -u` writes it) to a source text, for the
// rule mutants in test/fixtures/mutants: each is a patch on a game module, not
// a copy of it, so a change to the game need not be repeated in every mutant.
//
// Line numbers in the hunk headers are ignored on purpose: each hunk is found
// by its old lines (context and removed lines) as one exact block that must
// occur exactly once anywhere in the source. Edits elsewhere in the game and
// shifted lines do not matter; a hunk whose lines were edited, or that now
// matches twice, is an error that says which hunk and what to do.

export interface Hunk {
  /** 1-based position among the patch's hunks. */
  index: number;
  /** The "@@ -a,b +c,d @@" line as written. */
  header: string;
  /** Where `diff -u` saw the old lines: only a hint for error messages. */
  oldStart: number;
  /** Context and removed lines, in order: what must be found in the source. */
  oldLines: string[];
  /** Context and added lines, in order: what replaces them. */
  newLines: string[];
}

export interface Patch {
  /** Free text before the "---" header (a mutant's description of its bug). */
  preamble: string;
  /** The file named by the "---" header, without a timestamp. */
  oldFile: string;
  hunks: Hunk[];
}

/** A patch that cannot be read or applied; the message names the patch and the hunk. */
export class PatchError extends Error {
  override name = 'PatchError';
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Reads a unified diff of one file. `patchName` labels every error. */
export function parseUnifiedDiff(text: string, patchName: string): Patch {
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop(); // the end of the last line, not an empty line
  let i = 0;
  while (i < lines.length && !(lines[i].startsWith('--- ') && lines[i + 1]?.startsWith('+++ '))) i++;
  if (i >= lines.length) throw new PatchError(`${patchName}: no "--- file" / "+++ file" header; write it with diff -u`);
  const preamble = lines.slice(0, i).join('\n').trim();
  const oldFile = lines[i].slice(4).split('\t')[0].trim();
  i += 2;

  const hunks: Hunk[] = [];
  while (i < lines.length) {
    const header = lines[i];
    const match = HUNK_HEADER.exec(header);
    if (!match) {
      if (header.startsWith('--- ')) throw new PatchError(`${patchName}: patches more than one file; a mutant patches only its game module`);
      i++;
      continue;
    }
    const index = hunks.length + 1;
    const oldCount = match[2] === undefined ? 1 : Number(match[2]);
    const newCount = match[4] === undefined ? 1 : Number(match[4]);
    const oldLines: string[] = [];
    const newLines: string[] = [];
    i++;
    // The header's counts say where the hunk ends. An empty line is an empty
    // context line whose leading space an editor stripped.
    while (oldLines.length < oldCount || newLines.length < newCount) {
      if (i >= lines.length || HUNK_HEADER.test(lines[i])) {
        throw new PatchError(`${patchName}: hunk ${index} (${header}) is cut short: it promises ${oldCount} old and ${newCount} new lines but has ${oldLines.length} and ${newLines.length}`);
      }
      const line = lines[i++];
      const kind = line.charAt(0);
      const body = line.slice(1);
      if (kind === ' ' || line === '') {
        oldLines.push(body);
        newLines.push(body);
      } else if (kind === '-') {
        oldLines.push(body);
      } else if (kind === '+') {
        newLines.push(body);
      } else if (kind !== '\\') {
        throw new PatchError(`${patchName}: hunk ${index} (${header}) has a line that is not context, "-" or "+": ${JSON.stringify(line)}`);
      }
    }
    if (oldLines.length !== oldCount || newLines.length !== newCount) {
      throw new PatchError(`${patchName}: hunk ${index} (${header}) has ${oldLines.length} old and ${newLines.length} new lines, not the ${oldCount} and ${newCount} its header says`);
    }
    if (oldLines.length === 0) {
      throw new PatchError(`${patchName}: hunk ${index} (${header}) has no context lines, so it cannot be placed; write it with diff -u`);
    }
    hunks.push({ index, header, oldStart: Number(match[1]), oldLines, newLines });
  }
  if (hunks.length === 0) throw new PatchError(`${patchName}: no hunks ("@@ -a,b +c,d @@") after the header`);
  return { preamble, oldFile, hunks };
}

/** Every 0-based line index where `block` starts as consecutive whole lines of `lines`. */
function occurrences(lines: string[], block: string[]): number[] {
  const found: number[] = [];
  for (let start = 0; start + block.length <= lines.length; start++) {
    let k = 0;
    while (k < block.length && lines[start + k] === block[k]) k++;
    if (k === block.length) found.push(start);
  }
  return found;
}

/** Why a hunk's block is not in the source: its first line that no longer exists, or else that the lines exist but apart. */
function whyMissing(lines: string[], hunk: Hunk): string {
  const present = new Set(lines);
  const missing = hunk.oldLines.findIndex((line) => !present.has(line));
  if (missing < 0) return 'each of its old lines still exists, but no longer all together in this order';
  return `its old line ${missing + 1}, ${JSON.stringify(hunk.oldLines[missing])}, is nowhere in the file`;
}

/**
 * Applies `patch` to `source`. `patchName` (the patch's path) and `sourceName`
 * (the patched file's path) label errors; `howToFix` ends the message of a
 * hunk that is not found once.
 */
export function applyUnifiedDiff(source: string, patch: Patch, patchName: string, sourceName: string, howToFix: string): string {
  const lines = source.split('\n');
  const placed = patch.hunks.map((hunk) => {
    const at = occurrences(lines, hunk.oldLines);
    const where = `${patchName}, hunk ${hunk.index} (${hunk.header}), was written against line ${hunk.oldStart} of ${sourceName}`;
    if (at.length === 0) {
      throw new PatchError(`${where}: its ${hunk.oldLines.length} old lines are not in the current file (${whyMissing(lines, hunk)}). ${howToFix}`);
    }
    if (at.length > 1) {
      throw new PatchError(`${where}: its ${hunk.oldLines.length} old lines occur ${at.length} times (at lines ${at.map((s) => s + 1).join(', ')}), so it is ambiguous; give the hunk more context lines (diff -U5 or more) so that it matches once. ${howToFix}`);
    }
    return { hunk, start: at[0] };
  });
  placed.sort((a, b) => a.start - b.start);
  for (let k = 1; k < placed.length; k++) {
    const before = placed[k - 1];
    if (placed[k].start < before.start + before.hunk.oldLines.length) {
      throw new PatchError(`${patchName}: hunks ${before.hunk.index} and ${placed[k].hunk.index} overlap in ${sourceName}; merge them into one hunk. ${howToFix}`);
    }
  }
  // Splice from the end so earlier positions stay valid.
  for (let k = placed.length - 1; k >= 0; k--) {
    lines.splice(placed[k].start, placed[k].hunk.oldLines.length, ...placed[k].hunk.newLines);
  }
  return lines.join('\n');
}
