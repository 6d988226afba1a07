// The registry of built-in reference games, in the paper dataset's order.

import type { GameDefinition } from '../engine/game-definition.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gameSourceDir } from '../paths.js';
import { ticTacToe } from './tic_tac_toe/index.js';

export const GAMES: GameDefinition[] = [
  ticTacToe,
] as GameDefinition[];

export class UnknownGameError extends Error {
  constructor(readonly id: string) {
    super(`unknown game "${id}"; known games: ${GAMES.map((g) => g.info.id).join(', ')}`);
  }
}

export function findGame(id: string): GameDefinition | undefined {
  return GAMES.find((game) => game.info.id === id);
}

export function getGame(id: string): GameDefinition {
  const game = findGame(id);
  if (!game) throw new UnknownGameError(id);
  return game;
}

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
