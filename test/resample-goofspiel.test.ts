// goofspiel's resampleHistory draws from the exact posterior over hidden
// worlds under a uniformly random opponent. Prizes and finished rounds' bids
// are public, so the only hidden thing is player 0's face-down bid while
// player 1 is to bid: uniform over the cards player 0 still holds. The exact
// posterior is computed independently (test/helpers/posterior.ts) by walking
// the game tree and checked against the hand-computed one below.

import * as game from '../src/games/goofspiel/game.js';
import { describeResampleHistory, historyOf } from './helpers/posterior.js';

const CARDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];

/** Ten tied rounds: prize k met by bids k and k (k = 1..10). */
const TEN_TIES: string[] = [];
for (let k = 1; k <= 10; k++) TEN_TIES.push(`prize:${k}`, `bid:${k}`, `bid:${k}`);

function uniform(worlds: string[]): Record<string, number> {
  const exact: Record<string, number> = {};
  for (const world of worlds) exact[world] = 1 / worlds.length;
  return exact;
}

// Player 0's history at its decision after the first round, used to build an impossible history.
const afterRound = historyOf(game, ['prize:5', 'bid:7', 'bid:3', 'prize:1'], 0);

describeResampleHistory('goofspiel resampleHistory posterior', game, {
  draws: 40000,
  tolerance: 0.01,
  seed: (index) => 300 + index,
  cases: [
    {
      name: 'player 1 facing player 0\'s first face-down bid: any of 13 cards',
      actions: ['prize:5', 'bid:7'], player: 1,
      exact: uniform(CARDS.map((c) => `prize:5,bid:${c}`)),
    },
    {
      // Player 0 has bid 1..10 in ties, so it holds 11, 12, 13 before round 11's bid.
      name: 'few cards left: player 1 in round 11 facing a bid from player 0\'s last three cards',
      actions: [...TEN_TIES, 'prize:12', 'bid:13'], player: 1,
      exact: uniform([11, 12, 13].map((c) => [...TEN_TIES, 'prize:12', `bid:${c}`].join(','))),
    },
    {
      // Revealed bids tell player 1 that player 0 spent 7 and 2: eleven cards remain.
      name: 'player 1 in round 3 after two revealed rounds: player 0\'s eleven remaining cards',
      actions: ['prize:5', 'bid:7', 'bid:3', 'prize:1', 'bid:2', 'bid:13', 'prize:9', 'bid:10'], player: 1,
      exact: uniform(CARDS.filter((c) => c !== 7 && c !== 2)
        .map((c) => `prize:5,bid:7,bid:3,prize:1,bid:2,bid:13,prize:9,bid:${c}`)),
    },
    {
      name: 'player 0 never faces hidden information: a single world',
      actions: ['prize:5', 'bid:7', 'bid:3', 'prize:2', 'bid:1'], player: 0,
      exact: { 'prize:5,bid:7,bid:3,prize:2,bid:1': 1 },
    },
    {
      name: 'player 1 after its own bid: the reveal is not in its history, player 0\'s bid stays hidden',
      actions: ['prize:5', 'bid:7', 'bid:3'], player: 1,
      exact: uniform(CARDS.map((c) => `prize:5,bid:${c},bid:3`)),
    },
  ],
  indistinguishable: [
    {
      name: 'player 1 cannot tell player 0\'s face-down bids apart',
      player: 1,
      plays: [['prize:5', 'bid:7'], ['prize:5', 'bid:1'], ['prize:5', 'bid:13']],
    },
  ],
  unexplained: [
    {
      name: 'a history whose points contradict the revealed bids is rejected',
      player: 0,
      actions: ['prize:5', 'bid:7', 'bid:3', 'prize:1'],
      replace: { step: 1, observation: { ...afterRound[1][0], points: [0, 5] } },
    },
  ],
});
