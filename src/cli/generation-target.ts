// Which game a generation (or a reward) is for: a built-in game, whose
// reference gives the scenario and differential tiers, or a new game given by
// its rules text (--rules FILE) and its facts (--info FILE.json, or the
// --players / --information shortcuts), for which those two tiers are skipped.
//
// --info FILE.json holds any of these GameInfo fields (defaults in brackets):
//   {"title": [the id], "players": [2], "information": "perfect"|"imperfect" [perfect],
//    "chance": [false], "utility": "zero-sum"|"general-sum"|"identical" [general-sum],
//    "maxGameLength": [1000], "rewardRange": [[-1, 1]] (only MCTS's return scaling uses it)}

import { readFileSync } from 'node:fs';
import type { GameInfo } from '../engine/game-info.js';
import { findGame } from '../games/index.js';
import { readRules } from '../games/files.js';
import { UserError } from './errors.js';

export interface GenerationTarget {
  info: GameInfo;
  referenceId?: string;
  rules: string;
}

export interface TargetOptions {
  game: string;
  rules?: string;
  info?: string;
  players?: number;
  information?: string;
}

export function resolveGenerationTarget(options: TargetOptions): GenerationTarget {
  const builtIn = findGame(options.game);
  if (builtIn) {
    if (options.info || options.players !== undefined || options.information) {
      throw new UserError(`${options.game} is a built-in game: its facts come from the registry (--info, --players and --information are for new games)`);
    }
    return { info: builtIn.info, referenceId: builtIn.info.id, rules: options.rules ? readText(options.rules, '--rules') : readRules(builtIn.info.id) };
  }
  if (!/^[a-z][a-z0-9_]{0,63}$/.test(options.game)) {
    throw new UserError(`a new game's id must be lower-case letters, digits and underscores, not "${options.game}"`);
  }
  if (!options.rules) {
    throw new UserError(`"${options.game}" is not a built-in game (see \`gamecwm games\`); for a new game give its rules with --rules FILE`);
  }
  const fields = options.info ? parseInfoFile(options.info) : {};
  if (options.players !== undefined) fields.players = options.players;
  if (options.information !== undefined) fields.information = options.information;
  return { info: gameInfo(options.game, fields, options.info ?? 'the flags'), rules: readText(options.rules, '--rules') };
}

function readText(path: string, option: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UserError(`${option}: cannot read ${path}`);
  }
}

function parseInfoFile(path: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readText(path, '--info'));
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`--info: ${path} is not valid JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UserError(`--info: ${path} must hold a JSON object`);
  return { ...(parsed as Record<string, unknown>) };
}

function gameInfo(id: string, fields: Record<string, unknown>, source: string): GameInfo {
  const bad = (field: string, expected: string) => new UserError(`${source}: "${field}" must be ${expected}, not ${JSON.stringify(fields[field])}`);
  const title = fields.title ?? id;
  if (typeof title !== 'string' || title.trim() === '') throw bad('title', 'a non-empty string');
  const players = fields.players ?? 2;
  if (!Number.isInteger(players) || (players as number) < 1 || (players as number) > 16) throw bad('players', 'an integer from 1 to 16');
  const information = fields.information ?? 'perfect';
  if (information !== 'perfect' && information !== 'imperfect') throw bad('information', '"perfect" or "imperfect"');
  const chance = fields.chance ?? false;
  if (typeof chance !== 'boolean') throw bad('chance', 'true or false');
  const utility = fields.utility ?? 'general-sum';
  if (utility !== 'zero-sum' && utility !== 'general-sum' && utility !== 'identical') throw bad('utility', '"zero-sum", "general-sum" or "identical"');
  const maxGameLength = fields.maxGameLength ?? 1000;
  if (!Number.isInteger(maxGameLength) || (maxGameLength as number) < 1 || (maxGameLength as number) > 1_000_000) throw bad('maxGameLength', 'an integer from 1 to 1000000');
  const rewardRange = fields.rewardRange ?? [-1, 1];
  if (!Array.isArray(rewardRange) || rewardRange.length !== 2 || !rewardRange.every(Number.isFinite) || rewardRange[0] >= rewardRange[1]) {
    throw bad('rewardRange', '[low, high] with low < high');
  }
  return {
    id, title, players: players as number, information, chance, utility, maxGameLength: maxGameLength as number,
    rewardRange: [rewardRange[0], rewardRange[1]], split: 'eval',
  };
}
