// MCTS and ISMCTS: strength against random, tactics, chance, reproducibility,
// and that ISMCTS never peeks at hidden information.

import { describe, expect, it } from 'vitest';
import { agentSession } from '../src/agents/factory.js';
import { parseAgentList } from '../src/agents/spec.js';
import { CHANCE, type GameCWM, TERMINAL } from '../src/engine/contract.js';
import type { GameDefinition } from '../src/engine/game-definition.js';
import { playMatch } from '../src/engine/match.js';
import { Rng } from '../src/engine/rng.js';
import { getGame } from '../src/games/index.js';
import { NativeSearch } from '../src/mcts/backend.js';
import { ismctsSearch } from '../src/mcts/ismcts.js';
import { DEFAULT_SEARCH, SearchError, type SearchOptions } from '../src/mcts/search.js';
import { uctSearch } from '../src/mcts/uct.js';

function options(game: GameDefinition, iterations = 1000): SearchOptions {
  return { ...DEFAULT_SEARCH, iterations, players: game.info.players, rewardRange: game.info.rewardRange, maxGameLength: game.info.maxGameLength };
}

function replay(game: GameDefinition, actions: string[]): unknown {
  return actions.reduce((state, action) => game.cwm.applyAction(state, action), game.cwm.getInitialState());
}

async function arena(id: string, agents: string, games: number, rotateSeats = true) {
  const game = getGame(id);
  const session = agentSession(parseAgentList(agents, 2), game, { input: process.stdin, output: process.stdout }, { backend: new NativeSearch(game.cwm) });
  return (await playMatch(game, session.createAgent, { games, seed: 1, rotateSeats })).results;
}

describe('MCTS against random', () => {
  it('never loses at tic_tac_toe in 100 seeded games per seat (1,000 iterations)', async () => {
    const asFirst = await arena('tic_tac_toe', 'mcts:1000,random', 100, false);
    const asSecond = await arena('tic_tac_toe', 'random,mcts:1000', 100, false);
    expect(asFirst.wins[1]).toBe(0);
    expect(asSecond.wins[0]).toBe(0);
    expect(asFirst.wins[0]).toBeGreaterThan(80);
  });

  it('wins at least 95% at connect4', async () => {
    const results = await arena('connect4', 'mcts:1000,random', 100);
    expect(results.wins[0]).toBeGreaterThanOrEqual(95);
  });
});

describe('MCTS tactics', () => {
  const ttt = getGame('tic_tac_toe');
  const c4 = getGame('connect4');

  it('takes an immediate win', () => {
    // x to move with x(0,0), x(0,1) on the board: x(0,2) wins.
    const state = replay(ttt, ['x(0,0)', 'o(1,0)', 'x(0,1)', 'o(1,1)']);
    for (let seed = 0; seed < 5; seed++) expect(uctSearch(ttt.cwm, state, options(ttt), new Rng(seed)).action).toBe('x(0,2)');
    const c4State = replay(c4, ['x0', 'o6', 'x1', 'o6', 'x2', 'o5']);
    for (let seed = 0; seed < 5; seed++) expect(uctSearch(c4.cwm, c4State, options(c4), new Rng(seed)).action).toBe('x3');
  });

  it('blocks an immediate loss', () => {
    // o to move; x threatens the top row at (0,2).
    const state = replay(ttt, ['x(0,0)', 'o(1,1)', 'x(0,1)']);
    for (let seed = 0; seed < 5; seed++) expect(uctSearch(ttt.cwm, state, options(ttt), new Rng(seed)).action).toBe('o(0,2)');
    // o to move; x has three in column 0.
    const c4State = replay(c4, ['x0', 'o3', 'x0', 'o4', 'x0']);
    for (let seed = 0; seed < 5; seed++) expect(uctSearch(c4.cwm, c4State, options(c4), new Rng(seed)).action).toBe('o0');
  });

  it('reports visits, values, tree size and speed', () => {
    const result = uctSearch(ttt.cwm, ttt.cwm.getInitialState(), options(ttt, 2000), new Rng(3), () => performance.now());
    expect(result.iterations).toBe(2000);
    expect(result.stats).toHaveLength(9);
    expect(result.stats.reduce((sum, s) => sum + s.visits, 0)).toBe(2000);
    expect(result.treeSize).toBeGreaterThan(100);
    expect(result.simulationsPerSecond).toBeGreaterThan(0);
    expect(result.action).toBe(result.stats.slice().sort((a, b) => b.visits - a.visits)[0].action);
  });

  it('honours a time budget and a cap on tree size', () => {
    const timed = uctSearch(ttt.cwm, ttt.cwm.getInitialState(), { ...options(ttt), timeMs: 30 }, new Rng(1), () => performance.now());
    expect(timed.elapsedMs).toBeGreaterThanOrEqual(30);
    expect(timed.iterations).toBeGreaterThan(100);
    const capped = uctSearch(ttt.cwm, ttt.cwm.getInitialState(), { ...options(ttt, 3000), maxNodes: 50 }, new Rng(1));
    expect(capped.treeSize).toBe(50);
    expect(capped.iterations).toBe(3000);
    expect(() => uctSearch(ttt.cwm, ttt.cwm.getInitialState(), { ...options(ttt), timeMs: 10 }, new Rng(1), null)).toThrow(SearchError);
  });

  it('gives the same move and statistics for the same seed', () => {
    const state = replay(c4, ['x3', 'o3']);
    const a = uctSearch(c4.cwm, state, options(c4, 500), new Rng(42));
    const b = uctSearch(c4.cwm, state, options(c4, 500), new Rng(42));
    expect(b.stats).toEqual(a.stats);
    expect(b.action).toBe(a.action);
  });
});

/** One decision: "go" into a chance node paying +1 with probability 0.9 and -1 with 0.1, or "stop" for 0. */
const gamble: GameCWM<{ at: string }, null> = {
  getInitialState: () => ({ at: 'start' }),
  getCurrentPlayer: (s) => (s.at === 'start' ? 0 : s.at === 'chance' ? CHANCE : TERMINAL),
  getPlayerName: () => 'p',
  getLegalActions: (s) => (s.at === 'start' ? ['go', 'stop'] : s.at === 'chance' ? ['win', 'lose'] : []),
  getChanceOutcomes: () => [['win', 0.9], ['lose', 0.1]],
  applyAction: (s, a) => ({ at: a === 'go' ? 'chance' : a }),
  getRewards: (s) => [s.at === 'win' ? 1 : s.at === 'lose' ? -1 : 0],
  getObservations: () => [null],
};

describe('chance nodes', () => {
  it('are sampled by their probabilities, not uniformly', () => {
    const result = uctSearch(gamble, gamble.getInitialState(), { ...DEFAULT_SEARCH, iterations: 4000, players: 1, rewardRange: [-1, 1], maxGameLength: 2 }, new Rng(5));
    const go = result.stats.find((s) => s.action === 'go')!;
    // Scaled to [0, 1]: E[go] = (0.9 * 1 + 0.1 * 0) = 0.9 (uniform sampling would give 0.5).
    expect(go.value).toBeGreaterThan(0.87);
    expect(go.value).toBeLessThan(0.93);
    expect(result.action).toBe('go');
  });
});

describe('ISMCTS', () => {
  it('has a positive mean return against random at kuhn_poker and leduc_poker over 2,000 seeded games', async () => {
    const kuhn = await arena('kuhn_poker', 'ismcts:200,random', 2000);
    expect(kuhn.meanReturns[0] - kuhn.ci95[0]).toBeGreaterThan(0);
    const leduc = await arena('leduc_poker', 'ismcts:200,random', 2000);
    expect(leduc.meanReturns[0] - leduc.ci95[0]).toBeGreaterThan(0);
  }, 120_000);

  it('chooses identically in two true states that differ only in what the player cannot see', () => {
    const kuhn = getGame('kuhn_poker');
    const historyOf = (deal: string) => {
      const s0 = kuhn.cwm.getInitialState();
      const s1 = kuhn.cwm.applyAction(s0, deal);
      const s2 = kuhn.cwm.applyAction(s1, 'Call');
      const obs = [s0, s1, s2].map((s) => kuhn.cwm.getObservations(s)[1]);
      return [[obs[0], null], [obs[1], null], [obs[2], null]] as Array<[unknown, string | null]>;
    };
    // Player 1 holds the queen; player 0 holds the king in one world and the jack in the other.
    const a = ismctsSearch(kuhn.cwm, historyOf('KQ'), 1, ['Call', 'Raise'], options(kuhn, 3000), new Rng(11));
    const b = ismctsSearch(kuhn.cwm, historyOf('JQ'), 1, ['Call', 'Raise'], options(kuhn, 3000), new Rng(11));
    expect(historyOf('KQ')).toEqual(historyOf('JQ'));
    expect(b.stats).toEqual(a.stats);
    expect(b.action).toBe(a.action);
  });

  it('needs resampleHistory and says so', () => {
    const ttt = getGame('tic_tac_toe');
    const history: Array<[unknown, string | null]> = [[ttt.cwm.getInitialState(), null]];
    expect(() => ismctsSearch(ttt.cwm, history, 0, ['x(0,0)'], options(ttt), new Rng(1))).toThrow(/needs the game's resampleHistory/);
    expect(() => agentSession(parseAgentList('ismcts,random', 2), ttt, { input: process.stdin, output: process.stdout }, { backend: new NativeSearch(ttt.cwm) }))
      .toThrow(/ismcts needs the game's resampleHistory/);
  });
});
