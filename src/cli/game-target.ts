// Which game a command works on: a built-in game, whose reference gives the
// scenario and differential tiers, or a new game described by its facts file
// (--info FILE.json, see src/games/new-game.ts for the format), its rules text
// (--rules FILE or the facts' "rules") and its own scenarios; a new game has
// no differential tier. verify, play, arena and generate all resolve a game here.

import type { GameInfo } from '../engine/game-info.js';
import type { Scenario } from '../engine/scenario.js';
import { findGame } from '../games/index.js';
import { readRules } from '../games/files.js';
import { GAME_ID_PATTERN, GameDescriptionError, loadGameDescription } from '../games/new-game.js';
import { UserError } from './errors.js';

export interface GameTarget {
  info: GameInfo;
  /** The built-in reference, absent for a new game. */
  referenceId?: string;
  /** The rules text, or null when a new game's description names none. */
  rules: string | null;
  /** A new game's own scenarios (a built-in game's come with its reference). */
  scenarios: Scenario[];
}

export interface GenerationTarget extends GameTarget {
  rules: string;
}

export interface TargetOptions {
  game?: string;
  rules?: string;
  info?: string;
  players?: number;
  information?: string;
}

/** The game `options` name: a built-in id, or a new game's description (--info, --rules and the shortcut flags). */
export function resolveGameTarget(options: TargetOptions): GameTarget {
  try {
    return gameTarget(options);
  } catch (error) {
    if (error instanceof GameDescriptionError) throw new UserError(error.message);
    throw error;
  }
}

function gameTarget(options: TargetOptions): GameTarget {
  const builtIn = options.game === undefined ? undefined : findGame(options.game);
  if (builtIn) {
    if (options.info || options.players !== undefined || options.information) {
      throw new UserError(`${options.game} is a built-in game: its facts come from the registry (--info, --players and --information are for new games)`);
    }
    const rules = options.rules ? loadGameDescription({ id: builtIn.info.id, rules: options.rules }).rules : readRules(builtIn.info.id);
    return { info: builtIn.info, referenceId: builtIn.info.id, rules, scenarios: [] };
  }
  if (options.game !== undefined && !GAME_ID_PATTERN.test(options.game)) {
    throw new UserError(`a new game's id must be lower-case letters, digits and underscores, not "${options.game}"`);
  }
  if (!options.info && !options.rules) {
    throw new UserError(options.game === undefined
      ? 'give a built-in game id (see `gamecwm games`) or a new game\'s facts with --info FILE.json (`gamecwm init` writes one)'
      : `"${options.game}" is not a built-in game (see \`gamecwm games\`); for a new game give its facts with --info FILE.json or its rules with --rules FILE`);
  }
  const overrides: Record<string, unknown> = {};
  if (options.players !== undefined) overrides.players = options.players;
  if (options.information !== undefined) overrides.information = options.information;
  return loadGameDescription({ facts: options.info, rules: options.rules, id: options.game, overrides });
}

/** A generation needs the rules text the model is prompted with. */
export function resolveGenerationTarget(options: TargetOptions): GenerationTarget {
  const target = resolveGameTarget(options);
  if (target.rules === null) throw new UserError(`${target.info.id} has no rules text: give --rules FILE or "rules" in ${options.info}`);
  return { ...target, rules: target.rules };
}
