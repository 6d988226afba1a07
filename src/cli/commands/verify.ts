// `gamecwm verify`: score TypeScript GameCWM candidates with every tier. A
// directory is verified on all cores with a progress bar and a summary.
// Exit 0 only when every candidate passes every tier.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Command } from 'commander';
import { gameModulePath } from '../../games/files.js';
import type { CandidateVerifier } from '../../verifier/candidate.js';
import type { VerificationReport, VerifyTarget } from '../../verifier/verify.js';
import { FleetError } from '../../fleet/errors.js';
import { UserError } from '../errors.js';
import { addFleetOptions, candidateVerifier, type FleetCliOptions } from '../fleet-options.js';
import { integerOption, parseRewardKind, parseSeed } from '../options.js';
import { startProgress } from '../progress.js';
import { type GameTarget, resolveGameTarget } from '../game-target.js';
import { formatTable } from '../table.js';

interface VerifyCliOptions extends FleetCliOptions {
  game?: string;
  info?: string;
  rules?: string;
  reference?: boolean;
  playouts: number;
  seed: number;
  memoryMb: number;
  timeoutMs: number;
  reward: 'paper' | 'strict';
  requirePortable?: boolean;
  json?: boolean;
}

export const VERIFY_FAILED_EXIT_CODE = 1;

export function registerVerifyCommand(program: Command): void {
  const command = program
    .command('verify')
    .description('verify a GameCWM (a TypeScript module, or a paper-format Python module) or every one in a directory')
    .argument('[path]', 'a candidate .ts or .py file, or a directory of them')
    .option('--game <id>', 'the game the candidate implements (its reference gives scenarios and the differential tier)')
    .option('--info <file.json>', 'a new game\'s facts (players, information, chance, utility, maxGameLength, scenarios; `gamecwm init` writes one)')
    .option('--rules <file>', 'a new game\'s rules text (default: the facts\' "rules")')
    .option('--reference', 'verify the built-in reference implementation of --game itself')
    .option('--playouts <n>', 'seeded random playouts (also resampled histories and differential trajectories)', integerOption('--playouts', 1, 100_000), 100)
    .option('--seed <n>', 'seed for playouts', parseSeed, 0)
    .option('--memory-mb <n>', 'sandbox memory limit in MB', integerOption('--memory-mb', 16, 4096), 128)
    .option('--timeout-ms <n>', 'time limit per sandbox call in ms', integerOption('--timeout-ms', 10, 600_000), 2000)
    .option('--reward <kind>', 'the reward reported: paper (the paper\'s RLVR reward) or strict (adds the differential tier)', parseRewardKind, 'paper')
    .option('--require-portable', 'also require the module to translate to Python (the static tier gains the portable check: ok, eval and reward count it)')
    .option('--json', 'print JSON for machines (an array for a directory)');
  addFleetOptions(command)
    .action(async (path: string | undefined, options: VerifyCliOptions) => {
      if (!options.game && !options.info) {
        throw new UserError('--game <id> is required, or a new game\'s facts with --info FILE.json: the game the candidate implements (see `gamecwm games`, or `gamecwm init` for a new game)');
      }
      const game = resolveGameTarget({ game: options.game, info: options.info, rules: options.rules });
      const files = candidateFiles(path, game, options.reference === true);
      // Loaded on demand: ts-morph and isolated-vm cost other commands nothing.
      const { formatReport, reportToJson } = await import('../../verifier/report-format.js');
      const { firstFailure } = await import('../../codegen/feedback.js');
      const verifier = await candidateVerifier(options, {
        playouts: options.playouts, histories: options.playouts, trajectories: options.playouts, seed: options.seed,
        limits: { memoryMb: options.memoryMb, timeoutMs: options.timeoutMs, maxResultChars: 4_000_000 }, reward: options.reward,
        requirePortable: options.requirePortable === true,
      });
      const reports: VerificationReport[] = new Array(files.length);
      const formats = { formatReport, reportToJson, firstFailure };
      try {
        await verifyAll(verifier, game, files, options.json === true, reports);
      } catch (error) {
        // The fleet went away mid-run: the verdicts that came back are still shown, then the one-line error.
        const done = reports.filter((r) => r !== undefined);
        if (done.length > 0 && error instanceof FleetError) print(done, false, options.json === true, formats);
        throw error;
      } finally {
        await verifier.dispose();
      }
      print(reports, files.length === 1 && !isDirectory(path), options.json === true, formats);
      process.exitCode = reports.every((r) => r.ok) ? 0 : VERIFY_FAILED_EXIT_CODE;
    });
}

function isDirectory(path: string | undefined): boolean {
  return path !== undefined && statSync(path).isDirectory();
}

function candidateFiles(path: string | undefined, game: GameTarget, reference: boolean): string[] {
  if (reference) {
    if (game.referenceId === undefined) throw new UserError(`--reference verifies a built-in game's own module; ${game.info.id} has none`);
    if (path !== undefined) throw new UserError('give either a path or --reference, not both');
    return [gameModulePath(game.info.id)];
  }
  if (path === undefined) throw new UserError('give a candidate .ts file or directory to verify (or --reference)');
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new UserError(`no such file or directory: ${path}`);
  }
  if (!stats.isDirectory()) return [path];
  const files = listCandidates(path);
  if (files.length === 0) throw new UserError(`no .ts or .py files in ${path}`);
  return files;
}

function listCandidates(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && (entry.name.endsWith('.py') || (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

async function verifyAll(verifier: CandidateVerifier, game: GameTarget, files: string[], json: boolean, reports: VerificationReport[]): Promise<void> {
  const progress = json ? { tick() {}, stop() {} } : startProgress('verify', files.length);
  let next = 0;
  let failed = false;
  // Static checks run on this thread; sandbox tiers run on one isolate thread per worker
  // (with --redis: as many candidates in flight as the fleet producer asks for).
  const worker = async () => {
    while (next < files.length && !failed) {
      const index = next++;
      const file = files[index];
      const target: VerifyTarget = game.referenceId === undefined ? { info: game.info, scenarios: game.scenarios } : { info: game.info, referenceId: game.referenceId };
      let source: string;
      try {
        source = readFileSync(file, 'utf8');
      } catch (error) {
        throw new UserError(`cannot read ${file}: ${(error as Error).message}`);
      }
      const language = file.endsWith('.py') ? 'python' : 'ts';
      try {
        reports[index] = await verifier.verifyCandidate({ language, source, file: displayName(file), ...(language === 'python' ? { path: file } : {}) }, target);
      } catch (error) {
        failed = true;
        throw error;
      }
      progress.tick();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(verifier.options.concurrency, files.length) }, worker));
  } finally {
    progress.stop();
  }
}

function displayName(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? basename(file) : rel;
}

function print(
  reports: VerificationReport[],
  single: boolean,
  json: boolean,
  /** Loaded on demand with the verifier. */
  { formatReport, reportToJson, firstFailure }: {
    formatReport: (report: VerificationReport) => string;
    reportToJson: (report: VerificationReport) => object;
    firstFailure: (report: VerificationReport) => string;
  },
): void {
  if (json) {
    const body = single ? reportToJson(reports[0]) : reports.map(reportToJson);
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return;
  }
  if (single) {
    process.stdout.write(`${formatReport(reports[0])}\n`);
    return;
  }
  const rows = reports.map((r) => [r.file, r.ok ? 'PASS' : 'FAIL', r.scores.eval.toFixed(3), r.scores.reward.toFixed(3),
    r.scores.transitionAccuracy === null ? 'n/a' : r.scores.transitionAccuracy.toFixed(3), r.portable === null ? 'n/a' : r.portable ? 'yes' : 'no', firstFailure(r)]);
  process.stdout.write(`${formatTable(['file', 'verdict', 'eval', 'reward', 'transition', 'python', 'first failing check'], rows)}\n`);
  const passed = reports.filter((r) => r.ok).length;
  process.stdout.write(`\n${passed}/${reports.length} candidates pass every tier\n`);
}
