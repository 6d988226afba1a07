import { describe, expect, it } from 'vitest';
import { evalScore, rlvrReward, type TierName, type TierScore } from '../src/verifier/scores.js';

function tiers(scores: Partial<Record<TierName, number>>, information = true): Record<TierName, TierScore> {
  const tier = (name: TierName): TierScore => ({ applicable: name !== 'information' || information, score: scores[name] ?? 1 });
  return { static: tier('static'), dynamics: tier('dynamics'), consistency: tier('consistency'), information: tier('information'), scenarios: tier('scenarios'), differential: tier('differential') };
}

describe('scores', () => {
  it('eval is the unweighted mean of the paper tiers that apply', () => {
    expect(evalScore(tiers({ static: 1, dynamics: 0.5, information: 0, scenarios: 0.5 }))).toBe(0.5);
    expect(evalScore(tiers({ static: 1, dynamics: 0.5, scenarios: 0 }, false))).toBe(0.5);
  });

  it('the reward weights static 0.15, dynamics 0.25, information 0.30, scenarios 0.30', () => {
    expect(rlvrReward(tiers({ static: 1, dynamics: 1, information: 0, scenarios: 1 }), false)).toBeCloseTo(0.7, 12);
    expect(rlvrReward(tiers({ static: 1, dynamics: 1, information: 1, scenarios: 0.5 }), false)).toBeCloseTo(0.85, 12);
  });

  it('renormalises the weights when information does not apply', () => {
    expect(rlvrReward(tiers({ static: 1, dynamics: 1, scenarios: 0 }, false), false)).toBeCloseTo(0.4 / 0.7, 12);
  });

  it('zeroes information and scenarios when dynamics is below 0.5', () => {
    expect(rlvrReward(tiers({ static: 1, dynamics: 0.4, information: 1, scenarios: 1 }), false)).toBeCloseTo(0.15 + 0.25 * 0.4, 12);
    expect(rlvrReward(tiers({ static: 1, dynamics: 0.5, information: 1, scenarios: 1 }), false)).toBeCloseTo(0.15 + 0.125 + 0.6, 12);
  });

  it('gives a stub resampleHistory no information credit', () => {
    expect(rlvrReward(tiers({}), true)).toBeCloseTo(0.7, 12);
  });
});

describe('chi-square', () => {
  it('gives the textbook tail probabilities', async () => {
    const { chiSquareSurvival, homogeneityPValue } = await import('../src/verifier/stats.js');
    expect(chiSquareSurvival(3.841, 1)).toBeCloseTo(0.05, 3);
    expect(chiSquareSurvival(5.991, 2)).toBeCloseTo(0.05, 3);
    expect(chiSquareSurvival(18.307, 10)).toBeCloseTo(0.05, 3);
    expect(chiSquareSurvival(0.5, 3)).toBeCloseTo(0.9189, 3);
    expect(homogeneityPValue(new Map([['a', 50], ['b', 50]]), new Map([['a', 50], ['b', 50]]))).toBeCloseTo(1, 9);
    expect(homogeneityPValue(new Map([['a', 100]]), new Map([['b', 100]]))).toBeLessThan(1e-20);
    expect(homogeneityPValue(new Map([['a', 7]]), new Map([['a', 9]]))).toBe(1);
  });
});
