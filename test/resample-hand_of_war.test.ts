// hand_of_war's resampleHistory draws from the exact posterior over hidden
// worlds under a uniformly random opponent. Chance offers one deal and every
// action is public except player 0's pick while player 1 is to answer it, so
// player 0's history fixes its world and player 1's leaves only that pick:
// uniform over player 0's hand at the time. test/helpers/posterior.ts checks
// these hand-computed posteriors against its own walk of the game tree.

import * as game from '../src/games/hand_of_war/game.js';
import { describeResampleHistory, historyOf } from './helpers/posterior.js';

const DEAL = 'deal:Ac,Ad,Ah,As,Jc,Jd,Jh,Js,Kc,Kd,Kh,Ks,Qc,Qd,Qh,Qs';

/** Equal weight on each world `prefix + [play:card]`. */
function pickAmong(prefix: string[], cards: string[]): Record<string, number> {
  const exact: Record<string, number> = {};
  for (const card of cards) exact[[...prefix, `play:${card}`].join(',')] = 1 / cards.length;
  return exact;
}

describeResampleHistory('hand_of_war resampleHistory posterior', game, {
  draws: 20000,
  tolerance: 0.01,
  seed: (index) => 900 + index,
  cases: [
    {
      name: 'player 1 answering the first pick: any of player 0\'s three aces',
      actions: [DEAL, 'play:Ah'], player: 1,
      exact: pickAmong([DEAL], ['Ac', 'Ad', 'Ah']),
    },
    {
      name: 'player 1 in the second battle: the first battle is public, the new pick any of player 0\'s hand',
      actions: [DEAL, 'play:Ac', 'play:Kc', 'play:As'], player: 1,
      exact: pickAmong([DEAL, 'play:Ac', 'play:Kc'], ['Ad', 'Ah', 'As']),
    },
    {
      name: 'player 0 sees everything: its history fixes the world',
      actions: [DEAL, 'play:Ac', 'play:Kd', 'play:Ad', 'play:Kh'], player: 0,
      exact: { [[DEAL, 'play:Ac', 'play:Kd', 'play:Ad', 'play:Kh'].join(',')]: 1 },
    },
  ],
  indistinguishable: [
    {
      name: 'player 1 cannot tell which card player 0 picked',
      player: 1,
      plays: [[DEAL, 'play:Ac'], [DEAL, 'play:Ad'], [DEAL, 'play:Ah']],
    },
  ],
  unexplained: [
    {
      name: 'a hand the deal does not give is rejected',
      player: 0,
      actions: [DEAL, 'play:Ac', 'play:Kc'],
      replace: { step: 1, observation: { ...historyOf(game, [DEAL, 'play:Ac', 'play:Kc'], 0)[1][0], hand: ['Kc', 'Kd', 'Kh'] } },
    },
  ],
});
