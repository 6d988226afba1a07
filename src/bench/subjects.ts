// The ways one game can be run for a speed benchmark, behind one face: a
// GameCWM (for setting up the start position), a search backend (the whole
// search runs where the module lives) and random playouts in one call.
//   native      the built-in TypeScript module in the host's V8
//   isolate     the same module compiled into the sandbox (isolated-vm)
//   python      its back-translation to the paper's Python format, in the Python runner
//   python-user a paper-format Python CWM the user supplies (e.g. the paper's own)

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CandidateLimits, type CandidateModel, loadCandidateModel } from '../agents/candidate-model.js';
import type { PythonTranslator } from '../codegen/python/translate.js';
import { CHANCE, type Action, type GameCWM, type ObservationActionPair } from '../engine/contract.js';
import type { GameDefinition } from '../engine/game-definition.js';
import { type PlayoutTotals, randomPlayouts } from '../engine/playouts.js';
import { gameModulePath } from '../games/files.js';
import { NativeSearch, type SearchBackend } from '../mcts/backend.js';
import type { SearchOptions, SearchResult } from '../mcts/search.js';

export type SubjectId = 'native' | 'isolate' | 'python' | 'python-user';

export const SUBJECT_LABELS: Record<SubjectId, string> = {
  native: 'TS native', isolate: 'TS isolate', python: 'Python (translated)', 'python-user': 'Python (yours)',
};

export interface SpeedSubject {
  id: SubjectId;
  cwm: GameCWM<unknown, unknown>;
  search: SearchBackend;
  playouts(count: number, seed: number, maxLength: number): PlayoutTotals;
  dispose(): void;
}

export function nativeSubject(game: GameDefinition): SpeedSubject {
  const cwm = game.cwm as GameCWM<unknown, unknown>;
  return { id: 'native', cwm, search: new NativeSearch(cwm), playouts: (count, seed, max) => randomPlayouts(cwm, count, seed, max), dispose() {} };
}

export async function isolateSubject(game: GameDefinition, limits: CandidateLimits): Promise<SpeedSubject> {
  return subjectOf('isolate', await loadCandidateModel(gameModulePath(game.info.id), limits));
}

/** The built-in module back-translated to Python, in a temporary folder removed on dispose. */
export async function translatedSubject(game: GameDefinition, translator: PythonTranslator, limits: CandidateLimits): Promise<SpeedSubject> {
  const dir = mkdtempSync(join(tmpdir(), 'gamecwm-speed-'));
  try {
    const path = join(dir, `${game.info.id}.py`);
    writeFileSync(path, translator.translate(readFileSync(gameModulePath(game.info.id), 'utf8')).python);
    const subject = subjectOf('python', await loadCandidateModel(path, limits));
    return { ...subject, dispose: () => { subject.dispose(); rmSync(dir, { recursive: true, force: true }); } };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

export async function userPythonSubject(path: string, limits: CandidateLimits): Promise<SpeedSubject> {
  return subjectOf('python-user', await loadCandidateModel(path, limits));
}

function subjectOf(id: SubjectId, model: CandidateModel): SpeedSubject {
  return { id, cwm: model, search: model, playouts: (count, seed, max) => model.playouts(count, seed, max), dispose: () => model.dispose() };
}

/** Where a benchmark's searches start: the first decision (chance outcomes before it take the first listed outcome). */
export interface SearchStart {
  state: unknown;
  player: number;
  history: Array<ObservationActionPair<unknown>>;
  legalActions: Action[];
}

export function firstDecision(cwm: GameCWM<unknown, unknown>): SearchStart {
  let state = cwm.getInitialState();
  while (cwm.getCurrentPlayer(state) === CHANCE) state = cwm.applyAction(state, cwm.getLegalActions(state)[0]);
  const player = cwm.getCurrentPlayer(state);
  // The player's first decision: no own pairs yet, then [current observation, null].
  return { state, player, history: [[cwm.getObservations(state)[player], null]], legalActions: cwm.getLegalActions(state) };
}

/** One search from the start: MCTS for perfect information, ISMCTS from the player's history otherwise. */
export function searchFrom(subject: SpeedSubject, start: SearchStart, perfect: boolean, options: SearchOptions, seed: number): SearchResult {
  return perfect
    ? subject.search.mcts(start.state, options, seed)
    : subject.search.ismcts(start.history, start.player, start.legalActions, options, seed);
}
