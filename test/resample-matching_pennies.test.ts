// matching_pennies: resampleHistory draws the hidden world (the opponent's
// unrevealed coin) from the exact posterior. The posterior is computed
// independently (test/helpers/posterior.ts), by enumerating every play of the
// game under a uniformly random opponent and keeping those that reproduce the
// player's history; 20,000 seeded draws must match it within 0.01 absolute per
// world (the standard error of a frequency is at most 0.0036 at this sample
// size).

import * as game from '../src/games/matching_pennies/game.js';
import { describeResampleHistory } from './helpers/posterior.js';

describeResampleHistory('matching_pennies resampleHistory', game, {
  draws: 20_000,
  tolerance: 0.01,
  seed: () => 7,
  cases: [
    { name: 'player 1 to move after player 0 chose heads: player 0\'s coin is a fair guess', actions: ['H'], player: 1, exact: { H: 0.5, T: 0.5 } },
    { name: 'player 1 to move after player 0 chose tails: the same, since nothing was revealed', actions: ['T'], player: 1, exact: { H: 0.5, T: 0.5 } },
    { name: 'player 0 after its own choice: nothing is hidden', actions: ['T'], player: 0, exact: { T: 1 } },
    { name: 'player 0 after the game: its history ends with its own decision', actions: ['H', 'T'], player: 0, exact: { H: 1 } },
    { name: 'player 1 after the game: the reveal is not in its history', actions: ['T', 'H'], player: 1, exact: { 'H,H': 0.5, 'T,H': 0.5 } },
    { name: 'the opening: the empty history', actions: [], player: 1, exact: { '': 1 } },
  ],
  indistinguishable: [
    { name: 'player 1 cannot tell heads from tails before the reveal', player: 1, plays: [['H'], ['T']] },
  ],
  unexplained: [
    {
      name: 'rejects a history no play of the game explains',
      actions: ['H', 'T'], player: 0,
      replace: { step: 0, observation: { choices: ['T', null] } },
    },
  ],
});
