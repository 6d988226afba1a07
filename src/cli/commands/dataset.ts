// `gamecwm dataset sft|grpo`: training data from the built-in reference games
// as JSON Lines that TRL loads (load_dataset("json", data_files=...)).

import type { Command } from 'commander';
import type { CodeLanguage } from '../../codegen/extract.js';
import type { Split } from '../../codegen/dataset.js';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../../files.js';

interface DatasetCliOptions {
  lang: string;
  split: string;
  output?: string;
  example: string;
  paperDataset?: string;
  reward: string;
  json?: boolean;
}

export function registerDatasetCommand(program: Command): void {
  const dataset = program
    .command('dataset')
    .description('write SFT or GRPO training data from the built-in reference games (JSON Lines)');
  const common = (command: Command) => command
    .option('--lang <lang>', 'ts, or python (the paper\'s format, answers back-translated)', 'ts')
    .option('--split <split>', 'train, eval or all (the paper dataset\'s split)', 'train')
    .option('-o, --output <file.jsonl>', 'where to write the records')
    .option('--example <game>', 'TypeScript prompts: an example GameCWM: none, auto or a built-in game id', 'none')
    .option('--paper-dataset <dir>', 'with --lang python: the folder holding the paper\'s prompts/ templates')
    .option('--reward <kind>', 'grpo: the reward each record asks serve-reward for: paper, or strict (adds the differential tier)', 'paper')
    .option('--json', 'print a JSON summary for machines');
  common(dataset.command('sft').description('{"messages": [user prompt, assistant reference module], "game", "info_type"} per game'))
    .action((options: DatasetCliOptions) => write('sft', options));
  common(dataset.command('grpo').description('{"prompt": [user prompt], "game", "info_type", "lang"} per game, for a reward from serve-reward'))
    .action((options: DatasetCliOptions) => write('grpo', options));
}

async function write(kind: 'sft' | 'grpo', options: DatasetCliOptions): Promise<void> {
  if (!options.output) throw new UserError('-o, --output <file.jsonl> is required');
  if (options.lang !== 'ts' && options.lang !== 'python') throw new UserError(`--lang must be ts or python, not "${options.lang}"`);
  if (options.split !== 'train' && options.split !== 'eval' && options.split !== 'all') throw new UserError(`--split must be train, eval or all, not "${options.split}"`);
  if (options.reward !== 'paper' && options.reward !== 'strict') throw new UserError(`--reward must be paper or strict, not "${options.reward}"`);
  if (options.lang === 'python' && !options.paperDataset) {
    throw new UserError('--lang python uses the paper\'s prompt template: give --paper-dataset DIR (the folder holding prompts/perfect_info.txt)');
  }
  const { sftRecords, grpoRecords, toJsonl } = await import('../../codegen/dataset.js');
  const { PromptError } = await import('../../codegen/prompts.js');
  const settings = { language: options.lang as CodeLanguage, split: options.split as Split, example: options.example, paperDataset: options.paperDataset, reward: options.reward as 'paper' | 'strict' };
  let records: object[];
  try {
    records = kind === 'sft' ? sftRecords(settings) : grpoRecords(settings);
  } catch (error) {
    if (error instanceof PromptError) throw new UserError(error.message);
    throw error;
  }
  writeFileAtomic(options.output, toJsonl(records));
  const games = records.map((r) => (r as { game: string }).game);
  if (options.json) process.stdout.write(`${JSON.stringify({ kind, lang: options.lang, split: options.split, output: options.output, records: records.length, games })}\n`);
  else process.stdout.write(`wrote ${records.length} ${kind} records (${options.lang}, ${options.split} split) to ${options.output}\n`);
}
