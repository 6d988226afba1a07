// `gamecwm play`: one game as a readable trajectory, many games as a summary,
// or one JSON document with --json.

import { seatName } from '../../agents/seat-name.js';
import { randomInt } from 'node:crypto';
import type { Command } from 'commander';
import { agentSession } from '../../agents/factory.js';
import { InputEndedError } from '../../agents/human.js';
import type { AgentSpec } from '../../agents/spec.js';
import { CHANCE } from '../../engine/contract.js';
import type { GameDefinition } from '../../engine/game-definition.js';
import { type MatchOptions, playMatch } from '../../engine/match.js';
import { UserError } from '../errors.js';
import { integerOption, MAX_SEED, parseSeed } from '../options.js';
import { startProgress } from '../progress.js';
import { addSearchOptions, type GameSetup, resolvePlayedGame, type SearchCliOptions, setupGame } from '../game-setup.js';
import { resolveAgents, resolveSession } from '../resolve.js';
import { formatTable } from '../table.js';

interface PlayOptions extends SearchCliOptions {
  agents?: string;
  games: number;
  seed?: number;
  json?: boolean;
  trajectories?: boolean;
}

export const MAX_GAMES = 1_000_000;

export function registerPlayCommand(program: Command): void {
  const command = program
    .command('play')
    .description('play a game with agents: one game prints its trajectory, many print a summary')
    .argument('[game]', 'game id (see `gamecwm games`); omit it for a new game given by --info and --cwm')
    .option('--agents <list>', 'one agent per seat, comma-separated: random, human, mcts[:iterations], ismcts[:iterations] (default: random for every seat)')
    .option('--games <n>', 'number of games', integerOption('--games', 1, MAX_GAMES), 1)
    .option('--seed <n>', `seed for chance and agents, 0-${MAX_SEED} (default: a fresh random seed, reported)`, parseSeed)
    .option('--trajectories', 'with --json, include every game\'s trajectory (always included for a single game)')
    .option('--json', 'print one JSON document for machines');
  addSearchOptions(command).action(async (id: string | undefined, options: PlayOptions) => {
    const target = resolvePlayedGame(id, options);
    const players = target.info.players;
    const specs = resolveAgents(options.agents ?? Array(players).fill('random').join(','), players);
    const seed = options.seed ?? randomInt(0, MAX_SEED);
    const setup = await setupGame(target, options);
    try {
      await play(setup, specs, seed, options);
    } finally {
      setup.dispose();
    }
  });
}

async function play(setup: GameSetup, specs: AgentSpec[], seed: number, options: PlayOptions): Promise<void> {
  const game = setup.definition;
  const humans = specs.some((s) => s.kind === 'human');
  if (humans && options.json) throw new UserError('--json cannot be combined with a human agent');
  const session = resolveSession(() => agentSession(specs, game, { input: process.stdin, output: process.stdout }, {
    backend: setup.backend, c: options.mctsC, rollouts: options.rollouts,
  }));
  const single = options.games === 1;
  const spectate = single && !options.json && !humans;
  const progress = options.json || single ? { tick() {}, stop() {} } : startProgress(game.info.id, options.games);
  const matchOptions: MatchOptions = {
    games: options.games,
    seed,
    keepTrajectories: options.json && (single || options.trajectories),
    onGameEnd: () => progress.tick(),
  };
  let finalState: unknown = game.cwm.getInitialState();
  if (spectate) {
    process.stdout.write(`${game.info.title}: ${seatLine(game, specs)}, seed ${seed}\n\n${game.renderState(finalState)}\n`);
    let step = 0;
    matchOptions.onStep = ({ player, action, next }) => {
      step++;
      const who = player === CHANCE ? 'chance' : seatName(game.cwm.getPlayerName(player), player);
      process.stdout.write(`\n${step}. ${who}: ${action}\n${game.renderState(next)}\n`);
    };
  } else if (humans && single) {
    matchOptions.onStep = ({ next }) => {
      finalState = next;
    };
  }
  let match;
  try {
    match = await playMatch(game, session.createAgent, matchOptions);
  } catch (error) {
    if (error instanceof InputEndedError) throw new UserError(error.message);
    throw error;
  } finally {
    progress.stop();
    session.close();
  }
  const { results } = match;
  if (options.json) {
    const document: Record<string, unknown> = {
      game: game.info.id, games: options.games, seed, agents: specs.map((s) => s.label), results,
    };
    if (match.trajectories) document.trajectories = match.trajectories;
    process.stdout.write(`${JSON.stringify(document)}\n`);
    return;
  }
  if (humans && single) process.stdout.write(gameOverText(game, specs, finalState));
  if (single) {
    const returns = results.meanReturns.map((r, p) => `${game.cwm.getPlayerName(p)} ${r}`).join(', ');
    process.stdout.write(`\nreturns: ${returns}\n`);
    return;
  }
  const rows = specs.map((spec, p) => [p, game.cwm.getPlayerName(p), spec.label, results.wins[p], round(results.meanReturns[p])]);
  process.stdout.write(`${game.info.title}: ${options.games} games, seed ${seed}\n\n`);
  process.stdout.write(`${formatTable(['seat', 'player', 'agent', 'wins', 'mean return'], rows)}\n\ndraws: ${results.draws}\n`);
}

/**
 * The end of a game with people at the table: the last move is never a
 * human's to see through a prompt, so each human seat gets its final view,
 * then the whole final state (the game is over: nothing is left to hide,
 * as at a showdown).
 */
function gameOverText(game: GameDefinition, specs: AgentSpec[], finalState: unknown): string {
  const lines = ['', `Game over: ${game.info.title}`];
  const observations = game.cwm.getObservations(finalState);
  specs.forEach((spec, p) => {
    if (spec.kind !== 'human') return;
    lines.push('', `What ${seatName(game.cwm.getPlayerName(p), p)} sees:`, game.renderObservation(observations[p], p));
  });
  lines.push('', 'Final state:', game.renderState(finalState), '');
  return lines.join('\n');
}

function seatLine(game: GameDefinition, specs: AgentSpec[]): string {
  return specs.map((s, p) => `${s.label} as ${game.cwm.getPlayerName(p)}`).join(' vs ');
}

function round(x: number): string {
  return x.toFixed(4);
}
