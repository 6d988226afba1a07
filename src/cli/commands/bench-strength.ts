// `gamecwm bench strength`: option parsing only; the pairings and the report
// are src/bench/strength.ts.

import { statSync } from 'node:fs';
import type { Command } from 'commander';
import {
  type CandidateSource, controlCandidates, DEFAULT_GAMES_PER_PAIR, DEFAULT_SIMULATIONS, DEFAULT_STRENGTH_GAMES, findCandidates, type FoundCandidates, runStrength,
} from '../../bench/strength.js';
import { DEFAULT_LIMITS } from '../../engine/sandbox/sandbox.js';
import { GAMES } from '../../games/index.js';
import { UserError } from '../errors.js';
import { integerOption } from '../options.js';
import { startProgress } from '../progress.js';
import { addCommonBenchOptions, type CommonBenchOptions, finishBench, selectGames } from './bench.js';

interface StrengthOptions extends CommonBenchOptions {
  games?: string;
  split?: string;
  candidates?: string;
  gamesPerPair: number;
  simulations: number;
  timeoutMs: number;
  memoryMb: number;
}

export function registerStrengthBench(bench: Command): void {
  const command = bench
    .command('strength')
    .description('win rates of MCTS planning over candidate CWMs against MCTS over the reference rules and against random (the game runs by the reference rules)')
    .option('--games <ids>', 'comma-separated game ids (default: the games with a candidate, or without --candidates the first eight)')
    .option('--split <split>', 'the dataset split to run: train or eval')
    .option('--candidates <dir>', 'a folder of <game>.ts / <game>.py candidates, or a `bench generate` output folder (its best candidate per game and language); default: each game\'s reference module in the sandbox, a control run')
    .option('--games-per-pair <n>', 'games per pairing, seats rotating', integerOption('--games-per-pair', 1, 100_000), DEFAULT_GAMES_PER_PAIR)
    .option('--simulations <n>', 'MCTS / ISMCTS simulations per move', integerOption('--simulations', 1, 1_000_000), DEFAULT_SIMULATIONS)
    .option('--timeout-ms <n>', 'time limit per candidate call (a whole search is one call)', integerOption('--timeout-ms', 10, 3_600_000), 60_000)
    .option('--memory-mb <n>', 'memory limit of a candidate\'s sandbox in MB', integerOption('--memory-mb', 16, 8192), DEFAULT_LIMITS.memoryMb);
  addCommonBenchOptions(command).action(async (options: StrengthOptions) => {
    const chosen = options.games !== undefined || options.split !== undefined;
    let games = selectGames(options.games, options.split, options.candidates === undefined ? DEFAULT_STRENGTH_GAMES : GAMES);
    let candidates: CandidateSource[];
    let missing: FoundCandidates['missing'] | undefined;
    if (options.candidates === undefined) {
      candidates = controlCandidates(games);
    } else {
      const dir = options.candidates;
      let isDirectory = false;
      try {
        isDirectory = statSync(dir).isDirectory();
      } catch {
        throw new UserError(`--candidates ${dir}: no such folder`);
      }
      if (!isDirectory) throw new UserError(`--candidates ${dir} is not a folder (give a folder of <game>.ts / <game>.py files or a bench generate output folder)`);
      const found = findCandidates(dir, games);
      if (found.candidates.length === 0) {
        throw new UserError(`--candidates ${dir} holds no candidate for ${chosen ? 'the selected games' : 'any game'} (expected <game>.ts / <game>.py files or generate-runs/<lang>/<game>/summary.json)`);
      }
      candidates = found.candidates;
      // Without --games / --split, the games are those with a candidate; the rest are not "skipped".
      if (chosen) missing = found.missing;
      else games = games.filter((game) => candidates.some((c) => c.game === game.info.id));
    }
    const report = await runStrength({
      games, candidates, control: options.candidates === undefined, missing,
      gamesPerPair: options.gamesPerPair, simulations: options.simulations, seed: options.seed,
      limits: { timeoutMs: options.timeoutMs, memoryMb: options.memoryMb },
      progress: options.json ? undefined : (total) => startProgress('strength', total),
    });
    finishBench(report, options);
  });
}
