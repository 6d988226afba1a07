// Training data from the built-in reference games, in the shapes TRL loads:
// SFT records (a user prompt and the reference module as the assistant's
// answer; Python answers come from the back-translation) and GRPO prompts
// (the same prompt, plus the columns the reward function needs). Prompts are
// exactly the ones `gamecwm generate` sends, so a trained model is asked what
// it was trained on.

import { readFileSync } from 'node:fs';
import type { GameInfo } from '../engine/game-info.js';
import { GAMES } from '../games/index.js';
import { gameModulePath, readRules } from '../games/files.js';
import type { ChatMessage } from './chat.js';
import type { CodeLanguage } from './extract.js';
import { PythonTranslator } from './python/translate.js';
import { buildPrompt } from './run.js';

export type Split = 'train' | 'eval' | 'all';

export interface DatasetOptions {
  language: CodeLanguage;
  split: Split;
  /** TypeScript: the example choice of the prompt (prompts.ts chooseExample). */
  example: string;
  /** Python: the folder holding the paper's prompt templates. */
  paperDataset?: string;
  /** GRPO records: the reward they ask serve-reward for (a column only when strict). */
  reward?: 'paper' | 'strict';
}

export interface SftRecord {
  messages: ChatMessage[];
  game: string;
  info_type: GameInfo['information'];
}

export interface GrpoRecord {
  prompt: ChatMessage[];
  game: string;
  info_type: GameInfo['information'];
  lang: CodeLanguage;
  /** "strict": the reward function asks serve-reward for the strict reward. */
  reward?: 'strict';
}

export function datasetGames(split: Split): GameInfo[] {
  return GAMES.map((g) => g.info).filter((info) => split === 'all' || info.split === split);
}

function promptFor(info: GameInfo, options: DatasetOptions): string {
  return buildPrompt({ info, rules: readRules(info.id), language: options.language, example: options.example, paperDataset: options.paperDataset });
}

export function sftRecords(options: DatasetOptions): SftRecord[] {
  const translator = options.language === 'python' ? new PythonTranslator() : null;
  return datasetGames(options.split).map((info) => {
    const source = readFileSync(gameModulePath(info.id), 'utf8');
    let answer = source;
    if (translator) {
      const translation = translator.translate(source);
      if (translation.diagnostics.length > 0) throw new Error(`${info.id} does not translate to Python: ${translation.diagnostics[0].message}`);
      answer = translation.python;
    }
    const fence = options.language === 'ts' ? 'ts' : 'python';
    return {
      messages: [
        { role: 'user', content: promptFor(info, options) },
        { role: 'assistant', content: `\`\`\`${fence}\n${answer.replace(/\s+$/, '')}\n\`\`\`` },
      ],
      game: info.id,
      info_type: info.information,
    };
  });
}

export function grpoRecords(options: DatasetOptions): GrpoRecord[] {
  return datasetGames(options.split).map((info) => ({
    prompt: [{ role: 'user', content: promptFor(info, options) }],
    game: info.id,
    info_type: info.information,
    lang: options.language,
    ...(options.reward === 'strict' ? { reward: 'strict' as const } : {}),
  }));
}

/** JSON Lines: one record per line. */
export function toJsonl(records: readonly object[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + (records.length > 0 ? '\n' : '');
}
