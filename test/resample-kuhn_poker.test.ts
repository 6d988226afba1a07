// kuhn_poker's resampleHistory draws from the exact posterior over hidden
// worlds under a uniformly random opponent. The exact posterior is computed
// independently (test/helpers/posterior.ts) by walking the whole game tree:
// every action sequence of the history's length whose observations and own
// actions match is weighted by its chance probabilities times 1/|legal
// actions| at each opponent step.

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
      name: 'player 0 holding J after folding to a check-raise (no card revealed)',
      actions: ['JQ', 'Call', 'Raise', 'Fold'], player: 0,
      exact: { 'JQ,Call,Raise,Fold': 0.5, 'JK,Call,Raise,Fold': 0.5 },
    },
    {
      name: 'player 1 (holding J) right after the deal',
      actions: ['QJ'], player: 1,
      exact: { 'QJ': 0.5, 'KJ': 0.5 },
    },
    {
      name: 'a showdown shows no card (as in the paper\'s golden): both worlds remain',
      actions: ['QK', 'Call', 'Call'], player: 0,
      exact: { 'QJ,Call,Call': 0.5, 'QK,Call,Call': 0.5 },
    },
  ],
});
