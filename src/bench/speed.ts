// `bench speed`: MCTS simulations/s and random playouts (games/s) for each
// game, the same algorithm, budget and seeds in every column: TypeScript
// native, TypeScript in the sandbox, the Python UCT over the back-translated
// module and over the user's own Python CWMs. Each column repeats its budget
// until a run lasts about the target time, columns take turns within every
// run (so machine drift hits them alike), and the figures are medians.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PythonTranslator } from '../codegen/python/translate.js';
import type { GameDefinition } from '../engine/game-definition.js';
import { errorText } from '../engine/sandbox/sandbox.js';
import type { DeterminisationPath } from '../mcts/determinise.js';
import { DEFAULT_SEARCH, type SearchOptions, type SearchResult } from '../mcts/search.js';
import { barChart } from './charts.js';
import { describeMachine } from './machine.js';
import type { BenchReport, Cell } from './report.js';
import { median } from './stats.js';
import {
  firstDecision, isolateSubject, nativeSubject, type SearchStart, searchFrom, type SpeedSubject, SUBJECT_LABELS, type SubjectId,
  translatedSubject, userPythonSubject,
} from './subjects.js';

export interface SpeedSettings {
  games: GameDefinition[];
  seed: number;
  /** Measured runs per column (medians over these). */
  runs: number;
  /** Each column repeats its budget until one run lasts about this long. */
  targetMs: number;
  /** Folder of the user's paper-format `<game>.py` files. */
  pythonDir?: string;
  /** Leave out the Python columns (no python3 on the machine). */
  python: boolean;
  timeoutMs: number;
  memoryMb: number;
  onGame?: (id: string) => void;
}

/** A native search or playout batch lasts at least this share of the target time. */
const NATIVE_FLOOR = 1 / 6;
const MAX_ITERATIONS = 1_000_000;
/** Warm-up per column and kind of work, in target times. */
const WARM_UP_TARGETS = 3;
const MAX_PLAYOUTS = 1_000_000;

export const QUICK_SPEED = { runs: 3, targetMs: 60 };
export const FULL_SPEED = { runs: 7, targetMs: 200 };

/** One column's medians for one game; null where the column was not measured, with the reason. */
export interface ColumnResult {
  simulationsPerSecond: number | null;
  playoutGamesPerSecond: number | null;
  error?: string;
  /** ISMCTS in Python: what the searches really did, over every search of the column. */
  searches?: SearchTally;
}

/** Iterations the searches ran, how many of them started from a determinisation, and the determinisations tried. */
export interface SearchTally {
  iterations: number;
  searched: number;
  determinisationsAttempted: number;
  determinisationsSucceeded: number;
  /** How the searches determinised (src/mcts/determinise.ts), in the order first seen. */
  paths: DeterminisationPath[];
  lastFailure?: string;
}

/** An ISMCTS column whose searches determinised fewer of their iterations than this is degenerate: no speed is reported. */
export const MIN_SEARCHED_SHARE = 0.9;

export interface GameSpeed {
  game: string;
  search: 'mcts' | 'ismcts';
  /** Iterations of one search (the same in every column). */
  iterations: number;
  /** Playouts of one batch (the same games in every column). */
  playouts: number;
  columns: Partial<Record<SubjectId, ColumnResult>>;
  ratios: { isolateOverNative: number | null; nativeOverPython: number | null; nativeOverUserPython: number | null };
}

export interface SpeedData {
  columns: SubjectId[];
  games: GameSpeed[];
}

export async function runSpeedBench(settings: SpeedSettings): Promise<BenchReport<SpeedData>> {
  const createdAt = new Date().toISOString();
  const translator = settings.python ? new PythonTranslator() : null;
  const columns: SubjectId[] = ['native', 'isolate', ...(settings.python ? ['python' as const] : []), ...(settings.python && settings.pythonDir ? ['python-user' as const] : [])];
  const games: GameSpeed[] = [];
  for (const game of settings.games) {
    games.push(await measureGame(game, columns, settings, translator));
    settings.onGame?.(game.info.id);
  }
  return buildReport({ columns, games }, settings, createdAt);
}

async function measureGame(game: GameDefinition, columns: SubjectId[], settings: SpeedSettings, translator: PythonTranslator | null): Promise<GameSpeed> {
  const limits = { timeoutMs: settings.timeoutMs, memoryMb: settings.memoryMb };
  const perfect = game.info.information === 'perfect';
  const results: Partial<Record<SubjectId, ColumnResult>> = {};
  const subjects: Array<{ subject: SpeedSubject; start: SearchStart }> = [];
  try {
    for (const id of columns) {
      const userPath = id === 'python-user' ? join(settings.pythonDir!, `${game.info.id}.py`) : '';
      if (id === 'python-user' && !existsSync(userPath)) {
        results[id] = { simulationsPerSecond: null, playoutGamesPerSecond: null, error: `no ${game.info.id}.py in ${settings.pythonDir}` };
        continue;
      }
      try {
        const subject = id === 'native' ? nativeSubject(game)
          : id === 'isolate' ? await isolateSubject(game, limits)
            : id === 'python' ? await translatedSubject(game, translator!, limits)
              : await userPythonSubject(userPath, limits);
        subjects.push({ subject, start: firstDecision(subject.cwm) });
      } catch (error) {
        results[id] = { simulationsPerSecond: null, playoutGamesPerSecond: null, error: oneLine(error) };
      }
    }
    const base: SearchOptions = { ...DEFAULT_SEARCH, players: game.info.players, rewardRange: game.info.rewardRange, maxGameLength: game.info.maxGameLength };
    const fail = (subject: SpeedSubject, error: unknown) => {
      results[subject.id] = { simulationsPerSecond: null, playoutGamesPerSecond: null, error: oneLine(error) };
    };
    const live = () => subjects.filter(({ subject }) => !results[subject.id]?.error);
    // The budget is sized on the slowest column (the last that works), so it finishes a run in about the target time.
    let iterations = 0;
    let playouts = 0;
    while (iterations === 0 && live().length > 0) {
      const slowest = live()[live().length - 1];
      try {
        iterations = calibrate(settings.targetMs, 16, MAX_ITERATIONS, (n) => searchFrom(slowest.subject, slowest.start, perfect, { ...base, iterations: n }, settings.seed));
        playouts = calibrate(settings.targetMs, 4, MAX_PLAYOUTS, (n) => slowest.subject.playouts(n, settings.seed, game.info.maxGameLength));
      } catch (error) {
        iterations = 0;
        fail(slowest.subject, error);
      }
    }
    // ...and at least long enough natively that the sandbox's fixed cost per call does not decide the isolate column.
    const native = subjects.find(({ subject }) => subject.id === 'native');
    if (native && iterations > 0) {
      const floorMs = settings.targetMs * NATIVE_FLOOR;
      iterations = Math.max(iterations, calibrate(floorMs, 16, MAX_ITERATIONS, (n) => searchFrom(native.subject, native.start, perfect, { ...base, iterations: n }, settings.seed)));
      playouts = Math.max(playouts, calibrate(floorMs, 4, MAX_PLAYOUTS, (n) => native.subject.playouts(n, settings.seed, game.info.maxGameLength)));
    }
    const options = { ...base, iterations };

    const measured = live().flatMap(({ subject, start }) => {
      const tally = isPythonColumn(subject.id) && !perfect ? emptyTally() : null;
      const search = (k: number) => {
        const result = searchFrom(subject, start, perfect, options, settings.seed + k);
        if (tally) addToTally(tally, result);
        return result;
      };
      const play = () => subject.playouts(playouts, settings.seed, game.info.maxGameLength);
      try {
        return [{ subject, tally, search, play, searchRepeats: repeatsFor(settings.targetMs, () => search(0)), playRepeats: repeatsFor(settings.targetMs, play), searchRates: [] as number[], playRates: [] as number[] }];
      } catch (error) {
        fail(subject, error);
        return [];
      }
    });
    for (let run = 0; run < settings.runs; run++) {
      for (const m of measured) {
        if (results[m.subject.id]?.error) continue;
        try {
          m.searchRates.push((m.searchRepeats * iterations) / seconds(() => { for (let k = 0; k < m.searchRepeats; k++) m.search(run * m.searchRepeats + k + 1); }));
          m.playRates.push((m.playRepeats * playouts) / seconds(() => { for (let k = 0; k < m.playRepeats; k++) m.play(); }));
        } catch (error) {
          fail(m.subject, error);
        }
      }
    }
    for (const m of measured) {
      if (results[m.subject.id]?.error) continue;
      const degenerate = m.tally ? degenerateSearch(m.tally) : null;
      results[m.subject.id] = {
        simulationsPerSecond: degenerate ? null : Math.round(median(m.searchRates)), playoutGamesPerSecond: rate(median(m.playRates)),
        ...(degenerate ? { error: degenerate } : {}), ...(m.tally ? { searches: m.tally } : {}),
      };
    }
    const sims = (id: SubjectId) => results[id]?.simulationsPerSecond ?? null;
    return {
      game: game.info.id, search: perfect ? 'mcts' : 'ismcts', iterations, playouts, columns: results,
      ratios: { isolateOverNative: ratio(sims('isolate'), sims('native'), 100), nativeOverPython: ratio(sims('native'), sims('python'), 10), nativeOverUserPython: ratio(sims('native'), sims('python-user'), 10) },
    };
  } finally {
    for (const { subject } of subjects) subject.dispose();
  }
}

const isPythonColumn = (id: SubjectId) => id === 'python' || id === 'python-user';

const emptyTally = (): SearchTally => ({ iterations: 0, searched: 0, determinisationsAttempted: 0, determinisationsSucceeded: 0, paths: [] });

/** Adds one ISMCTS search: an iteration searched if its determinisation succeeded (a probe that chose its path is one extra success). */
function addToTally(tally: SearchTally, result: SearchResult): void {
  tally.iterations += result.iterations;
  const counts = result.determinisations;
  if (!counts) {
    tally.searched += result.iterations; // a runner that does not report them: counted as run
    return;
  }
  tally.determinisationsAttempted += counts.attempted;
  tally.determinisationsSucceeded += counts.succeeded;
  tally.searched += Math.min(result.iterations, counts.succeeded - (counts.path === 'extend' ? 0 : 1));
  if (!tally.paths.includes(counts.path)) tally.paths.push(counts.path);
  if (counts.lastFailure) tally.lastFailure = counts.lastFailure;
}

/** Why a column's searches are no measure of speed, or null if they searched. */
export function degenerateSearch(tally: SearchTally): string | null {
  if (tally.iterations > 0 && tally.searched >= MIN_SEARCHED_SHARE * tally.iterations) return null;
  return `degenerate search: only ${tally.searched} of ${tally.iterations} iterations started from a determinisation `
    + `(${tally.determinisationsSucceeded} of ${tally.determinisationsAttempted} determinisations succeeded${tally.lastFailure ? `; last failure: ${tally.lastFailure}` : ''})`;
}

/** The count of work units (iterations, playouts) that takes about `targetMs`: grown fourfold until a warm probe takes a quarter of it. */
function calibrate(targetMs: number, min: number, max: number, work: (count: number) => unknown): number {
  let count = min;
  for (;;) {
    // The faster of two runs: the first may still be compiling.
    const ms = Math.min(seconds(() => work(count)), seconds(() => work(count))) * 1000;
    if (ms >= targetMs / 4 || count >= max) return Math.max(min, Math.min(max, Math.round((count * targetMs) / Math.max(ms, 0.001))));
    count = Math.min(max, count * 4);
  }
}

/**
 * Warms a unit of work up, then says how many times to repeat it so that a run
 * lasts about `targetMs`. The warm-up runs for WARM_UP_TARGETS times the target
 * and at least three times: JIT compilers (V8 in the host and in the isolate)
 * keep optimising for dozens of short calls, and a cold column would lose
 * against a warm one.
 */
function repeatsFor(targetMs: number, work: () => unknown): number {
  const start = performance.now();
  let calls = 0;
  let ms = Infinity;
  while (calls < 3 || performance.now() - start < targetMs * WARM_UP_TARGETS) {
    ms = seconds(work) * 1000;
    calls++;
  }
  return Math.max(1, Math.round(targetMs / Math.max(ms, 0.001)));
}

function seconds(work: () => unknown): number {
  const start = performance.now();
  work();
  return (performance.now() - start) / 1000;
}

function ratio(a: number | null, b: number | null, scale: number): number | null {
  return a === null || b === null || b === 0 ? null : Math.round((a / b) * scale) / scale;
}

/** Whole numbers from 100 up, one decimal below. */
const rate = (x: number) => (x >= 100 ? Math.round(x) : Math.round(x * 10) / 10);

function oneLine(error: unknown): string {
  return errorText(error).split('\n')[0].slice(0, 300);
}

const PATH_LABELS: Record<DeterminisationPath, string> = {
  native: 'the module\'s resample with a trailing [observation, null]',
  decision: 'the module\'s resample with the decision as its last entry',
  extend: 'resampled, then extended forward and rejected unless the observation matched',
};

function buildReport(data: SpeedData, settings: SpeedSettings, createdAt: string): BenchReport<SpeedData> {
  const { columns, games } = data;
  const labels = columns.map((id) => SUBJECT_LABELS[id]);
  const value = (g: GameSpeed, id: SubjectId, key: 'simulationsPerSecond' | 'playoutGamesPerSecond'): Cell => g.columns[id]?.[key] ?? null;
  const times = (x: number | null): Cell => (x === null ? null : `${x}x`);
  const hasUser = columns.includes('python-user');
  const hasPython = columns.includes('python');
  const searchRows = games.map((g) => [
    g.game, g.search, g.iterations, ...columns.map((id) => value(g, id, 'simulationsPerSecond')),
    times(g.ratios.isolateOverNative), ...(hasPython ? [times(g.ratios.nativeOverPython)] : []), ...(hasUser ? [times(g.ratios.nativeOverUserPython)] : []),
  ]);
  const playoutRows = games.map((g) => {
    const native = g.columns.native?.playoutGamesPerSecond ?? null;
    const python = g.columns.python?.playoutGamesPerSecond ?? null;
    return [g.game, g.playouts, ...columns.map((id) => value(g, id, 'playoutGamesPerSecond')), ...(hasPython ? [times(ratio(native, python, 10))] : [])];
  });
  const errors = games.flatMap((g) => columns.flatMap((id) => (g.columns[id]?.error ? [`${g.game}, ${SUBJECT_LABELS[id]}: ${g.columns[id]!.error}`] : [])));
  const tallies = games.flatMap((g) => columns.flatMap((id) => {
    const t = g.columns[id]?.searches;
    return t && !g.columns[id]?.error
      ? [`${g.game}, ${SUBJECT_LABELS[id]}: ${t.searched} of ${t.iterations} ISMCTS iterations started from a determinisation; ${t.determinisationsSucceeded} of ${t.determinisationsAttempted} determinisations succeeded (${t.paths.map((p) => PATH_LABELS[p]).join(', ')})`]
      : [];
  }));
  const notes = [
    `Medians of ${settings.runs} interleaved runs; every column searches with the same iteration budget (sized so the slowest column takes about ${settings.targetMs} ms, and a native search at least ${Math.round(settings.targetMs * NATIVE_FLOOR)} ms) and plays the same seeded playouts, repeated until a run lasts about ${settings.targetMs} ms. One core, random rollouts, c = ${DEFAULT_SEARCH.c.toFixed(3)}.`,
    'Searches start at the first decision (chance outcomes before it take the first listed outcome); imperfect-information games use ISMCTS from the player\'s history.',
    'Python columns run the same UCT/ISMCTS and random streams in pure Python (python/gamecwm_runner/), timed from the host, one request per search.',
    ...(settings.python ? [] : ['Python columns left out: no python3 interpreter was found.']),
    ...tallies,
    ...errors.map((e) => `not measured: ${e}`),
  ];
  return {
    suite: 'speed',
    title: 'Speed: MCTS simulations/s and random playouts/s, TypeScript vs Python',
    createdAt, machine: describeMachine(), seed: settings.seed,
    settings: { games: settings.games.map((g) => g.info.id), runs: settings.runs, targetMs: settings.targetMs, pythonDir: settings.pythonDir ?? null, timeoutMs: settings.timeoutMs, memoryMb: settings.memoryMb },
    data,
    tables: [
      {
        id: 'mcts', title: 'MCTS simulations per second from the first decision',
        columns: ['game', 'search', 'iterations', ...labels.map((l) => `${l} sims/s`), 'isolate / native', ...(hasPython ? ['native / Python'] : []), ...(hasUser ? ['native / yours'] : [])],
        rows: searchRows,
      },
      {
        id: 'playouts', title: 'Random playouts: whole games per second',
        columns: ['game', 'games per batch', ...labels.map((l) => `${l} games/s`), ...(hasPython ? ['native / Python'] : [])],
        rows: playoutRows,
      },
    ],
    charts: [
      {
        id: 'mcts', title: 'MCTS simulations per second (log scale)',
        svg: barChart({ title: 'MCTS simulations per second, one core (log scale)', categories: games.map((g) => g.game), unit: 'simulations/s', logScale: true, series: columns.map((id) => ({ name: SUBJECT_LABELS[id], values: games.map((g) => g.columns[id]?.simulationsPerSecond ?? null) })) }),
      },
      {
        id: 'playouts', title: 'Random playouts per second (log scale)',
        svg: barChart({ title: 'Random playouts (whole games) per second, one core (log scale)', categories: games.map((g) => g.game), unit: 'games/s', logScale: true, series: columns.map((id) => ({ name: SUBJECT_LABELS[id], values: games.map((g) => g.columns[id]?.playoutGamesPerSecond ?? null) })) }),
      },
    ],
    notes,
  };
}
