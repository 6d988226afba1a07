// `gamecwm init <dir> --name <id>`: writes a new game's starting point (its
// rules, facts, scenarios and a module that already verifies), refusing to
// overwrite any file that is there.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { findGame } from '../../games/index.js';
import { GAME_ID_PATTERN } from '../../games/new-game.js';
import { starterFiles } from '../../games/starter.js';
import { UserError } from '../errors.js';

interface InitOptions {
  name?: string;
  imperfect?: boolean;
  chance?: boolean;
  json?: boolean;
}

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description('write a new game\'s starting point: rules.md, facts.json, scenarios.json and <name>.ts (a tiny game that verifies)')
    .argument('<dir>', 'the folder to write into (created if missing)')
    .requiredOption('--name <id>', 'the game\'s id: lower-case letters, digits and underscores')
    .option('--imperfect', 'hidden information: the module gets observations that hide something and a resampleHistory')
    .option('--chance', 'chance nodes: the module gets a chance opening and getChanceOutcomes')
    .option('--json', 'print the files written as JSON')
    .action((dir: string, options: InitOptions) => {
      const id = options.name!;
      if (!GAME_ID_PATTERN.test(id)) throw new UserError(`--name must be lower-case letters, digits and underscores, starting with a letter, not "${id}"`);
      if (findGame(id)) throw new UserError(`${id} is a built-in game: choose another name for a new game`);
      const files = starterFiles({ id, imperfect: options.imperfect === true, chance: options.chance === true });
      const contents: Array<[string, string]> = [
        ['rules.md', files['rules.md']], ['facts.json', files['facts.json']], ['scenarios.json', files['scenarios.json']], [`${id}.ts`, files.module],
      ];
      const paths = contents.map(([name]) => join(dir, name));
      const existing = paths.find((path) => existsSync(path));
      if (existing) throw new UserError(`${existing} already exists: init writes only new files (choose another folder or move it away)`);
      mkdirSync(dir, { recursive: true });
      // 'wx' fails rather than overwrite a file that appeared since the check.
      contents.forEach(([, text], i) => writeFileSync(paths[i], text, { flag: 'wx' }));
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ game: id, files: paths })}\n`);
        return;
      }
      const [rules, facts, , module] = paths;
      process.stdout.write(`wrote ${paths.join(', ')}\n\nnext:\n`
        + `  gamecwm verify ${module} --info ${facts}        # passes as written\n`
        + `  edit ${rules}, ${module} and ${paths[2]} into your game, verify again\n`
        + `  gamecwm arena --cwm ${module} --info ${facts} --agents ${options.imperfect ? 'ismcts' : 'mcts'}:200,random --games 20\n`);
    });
}
