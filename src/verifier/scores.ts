// The scores a verification yields: the paper's evaluation score (unweighted
// mean of its tiers), the paper's RLVR reward (weighted, renormalised over
// the tiers that apply, gated on dynamics), and transition accuracy. The
// strict reward is the paper's with the differential tier added: by
// definition the paper's reward ignores it, so a wrong game that passes every
// scenario earns 1; a trainer with a reference can ask for the strict one.

export type TierName = 'static' | 'dynamics' | 'consistency' | 'information' | 'scenarios' | 'differential';

export interface TierScore {
  applicable: boolean;
  /** Share of the tier's checks that passed, in [0, 1]. */
  score: number;
}

/** The paper's reward weights; the other tiers are gamecwm's additions and not part of the reward. */
export const REWARD_WEIGHTS: Partial<Record<TierName, number>> = { static: 0.15, dynamics: 0.25, information: 0.3, scenarios: 0.3 };

/** Below this dynamics score the later tiers earn nothing (the paper's gate). */
export const DYNAMICS_GATE = 0.5;

/** The strict reward's weights: the paper's, and the differential tier weighted as the scenarios are. */
export const STRICT_REWARD_WEIGHTS: Partial<Record<TierName, number>> = { ...REWARD_WEIGHTS, differential: 0.3 };

export type RewardKind = 'paper' | 'strict';
export const REWARD_KINDS: RewardKind[] = ['paper', 'strict'];

const PAPER_TIERS: TierName[] = ['static', 'dynamics', 'information', 'scenarios'];
const STRICT_TIERS: TierName[] = [...PAPER_TIERS, 'differential'];

export function evalScore(tiers: Record<TierName, TierScore>): number {
  const applicable = PAPER_TIERS.filter((t) => tiers[t].applicable);
  return applicable.reduce((sum, t) => sum + tiers[t].score, 0) / applicable.length;
}

export function rlvrReward(tiers: Record<TierName, TierScore>, resampleStub: boolean, kind: RewardKind = 'paper'): number {
  const gated = tiers.dynamics.score < DYNAMICS_GATE;
  const weights = kind === 'strict' ? STRICT_REWARD_WEIGHTS : REWARD_WEIGHTS;
  let weighted = 0;
  let totalWeight = 0;
  for (const tier of kind === 'strict' ? STRICT_TIERS : PAPER_TIERS) {
    if (!tiers[tier].applicable) continue;
    const weight = weights[tier] ?? 0;
    totalWeight += weight;
    let score = tiers[tier].score;
    // The same gate for both: below it, the tiers after dynamics earn nothing.
    if (gated && (tier === 'information' || tier === 'scenarios' || tier === 'differential')) score = 0;
    if (tier === 'information' && resampleStub) score = 0;
    weighted += weight * score;
  }
  return totalWeight === 0 ? 0 : weighted / totalWeight;
}
