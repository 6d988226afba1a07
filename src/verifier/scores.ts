// The scores a verification yields: the paper's evaluation score (unweighted
// mean of its tiers), the paper's RLVR reward (weighted, renormalised over
// the tiers that apply, gated on dynamics), and transition accuracy.

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

const PAPER_TIERS: TierName[] = ['static', 'dynamics', 'information', 'scenarios'];

export function evalScore(tiers: Record<TierName, TierScore>): number {
  const applicable = PAPER_TIERS.filter((t) => tiers[t].applicable);
  return applicable.reduce((sum, t) => sum + tiers[t].score, 0) / applicable.length;
}

export function rlvrReward(tiers: Record<TierName, TierScore>, resampleStub: boolean): number {
  const gated = tiers.dynamics.score < DYNAMICS_GATE;
  let weighted = 0;
  let totalWeight = 0;
  for (const tier of PAPER_TIERS) {
    if (!tiers[tier].applicable) continue;
    const weight = REWARD_WEIGHTS[tier] ?? 0;
    totalWeight += weight;
    let score = tiers[tier].score;
    if (gated && (tier === 'information' || tier === 'scenarios')) score = 0;
    if (tier === 'information' && resampleStub) score = 0;
    weighted += weight * score;
  }
  return totalWeight === 0 ? 0 : weighted / totalWeight;
}
