// SFT and GRPO datasets from the reference games, as TRL loads them.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { grpoRecords, sftRecords, toJsonl } from '../src/codegen/dataset.js';
import { buildPrompt } from '../src/codegen/run.js';
import { GAMES } from '../src/games/index.js';
import { gameModulePath, readRules } from '../src/games/files.js';

const BIN = resolve(import.meta.dirname, '..', 'bin', 'gamecwm.js');

function paperTemplates(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gamecwm-dataset-'));
  mkdirSync(join(dir, 'prompts'));
  writeFileSync(join(dir, 'prompts', 'perfect_info.txt'), 'Perfect {game_name}:\n{game_desc}\n');
  writeFileSync(join(dir, 'prompts', 'imperfect_info.txt'), 'Imperfect {game_name}:\n{game_desc}\nresample_history too.\n');
  return dir;
}

describe('datasets', () => {
  it('SFT (TypeScript): the generate prompt and the reference module, per game of the split', () => {
    const records = sftRecords({ language: 'ts', split: 'train', example: 'none' });
    const train = GAMES.filter((g) => g.info.split === 'train');
    expect(records.map((r) => r.game)).toEqual(train.map((g) => g.info.id));
    for (const record of records) {
      const info = GAMES.find((g) => g.info.id === record.game)!.info;
      expect(record.info_type).toBe(info.information);
      expect(record.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
      expect(record.messages[0].content).toBe(buildPrompt({ info, rules: readRules(info.id), language: 'ts', example: 'none' }));
      expect(record.messages[1].content).toBe(`\`\`\`ts\n${readFileSync(gameModulePath(info.id), 'utf8').trimEnd()}\n\`\`\``);
    }
    const evalIds = sftRecords({ language: 'ts', split: 'eval', example: 'none' }).map((r) => r.game);
    expect(evalIds).toEqual(GAMES.filter((g) => g.info.split === 'eval').map((g) => g.info.id));
    expect(sftRecords({ language: 'ts', split: 'all', example: 'none' })).toHaveLength(GAMES.length);
  });

  it('SFT (Python): the paper\'s template and the back-translated module', () => {
    const records = sftRecords({ language: 'python', split: 'all', example: 'none', paperDataset: paperTemplates() });
    const kuhn = records.find((r) => r.game === 'kuhn_poker')!;
    expect(kuhn.messages[0].content).toMatch(/^Imperfect Kuhn Poker:\n# Kuhn Poker/);
    expect(kuhn.messages[1].content).toMatch(/^```python\n/);
    expect(kuhn.messages[1].content).toContain('def resample_history(');
    expect(records.find((r) => r.game === 'tic_tac_toe')!.messages[0].content).toMatch(/^Perfect Tic-Tac-Toe:/);
  });

  it('GRPO: conversational prompts with the columns the reward function reads', () => {
    const records = grpoRecords({ language: 'ts', split: 'eval', example: 'none' });
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      expect(Object.keys(record).sort()).toEqual(['game', 'info_type', 'lang', 'prompt']);
      expect(record.prompt).toHaveLength(1);
      expect(record.prompt[0].role).toBe('user');
      expect(record.lang).toBe('ts');
    }
    const lines = toJsonl(records).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual(records);
  });

  it('is written by the CLI as JSON Lines, and refuses a Python dataset without templates', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gamecwm-dataset-')), 'sft.jsonl');
    const result = spawnSync(process.execPath, ['--no-node-snapshot', BIN, 'dataset', 'sft', '--lang', 'ts', '--split', 'eval', '-o', out, '--json'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(summary.records);
    expect(lines[0]).toMatchObject({ game: summary.games[0], messages: [{ role: 'user' }, { role: 'assistant' }] });
    const refused = spawnSync(process.execPath, ['--no-node-snapshot', BIN, 'dataset', 'grpo', '--lang', 'python', '-o', out], { encoding: 'utf8' });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^gamecwm: --lang python uses the paper's prompt template: give --paper-dataset DIR/);
  });
});
