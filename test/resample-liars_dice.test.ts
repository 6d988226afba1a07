// liars_dice's resampleHistory draws from the exact posterior over hidden
// worlds under a uniformly random opponent. The legal bids depend only on the
// public bidding, never on the dice, so nothing a player sees says anything
// about the opponent's dice, not even after a challenge (the paper's golden
// shows none): the posterior over the opponent's rolled dice is uniform over
// all 6^k sequences (k <= 3). A history holds the player's own decisions only
// (the paper's convention), all of them after the six dice. Every case goes
// through the exact tree walk of test/helpers/posterior.ts.

import * as game from '../src/games/liars_dice/game.js';
import { describeResampleHistory } from './helpers/posterior.js';

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

const MINE = [1, 2, 3];
const THEIRS = [4, 5, 6];

describeResampleHistory('liars_dice resampleHistory posterior', game, {
  draws: 40000,
  tolerance: 0.01,
  seed: (index) => 400 + index,
  cases: [
    {
      name: 'player 1 before its first decision: the empty play',
      actions: rolls([...MINE, ...THEIRS]), player: 1,
      exact: { '': 1 },
    },
    {
      name: 'player 0 at its first bid: player 1\'s three dice are uniform (216 worlds)',
      actions: rolls([...MINE, ...THEIRS]), player: 0,
      exact: uniformDice(rolls(MINE), 3, []),
    },
    {
      name: 'player 0 during the bidding: player 1\'s three dice are uniform (216 worlds)',
      actions: [...rolls([...MINE, ...THEIRS]), 'bid:2:3', 'bid:4:3'], player: 0,
      exact: uniformDice(rolls(MINE), 3, ['bid:2:3', 'bid:4:3']),
    },
    {
      name: 'a challenge shows no dice (as in the paper\'s golden): player 0\'s dice stay uniform',
      actions: [...rolls([...MINE, ...THEIRS]), 'bid:2:3', 'liar'], player: 1,
      exact: uniformDice([], 3, [...rolls(THEIRS), 'bid:2:3', 'liar']),
    },
  ],
  indistinguishable: [
    {
      name: 'player 0 cannot see player 1\'s dice during the bidding',
      player: 0,
      plays: [[...rolls([...MINE, ...THEIRS]), 'bid:2:3', 'bid:3:3'], [...rolls([...MINE, 1, 1, 1]), 'bid:2:3', 'bid:3:3']],
    },
    {
      name: 'nor after a challenge',
      player: 0,
      plays: [[...rolls([...MINE, ...THEIRS]), 'bid:2:3', 'liar'], [...rolls([...MINE, 3, 3, 3]), 'bid:2:3', 'liar']],
    },
  ],
  unexplained: [
    {
      name: 'a decision before every die is rolled is rejected',
      player: 0, actions: rolls([...MINE, ...THEIRS]),
      replace: { step: 0, observation: { player: 0, ownDice: MINE, rolled: [3, 2], bids: [], currentPlayer: 0 } },
    },
  ],
});
