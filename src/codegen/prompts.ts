// The first message of a generation: what the model must write and for which
// game. The TypeScript prompt is the project's own text: the game's rules
// (with their action strings), the contract read from src/engine/contract.ts,
// the rules of the subset the static checker and the Python translation
// accept, and optionally one built-in GameCWM of another game as an example.
// The Python prompt is the paper's template, read at run time from a folder
// the user supplies (it is never shipped with the project).

import { type PaperLayout, PaperLayoutError, paperLayout } from '../paper/layout.js';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { GameInfo } from '../engine/game-info.js';
import { GAMES, getGame } from '../games/index.js';
import { gameModulePath } from '../games/files.js';
import { PACKAGE_ROOT } from '../paths.js';
import { renderSubsetRules } from './subset.js';

/** The rules of the TypeScript subset and of the verifier's checks (src/codegen/subset.ts). */
export const SUBSET_RULES = renderSubsetRules();

/** The contract's source, as the static tier checks against it. */
export function readContract(): string {
  return readFileSync(resolve(PACKAGE_ROOT, 'src', 'engine', 'contract.ts'), 'utf8');
}

export interface ExampleGame {
  id: string;
  title: string;
  source: string;
}

/** Train-split games with short modules: the automatic examples, first choice first. */
const AUTO_EXAMPLES: Record<GameInfo['information'], string[]> = {
  perfect: ['tic_tac_toe', 'connect4'],
  imperfect: ['kuhn_poker', 'matching_pennies'],
};

/**
 * The example GameCWM for a prompt: `none`, `auto` (a short built-in module of
 * the same information kind, never the game itself) or a built-in game's id.
 */
export function chooseExample(choice: string, info: GameInfo): ExampleGame | null {
  if (choice === 'none') return null;
  const id = choice === 'auto' ? AUTO_EXAMPLES[info.information].find((candidate) => candidate !== info.id) : choice;
  if (id === undefined) return null;
  if (id === info.id) throw new PromptError(`the example must be another game than ${info.id} itself`);
  if (!GAMES.some((g) => g.info.id === id)) throw new PromptError(`unknown example game "${id}"; use none, auto or a built-in game id`);
  return { id, title: getGame(id).info.title, source: readFileSync(gameModulePath(id), 'utf8') };
}

export class PromptError extends Error {
  override name = 'PromptError';
}

export interface TypescriptPromptInput {
  info: GameInfo;
  /** The game's rules text, with its action strings. */
  rules: string;
  example: ExampleGame | null;
  /** The contract's source (readContract()). */
  contract: string;
}

export function typescriptPrompt({ info, rules, example, contract }: TypescriptPromptInput): string {
  const parts = [
    `Write the rules of the game ${info.title} as a Game Code World Model (GameCWM): a TypeScript module that a game-playing agent and a verifier will run.`,
    `## The game\n\n${rules.trim()}`,
    `## Facts about this game\n\n${gameFacts(info).map((f) => `- ${f}`).join('\n')}`,
    `## The contract\n\nThe module's exports must satisfy \`GameCWM<State, Observation>\` from the package \`gamecwm\`:\n\n\`\`\`ts\n${contract.trim()}\n\`\`\``,
    `## Rules for the module\n\n${SUBSET_RULES}`,
  ];
  if (example) {
    parts.push(`## An example\n\nA GameCWM of another game, ${example.title}, written to the same contract and rules. It shows the form only; your game's rules are the ones above.\n\n\`\`\`ts\n${example.source.trim()}\n\`\`\``);
  }
  parts.push('Reply with the whole module in a single ```ts code block.');
  return `${parts.join('\n\n')}\n`;
}

function gameFacts(info: GameInfo): string[] {
  const facts = [`${info.players} players, numbered 0 to ${info.players - 1}.`];
  facts.push(info.information === 'perfect'
    ? 'Perfect information: every player observes the whole state. resampleHistory is not needed.'
    : 'Imperfect information: each observation hides what that player may not see, and the module must export resampleHistory. '
      + 'Its history lists only the player\'s OWN decisions, oldest first, each [the observation the player had just before acting, the action it took] '
      + '(no entries for chance or the other players). Return the whole action list from the initial state, chance included, such that replaying it '
      + 'shows the player each entry\'s observation at its turns and takes each entry\'s action there, passes every entry, and stops no later than '
      + 'just before the player\'s next turn (right after its last action is fine). Draw hidden facts from their posterior, using only `random`.');
  facts.push(info.chance
    ? 'The game has chance events: chance nodes as the rules for the module below describe them; export getChanceOutcomes unless every outcome of every chance node is equally likely.'
    : 'The game has no chance events.');
  const utility = { 'zero-sum': 'Zero-sum: the final rewards sum to 0.', 'general-sum': 'General-sum: the rewards need not sum to anything.', identical: 'Cooperative: every player receives the same reward.' };
  facts.push(utility[info.utility]);
  facts.push(`Every game ends within ${info.maxGameLength} actions, chance included.`);
  return facts;
}

/** The paper's rules text of a game, games/<id>/rules.txt of its dataset or clone (read at run time, never shipped). */
export function paperRules(paperDatasetDir: string, gameId: string): string {
  const path = join(layoutOf(paperDatasetDir).gamesDir, gameId, 'rules.txt');
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new PromptError(`cannot read the paper's rules text ${path}; --paper-dataset must be the paper's dataset folder or a clone of its repository`);
  }
}

/** The paper's layout, its errors as prompt errors. */
function layoutOf(dir: string): PaperLayout {
  try {
    return paperLayout(dir);
  } catch (error) {
    if (error instanceof PaperLayoutError) throw new PromptError(error.message);
    throw error;
  }
}

/** The paper's template for Python generation, from DIR/prompts/, with the game's name and rules filled in. */
export function pythonPrompt(paperDatasetDir: string, info: GameInfo, rules: string): string {
  const name = info.information === 'perfect' ? 'perfect_info.txt' : 'imperfect_info.txt';
  const path = join(layoutOf(paperDatasetDir).promptsDir, name);
  let template: string;
  try {
    template = readFileSync(path, 'utf8');
  } catch {
    throw new PromptError(`cannot read the paper's prompt template ${path}; --paper-dataset must be the paper's dataset folder (prompts/${name}) or a clone of its repository (data/prompts/${name})`);
  }
  if (!template.includes('{game_desc}')) throw new PromptError(`${path} has no {game_desc} placeholder`);
  return template.split('{game_name}').join(info.title).split('{game_desc}').join(rules.trim());
}
