// The built-in games' files on disk: rules texts and GameCWM module sources.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gameSourceDir } from '../paths.js';
import { getGame } from './index.js';

/** Path of a built-in game's GameCWM module source (for sandboxing and translation). */
export function gameModulePath(id: string): string {
  getGame(id);
  return resolve(gameSourceDir(id), 'game.ts');
}

/** The game's rules in the project's own words (Markdown). */
export function readRules(id: string): string {
  getGame(id);
  return readFileSync(resolve(gameSourceDir(id), 'rules.md'), 'utf8');
}
