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

describeResampleHistory('poker_holdem resampleHistory posterior', game, {
  draws: 60000,
  tolerance: 0.01,
  seed: (index) => 300 + index,
  cases: [
    {
      // Player 1 has seen nothing: player 0's first card is any of 52.
      name: 'player 1 after player 0\'s first hole card',
      actions: [deal('Ah')], player: 1,
      exact: Object.fromEntries(CARDS.map((c) => [deal(c), 1 / 52])),
    },
    {
      // Player 0 holds Ah Kh: player 1 holds any ordered pair of the other 50 cards (2,450 worlds).
      name: 'player 0 holding Ah Kh when the betting starts',
      actions: HOLE.map(deal), player: 0,
      exact: uniformPairs(HOLE.map(deal), [2, 3], ['Ah', 'Kh']),
    },
    {
      // Player 1 holds its first card 7d: player 0 holds any ordered pair of the other 51.
      name: 'player 1 holding only its first card',
      actions: HOLE.slice(0, 3).map(deal), player: 1,
      exact: uniformPairs(HOLE.slice(0, 3).map(deal), [0, 1], ['7d']),
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
      actions: [...HOLE.map(deal), 'Call', 'Check', ...FLOP.map(deal), 'Check'],
      replace: {
        step: 8,
        observation: {
          player: 0, holeCards: ['Ah', 'Kh'], opponentCards: null, board: ['Tc', '9s', '5d'], round: 1,
          betting: [['Call', 'Check'], [], [], []], contributions: [1, 1], pot: 2, currentPlayer: -1,
        },
      },
    },
    {
      name: 'a history where the player\'s own hole card changes is explained by no play',
      player: 1,
      actions: [...HOLE.map(deal), 'Call'],
      replace: {
        step: 5,
        observation: {
          player: 1, holeCards: ['7d', '3s'], opponentCards: null, board: [], round: 0,
          betting: [['Call'], [], [], []], contributions: [1, 1], pot: 2, currentPlayer: 1,
        },
      },
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

  it(`player 1 after player 0 folds on the turn (nothing revealed): ${draws} draws cover every unseen pair uniformly (within ${tolerance})`, () => {
    const actions = [...HOLE.map(deal), 'Raise', 'Call', ...FLOP.map(deal), 'Check', 'Check', deal('3h'), 'Raise', 'Fold'];
    const counts = drawOpponentPairs(actions, 1, draws, 12);
    expectUniformOverUnseen(counts, ['7d', '2s', ...FLOP, '3h'], draws, tolerance);
  });

  it('a showdown shows both hands: the resampled world is always the true play', () => {
    const actions = [...HOLE.map(deal), 'Call', 'Check', ...FLOP.map(deal), 'Check', 'Check', deal('3h'),
      'Check', 'Check', deal('Jc'), 'Check', 'Raise', 'Call'];
    for (const player of [0, 1]) {
      const history = historyOf(game, actions, player);
      const rng = new Rng(13 + player);
      for (let i = 0; i < 200; i++) expect(game.resampleHistory(history, player, rng.randomFn)).toEqual(actions);
    }
  });

  it('the empty-history case and a history at the very start resample to the empty play', () => {
    expect(game.resampleHistory(historyOf(game, [], 0), 0, Math.random)).toEqual([]);
    expect(game.resampleHistory(historyOf(game, [], 1), 1, Math.random)).toEqual([]);
  });
});
