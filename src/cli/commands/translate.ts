// `gamecwm translate`: a TypeScript GameCWM (a file, or a built-in game) to a
// Python module in the paper's format; --check replays seeded trajectories in
// both and fails on the first difference. `gamecwm export-python` writes
// every built-in game in the paper dataset's layout.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Translation } from '../../codegen/python/translate.js';
import type { RecordedTrajectory } from '../../engine/record.js';
import { GAMES } from '../../games/index.js';
import { gameModulePath, readRules } from '../../games/files.js';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../../files.js';
import { integerOption, parseSeed } from '../options.js';
import { resolveGame } from '../resolve.js';

interface TranslateOptions {
  game?: string;
  to: string;
  output?: string;
  check?: boolean;
  trajectories: number;
  seed: number;
  json?: boolean;
}

export function registerTranslateCommands(program: Command): void {
  program
    .command('translate')
    .description('translate a TypeScript GameCWM to a Python module in the paper\'s format')
    .argument('[file.ts]', 'a GameCWM module (or use --game for a built-in game)')
    .option('--game <id>', 'a built-in game (with a file: the game it implements, for --check\'s length bound)')
    .requiredOption('--to <language>', 'target language: python')
    .option('-o, --output <file.py>', 'write the module here, creating missing folders (default: print it)')
    .option('--check', 'replay seeded trajectories in TypeScript and Python and fail on the first difference')
    .option('--trajectories <n>', 'trajectories for --check', integerOption('--trajectories', 1, 1_000_000), 200)
    .option('--seed <n>', 'seed for --check', parseSeed, 0)
    .option('--json', 'print a JSON summary for machines')
    .action(async (file: string | undefined, options: TranslateOptions) => {
      if (options.to !== 'python') throw new UserError(`--to must be "python", not "${options.to}"`);
      if (!file && !options.game) throw new UserError('give a GameCWM .ts file or --game <id>');
      const game = options.game ? resolveGame(options.game) : undefined;
      const path = file ?? gameModulePath(game!.info.id);
      const source = readSource(path);
      // Loaded on demand: ts-morph costs the other commands nothing.
      const { PythonTranslator } = await import('../../codegen/python/translate.js');
      const translation = new PythonTranslator().translate(source);
      if (translation.diagnostics.length > 0) {
        const first = translation.diagnostics[0];
        throw new UserError(`${path}:${first.line}:${first.column}: ${first.message}${translation.diagnostics.length > 1 ? ` (and ${translation.diagnostics.length - 1} more)` : ''}`);
      }
      let check: CheckSummary | undefined;
      if (options.check) check = await runCheck(path, source, translation, game?.info.maxGameLength ?? 1000, options, !file);
      if (options.output) writeFileAtomic(options.output, translation.python);
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ file: path, output: options.output ?? null, lines: translation.python.split('\n').length, check: check ?? null })}\n`);
      } else if (!options.output) {
        process.stdout.write(translation.python);
      } else {
        process.stdout.write(`wrote ${options.output}\n`);
      }
      if (check) {
        process.stderr.write(check.ok ? `check: ${check.trajectories} trajectories (${check.steps} states) agree\n` : `check failed: ${check.difference}\n`);
        if (!check.ok) process.exitCode = 1;
      }
    });

  program
    .command('export-python')
    .description('write every built-in game as DIR/data/games/<id>/golden.py plus its rules text')
    .requiredOption('--out <dir>', 'output directory (created if missing)')
    .option('--json', 'print a JSON summary for machines: {"out", "games": [{"id", "module", "rules"}]}')
    .action(async (options: { out: string; json?: boolean }) => {
      const { PythonTranslator } = await import('../../codegen/python/translate.js');
      const translator = new PythonTranslator();
      const written = GAMES.map((game) => {
        const id = game.info.id;
        const translation = translator.translate(readFileSync(gameModulePath(id), 'utf8'));
        if (translation.diagnostics.length > 0) throw new Error(`${id} does not translate: ${translation.diagnostics[0].message}`);
        const dir = resolve(options.out, 'data', 'games', id);
        const module = resolve(dir, 'golden.py');
        const rules = resolve(dir, 'rules.txt');
        writeFileAtomic(module, translation.python);
        writeFileAtomic(rules, readRules(id));
        return { id, module, rules };
      });
      if (options.json) process.stdout.write(`${JSON.stringify({ out: resolve(options.out), games: written })}\n`);
      else process.stdout.write(`wrote ${GAMES.length} games to ${resolve(options.out, 'data', 'games')}\n`);
    });
}

function readSource(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UserError(`cannot read ${path}`);
  }
}

interface CheckSummary {
  ok: boolean;
  trajectories: number;
  steps: number;
  difference?: string;
}

/** Records trajectories from the TypeScript module (natively if built in, else sandboxed) and replays them in Python. */
async function runCheck(path: string, source: string, translation: Translation, maxLength: number, options: TranslateOptions, builtIn: boolean): Promise<CheckSummary> {
  const { recordTrajectories } = await import('../../engine/record.js');
  const { firstDifference, describeDifference } = await import('../../codegen/python/compare.js');
  let trajectories: RecordedTrajectory[];
  if (builtIn) {
    trajectories = recordTrajectories(resolveGame(options.game!).cwm, options.trajectories, options.seed, maxLength);
  } else {
    const { CandidateRuntime } = await import('../../engine/sandbox/candidate-runtime.js');
    const runtime = await CandidateRuntime.load(source, path, { memoryMb: 512, timeoutMs: 600_000, maxResultChars: 1_000_000_000 });
    try {
      trajectories = runtime.record(options.trajectories, options.seed, maxLength);
    } finally {
      runtime.dispose();
    }
  }
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const modulePath = join(mkdtempSync(join(tmpdir(), 'gamecwm-check-')), 'module.py');
  writeFileAtomic(modulePath, translation.python);
  const { PythonRunner } = await import('../../python-runner/runner-client.js');
  const runner = await PythonRunner.start(modulePath, { timeoutMs: 60_000, memoryMb: 1024 });
  let steps = 0;
  try {
    for (let i = 0; i < trajectories.length; i++) {
      const replay = await runner.request<Array<Record<string, unknown>>>('replay', { actions: trajectories[i].actions });
      const difference = firstDifference(i, trajectories[i], replay as never);
      steps += trajectories[i].states.length;
      if (difference) return { ok: false, trajectories: i + 1, steps, difference: describeDifference(difference) };
    }
  } finally {
    runner.close();
  }
  return { ok: true, trajectories: trajectories.length, steps };
}
