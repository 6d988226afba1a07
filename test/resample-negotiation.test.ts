// negotiation's resampleHistory draws from the exact posterior over hidden
// worlds under a uniformly random opponent. The only hidden thing is the
// opponent's values; proposals and the ending are public and no legal action
// depends on values, so the posterior is the uniform prior over the
// opponent's 64 value sets whatever happened. test/helpers/posterior.ts
// checks the hand-computed posteriors below against its own walk of the game
// tree (all 4,096 deals), and the draws against both.

import * as game from '../src/games/negotiation/game.js';
import { describeResampleHistory, historyOf } from './helpers/posterior.js';

const VALUE_SETS: string[] = [];
for (let b = 0; b <= 3; b++) for (let h = 0; h <= 3; h++) for (let l = 0; l <= 3; l++) VALUE_SETS.push(`${b}_${h}_${l}`);

/** Uniform over the opponent's 64 value sets: `deal(values)` builds the deal, `rest` follows it. */
function uniformOverValues(deal: (values: string) => string, rest: string[]): Record<string, number> {
  const exact: Record<string, number> = {};
  for (const values of VALUE_SETS) exact[[deal(values), ...rest].join(',')] = 1 / 64;
  return exact;
}

const DEAL = 'v0_3_1_0_v1_0_2_2';
const TALK = ['propose_2_0_0', 'propose_0_2_2', 'propose_2_1_0'];
const ownValuesSwapped = historyOf(game, [DEAL, ...TALK], 0);

describeResampleHistory('negotiation resampleHistory posterior', game, {
  draws: 40000,
  tolerance: 0.01,
  seed: (index) => 700 + index,
  cases: [
    {
      name: 'before the deal there is nothing to resample',
      actions: [], player: 1,
      exact: { '': 1 },
    },
    {
      name: 'player 0 right after the deal: player 1 holds any of 64 value sets',
      actions: [DEAL], player: 0,
      exact: uniformOverValues((v) => `v0_3_1_0_v1_${v}`, []),
    },
    {
      name: 'player 1 after three proposals: player 0\'s proposals say nothing about its values',
      actions: [DEAL, ...TALK], player: 1,
      exact: uniformOverValues((v) => `v0_${v}_v1_0_2_2`, TALK),
    },
    {
      name: 'player 0 after player 1 accepted: its history ends with its own proposal',
      actions: [DEAL, 'propose_2_0_0', 'accept'], player: 0,
      exact: uniformOverValues((v) => `v0_3_1_0_v1_${v}`, ['propose_2_0_0']),
    },
  ],
  indistinguishable: [
    {
      name: 'player 0 cannot tell player 1\'s values apart, even after a rejection',
      player: 0,
      plays: [
        [DEAL, 'propose_2_0_0', 'reject'],
        ['v0_3_1_0_v1_3_3_3', 'propose_2_0_0', 'reject'],
        ['v0_3_1_0_v1_0_0_0', 'propose_2_0_0', 'reject'],
      ],
    },
  ],
  unexplained: [
    {
      name: 'a history whose own values change midway is rejected',
      player: 0,
      actions: [DEAL, ...TALK],
      replace: { step: 1, observation: { ...ownValuesSwapped[1][0], values: [1, 1, 1] } },
    },
  ],
});
