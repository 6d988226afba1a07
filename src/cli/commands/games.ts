import type { Command } from 'commander';
import { GAMES } from '../../games/index.js';
import { formatTable } from '../table.js';

export function registerGamesCommand(program: Command): void {
  program
    .command('games')
    .description('list the built-in reference games')
    .option('--json', 'print JSON for machines')
    .action((options: { json?: boolean }) => {
      const infos = GAMES.map((g) => g.info);
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ games: infos }, null, 2)}\n`);
        return;
      }
      const rows = infos.map((i) => [i.id, i.title, i.players, i.information, i.chance ? 'yes' : 'no', i.utility, i.split]);
      process.stdout.write(`${formatTable(['id', 'title', 'players', 'information', 'chance', 'utility', 'split'], rows)}\n`);
      process.stdout.write(`\n${infos.length} games. Rules: gamecwm rules <id>. Play: gamecwm play <id> --agents random,random\n`);
    });
}
