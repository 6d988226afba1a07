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
      name: 'player 0 holding J after player 1 folded (no card revealed)',
      actions: ['JQ', 'Call', 'Fold'], player: 0,
      exact: { 'JQ,Call,Fold': 0.5, 'JK,Call,Fold': 0.5 },
    },
    {
      name: 'player 1 (holding J) right after the deal',
      actions: ['QJ'], player: 1,
      exact: { 'QJ': 0.5, 'KJ': 0.5 },
    },
    {
      name: 'a showdown reveals both cards: a single world',
      actions: ['QK', 'Call', 'Call'], player: 0,
      exact: { 'QK,Call,Call': 1 },
    },
  ],
});
