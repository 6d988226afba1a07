import { describe, expect, it } from 'vitest';
import { RandomAgent, type Agent } from '../src/engine/agent.js';
import { chanceOutcomes, sampleOutcome } from '../src/engine/chance.js';
import { CHANCE, TERMINAL, type GameCWM } from '../src/engine/contract.js';
import { deepFreeze, jsonEqual, nonJsonReason, stableStringify } from '../src/engine/json.js';
import { playMatch } from '../src/engine/match.js';
import { isDraw, winnerOf } from '../src/engine/outcome.js';
import { deriveSeed, Rng } from '../src/engine/rng.js';
import { GameLengthError, observationActionHistory, playGame } from '../src/engine/runner.js';
import { getGame } from '../src/games/index.js';

describe('Rng', () => {
  it('reproduces the same stream from the same seed and differs across seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(xs);
  });

  it('draws uniform floats in [0, 1) and integers in [0, n)', () => {
    const rng = new Rng(7);
    const counts = [0, 0, 0, 0];
    let min = 1;
    let max = 0;
    for (let i = 0; i < 40_000; i++) {
      const u = rng.random();
      min = Math.min(min, u);
      max = Math.max(max, u);
      counts[rng.int(4)]++;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });

  it('derives independent, reproducible sub-streams', () => {
    const root = new Rng(1);
    expect(root.derive(3).nextUint32()).toBe(new Rng(1).derive(3).nextUint32());
    expect(root.derive(3).nextUint32()).not.toBe(root.derive(4).nextUint32());
    expect(deriveSeed(1, 2, 3)).not.toBe(deriveSeed(1, 3, 2));
  });

  it('refuses to pick from an empty list', () => {
    expect(() => new Rng(1).pick([])).toThrow(/empty/);
  });
});

describe('JSON helpers', () => {
  it('stringifies with sorted keys so equal values have equal text', () => {
    expect(stableStringify({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}');
    expect(jsonEqual({ a: 1, b: [2] }, { b: [2], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 2 })).toBe(false);
  });

  it('deep-freezes nested values', () => {
    const value = deepFreeze({ board: [['.']], meta: { n: 1 } });
    expect(() => { (value.board[0] as string[])[0] = 'x'; }).toThrow(TypeError);
    expect(() => { (value.meta as { n: number }).n = 2; }).toThrow(TypeError);
  });

  it('names what is not plain JSON data', () => {
    expect(nonJsonReason({ a: [1, 'x', true, null] })).toBeNull();
    expect(nonJsonReason({ a: [1, Number.NaN] })).toBe('$.a[1] is NaN, not a finite number');
    expect(nonJsonReason({ a: undefined })).toBe('$.a is undefined');
    expect(nonJsonReason({ s: new Set([1]) })).toBe('$.s is a Set instance, not a plain object');
    expect(nonJsonReason({ f: () => 1 })).toBe('$.f is function');
  });
});

describe('chance sampling', () => {
  it('draws outcomes in proportion to their probabilities', () => {
    const outcomes: Array<[string, number]> = [['a', 0.5], ['b', 0.25], ['c', 0.25]];
    expect(sampleOutcome(outcomes, 0)).toBe('a');
    expect(sampleOutcome(outcomes, 0.49)).toBe('a');
    expect(sampleOutcome(outcomes, 0.5)).toBe('b');
    expect(sampleOutcome(outcomes, 0.99)).toBe('c');
    const rng = new Rng(5);
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 20_000; i++) counts[sampleOutcome(outcomes, rng.random())]++;
    expect(counts.a / 20_000).toBeCloseTo(0.5, 1);
    expect(counts.b / 20_000).toBeCloseTo(0.25, 1);
  });

  it('is uniform over the legal actions when the game gives no probabilities', () => {
    const game = { getLegalActions: () => ['1', '2', '3', '4'] } as unknown as GameCWM<unknown, unknown>;
    expect(chanceOutcomes(game, {})).toEqual([['1', 0.25], ['2', 0.25], ['3', 0.25], ['4', 0.25]]);
  });
});

describe('outcome', () => {
  it('finds a strict winner or none', () => {
    expect(winnerOf([1, -1])).toBe(0);
    expect(winnerOf([0, 5, 3])).toBe(1);
    expect(winnerOf([2, 1, 2])).toBeNull();
    expect(isDraw([0, 0])).toBe(true);
    expect(isDraw([1, 1, 0])).toBe(false);
  });
});

/** A counting game: chance adds 1 or 2 to a total, the player may stop; imperfect information. */
const counter: GameCWM<{ total: number; turn: number }, { total: number }> = {
  getInitialState: () => ({ total: 0, turn: CHANCE }),
  getCurrentPlayer: (s) => s.turn,
  getPlayerName: (p) => `p${p}`,
  getLegalActions: (s) => (s.turn === TERMINAL ? [] : s.turn === CHANCE ? ['1', '2'] : ['go', 'stop']),
  getChanceOutcomes: () => [['1', 0.9], ['2', 0.1]],
  applyAction: (s, a) => (a === 'stop' ? { total: s.total, turn: TERMINAL }
    : a === 'go' ? { total: s.total, turn: CHANCE } : { total: s.total + Number(a), turn: 0 }),
  getRewards: (s) => [s.turn === TERMINAL ? s.total : 0],
  getObservations: (s) => [{ total: s.total }],
};

describe('playGame', () => {
  it('records actions, players, observations and returns', async () => {
    const stopper: Agent = { name: 'stopper', act: () => 'stop' };
    const { trajectory } = await playGame(counter, [stopper], {
      chanceRng: new Rng(1), maxLength: 10, perfectInformation: false, recordObservations: true,
    });
    expect(trajectory.players).toEqual([CHANCE, 0]);
    expect(trajectory.actions[1]).toBe('stop');
    expect(['1', '2']).toContain(trajectory.actions[0]);
    expect(trajectory.observations).toHaveLength(3);
    expect(trajectory.returns).toEqual([Number(trajectory.actions[0])]);
  });

  it('never shows the state to agents in imperfect-information games and gives them their history', async () => {
    const seen: unknown[] = [];
    const spy: Agent = { name: 'spy', usesHistory: true, act: (ctx) => { seen.push(ctx); return seen.length > 2 ? 'stop' : 'go'; } };
    await playGame(counter, [spy], { chanceRng: new Rng(2), maxLength: 20, perfectInformation: false });
    for (const ctx of seen as Array<{ state?: unknown; history: unknown[]; observation: unknown }>) {
      expect(ctx.state).toBeUndefined();
      expect(ctx.history.at(-1)).toEqual([ctx.observation, null]);
    }
    // The third decision: two own [observation, action] pairs, then [current observation, null].
    expect((seen[2] as { history: unknown[] }).history).toHaveLength(3);
  });

  it('builds a player\'s decision history: its own decisions (the paper\'s convention), then its current observation', () => {
    const history = observationActionHistory([[{ o: 0 }, { o: 1 }], [{ o: 2 }, { o: 3 }], [{ o: 4 }, { o: 5 }]], ['a', 'b'], [0, 1], 1);
    expect(history).toEqual([[{ o: 3 }, 'b'], [{ o: 5 }, null]]);
  });

  it('rejects an illegal action from an agent', async () => {
    const cheat: Agent = { name: 'cheat', act: () => 'jump' };
    await expect(playGame(counter, [cheat], { chanceRng: new Rng(1), maxLength: 10, perfectInformation: false }))
      .rejects.toThrow('agent cheat chose "jump", which is not legal for player 0');
  });

  it('stops a game that exceeds its declared length', async () => {
    const goer: Agent = { name: 'goer', act: () => 'go' };
    await expect(playGame(counter, [goer], { chanceRng: new Rng(1), maxLength: 9, perfectInformation: false }))
      .rejects.toBeInstanceOf(GameLengthError);
  });
});

describe('playMatch', () => {
  it('is reproducible from its seed and sums wins, draws and returns', async () => {
    const game = getGame('tic_tac_toe');
    const run = () => playMatch(game, (_seat, rng) => new RandomAgent(rng), { games: 200, seed: 9 });
    const first = await run();
    expect(await run()).toEqual(first);
    const { wins, draws, meanReturns } = first.results;
    expect(wins[0] + wins[1] + draws).toBe(200);
    expect(meanReturns[0]).toBeCloseTo((wins[0] - wins[1]) / 200, 12);
    const other = await playMatch(game, (_seat, rng) => new RandomAgent(rng), { games: 200, seed: 10 });
    expect(other.results).not.toEqual(first.results);
  });
});
