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
import { Determiniser } from '../src/mcts/determinise.js';
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
      const s2 = kuhn.cwm.applyAction(kuhn.cwm.applyAction(kuhn.cwm.getInitialState(), deal), 'Call');
      // Player 1's first decision: no own pairs yet, then [current observation, null].
      return [[kuhn.cwm.getObservations(s2)[1], null]] as Array<[unknown, string | null]>;
    };
    // Player 1 holds the queen; player 0 holds the king in one world and the jack in the other.
    const a = ismctsSearch(kuhn.cwm, historyOf('KQ'), 1, ['Call', 'Raise'], options(kuhn, 3000), new Rng(11));
    const b = ismctsSearch(kuhn.cwm, historyOf('JQ'), 1, ['Call', 'Raise'], options(kuhn, 3000), new Rng(11));
    expect(historyOf('KQ')).toEqual(historyOf('JQ'));
    expect(b.stats).toEqual(a.stats);
    expect(b.action).toBe(a.action);
  });

  it('determinises natively through a trailing [observation, null] entry and counts every determinisation', () => {
    const kuhn = getGame('kuhn_poker');
    const s = kuhn.cwm.applyAction(kuhn.cwm.applyAction(kuhn.cwm.getInitialState(), 'KQ'), 'Call');
    const result = ismctsSearch(kuhn.cwm, [[kuhn.cwm.getObservations(s)[1], null]], 1, ['Fold', 'Call', 'Raise'], options(kuhn, 500), new Rng(3));
    // The probe plus one per iteration.
    expect(result.determinisations).toEqual({ attempted: 501, succeeded: 501, path: 'native' });
  });

  // A paper-format module: it knows nothing of [observation, null] and rejects it.
  const paperOnly = (game: GameCWM<unknown, unknown>): GameCWM<unknown, unknown> => ({
    ...game, resampleHistory: (history, player, random) => {
      if (history.some(([, action]) => action === null)) throw new Error('an entry without an action');
      return game.resampleHistory!(history, player, random);
    },
  });

  it('determinises a paper-format module through its own resample with the decision as the last entry, with the same posterior', () => {
    const kuhn = getGame('kuhn_poker');
    const s = ['QK', 'Raise'].reduce((state, a) => kuhn.cwm.applyAction(state, a), kuhn.cwm.getInitialState());
    const observation = kuhn.cwm.getObservations(s)[1];
    const history = [[observation, null]] as Array<[unknown, string | null]>;
    const paper = paperOnly(kuhn.cwm);
    const result = ismctsSearch(paper, history, 1, ['Fold', 'Call'], options(kuhn, 3000), new Rng(4));
    // The native probe is refused; then every attempt reaches the decision: the probe (positing Fold), one per iteration.
    expect(result.determinisations).toEqual({ attempted: 3002, succeeded: 3001, path: 'decision', lastFailure: 'an entry without an action' });
    const native = ismctsSearch(kuhn.cwm, history, 1, ['Fold', 'Call'], options(kuhn, 3000), new Rng(4));
    expect(result.action).toBe(native.action);
    expect(result.action).toBe('Call');
    // Each determinisation is at player 1's decision with its observation; player 0 holds J or Q alike.
    const determiniser = new Determiniser(paper, [], observation, 1, ['Fold', 'Call'], kuhn.info.maxGameLength, new Rng(5));
    const held = new Map<string, number>();
    for (let k = 0; k < 600; k++) {
      const state = determiniser.next() as { cards: string[] };
      expect(kuhn.cwm.getCurrentPlayer(state)).toBe(1);
      expect(kuhn.cwm.getObservations(state)[1]).toEqual(observation);
      held.set(state.cards[0], (held.get(state.cards[0]) ?? 0) + 1);
    }
    expect([...held.keys()].sort()).toEqual(['J', 'Q']);
    expect(Math.min(...held.values())).toBeGreaterThan(240);
  });

  it('extends the paper\'s form forward for a module that cannot take the decision as an entry, with the same posterior', () => {
    const kuhn = getGame('kuhn_poker');
    // It explains no history at all (an empty one needs no call at a first decision).
    const blind = { ...kuhn.cwm, resampleHistory: (): string[] => { throw new Error('no history explained'); } };
    const s = ['QK', 'Raise'].reduce((state, a) => kuhn.cwm.applyAction(state, a), kuhn.cwm.getInitialState());
    const history = [[kuhn.cwm.getObservations(s)[1], null]] as Array<[unknown, string | null]>;
    const fallback = ismctsSearch(blind, history, 1, ['Fold', 'Call'], options(kuhn, 3000), new Rng(4));
    expect(fallback.determinisations!.path).toBe('extend');
    // Player 1 holding K facing a raise: extending forward from the deal accepts the 2 deals of 6 where
    // it holds K, and only after a raise (1 in 3 for a uniform player 0): about 1 in 9 attempts succeed.
    const { attempted, succeeded } = fallback.determinisations!;
    expect(succeeded).toBe(3000);
    expect(attempted / succeeded).toBeGreaterThan(6);
    expect(attempted / succeeded).toBeLessThan(13);
    const native = ismctsSearch(kuhn.cwm, history, 1, ['Fold', 'Call'], options(kuhn, 3000), new Rng(4));
    expect(fallback.action).toBe(native.action);
  });

  it('fails a search whose determinisations all fail, with the reason', () => {
    const kuhn = getGame('kuhn_poker');
    // It always returns a play that ends the hand (both check to the showdown).
    const broken = { ...kuhn.cwm, resampleHistory: () => ['KQ', 'Call', 'Call'] };
    const s1 = kuhn.cwm.applyAction(kuhn.cwm.getInitialState(), 'KQ');
    const s3 = kuhn.cwm.applyAction(kuhn.cwm.applyAction(s1, 'Call'), 'Raise');
    const history = [[kuhn.cwm.getObservations(s1)[0], 'Call'], [kuhn.cwm.getObservations(s3)[0], null]] as Array<[unknown, string | null]>;
    expect(() => ismctsSearch(broken, history, 0, ['Fold', 'Call'], options(kuhn, 10), new Rng(1)))
      .toThrow(/could not determinise: none of \d+ attempts reached the player's decision \(extending the resampled history reached the end of the game\)/);
  });

  it('is reproducible: the same seed gives the same move and statistics', () => {
    const leduc = getGame('leduc_poker');
    const s = ['deal:K', 'deal:Q', 'Raise'].reduce((state, a) => leduc.cwm.applyAction(state, a), leduc.cwm.getInitialState());
    const history = [[leduc.cwm.getObservations(s)[1], null]] as Array<[unknown, string | null]>;
    const a = ismctsSearch(leduc.cwm, history, 1, leduc.cwm.getLegalActions(s), options(leduc, 400), new Rng(8));
    const b = ismctsSearch(leduc.cwm, history, 1, leduc.cwm.getLegalActions(s), options(leduc, 400), new Rng(8));
    expect(b).toMatchObject({ action: a.action, stats: a.stats, determinisations: a.determinisations });
  });

  it('needs resampleHistory and says so', () => {
    const ttt = getGame('tic_tac_toe');
    const history: Array<[unknown, string | null]> = [[ttt.cwm.getInitialState(), null]];
    expect(() => ismctsSearch(ttt.cwm, history, 0, ['x(0,0)'], options(ttt), new Rng(1))).toThrow(/needs the game's resampleHistory/);
    expect(() => agentSession(parseAgentList('ismcts,random', 2), ttt, { input: process.stdin, output: process.stdout }, { backend: new NativeSearch(ttt.cwm) }))
      .toThrow(/ismcts needs the game's resampleHistory/);
  });
});
