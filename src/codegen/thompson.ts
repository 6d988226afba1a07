// Thompson sampling over candidates, as the tree strategy of the CWM paper
// (after REx, Tang et al. 2024) picks which program to refine next: each
// candidate's chance of leading to a correct one is a Beta posterior with
// 1 + C*score pseudo-successes and 1 + C*(1 - score) + refinements
// pseudo-failures, so good candidates are refined first and a candidate that
// was refined often without success gives way to others. Seeded: one seed
// gives the same picks for the same scores.

import type { Rng } from '../engine/rng.js';

/** Weight of a candidate's score against the prior (the paper's C). */
export const SCORE_WEIGHT = 10;

export interface Arm {
  /** Verification score in [0, 1]. */
  score: number;
  /** How often this candidate has been refined already. */
  refinements: number;
}

/** Index of the arm whose posterior draw is highest. */
export function thompsonPick(arms: readonly Arm[], rng: Rng, weight = SCORE_WEIGHT): number {
  if (arms.length === 0) throw new Error('nothing to pick from');
  let best = 0;
  let bestDraw = -1;
  arms.forEach((arm, i) => {
    const score = Math.min(1, Math.max(0, arm.score));
    const draw = sampleBeta(rng, 1 + weight * score, 1 + weight * (1 - score) + arm.refinements);
    if (draw > bestDraw) {
      bestDraw = draw;
      best = i;
    }
  });
  return best;
}

export function sampleBeta(rng: Rng, alpha: number, beta: number): number {
  const x = sampleGamma(rng, alpha);
  const y = sampleGamma(rng, beta);
  return x / (x + y);
}

/** Marsaglia and Tsang's method; shapes below 1 through the usual boost. */
export function sampleGamma(rng: Rng, shape: number): number {
  if (shape < 1) return sampleGamma(rng, shape + 1) * Math.pow(uniformOpen(rng), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = uniformOpen(rng);
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(uniformOpen(rng))) * Math.cos(2 * Math.PI * rng.random());
}

function uniformOpen(rng: Rng): number {
  let u = rng.random();
  while (u === 0) u = rng.random();
  return u;
}
