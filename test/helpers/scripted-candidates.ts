// Scripted model replies for tic_tac_toe: a candidate with a type error, one
// that type-checks but pays the wrong player, and the correct built-in
// module; a script answers each request with the next one in that order,
// judging by the code the model last wrote.

import { readFileSync } from 'node:fs';
import { gameModulePath } from '../../src/games/files.js';
import type { FakeReply, FakeRequest } from './fake-openai.js';

export const CORRECT = readFileSync(gameModulePath('tic_tac_toe'), 'utf8');

/** A draw pays a string: a type error. */
export const TYPE_ERROR = CORRECT.replace("if (state.winner === null) return [0, 0];", "if (state.winner === null) return [0, 'draw'];");

/** x is paid as the winner whoever wins: a rule bug the scenarios and differential tier catch. */
export const RULE_BUG = CORRECT.replace("return state.winner === 0 ? [1, -1] : [-1, 1];", 'return [1, -1];');

export function fenced(code: string, prose = true): string {
  return prose ? `Here is the module.\n\n\`\`\`ts\n${code}\`\`\`\n\nIt follows the contract.` : `\`\`\`ts\n${code}\`\`\``;
}

/** The candidate to answer with: type error first, then the rule bug, then the correct module. */
export function nextCandidate(request: FakeRequest): string {
  const assistant = request.body.messages.filter((m) => m.role === 'assistant').at(-1)?.content ?? '';
  if (assistant.includes("[0, 'draw']")) return RULE_BUG;
  if (assistant.includes('return [1, -1];')) return CORRECT;
  return TYPE_ERROR;
}

export function scriptedReply(request: FakeRequest): FakeReply {
  return { content: fenced(nextCandidate(request)) };
}
