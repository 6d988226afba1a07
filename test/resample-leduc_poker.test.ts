// leduc_poker's resampleHistory draws from the exact posterior over hidden
// worlds under a uniformly random opponent. The exact posterior is computed
// independently (test/helpers/posterior.ts) by walking the whole game tree:
// every action sequence that matches the player's own decisions (and ends at
// its current decision, or right after its last one) is weighted by its
// chance probabilities times 1/|legal actions| at each opponent step.

import * as game from '../src/games/leduc_poker/game.js';
import { describeResampleHistory } from './helpers/posterior.js';

describeResampleHistory('leduc_poker resampleHistory posterior', game, {
  draws: 40000,
  tolerance: 0.01,
  seed: (index) => 100 + index,
  cases: [
    {
      // Player 0 holds J, the public card is Q. Every rank left is dealt with
      // the same chance: after J, J the public Q had 1/2 (only Q, K left),
      // after J, Q or J, K it had 1/3, so the posterior is 3:2:2.
      name: 'player 0 holding J with a public Q, facing a round-2 raise',
      actions: ['deal:J', 'deal:K', 'Call', 'Call', 'deal:Q', 'Call', 'Raise'], player: 0,
      exact: {
        'deal:J,deal:J,Call,Call,deal:Q,Call,Raise': 3 / 7,
        'deal:J,deal:Q,Call,Call,deal:Q,Call,Raise': 2 / 7,
        'deal:J,deal:K,Call,Call,deal:Q,Call,Raise': 2 / 7,
      },
    },
    {
      // Player 1 holds K before the public card: a second K was as likely as
      // any other rank, so player 0 has J, Q or K with 1/3 each.
      name: 'player 1 holding K, its history ending with its call before the public deal',
      actions: ['deal:K', 'deal:K', 'Raise', 'Call'], player: 1,
      exact: {
        'deal:J,deal:K,Raise,Call': 1 / 3,
        'deal:Q,deal:K,Raise,Call': 1 / 3,
        'deal:K,deal:K,Raise,Call': 1 / 3,
      },
    },
    {
      name: 'player 0 at its first decision: player 1 holds any rank with 1/3',
      actions: ['deal:K', 'deal:Q'], player: 0,
      exact: { 'deal:K,deal:J': 1 / 3, 'deal:K,deal:Q': 1 / 3, 'deal:K,deal:K': 1 / 3 },
    },
    {
      // Own K and public K leave J, J, Q, Q.
      name: 'player 0 holding K with a public K, its history ending with its fold',
      actions: ['deal:K', 'deal:J', 'Call', 'Raise', 'Call', 'deal:K', 'Call', 'Raise', 'Fold'], player: 0,
      exact: {
        'deal:K,deal:J,Call,Raise,Call,deal:K,Call,Raise,Fold': 0.5,
        'deal:K,deal:Q,Call,Raise,Call,deal:K,Call,Raise,Fold': 0.5,
      },
    },
    {
      // A showdown shows no card (as in the paper's golden): player 1 holds J,
      // the public K had 1/2 after J, J and 1/3 otherwise.
      name: 'player 1 whose call ends at a showdown that shows no private card: every opponent rank remains',
      actions: ['deal:Q', 'deal:J', 'Call', 'Call', 'deal:K', 'Call', 'Call'], player: 1,
      exact: {
        'deal:J,deal:J,Call,Call,deal:K,Call,Call': 3 / 7,
        'deal:Q,deal:J,Call,Call,deal:K,Call,Call': 2 / 7,
        'deal:K,deal:J,Call,Call,deal:K,Call,Call': 2 / 7,
      },
    },
  ],
});
