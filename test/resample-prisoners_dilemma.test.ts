// prisoners_dilemma: resampleHistory draws the hidden world (the opponent's
// unrevealed choice) from the exact posterior. The posterior is computed
// independently (test/helpers/posterior.ts), by enumerating every play of the
// game under a uniformly random opponent and keeping those that reproduce the
// player's history; 20,000 seeded draws must match it within 0.01 absolute per
// world (the standard error of a frequency is at most 0.0036 at this sample
// size).

import * as game from '../src/games/prisoners_dilemma/game.js';
import { describeResampleHistory } from './helpers/posterior.js';

describeResampleHistory('prisoners_dilemma resampleHistory', game, {
  draws: 20_000,
  tolerance: 0.01,
  seed: () => 7,
  cases: [
    { name: 'player 1 to move after player 0 cooperated: player 0\'s choice is a fair guess', actions: ['C'], player: 1, exact: { C: 0.5, D: 0.5 } },
    { name: 'player 1 to move after player 0 defected: the same, since nothing was revealed', actions: ['D'], player: 1, exact: { C: 0.5, D: 0.5 } },
    { name: 'player 0 after its own choice: nothing is hidden', actions: ['D'], player: 0, exact: { D: 1 } },
    { name: 'player 0 after the game: its history ends with its own decision', actions: ['C', 'D'], player: 0, exact: { C: 1 } },
    { name: 'player 1 after the game: the reveal is not in its history', actions: ['D', 'C'], player: 1, exact: { 'C,C': 0.5, 'D,C': 0.5 } },
    { name: 'the opening: the empty history', actions: [], player: 1, exact: { '': 1 } },
  ],
  indistinguishable: [
    { name: 'player 1 cannot tell cooperation from defection before the reveal', player: 1, plays: [['C'], ['D']] },
  ],
  unexplained: [
    {
      name: 'rejects a history no play of the game explains',
      actions: ['C', 'D'], player: 0,
      replace: { step: 0, observation: { choices: ['D', null] } },
    },
  ],
});
