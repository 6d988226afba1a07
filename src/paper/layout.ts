// Where things are in the paper's data. Two layouts are accepted for every
// `--paper-dataset` / `--paper-repo` option:
// - the dataset folder (`../shared/paper-dataset`): games/<id>/, prompts/,
//   evaluation/, config/, samples/<model>/;
// - a plain clone of the paper's repository: data/games/<id>/, data/prompts/,
//   evaluation/, config/, evaluation/generated_samples/<model>/.
// Nothing here is copied into the project: the files are read at run time.

import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type PaperLayoutKind = 'dataset' | 'clone';

export interface PaperLayout {
  kind: PaperLayoutKind;
  root: string;
  /** Holds <id>/rules.txt, golden.py, scenarios.py. */
  gamesDir: string;
  /** Holds perfect_info.txt and imperfect_info.txt. */
  promptsDir: string;
  /** The paper's evaluator package (run_behavioral_metrics.py, grpo_reward.py), null if absent. */
  evaluationDir: string | null;
  /** The evaluator's configuration package, null if absent. */
  configDir: string | null;
  /** Model outputs released with the paper, one folder per model, null if absent. */
  samplesDir: string | null;
}

export class PaperLayoutError extends Error {}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function dirOrNull(path: string): string | null {
  return isDir(path) ? path : null;
}

/** Resolves either layout; `what` names the option in the error. */
export function paperLayout(dir: string, what = '--paper-dataset'): PaperLayout {
  const root = resolve(dir);
  if (!isDir(root)) throw new PaperLayoutError(`${what}: no such folder: ${dir}`);
  const asDataset = isDir(join(root, 'games')) || isDir(join(root, 'prompts'));
  const asClone = isDir(join(root, 'data', 'games')) || isDir(join(root, 'data', 'prompts'));
  if (!asDataset && !asClone) {
    throw new PaperLayoutError(
      `${what}: ${dir} is neither the paper's dataset folder (games/<id>/) nor a clone of its repository (data/games/<id>/)`,
    );
  }
  const kind: PaperLayoutKind = asDataset ? 'dataset' : 'clone';
  const data = kind === 'dataset' ? root : join(root, 'data');
  return {
    kind,
    root,
    gamesDir: join(data, 'games'),
    promptsDir: join(data, 'prompts'),
    evaluationDir: dirOrNull(join(root, 'evaluation')),
    configDir: dirOrNull(join(root, 'config')),
    samplesDir: dirOrNull(kind === 'dataset' ? join(root, 'samples') : join(root, 'evaluation', 'generated_samples')),
  };
}

/** A game's file in the paper's data (rules.txt, golden.py, scenarios.py), or null if absent. */
export function paperGameFile(layout: PaperLayout, gameId: string, name: string): string | null {
  const path = join(layout.gamesDir, gameId, name);
  return existsSync(path) ? path : null;
}

/** The layout with the evaluator present, or a one-line error naming what is missing. */
export function requireEvaluator(layout: PaperLayout, what = '--paper-repo'): PaperLayout & { evaluationDir: string; configDir: string } {
  if (layout.evaluationDir === null || layout.configDir === null) {
    throw new PaperLayoutError(`${what}: ${layout.root} has no evaluation/ and config/ folders (the paper's evaluator)`);
  }
  return layout as PaperLayout & { evaluationDir: string; configDir: string };
}
