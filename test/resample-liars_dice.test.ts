// liars_dice's resampleHistory draws from the exact posterior over hidden
// worlds under a uniformly random opponent. The legal bids depend only on the
// public bidding, never on the dice, so nothing a player sees says anything
// about the opponent's dice before a challenge reveals them: the posterior
// over the opponent's rolled dice is uniform over all 6^k sequences. The
// small cases go through the exact tree walk of test/helpers/posterior.ts;
// the full-hand case (6^5 = 7,776 worlds) checks that the dice drawn are
// independent and uniform.

import { describe, expect, it } from 'vitest';
import { Rng } from '../src/engine/rng.js';
import * as game from '../src/games/liars_dice/game.js';
import { describeResampleHistory, historyOf } from './helpers/posterior.js';

function rolls(faces: number[]): string[] {
  return faces.map((f) => `roll:${f}`);
}

/** Every way to fill `hidden` dice (uniform), with `before` and `after` fixed around them. */
function uniformDice(before: string[], hidden: number, after: string[]): Record<string, number> {
  const worlds: Record<string, number> = {};
  const total = 6 ** hidden;
  for (let n = 0; n < total; n++) {
    const faces: number[] = [];
    let rest = n;
    for (let i = 0; i < hidden; i++) {
      faces.push((rest % 6) + 1);
      rest = Math.floor(rest / 6);
    }
    worlds[[...before, ...rolls(faces), ...after].join(',')] = 1 / total;
  }
  return worlds;
}

const MINE = [1, 2, 3, 4, 5];
const THEIRS = [2, 3, 4, 5, 6];

describeResampleHistory('liars_dice resampleHistory posterior', game, {
  draws: 40000,
  tolerance: 0.01,
  seed: (index) => 400 + index,
  cases: [
    {
      name: 'player 1 while player 0 rolls: player 0\'s two dice are uniform',
      actions: rolls([3, 6]), player: 1,
      exact: uniformDice([], 2, []),
    },
    {
      name: 'player 0 with its five dice while player 1 has rolled two',
      actions: rolls([...MINE, 6, 6]), player: 0,
      exact: uniformDice(rolls(MINE), 2, []),
    },
    {
      name: 'player 1 before its own first die: player 0\'s first die is uniform',
      actions: rolls([4]), player: 1,
      exact: uniformDice([], 1, []),
    },
  ],
  indistinguishable: [
    {
      name: 'player 0 cannot see player 1\'s dice during the bidding',
      player: 0,
      plays: [[...rolls([...MINE, ...THEIRS]), 'bid:2:3', 'bid:3:3'], [...rolls([...MINE, 1, 1, 1, 1, 1]), 'bid:2:3', 'bid:3:3']],
    },
  ],
  unexplained: [
    {
      name: 'a history whose own dice change is rejected',
      player: 0, actions: rolls([...MINE, 2]),
      replace: { step: 3, observation: { player: 0, ownDice: [1, 2, 4], opponentDice: null, rolled: [3, 0], bids: [], currentPlayer: -1 } },
    },
  ],
});

describe('liars_dice resampleHistory with all ten dice rolled', () => {
  // (Not through the tree walk: it would enumerate all 7,776 hidden cups before the reveal prunes them.)
  it('returns the true play once a challenge has revealed both cups', () => {
    const actions = [...rolls([...MINE, ...THEIRS]), 'bid:2:3', 'liar'];
    const rng = new Rng(8);
    for (const player of [0, 1]) {
      const history = historyOf(game, actions, player);
      for (let k = 0; k < 1000; k++) expect(game.resampleHistory(history, player, rng.randomFn)).toEqual(actions);
    }
  });

  it('draws player 1\'s five hidden dice independent and uniform (60,000 draws)', () => {
    const actions = [...rolls([...MINE, ...THEIRS]), 'bid:2:3', 'bid:4:3', 'bid:5:1'];
    const history = historyOf(game, actions, 0);
    const rng = new Rng(7);
    const draws = 60000;
    // Joint counts of each adjacent pair of player 1's dice (36 cells, 1/36 each) and per-die faces.
    const pairs = [0, 1, 2, 3].map(() => new Array<number>(36).fill(0));
    const faces = [0, 1, 2, 3, 4].map(() => new Array<number>(6).fill(0));
    const mine = rolls(MINE).join();
    const bids = 'bid:2:3,bid:4:3,bid:5:1';
    let mismatches = 0;
    for (let k = 0; k < draws; k++) {
      const world = game.resampleHistory(history, 0, rng.randomFn);
      if (world.slice(0, 5).join() !== mine || world.slice(10).join() !== bids) mismatches++;
      const dice = world.slice(5, 10).map((a) => Number(a.slice(5)));
      for (let i = 0; i < 5; i++) faces[i][dice[i] - 1]++;
      for (let i = 0; i < 4; i++) pairs[i][(dice[i] - 1) * 6 + dice[i + 1] - 1]++;
    }
    expect(mismatches, 'draws that change player 0\'s own dice or the public bids').toBe(0);
    for (const die of faces) for (const c of die) expect(Math.abs(c / draws - 1 / 6)).toBeLessThan(0.01);
    for (const pair of pairs) for (const c of pair) expect(Math.abs(c / draws - 1 / 36)).toBeLessThan(0.005);
  });
});
