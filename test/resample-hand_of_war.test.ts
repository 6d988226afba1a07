// hand_of_war's resampleHistory draws from the exact posterior over hidden
// worlds under a uniformly random opponent. For each case the posterior is
// computed here independently, from a plain model of the deck (four cards of
// each rank, drawn without replacement in the order the rules give) and of a
// uniformly random opponent (each distinct rank in hand equally likely);
// test/helpers/posterior.ts then checks it against its own walk of the whole
// game tree and compares it with the resampled frequencies.

import { describe, expect, it } from 'vitest';
import * as game from '../src/games/hand_of_war/game.js';
import { Rng } from '../src/engine/rng.js';
import { chiSquareSurvival } from '../src/verifier/stats.js';
import { describeResampleHistory, empiricalPosterior, historyOf } from './helpers/posterior.js';

const RANKS = ['J', 'Q', 'K', 'A'];
const d = (rank: string): string => `deal:${rank}`;
const p = (rank: string): string => `play:${rank}`;

type Pool = Record<string, number>;
const FULL: Pool = { J: 4, Q: 4, K: 4, A: 4 };

/** Probability of drawing `ranks` in this order from `pool` without replacement (pool is not changed). */
function drawProbability(pool: Pool, ranks: string[]): number {
  const left = { ...pool };
  let prob = 1;
  for (const r of ranks) {
    const total = Object.values(left).reduce((s, n) => s + n, 0);
    if (left[r] <= 0) return 0;
    prob *= left[r] / total;
    left[r] -= 1;
  }
  return prob;
}

function without(pool: Pool, ranks: string[]): Pool {
  const left = { ...pool };
  for (const r of ranks) left[r] -= 1;
  return left;
}

function distinctRanks(cards: string[]): string[] {
  return RANKS.filter((r) => cards.includes(r));
}

function removeOne(cards: string[], rank: string): string[] {
  const i = cards.indexOf(rank);
  return [...cards.slice(0, i), ...cards.slice(i + 1)];
}

/** Every distinct order of `ranks` (a multiset). */
function orders(ranks: string[]): string[][] {
  if (ranks.length === 0) return [[]];
  const out: string[][] = [];
  for (const r of RANKS) {
    if (!ranks.includes(r)) continue;
    for (const rest of orders(removeOne(ranks, r))) out.push([r, ...rest]);
  }
  return out;
}

/** Every ordered triple of ranks. */
const TRIPLES: string[][] = RANKS.flatMap((a) => RANKS.flatMap((b) => RANKS.map((c) => [a, b, c])));

/** Adds `weight` to world `actions`, then normalises when done. */
function posterior(build: (add: (actions: string[], weight: number) => void) => void): Record<string, number> {
  const worlds: Record<string, number> = {};
  build((actions, weight) => {
    if (weight > 0) worlds[actions.join(',')] = (worlds[actions.join(',')] ?? 0) + weight;
  });
  const total = Object.values(worlds).reduce((s, w) => s + w, 0);
  for (const key of Object.keys(worlds)) worlds[key] /= total;
  return worlds;
}

// Player 0 draws A K Q, then player 1 draws J J A (player 0 sees only its own).
const OPENING = [d('A'), d('K'), d('Q'), d('J'), d('J'), d('A')];

// The history holds the player's own decisions only (the paper's convention), and its hand is sorted: the
// order of its own draws between two decisions is not seen, so every order of them is a world (all orders of
// a multiset drawn without replacement are equally likely).
const cases = [
  {
    // Player 0 holds A K Q: its own draws in any order; player 1's three draws come from J J J J Q Q Q K K K A A A.
    name: 'player 0 holding A K Q at its first pick',
    actions: OPENING, player: 0,
    exact: posterior((add) => {
      for (const own of orders(['A', 'K', 'Q'])) {
        for (const t of TRIPLES) add([...own.map(d), ...t.map(d)], drawProbability(FULL, own) * drawProbability(without(FULL, own), t));
      }
    }),
  },
  {
    // Player 1 holds J J A and faces player 0's hidden pick: player 0's three draws (which
    // change how likely player 1's own draws were) and its pick among its distinct ranks.
    name: 'player 1 facing player 0\'s hidden first pick',
    actions: [...OPENING, p('K')], player: 1,
    exact: posterior((add) => {
      for (const t of TRIPLES) {
        for (const own of orders(['J', 'J', 'A'])) {
          const w = drawProbability(FULL, t) * drawProbability(without(FULL, t), own);
          const picks = distinctRanks(t);
          for (const c of picks) add([...t.map(d), ...own.map(d), p(c)], w / picks.length);
        }
      }
    }),
  },
  {
    // The same decision taken: the history ends with player 1's own pick, so the world ends right after it
    // (the battle it decides is not in the history).
    name: 'player 1 right after its first pick',
    actions: [...OPENING, p('K'), p('J')], player: 1,
    exact: posterior((add) => {
      for (const t of TRIPLES) {
        for (const own of orders(['J', 'J', 'A'])) {
          const w = drawProbability(FULL, t) * drawProbability(without(FULL, t), own);
          const picks = distinctRanks(t);
          for (const c of picks) add([...t.map(d), ...own.map(d), p(c), p('J')], w / picks.length);
        }
      }
    }),
  },
  {
    // Player 0 (A K Q) beat player 1's J with its A, then drew a K; player 1 drew one hidden card.
    // Player 1's opening must hold a J; its pick weighs 1/|distinct ranks|.
    name: 'player 0 after winning the first battle and both refills',
    actions: [...OPENING, p('A'), p('J'), d('K'), d('Q')], player: 0,
    exact: posterior((add) => {
      for (const own of orders(['A', 'K', 'Q'])) {
        const afterOwn = without(FULL, own);
        for (const t of TRIPLES) {
          if (!t.includes('J')) continue;
          const opening = drawProbability(FULL, own) * drawProbability(afterOwn, t) / distinctRanks(t).length;
          const ownRefill = drawProbability(without(afterOwn, t), ['K']);
          for (const w of RANKS) {
            const refill = drawProbability(without(afterOwn, [...t, 'K']), [w]);
            add([...own.map(d), ...t.map(d), p('A'), p('J'), d('K'), d(w)], opening * ownRefill * refill);
          }
        }
      }
    }),
  },
  {
    // A tie (A against A), one burn each (no rank drawn), then player 0's hidden second pick.
    // Player 1 holds A J J: player 0's opening must hold an A, and its second pick comes
    // from what is left of it.
    name: 'player 1 in a showdown facing player 0\'s hidden second pick',
    actions: [d('A'), d('K'), d('Q'), d('A'), d('J'), d('J'), p('A'), p('A'), p('K')], player: 1,
    exact: posterior((add) => {
      for (const t of TRIPLES) {
        if (!t.includes('A')) continue;
        for (const own of orders(['A', 'J', 'J'])) {
          const w = drawProbability(FULL, t) * drawProbability(without(FULL, t), own) / distinctRanks(t).length;
          const rest = removeOne(t, 'A');
          const picks = distinctRanks(rest);
          for (const c of picks) add([...t.map(d), ...own.map(d), p('A'), p('A'), p(c)], w / picks.length);
        }
      }
    }),
  },
];

describeResampleHistory('hand_of_war resampleHistory posterior', game, {
  draws: 60000,
  tolerance: 0.01,
  seed: (index) => 500 + index,
  cases,
  indistinguishable: [
    {
      name: 'player 1 cannot see player 0\'s pick before making its own',
      player: 1,
      plays: [[...OPENING, p('A')], [...OPENING, p('K')], [...OPENING, p('Q')]],
    },
    {
      name: 'player 0 cannot see the ranks player 1 draws',
      player: 0,
      plays: [OPENING, [d('A'), d('K'), d('Q'), d('Q'), d('Q'), d('Q')]],
    },
  ],
  unexplained: [
    {
      // Player 0's A beat player 1's J; a history claiming player 1 took the cards is impossible.
      name: 'a history whose win piles contradict the revealed battle is explained by no play',
      player: 0,
      actions: [d('A'), d('A'), d('A'), d('J'), d('J'), d('J'), p('A'), p('J'), d('A'), d('J')],
      replace: {
        step: 1,
        observation: {
          player: 0, hand: ['A', 'A', 'A'], opponentHandSize: 3, drawPiles: [4, 4], winPiles: [0, 2], table: 0,
          myPick: null, toDraw: [0, 0], battles: ['A-J'], currentPlayer: 0,
        },
      },
    },
    {
      // Player 1 drew all four aces, yet the history shows player 0 playing one: a fifth ace.
      name: 'a history with a fifth ace is explained by no play',
      player: 1,
      actions: [d('J'), d('J'), d('J'), d('A'), d('A'), d('A'), p('J'), p('A'), d('Q'), d('A'), p('J')],
      replace: {
        step: 1,
        observation: {
          player: 1, hand: ['A', 'A', 'A'], opponentHandSize: 2, drawPiles: [4, 4], winPiles: [0, 2], table: 1,
          myPick: null, toDraw: [0, 0], battles: ['A-A'], currentPlayer: 1,
        },
      },
    },
  ],
});

describe('hand_of_war resampleHistory goodness of fit', () => {
  // The absolute tolerance above is loose for posteriors spread over 100+ worlds; Pearson's
  // chi-square test over all worlds catches a small misweighting of many of them at once.
  const draws = 100000;
  for (const [index, c] of cases.entries()) {
    it(`${c.name}: ${draws} draws fit the exact posterior (chi-square p > 1e-4)`, () => {
      const drawn = empiricalPosterior(game, historyOf(game, c.actions, c.player), c.player, draws, 900 + index);
      let statistic = 0;
      for (const [key, prob] of Object.entries(c.exact)) statistic += ((drawn.get(key) ?? 0) * draws - prob * draws) ** 2 / (prob * draws);
      for (const key of drawn.keys()) expect(c.exact, `drawn world ${key}`).toHaveProperty([key]);
      expect(chiSquareSurvival(statistic, Math.max(1, Object.keys(c.exact).length - 1))).toBeGreaterThan(1e-4);
    });
  }
});

describe('hand_of_war resampleHistory on whole games', () => {
  it('the hand-computed posteriors leave every world likely enough to be drawn', () => {
    // With 60,000 draws the rarest world is expected at least 18 times (never drawn with probability e^-18).
    for (const c of cases) expect(Math.min(...Object.values(c.exact)), c.name).toBeGreaterThan(3e-4);
  });

  it('resampled plays of 300 seeded random games replay to the same history, for both players at every tenth step', () => {
    const rng = new Rng(77);
    for (let g = 0; g < 300; g++) {
      const actions: string[] = [];
      let state = game.getInitialState();
      while (game.getCurrentPlayer(state) !== -4) {
        const player = game.getCurrentPlayer(state);
        let action: string;
        if (player === -1) {
          const outcomes = game.getChanceOutcomes(state);
          let u = rng.random();
          action = outcomes[outcomes.length - 1][0];
          for (const [a, prob] of outcomes) {
            u -= prob;
            if (u < 0) {
              action = a;
              break;
            }
          }
        } else {
          action = rng.pick(game.getLegalActions(state));
        }
        actions.push(action);
        state = game.applyAction(state, action);
      }
      for (let cut = g % 10; cut <= actions.length; cut += 10) {
        for (const player of [0, 1]) {
          const history = historyOf(game, actions.slice(0, cut), player);
          const world = game.resampleHistory(history, player, rng.randomFn);
          expect(historyOf(game, world, player)).toEqual(history);
        }
      }
    }
  });
});
