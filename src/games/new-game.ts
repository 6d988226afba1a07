// A game outside the built-in registry, described by files a user writes: a
// facts file (JSON) with the GameInfo fields, naming its rules text and,
// optionally, its scenarios. verify, play, arena and generate all load a new
// game through loadGameDescription, and `gamecwm init` writes these files.
//
// The facts file, every field optional except where a command needs it:
//   {
//     "id": "nim",                       lower-case letters, digits, "_" (default: --game)
//     "title": "Three-heap Nim",         (default: the id)
//     "players": 2,                      1..16 (default 2)
//     "information": "perfect",          "perfect" | "imperfect" (default perfect)
//     "chance": false,                   (default false)
//     "utility": "zero-sum",             "zero-sum" | "general-sum" | "identical" (default general-sum)
//     "maxGameLength": 15,               1..1000000, actions (chance included) in any game (default 1000)
//     "rewardRange": [-1, 1],            [low, high]: the smallest and largest payoff (default [-1, 1])
//     "verifyTimeScale": 1,              1..1000: the verifier's time limits times this, for a heavy game (default 1)
//     "rules": "rules.md",               the rules text, relative to the facts file
//     "scenarios": "scenarios.json"      a scenarios file relative to the facts file, or the list itself
//   }
// A scenarios file is a JSON list of {"name", "actions": [action, ...], "expect": {...}}, the
// expectations of src/engine/scenario.ts: terminal, currentPlayer, rewards, rewardSigns, winner,
// legalActions, illegalActions. Every problem is reported, one line each, naming file and field.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { GameInfo } from '../engine/game-info.js';
import type { Scenario } from '../engine/scenario.js';

export interface GameDescription {
  info: GameInfo;
  /** The rules text, or null when neither the facts nor the caller name one. */
  rules: string | null;
  /** The user's scenarios (empty when there are none). */
  scenarios: Scenario[];
}

/** A description that cannot be used: each problem names its file and field. */
export class GameDescriptionError extends Error {
  override name = 'GameDescriptionError';

  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export interface DescriptionSource {
  /** The facts file (JSON); without one, the game is described by `id`, `rules` and `overrides` alone. */
  facts?: string;
  /** A rules file that overrides the facts' "rules". */
  rules?: string;
  /** The id to use when the facts have none (a command's --game). */
  id?: string;
  /** Field values that override the facts (command-line shortcuts such as --players). */
  overrides?: Record<string, unknown>;
}

export const GAME_ID_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

const FACT_FIELDS = ['id', 'title', 'players', 'information', 'chance', 'utility', 'maxGameLength', 'rewardRange', 'verifyTimeScale', 'rules', 'scenarios'];
const EXPECT_FIELDS = ['terminal', 'currentPlayer', 'rewards', 'rewardSigns', 'winner', 'legalActions', 'illegalActions'];

export function loadGameDescription(source: DescriptionSource): GameDescription {
  const facts = source.facts === undefined ? {} : readJson(source.facts);
  const file = source.facts ?? 'the command line';
  if (typeof facts !== 'object' || facts === null || Array.isArray(facts)) {
    throw new GameDescriptionError([`${file}: must hold a JSON object of the game's facts`]);
  }
  const fields: Record<string, unknown> = { ...(facts as Record<string, unknown>), ...source.overrides };
  const problems: string[] = [];
  const bad = (field: string, expected: string) => problems.push(`${file}: "${field}" must be ${expected}, not ${JSON.stringify(fields[field])}`);
  for (const field of Object.keys(fields)) {
    if (!FACT_FIELDS.includes(field)) problems.push(`${file}: unknown field "${field}" (the fields are ${FACT_FIELDS.join(', ')})`);
  }
  const info = gameInfo(fields, source.id, bad);
  if (fields.id === undefined && source.id === undefined) problems.push(`${file}: "id" is missing: give the game's id there (or with --game)`);
  if (source.id !== undefined && fields.id !== undefined && fields.id !== source.id) bad('id', `the id given on the command line, "${source.id}"`);

  const here = source.facts === undefined ? '.' : dirname(source.facts);
  let rules: string | null = null;
  if (source.rules !== undefined) rules = readText(source.rules, problems, `--rules: cannot read ${source.rules}`);
  else if (typeof fields.rules === 'string' && fields.rules !== '') rules = readText(resolve(here, fields.rules), problems, `${file}: "rules": cannot read ${resolve(here, fields.rules)}`);
  else if (fields.rules !== undefined) bad('rules', 'the path of the rules text, relative to the facts file');

  let scenarios: Scenario[] = [];
  if (typeof fields.scenarios === 'string' && fields.scenarios !== '') {
    const path = resolve(here, fields.scenarios);
    let list: unknown;
    try {
      list = readJson(path);
    } catch (error) {
      if (!(error instanceof GameDescriptionError)) throw error;
      problems.push(...error.problems);
    }
    if (list !== undefined) scenarios = checkScenarios(list, path, '', info.players, problems);
  } else if (Array.isArray(fields.scenarios)) {
    scenarios = checkScenarios(fields.scenarios, file, 'scenarios', info.players, problems);
  } else if (fields.scenarios !== undefined) {
    bad('scenarios', 'the path of a scenarios file or a list of scenarios');
  }
  if (problems.length > 0) throw new GameDescriptionError(problems);
  return { info: info as GameInfo, rules, scenarios };
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new GameDescriptionError([`cannot read ${path}`]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new GameDescriptionError([`${path}: not valid JSON (${(error as Error).message})`]);
  }
}

function readText(path: string, problems: string[], problem: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    problems.push(problem);
    return null;
  }
}

/** The GameInfo the fields describe (defaults filled in); a bad field is reported and left undefined. */
function gameInfo(fields: Record<string, unknown>, fallbackId: string | undefined, bad: (field: string, expected: string) => void): Partial<GameInfo> {
  const pick = <T>(field: string, fallback: T, valid: (value: unknown) => boolean, expected: string): T | undefined => {
    const value = fields[field] ?? fallback;
    if (valid(value)) return value as T;
    bad(field, expected);
    return undefined;
  };
  const integer = (min: number, max: number) => (v: unknown) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
  const id = pick<string | undefined>('id', fallbackId, (v) => v === undefined || (typeof v === 'string' && GAME_ID_PATTERN.test(v)), 'lower-case letters, digits and underscores, starting with a letter');
  const rewardRange = pick<[number, number]>('rewardRange', [-1, 1],
    (v) => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' && Number.isFinite(x)) && v[0] < v[1], '[low, high] with low < high');
  return {
    id,
    title: pick('title', id ?? 'game', (v) => typeof v === 'string' && v.trim() !== '', 'a non-empty string'),
    players: pick('players', 2, integer(1, 16), 'an integer from 1 to 16'),
    information: pick('information', 'perfect', (v) => v === 'perfect' || v === 'imperfect', '"perfect" or "imperfect"'),
    chance: pick('chance', false, (v) => typeof v === 'boolean', 'true or false'),
    utility: pick('utility', 'general-sum', (v) => v === 'zero-sum' || v === 'general-sum' || v === 'identical', '"zero-sum", "general-sum" or "identical"'),
    maxGameLength: pick('maxGameLength', 1000, integer(1, 1_000_000), 'an integer from 1 to 1000000'),
    rewardRange: rewardRange && [rewardRange[0], rewardRange[1]],
    split: 'eval',
    verifyTimeScale: pick('verifyTimeScale', 1, (v) => typeof v === 'number' && Number.isFinite(v) && v >= 1 && v <= 1000, 'a number from 1 to 1000'),
  };
}

/** The problems of a list of scenarios for a game of `players` players, none when it is well formed. */
export function scenarioProblems(list: unknown, players: number): string[] {
  const problems: string[] = [];
  checkScenarios(list, 'scenarios', '', players, problems);
  return problems;
}

/** The scenarios in `list`, each problem reported as file: field path. */
function checkScenarios(list: unknown, file: string, at: string, players: number | undefined, problems: string[]): Scenario[] {
  const where = (path: string) => `${file}: ${at}${path}`;
  if (!Array.isArray(list)) {
    problems.push(`${file}: ${at ? `"${at}" ` : ''}must be a list of scenarios ({"name", "actions", "expect"})`);
    return [];
  }
  const strings = (value: unknown) => Array.isArray(value) && value.every((a) => typeof a === 'string');
  // With the player count in doubt (reported above), only the shape is checked.
  const numbers = (value: unknown) => Array.isArray(value) && (players === undefined || value.length === players) && value.every((x) => typeof x === 'number' && Number.isFinite(x));
  const player = (value: unknown) => Number.isInteger(value) && (value as number) >= 0 && (players === undefined || (value as number) < players);
  const perPlayer = players === undefined ? 'one per player' : `one for each of the ${players} players`;
  const range = players === undefined ? 'a player number' : `a player from 0 to ${players - 1}`;
  const checks: Record<string, [(value: unknown) => boolean, string]> = {
    terminal: [(v) => typeof v === 'boolean', 'true or false'],
    currentPlayer: [(v) => player(v) || v === -1 || v === -4, `${range}, -1 (chance) or -4 (terminal)`],
    rewards: [numbers, `a list of numbers, ${perPlayer}`],
    rewardSigns: [(v) => numbers(v) && (v as number[]).every((x) => x === -1 || x === 0 || x === 1), `a list of signs (-1, 0 or 1), ${perPlayer}`],
    winner: [(v) => v === null || player(v), `${range}, or null for a tie`],
    legalActions: [strings, 'a list of action strings'],
    illegalActions: [strings, 'a list of action strings'],
  };
  list.forEach((scenario: unknown, i) => {
    const path = `[${i}]`;
    if (typeof scenario !== 'object' || scenario === null || Array.isArray(scenario)) {
      problems.push(`${where(path)} must be an object {"name", "actions", "expect"}`);
      return;
    }
    const s = scenario as Record<string, unknown>;
    for (const key of Object.keys(s)) if (!['name', 'actions', 'expect'].includes(key)) problems.push(`${where(`${path}.${key}`)}: unknown field (a scenario has name, actions, expect)`);
    if (typeof s.name !== 'string' || s.name === '') problems.push(`${where(`${path}.name`)} must be a non-empty string`);
    if (!strings(s.actions)) problems.push(`${where(`${path}.actions`)} must be a list of action strings`);
    if (typeof s.expect !== 'object' || s.expect === null || Array.isArray(s.expect)) {
      problems.push(`${where(`${path}.expect`)} must be an object with any of ${EXPECT_FIELDS.join(', ')}`);
      return;
    }
    for (const [key, value] of Object.entries(s.expect)) {
      const check = checks[key];
      if (!check) problems.push(`${where(`${path}.expect.${key}`)}: unknown expectation (use ${EXPECT_FIELDS.join(', ')})`);
      else if (!check[0](value)) problems.push(`${where(`${path}.expect.${key}`)} must be ${check[1]}, not ${JSON.stringify(value)}`);
    }
  });
  return list as Scenario[];
}
