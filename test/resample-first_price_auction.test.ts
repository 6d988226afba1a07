// first_price_auction's resampleHistory draws from the exact posterior over
// hidden worlds under a uniformly random opponent. The exact posterior is
// computed independently (test/helpers/posterior.ts) by walking the whole game
// tree, and checked against the posterior worked out by hand: each valuation
// pair has probability 1/25 and every bid is always legal, so the hidden
// valuation (and, while sealed, the hidden bid) of the opponent is uniform
// until the end, which shows everything.

import * as game from '../src/games/first_price_auction/game.js';
import { describeResampleHistory } from './helpers/posterior.js';

/** World keys for every hidden valuation of player 0 (0) or 1 (1), the other's fixed. */
function valuations(hidden: number, known: number, rest: string[]): Record<string, number> {
  const worlds: Record<string, number> = {};
  for (let v = 1; v <= 5; v++) {
    const deal = hidden === 0 ? `${v}${known}` : `${known}${v}`;
    worlds[[deal, ...rest].join(',')] = 1 / 5;
  }
  return worlds;
}

/** Player 1's view after player 0 bid: player 0's valuation and sealed bid, 30 worlds (then `rest`). */
function sealedBid(v1: number, rest: string[] = []): Record<string, number> {
  const worlds: Record<string, number> = {};
  for (let v0 = 1; v0 <= 5; v0++) {
    for (let b = 0; b <= 5; b++) worlds[[`${v0}${v1}`, `bid_${b}`, ...rest].join(',')] = 1 / 30;
  }
  return worlds;
}

describeResampleHistory('first_price_auction resampleHistory posterior', game, {
  draws: 40000,
  tolerance: 0.01,
  seed: (index) => 300 + index,
  cases: [
    {
      name: 'player 0 right after the draw: player 1 values the item 1..5',
      actions: ['24'], player: 0,
      exact: valuations(1, 2, []),
    },
    {
      name: 'player 1 facing a sealed bid: player 0\'s valuation and bid both hidden',
      actions: ['35', 'bid_2'], player: 1,
      exact: sealedBid(5),
    },
    {
      name: 'player 0 after the game: its history ends with its own bid, player 1\'s valuation hidden',
      actions: ['35', 'bid_2', 'bid_4'], player: 0,
      exact: valuations(1, 3, ['bid_2']),
    },
    {
      name: 'player 1 after the game: the reveal is not in its history, so player 0\'s bid stays hidden',
      actions: ['35', 'bid_2', 'bid_4'], player: 1,
      exact: sealedBid(5, ['bid_4']),
    },
  ],
  indistinguishable: [
    { name: 'player 0 cannot tell player 1\'s valuation', player: 0, plays: [['31', 'bid_2'], ['35', 'bid_2']] },
    { name: 'player 1 sees neither player 0\'s valuation nor its sealed bid', player: 1, plays: [['35', 'bid_0'], ['25', 'bid_5']] },
  ],
  unexplained: [
    {
      name: 'a history showing the player\'s own bid before it bids is rejected',
      player: 0, actions: ['35', 'bid_2'],
      replace: { step: 0, observation: { player: 0, value: 3, ownBid: 2, opponentBid: null, opponentValue: null } },
    },
    {
      name: 'a history where the sealed bid is shown before the end is rejected',
      player: 1, actions: ['35', 'bid_2'],
      replace: { step: 0, observation: { player: 1, value: 5, ownBid: null, opponentBid: 2, opponentValue: null } },
    },
  ],
});
