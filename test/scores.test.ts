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
    expect(rlvrReward(tiers({ static: 1, dynamics: 1, scenarios: 0 }, false))).toBeCloseTo(0.4 / 0.7, 12);
  });

  it('zeroes information and scenarios when dynamics is below 0.5', () => {
    expect(rlvrReward(tiers({ static: 1, dynamics: 0.4, information: 1, scenarios: 1 }), false)).toBeCloseTo(0.15 + 0.25 * 0.4, 12);
    expect(rlvrReward(tiers({ static: 1, dynamics: 0.5, information: 1, scenarios: 1 }), false)).toBeCloseTo(0.15 + 0.125 + 0.6, 12);
  });

  it('gives a stub resampleHistory no information credit', () => {
    expect(rlvrReward(tiers({}), true)).toBeCloseTo(0.7, 12);
  });
});
