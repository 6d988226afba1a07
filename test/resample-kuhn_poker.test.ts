// kuhn_poker's resampleHistory draws from the exact posterior over hidden
// worlds under a uniformly random opponent. The exact posterior is computed
// independently (test/helpers/posterior.ts) by walking the whole game tree:
// every action sequence that matches the player's own decisions (and ends at
// its current decision, or right after its last one) is weighted by its
// chance probabilities times 1/|legal actions| at each opponent step.

import * as game from '../src/games/kuhn_poker/game.js';
import { describeResampleHistory } from './helpers/posterior.js';

describeResampleHistory('kuhn_poker resampleHistory posterior', game, {
  draws: 40000,
  tolerance: 0.01,
  seed: (index) => 100 + index,
  cases: [
    {
      name: 'player 0 holding K, facing a check-raise',
      actions: ['KJ', 'Call', 'Raise'], player: 0,
      exact: { 'KJ,Call,Raise': 0.5, 'KQ,Call,Raise': 0.5 },
    },
    {
      name: 'player 1 holding K, facing a raise',
      actions: ['QK', 'Raise'], player: 1,
      exact: { 'JK,Raise': 0.5, 'QK,Raise': 0.5 },
    },
    {
      name: 'player 0 holding J whose history ends with its fold to a check-raise',
      actions: ['JQ', 'Call', 'Raise', 'Fold'], player: 0,
      exact: { 'JQ,Call,Raise,Fold': 0.5, 'JK,Call,Raise,Fold': 0.5 },
    },
    {
      name: 'player 1 (holding J) at its first decision, after a check',
      actions: ['QJ', 'Call'], player: 1,
      exact: { 'QJ,Call': 0.5, 'KJ,Call': 0.5 },
    },
    {
      name: 'player 1 before any decision of its own: the empty play',
      actions: ['QK'], player: 1,
      exact: { '': 1 },
    },
    {
      name: 'player 0\'s history ends with its check: the showdown after it shows no card',
      actions: ['QK', 'Call', 'Call'], player: 0,
      exact: { 'QJ,Call': 0.5, 'QK,Call': 0.5 },
    },
  ],
});
