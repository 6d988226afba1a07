import type { Command } from 'commander';
import { readRules } from '../../games/files.js';
import { resolveGame } from '../resolve.js';

export function registerRulesCommand(program: Command): void {
  program
    .command('rules')
    .description("print a game's rules and its action strings")
    .argument('<game>', 'game id (see `gamecwm games`)')
    .option('--json', 'print JSON for machines')
    .action((id: string, options: { json?: boolean }) => {
      const game = resolveGame(id);
      const rules = readRules(game.info.id);
      if (options.json) process.stdout.write(`${JSON.stringify({ game: game.info.id, rules })}\n`);
      else process.stdout.write(rules.endsWith('\n') ? rules : `${rules}\n`);
    });
}
