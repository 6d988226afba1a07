// `gamecwm bench generate`: the options of the generation bench (the model
// and provider options are generate's own, shared through addModelOptions);
// the measuring is src/bench/generate.ts. An endpoint that cannot be used
// ends it with one line and exit 2; the runs so far are kept and a rerun
// resumes from their reply caches.

import type { Command } from 'commander';
import type { CodeLanguage } from '../../codegen/extract.js';
import { UserError } from '../errors.js';
import { candidateVerifier } from '../fleet-options.js';
import { startProgress } from '../progress.js';
import { addCommonBenchOptions, type CommonBenchOptions, finishBench, selectGames } from './bench.js';
import { addModelOptions, checkModelOptions, checkPrompt, interruptedRunError, type ModelCliOptions, modelSettings } from './generate.js';

interface GenerateBenchCliOptions extends ModelCliOptions, CommonBenchOptions {
  games?: string;
  split?: string;
  langs?: string;
  paperDataset?: string;
}

export function registerGenerateBench(bench: Command): void {
  const command = bench
    .command('generate')
    .description('have a model write each game in TypeScript and in Python, score both with the same verifier: compile and pass rates, scores, score vs LLM calls')
    .option('--games <ids>', 'comma-separated game ids (default: the eval split, the paper\'s setting)')
    .option('--split <split>', 'the dataset split to run: train or eval')
    .option('--langs <list>', 'languages to generate: ts, python or ts,python (default: ts,python with --paper-dataset, else ts)')
    .option('--paper-dataset <dir>', 'the paper\'s dataset folder: its rules texts (games/<id>/rules.txt) for every language and its Python prompt template');
  addCommonBenchOptions(addModelOptions(command)).action(async (options: GenerateBenchCliOptions) => {
    checkModelOptions(options);
    const languages = parseLanguages(options.langs, options.paperDataset);
    const games = selectGames(options.games, options.split ?? (options.games === undefined ? 'eval' : undefined));
    const model = await modelSettings(options, options.seed);
    // One verifier for every run: its type checker stays warm from game to game (or the fleet's, with --redis).
    const verifier = await candidateVerifier(options, model.verify);
    const run = { ...model, verifier };
    const { planGenerateBench, plannedReplies, runGenerateBench, GenerateBenchInterrupted } = await import('../../bench/generate.js');
    const benchOptions = {
      games, languages, outDir: options.out, run,
      ...(options.paperDataset === undefined ? {} : { paperDataset: options.paperDataset }),
      recorded: {
        model: run.model, baseUrl: options.baseUrl ?? (process.env.OPENAI_BASE_URL || null), games: games.map((g) => g.info.id), langs: languages,
        samples: run.samples, refine: run.refine, strategy: run.strategy, temperature: run.temperature, maxTokens: run.maxTokens,
        example: run.example, block: run.blockChoice, playouts: options.playouts, paperDataset: options.paperDataset ?? null,
      },
    };
    const plan = await checkPrompt(() => planGenerateBench(benchOptions));
    const progress = options.json ? { tick() {}, stop() {} } : startProgress('bench generate', plannedReplies(plan));
    let report;
    try {
      report = await runGenerateBench({ ...benchOptions, onReply: () => progress.tick() }, plan);
    } catch (error) {
      await verifier.dispose();
      progress.stop();
      if (error instanceof GenerateBenchInterrupted) {
        const kept = error.interrupted.summary.candidates;
        throw await interruptedRunError(error.interrupted, ` (${error.finishedRuns} of ${error.totalRuns} runs finished${kept > 0 ? `, ${kept} candidate${kept === 1 ? '' : 's'} of the next` : ''}; kept in ${error.runsDir}; rerun the same command to resume)`);
      }
      throw error;
    }
    await verifier.dispose();
    progress.stop();
    finishBench(report, options);
  });
}

function parseLanguages(text: string | undefined, paperDataset: string | undefined): CodeLanguage[] {
  const names = (text ?? (paperDataset === undefined ? 'ts' : 'ts,python')).split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (names.length === 0) throw new UserError('--langs needs ts, python or ts,python');
  for (const name of names) if (name !== 'ts' && name !== 'python') throw new UserError(`--langs takes ts and python, not "${name}"`);
  if (names.includes('python') && paperDataset === undefined) {
    throw new UserError('--langs python uses the paper\'s prompt template: give --paper-dataset DIR (the folder holding prompts/ and games/<id>/rules.txt)');
  }
  return [...new Set(names)] as CodeLanguage[];
}
