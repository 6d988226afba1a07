// bench/mcts: MCTS (perfect information) and ISMCTS (imperfect information)
// simulations per second from the start of each game, one core, random
// rollouts: natively and inside the sandbox (the same search source bundled
// next to the game's module, one call per search), runs interleaved so
// machine drift hits both columns alike. Run: npm run bench:mcts [-- --json]

import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { formatTable } from '../src/cli/table.js';
import { CHANCE, type ObservationActionPair } from '../src/engine/contract.js';
import type { GameDefinition } from '../src/engine/game-definition.js';
import { CandidateRuntime } from '../src/engine/sandbox/candidate-runtime.js';
import { DEFAULT_LIMITS } from '../src/engine/sandbox/sandbox.js';
import { GAMES } from '../src/games/index.js';
import { NativeSearch, type SearchBackend } from '../src/mcts/backend.js';
import { DEFAULT_SEARCH, type SearchOptions } from '../src/mcts/search.js';
import { median } from '../src/bench/stats.js';

const RUNS = 7;
const json = process.argv.includes('--json');
/** Each measured search aims at about this long natively (iterations calibrated per game). */
const TARGET_MS = 150;

/** The first decision of the game: chance outcomes before it take the first listed outcome. */
function firstDecision(game: GameDefinition): { state: unknown; history: Array<ObservationActionPair<unknown>>; player: number } {
  let state = game.cwm.getInitialState();
  const observations = [game.cwm.getObservations(state)];
  while (game.cwm.getCurrentPlayer(state) === CHANCE) {
    state = game.cwm.applyAction(state, game.cwm.getLegalActions(state)[0]);
    observations.push(game.cwm.getObservations(state));
  }
  const player = game.cwm.getCurrentPlayer(state);
  return { state, player, history: observations.map((o) => [o[player], null]) };
}

function search(backend: SearchBackend, game: GameDefinition, options: SearchOptions, seed: number): void {
  const start = firstDecision(game);
  if (game.info.information === 'perfect') backend.mcts(start.state, options, seed);
  else backend.ismcts(start.history, start.player, game.cwm.getLegalActions(start.state), options, seed);
}

const rows: Array<Record<string, string | number>> = [];
for (const game of GAMES) {
  const base: SearchOptions = {
    ...DEFAULT_SEARCH, iterations: 200, players: game.info.players, rewardRange: game.info.rewardRange, maxGameLength: game.info.maxGameLength,
  };
  const native = new NativeSearch(game.cwm);
  const probeStart = performance.now();
  search(native, game, base, 1);
  const iterations = Math.max(50, Math.round((200 * TARGET_MS) / Math.max(1, performance.now() - probeStart)));
  const options: SearchOptions = { ...base, iterations };
  const source = readFileSync(`src/games/${game.info.id}/game.ts`, 'utf8');
  const isolate = await CandidateRuntime.load(source, `${game.info.id}.ts`, { ...DEFAULT_LIMITS, timeoutMs: 600_000 });
  const timings = { native: [] as number[], isolate: [] as number[] };
  for (let run = -2; run < RUNS; run++) {
    for (const [name, backend] of [['native', native], ['isolate', isolate]] as const) {
      const start = performance.now();
      search(backend, game, options, run + 100);
      const ms = performance.now() - start;
      if (run >= 0) timings[name].push(ms); // the first two runs warm up
    }
  }
  isolate.dispose();
  const nativeRate = iterations / (median(timings.native) / 1000);
  const isolateRate = iterations / (median(timings.isolate) / 1000);
  rows.push({
    game: game.info.id, search: game.info.information === 'perfect' ? 'mcts' : 'ismcts', iterations,
    nativePerSecond: Math.round(nativeRate), isolatePerSecond: Math.round(isolateRate), isolateOverNative: Math.round((isolateRate / nativeRate) * 100) / 100,
  });
}

const result = { suite: 'mcts', runs: RUNS, rollouts: 1, machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model }, games: rows };
if (json) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  process.stdout.write(`Simulations per second from the first decision, one core, medians of ${RUNS} runs\n\n`);
  process.stdout.write(`${formatTable(['game', 'search', 'iterations', 'native sims/s', 'isolate sims/s', 'isolate / native'],
    rows.map((r) => [r.game, r.search, r.iterations, r.nativePerSecond, r.isolatePerSecond, r.isolateOverNative]))}\n`);
}
