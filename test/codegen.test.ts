// Generation's pure parts: code extraction, cache keys, Thompson sampling,
// prompts and feedback.

import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requestKey } from '../src/codegen/cache.js';
import type { ChatRequest } from '../src/codegen/chat.js';
import { codeBlocks, extractCode } from '../src/codegen/extract.js';
import { chooseExample, PromptError, pythonPrompt, readContract, SUBSET_RULES, typescriptPrompt } from '../src/codegen/prompts.js';
import { thompsonPick, sampleBeta } from '../src/codegen/thompson.js';
import { Rng } from '../src/engine/rng.js';
import { getGame } from '../src/games/index.js';
import { readRules } from '../src/games/files.js';

describe('code extraction', () => {
  it('takes a fenced block out of prose', () => {
    const reply = 'Sure! Here is the module:\n\n```ts\nexport const a = 1;\n```\n\nLet me know if you need more.';
    expect(extractCode(reply, 'ts')).toBe('export const a = 1;\n');
  });

  it('accepts typescript and python tags, prefers the target language over other tags', () => {
    expect(extractCode('```typescript\nlet x = 1;\n```', 'ts')).toBe('let x = 1;\n');
    expect(extractCode('```json\n{"a": 1}\n```\n```python\nx = 1\n```', 'python')).toBe('x = 1\n');
    expect(extractCode('```python\nx = 1\n```\n```ts\nconst y = 2;\n```', 'ts')).toBe('const y = 2;\n');
  });

  it('picks the first or the largest block', () => {
    const reply = '```ts\nconst sketch = 1;\n```\nand the full module:\n```ts\nconst a = 1;\nconst b = 2;\nconst c = 3;\n```';
    expect(extractCode(reply, 'ts', 'first')).toBe('const sketch = 1;\n');
    expect(extractCode(reply, 'ts', 'largest')).toBe('const a = 1;\nconst b = 2;\nconst c = 3;\n');
  });

  it('keeps a block cut off by the token limit, drops reasoning, takes unfenced replies whole', () => {
    expect(extractCode('Here:\n```ts\nconst a = 1;\nconst b =', 'ts')).toBe('const a = 1;\nconst b =\n');
    expect(extractCode('<think>maybe ```ts\nwrong\n``` no</think>\n```ts\nright;\n```', 'ts')).toBe('right;\n');
    expect(extractCode('export const a = 1;', 'ts')).toBe('export const a = 1;\n');
    expect(extractCode('   \n', 'ts')).toBeNull();
    expect(extractCode('<think>still thinking when the tokens ran out', 'ts')).toBeNull();
  });

  it('does not end a block at a longer or different fence inside it', () => {
    const blocks = codeBlocks('````ts\nconst s = `\n```\n`;\n````');
    expect(blocks).toHaveLength(1);
    expect(blocks[0].code).toBe('const s = `\n```\n`;');
  });
});

describe('cache keys', () => {
  const base: ChatRequest = { model: 'm', messages: [{ role: 'user', content: 'hi' }], temperature: 0.7, maxTokens: 100, sample: '0' };

  it('depend on every field that decides the reply', () => {
    const key = requestKey(base);
    expect(requestKey({ ...base })).toBe(key);
    expect(requestKey({ ...base, sample: '1' })).not.toBe(key);
    expect(requestKey({ ...base, model: 'n' })).not.toBe(key);
    expect(requestKey({ ...base, temperature: 0 })).not.toBe(key);
    expect(requestKey({ ...base, maxTokens: 101 })).not.toBe(key);
    expect(requestKey({ ...base, messages: [{ role: 'system', content: 'hi' }] })).not.toBe(key);
  });
});

describe('Thompson sampling', () => {
  it('is reproducible from a seed and favours high scores, less so after many refinements', () => {
    const arms = [{ score: 0.1, refinements: 0 }, { score: 0.9, refinements: 0 }];
    const picks = (seed: number, a = arms) => Array.from({ length: 200 }, ((rng) => () => thompsonPick(a, rng))(new Rng(seed)));
    expect(picks(3)).toEqual(picks(3));
    expect(picks(3).filter((p) => p === 1).length).toBeGreaterThan(180);
    const tired = [{ score: 0.5, refinements: 0 }, { score: 0.6, refinements: 30 }];
    expect(picks(3, tired).filter((p) => p === 0).length).toBeGreaterThan(150);
  });

  it('draws Beta variates with the right mean', () => {
    const rng = new Rng(1);
    let sum = 0;
    for (let i = 0; i < 4000; i++) sum += sampleBeta(rng, 2, 6);
    expect(sum / 4000).toBeCloseTo(0.25, 1);
  });
});

describe('prompts', () => {
  const info = getGame('tic_tac_toe').info;

  it('gives the TypeScript target the rules, the contract, the subset and an optional example', () => {
    const prompt = typescriptPrompt({ info, rules: readRules('tic_tac_toe'), example: null, contract: readContract() });
    expect(prompt).toContain('x(0,0)');
    expect(prompt).toContain('export interface GameCWM<State, Observation>');
    expect(prompt).toContain(SUBSET_RULES);
    expect(prompt).toContain('Perfect information');
    expect(prompt).not.toContain('## An example');
    const withExample = typescriptPrompt({ info, rules: readRules('tic_tac_toe'), example: chooseExample('auto', info), contract: readContract() });
    expect(withExample).toContain('A GameCWM of another game, Connect Four');
  });

  it('chooses examples of another game only', () => {
    expect(chooseExample('none', info)).toBeNull();
    expect(chooseExample('auto', getGame('kuhn_poker').info)?.id).toBe('matching_pennies');
    expect(chooseExample('pig', info)?.source).toContain('export function getInitialState');
    expect(() => chooseExample('tic_tac_toe', info)).toThrow(PromptError);
    expect(() => chooseExample('nope', info)).toThrow(/unknown example game/);
  });

  it('fills the paper\'s template from a user folder, braces in the rules included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gamecwm-prompts-'));
    mkdirSync(join(dir, 'prompts'));
    writeFileSync(join(dir, 'prompts', 'imperfect_info.txt'), 'Build {game_name}.\n{game_desc}\nWrite resample_history.');
    const prompt = pythonPrompt(dir, getGame('kuhn_poker').info, 'Rules with {braces} and {game_name}.');
    expect(prompt).toBe('Build Kuhn Poker.\nRules with {braces} and {game_name}.\nWrite resample_history.');
    expect(() => pythonPrompt(dir, info, 'x')).toThrow(/perfect_info\.txt/);
  });
});
