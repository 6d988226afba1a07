// `gamecwm arena`: agents against each other with seats swapping every game;
// wins, draws and mean returns per agent with 95% confidence intervals.

import type { Command } from 'commander';
import { agentSession } from '../../agents/factory.js';
import { playMatch } from '../../engine/match.js';
import { addSearchOptions, resolvePlayedGame, type SearchCliOptions, setupGame } from '../game-setup.js';
import { integerOption, parseSeed } from '../options.js';
import { startProgress } from '../progress.js';
import { resolveAgents, resolveSession } from '../resolve.js';
import { formatTable } from '../table.js';
import { UserError } from '../errors.js';

interface ArenaOptions extends SearchCliOptions {
  agents?: string;
  games: number;
  seed: number;
  json?: boolean;
}

export function registerArenaCommand(program: Command): void {
  const command = program
    .command('arena')
    .description('pit agents against each other; seats swap every game')
    .argument('[game]', 'game id (see `gamecwm games`); omit it for a new game given by --info and --cwm')
    .requiredOption('--agents <list>', 'one agent per player, comma-separated: random, mcts[:iterations], ismcts[:iterations]')
    .option('--games <n>', 'number of games', integerOption('--games', 1, 1_000_000), 100)
    .option('--seed <n>', 'seed for chance and agents', parseSeed, 0)
    .option('--json', 'print one JSON document for machines');
  addSearchOptions(command).action(async (id: string | undefined, options: ArenaOptions) => {
    const target = resolvePlayedGame(id, options);
    const players = target.info.players;
    const specs = resolveAgents(options.agents!, players);
    if (specs.some((s) => s.kind === 'human')) throw new UserError('the arena is for programs; use `gamecwm play --agents human,...` to play');
    const setup = await setupGame(target, options);
    try {
      const game = setup.definition;
      const session = resolveSession(() => agentSession(specs, game, { input: process.stdin, output: process.stdout }, {
        backend: setup.backend, c: options.mctsC, rollouts: options.rollouts,
      }));
      const progress = options.json ? { tick() {}, stop() {} } : startProgress('arena', options.games);
      const start = performance.now();
      let match;
      try {
        match = await playMatch(game, session.createAgent, { games: options.games, seed: options.seed, rotateSeats: true, onGameEnd: () => progress.tick() });
      } finally {
        progress.stop();
      }
      const seconds = (performance.now() - start) / 1000;
      const { results } = match;
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ game: game.info.id, games: options.games, seed: options.seed, agents: specs.map((s) => s.label), results })}\n`);
        return;
      }
      const rows = specs.map((spec, a) => [spec.label, results.wins[a], `${results.meanReturns[a].toFixed(3)} ± ${results.ci95[a].toFixed(3)}`]);
      process.stdout.write(`${game.info.title}${options.cwm ? ` (rules from ${options.cwm})` : ''}: ${options.games} games, seats swapping, seed ${options.seed}\n\n`);
      process.stdout.write(`${formatTable(['agent', 'wins', 'mean return ± 95% CI'], rows)}\n\ndraws: ${results.draws}   ${(options.games / seconds).toFixed(1)} games/s\n`);
    } finally {
      setup.dispose();
    }
  });
}
