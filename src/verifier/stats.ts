// Statistics for distribution checks: Pearson's chi-square test of
// homogeneity between two samples of categorical outcomes. Pure code.

/** ln Γ(x) (Lanczos approximation), x > 0. */
function logGamma(x: number): number {
  const c = [76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5];
  let y = x;
  const tmp = x + 5.5 - (x + 0.5) * Math.log(x + 5.5);
  let series = 1.000000000190015;
  for (const coefficient of c) series += coefficient / ++y;
  return -tmp + Math.log((2.5066282746310005 * series) / x);
}

/** Regularised upper incomplete gamma Q(a, x). */
function upperGamma(a: number, x: number): number {
  if (x <= 0) return 1;
  const lnPrefix = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 500; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return 1 - sum * Math.exp(lnPrefix);
  }
  // Continued fraction (modified Lentz).
  let b = x + 1 - a;
  let c = 1 / 1e-300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.exp(lnPrefix) * h;
}

/** P(X >= x) for X chi-square distributed with `df` degrees of freedom. */
export function chiSquareSurvival(x: number, df: number): number {
  return upperGamma(df / 2, x / 2);
}

/**
 * p-value of the hypothesis that two samples (counts per category) come from
 * the same distribution. 1 when there is only one category.
 */
export function homogeneityPValue(a: Map<string, number>, b: Map<string, number>): number {
  const categories = new Set([...a.keys(), ...b.keys()]);
  if (categories.size < 2) return 1;
  const totalA = [...a.values()].reduce((s, n) => s + n, 0);
  const totalB = [...b.values()].reduce((s, n) => s + n, 0);
  const total = totalA + totalB;
  let statistic = 0;
  for (const category of categories) {
    const countA = a.get(category) ?? 0;
    const countB = b.get(category) ?? 0;
    const pooled = (countA + countB) / total;
    const expectedA = pooled * totalA;
    const expectedB = pooled * totalB;
    statistic += (countA - expectedA) ** 2 / expectedA + (countB - expectedB) ** 2 / expectedB;
  }
  return chiSquareSurvival(statistic, categories.size - 1);
}
