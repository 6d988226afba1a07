// Conformance of the built-in references to the paper's data: each reference,
// back-translated to the paper's Python format, against the paper's golden.py
// (python/golden_agreement.py: seeded trajectories from both sides, same
// current player, terminal flag, legal set, rewards, chance probabilities and
// observation partitions), and optionally the paper's own evaluator on the
// translation (python/paper_evaluator.py). Used by `gamecwm conformance` and
// by the conformance suite in npm test.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PythonTranslator } from '../codegen/python/translate.js';
import type { GameDefinition } from '../engine/game-definition.js';
import { writeFileAtomic } from '../files.js';
import { gameModulePath } from '../games/files.js';
import { PACKAGE_ROOT } from '../paths.js';
import { paperFailures, runPaperEvaluator } from './evaluator.js';
import { excusedBy, OPENING_DEALS } from './exceptions.js';
import { type PaperLayout, paperGameFile } from './layout.js';

const AGREEMENT_SCRIPT = resolve(PACKAGE_ROOT, 'python', 'golden_agreement.py');

export interface Disagreement {
  actions: string[];
  message: string;
}

export interface GoldenAgreement {
  agree: boolean;
  /** Kind (current_player, legal_actions, rewards, observations_player0, ...) -> first example. */
  disagreements: Record<string, Disagreement>;
  /** The disagreements a documented exception excuses (src/paper/exceptions.ts): kind -> its reason. */
  excused: Record<string, string>;
  trajectories: number;
  states: number;
  unfinished: number;
  longest: { ours: number; golden: number };
}

export interface PaperEvaluation {
  seed: number;
  evalScore: number;
  reward: number | null;
  failures: string[];
}

export interface GameConformance {
  game: string;
  /** Null when the paper's data has no golden.py for the game. */
  agreement: GoldenAgreement | null;
  evaluations: PaperEvaluation[];
  error?: string;
}

export interface ConformanceOptions {
  layout: PaperLayout;
  /** Trajectories per side. */
  trajectories: number;
  seed: number;
  /** Seeds of the paper's evaluator runs; none for agreement only. */
  evaluatorSeeds: number[];
  /** The paper evaluator's games per tier. */
  numGames: number;
  concurrency: number;
  timeoutMs: number;
  onStep?: (result: GameConformance) => void;
}

function runPython(args: string[], timeoutMs: number): Promise<{ stdout: string; error: string | null }> {
  return new Promise((done) => {
    execFile('python3', ['-B', ...args], { timeout: timeoutMs, maxBuffer: 64 << 20, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      // golden_agreement exits 1 on a disagreement and still prints its report.
      const failed = error !== null && stdout.trim() === '';
      done({ stdout, error: failed ? (error.killed ? `timed out after ${timeoutMs} ms` : (stderr.trim().split('\n').pop() ?? error.message)) : null });
    });
  });
}

export async function goldenAgreement(ours: string, golden: string, game: GameDefinition, options: Pick<ConformanceOptions, 'trajectories' | 'seed' | 'timeoutMs'>): Promise<GoldenAgreement> {
  const { stdout, error } = await runPython([
    AGREEMENT_SCRIPT, ours, golden, '--json', '--trajectories', String(options.trajectories), '--seed', String(options.seed),
    '--players', String(game.info.players), '--max-steps', String(game.info.maxGameLength + 1),
    ...(OPENING_DEALS[game.info.id] ? ['--opening-deals', String(OPENING_DEALS[game.info.id].deals)] : []),
  ], options.timeoutMs);
  if (error !== null) throw new Error(`golden agreement for ${game.info.id} did not finish: ${error}`);
  return withExceptions(game.info.id, JSON.parse(stdout.trim().split('\n').pop()!) as Omit<GoldenAgreement, 'excused'>);
}

/** The report with each documented exception moved from `disagreements` to `excused`. */
function withExceptions(game: string, found: Omit<GoldenAgreement, 'excused'>): GoldenAgreement {
  const disagreements: Record<string, Disagreement> = {};
  const excused: Record<string, string> = {};
  for (const [kind, d] of Object.entries(found.disagreements)) {
    const exception = excusedBy(game, kind, d.message);
    if (exception) excused[kind] = exception.reason;
    else disagreements[kind] = d;
  }
  return { ...found, agree: Object.keys(disagreements).length === 0, disagreements, excused };
}

export async function paperEvaluation(layout: PaperLayout, candidate: string, gameId: string, seed: number, numGames: number, timeoutMs: number): Promise<PaperEvaluation> {
  const output = await runPaperEvaluator(layout, { game: gameId, candidate, seed, numGames, timeoutMs });
  return { seed, evalScore: output.evalScore, reward: output.reward, failures: paperFailures(output) };
}

/** Every game's conformance, `concurrency` games at a time. */
export async function checkConformance(games: GameDefinition[], options: ConformanceOptions): Promise<GameConformance[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gamecwm-conformance-'));
  const translator = new PythonTranslator();
  const results: GameConformance[] = new Array(games.length);
  let next = 0;
  const one = async (game: GameDefinition): Promise<GameConformance> => {
    const id = game.info.id;
    const translation = translator.translate(readFileSync(gameModulePath(id), 'utf8'));
    if (translation.diagnostics.length > 0) return { game: id, agreement: null, evaluations: [], error: `does not translate: ${translation.diagnostics[0].message}` };
    // Named by id: the paper's evaluator and reward look the game up by file and by name.
    const ours = join(dir, id, `${id}.py`);
    writeFileAtomic(ours, translation.python);
    const golden = paperGameFile(options.layout, id, 'golden.py');
    try {
      const agreement = golden === null ? null : await goldenAgreement(ours, golden, game, options);
      const evaluations: PaperEvaluation[] = [];
      for (const seed of options.evaluatorSeeds) evaluations.push(await paperEvaluation(options.layout, ours, id, seed, options.numGames, options.timeoutMs));
      return { game: id, agreement, evaluations };
    } catch (error) {
      return { game: id, agreement: null, evaluations: [], error: (error as Error).message };
    }
  };
  try {
    const worker = async () => {
      while (next < games.length) {
        const index = next++;
        results[index] = await one(games[index]);
        options.onStep?.(results[index]);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, games.length)) }, worker));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

/** Conforms: agrees with its golden (when there is one) and scores 1.0 eval and reward in every evaluator run. */
export function conforms(result: GameConformance): boolean {
  if (result.error !== undefined) return false;
  if (result.agreement !== null && !result.agreement.agree) return false;
  return result.evaluations.every((e) => e.evalScore === 1 && e.reward !== null && Math.abs(e.reward - 1) < 1e-9);
}
