// poker_holdem's resampleHistory. The betting and the board are public and
// the legal actions never depend on the cards, so under a uniformly random
// opponent the exact posterior over hidden worlds is uniform over the
// opponent's ordered hole cards among the cards the player has not seen.
//
// Small histories go through the exact tree walk of test/helpers/posterior.ts
// (every world enumerated). Longer ones are too big for that walk (thousands
// of hidden worlds times every later deal), so a support test draws many
// worlds and checks that every unseen ordered pair appears, that no seen card
// is ever given to the opponent, and that each pair's frequency is within a
// stated tolerance of uniform.

import { describe, expect, it } from 'vitest';
import * as game from '../src/games/poker_holdem/game.js';
import { Rng } from '../src/engine/rng.js';
import { chiSquareSurvival } from '../src/verifier/stats.js';
import { describeResampleHistory, historyOf } from './helpers/posterior.js';

const RANKS = '23456789TJQKA';
const SUITS = 'cdhs';
const CARDS = [...RANKS].flatMap((r) => [...SUITS].map((s) => r + s));
const deal = (card: string): string => `deal:${card}`;

/** World keys and probabilities: the opponent's two hole cards at `slots` of `actions`, uniform over unseen ordered pairs. */
function uniformPairs(actions: string[], slots: [number, number], seen: string[]): Record<string, number> {
  const unseen = CARDS.filter((c) => !seen.includes(c));
  const worlds: Record<string, number> = {};
  const p = 1 / (unseen.length * (unseen.length - 1));
  for (const a of unseen) {
    for (const b of unseen) {
      if (a === b) continue;
      const world = actions.slice();
      world[slots[0]] = deal(a);
      world[slots[1]] = deal(b);
      worlds[world.join(',')] = p;
    }
  }
  return worlds;
}

const HOLE = ['Ah', 'Kh', '7d', '2s'];
const FLOP = ['Tc', '9s', '4d'];
// Histories with two or more decisions; one entry is altered below so that no play explains them.
const TO_TURN = [...HOLE.map(deal), 'Call', 'Check', ...FLOP.map(deal), 'Check', 'Check', deal('3h'), 'Check'];
const atTurn = historyOf(game, TO_TURN, 0);
const TO_FLOP = [...HOLE.map(deal), 'Call', 'Check', ...FLOP.map(deal)];
const atFlop = historyOf(game, TO_FLOP, 1);

describeResampleHistory('poker_holdem resampleHistory posterior', game, {
  draws: 60000,
  tolerance: 0.01,
  seed: (index) => 300 + index,
  // Every decision follows the four hole deals: the tree walk would enumerate 52*51*50*49 deals, so the
  // hidden pairs are checked by the support tests below; the walk covers the empty play.
  cases: [
    {
      name: 'player 1 before its first decision: the empty play',
      actions: HOLE.slice(0, 3).map(deal), player: 1,
      exact: { '': 1 },
    },
  ],
  indistinguishable: [
    {
      name: 'player 0 cannot tell player 1\'s hole cards apart before a showdown (fold on the flop)',
      player: 0,
      plays: [
        [...HOLE.map(deal), 'Call', 'Check', ...FLOP.map(deal), 'Raise', 'Fold'],
        [...['Ah', 'Kh', 'As', 'Ad'].map(deal), 'Call', 'Check', ...FLOP.map(deal), 'Raise', 'Fold'],
      ],
    },
    {
      name: 'player 1 cannot see player 0\'s first hole card',
      player: 1,
      plays: [[deal('Ah')], [deal('2c')]],
    },
  ],
  unexplained: [
    {
      name: 'a history whose board changes a card that was already shown is explained by no play',
      player: 0,
      actions: TO_TURN,
      replace: { step: 1, observation: { ...atTurn[1][0], board: ['Tc', '9s', '5d'] } },
    },
    {
      name: 'a history where the player\'s own hole card changes is explained by no play',
      player: 1,
      actions: TO_FLOP,
      replace: { step: 0, observation: { ...atFlop[0][0], holeCards: ['7d', '3s'] } },
    },
  ],
});

/** Draws `draws` worlds for `player`'s history of `actions`; returns counts of the opponent's ordered hole cards. */
function drawOpponentPairs(actions: string[], player: number, draws: number, seed: number): Map<string, number> {
  const history = historyOf(game, actions, player);
  const rng = new Rng(seed);
  const slots = player === 0 ? [2, 3] : [0, 1];
  const counts = new Map<string, number>();
  for (let i = 0; i < draws; i++) {
    const world = game.resampleHistory(history, player, rng.randomFn);
    // Everything but the opponent's hole cards is fixed by the history.
    for (let t = 0; t < actions.length; t++) {
      if (t !== slots[0] && t !== slots[1] && world[t] !== actions[t]) throw new Error(`step ${t} resampled as ${world[t]}, not ${actions[t]}`);
    }
    const key = `${world[slots[0]]} ${world[slots[1]]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function expectUniformOverUnseen(counts: Map<string, number>, seen: string[], draws: number, tolerance: number): void {
  const unseen = CARDS.filter((c) => !seen.includes(c));
  const pairs = unseen.length * (unseen.length - 1);
  expect(counts.size, 'every unseen ordered pair is drawn, and nothing else').toBe(pairs);
  const expected = draws / pairs;
  let statistic = 0;
  for (const [key, n] of counts) {
    const [a, b] = key.split(' ').map((d) => d.slice(5));
    expect(unseen.includes(a) && unseen.includes(b) && a !== b, `drawn pair ${key} uses a seen card`).toBe(true);
    expect(Math.abs(n / draws - 1 / pairs), `pair ${key}`).toBeLessThan(tolerance);
    statistic += (n - expected) ** 2 / expected;
  }
  // Pearson's goodness of fit to the uniform distribution over all unseen pairs.
  expect(chiSquareSurvival(statistic, pairs - 1)).toBeGreaterThan(1e-4);
}

describe('poker_holdem resampleHistory support on long histories', () => {
  const draws = 200000;
  // 1,980 pairs: the standard error of a frequency is about sqrt(1/1980 / 200000) = 5e-5; allow 6 of them
  // (then also a chi-square goodness-of-fit test over all pairs).
  const tolerance = 3e-4;

  it(`player 0 facing a river raise: ${draws} draws cover every unseen pair of player 1 uniformly (within ${tolerance})`, () => {
    const actions = [...HOLE.map(deal), 'Call', 'Check', ...FLOP.map(deal), 'Check', 'Raise', 'Call',
      deal('3h'), 'Raise', 'Raise', 'Call', deal('Jc'), 'Raise'];
    const counts = drawOpponentPairs(actions, 0, draws, 11);
    expectUniformOverUnseen(counts, ['Ah', 'Kh', ...FLOP, '3h', 'Jc'], draws, tolerance);
  });

  it(`player 1 whose last decision was a raise on the turn: ${draws} draws cover every unseen pair uniformly (within ${tolerance})`, () => {
    // Player 0 then folds; that is after player 1's last decision, so its history ends with the raise.
    const actions = [...HOLE.map(deal), 'Raise', 'Call', ...FLOP.map(deal), 'Check', 'Check', deal('3h'), 'Raise'];
    const counts = drawOpponentPairs(actions, 1, draws, 12);
    expectUniformOverUnseen(counts, ['7d', '2s', ...FLOP, '3h'], draws, tolerance);
  });

  it('player 1 after a showdown: its history ends with its call, player 0\'s cards stay hidden', () => {
    const actions = [...HOLE.map(deal), 'Call', 'Check', ...FLOP.map(deal), 'Check', 'Check', deal('3h'),
      'Check', 'Check', deal('Jc'), 'Check', 'Raise', 'Call'];
    const history = historyOf(game, actions, 1);
    const world = game.resampleHistory(history, 1, new Rng(13).randomFn);
    // Player 1 called last: the world runs to its call, player 0's hole cards drawn.
    expect(world.slice(2)).toEqual(actions.slice(2));
  });

  it('the empty-history case and a history at the very start resample to the empty play', () => {
    expect(game.resampleHistory(historyOf(game, [], 0), 0, Math.random)).toEqual([]);
    expect(game.resampleHistory(historyOf(game, [], 1), 1, Math.random)).toEqual([]);
  });
});
