// Seeded pseudo-random numbers: xoshiro128** seeded through splitmix32. One
// seed reproduces a whole run; `derive` gives independent streams (one per
// game of a match, one per agent) so a run can be split or resumed.

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Mixes a seed with stream labels into a new 32-bit seed. */
export function deriveSeed(seed: number, ...labels: number[]): number {
  let h = splitmix32(seed)();
  for (const label of labels) h = splitmix32((h ^ Math.imul(label >>> 0, 0x27d4eb2d)) >>> 0)();
  return h;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly seed: number) {
    const next = splitmix32(seed);
    this.a = next(); this.b = next(); this.c = next(); this.d = next();
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a; this.d ^= this.b; this.b ^= this.c; this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform in [0, 1). */
  random(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.random() * n);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('cannot pick from an empty list');
    return items[this.int(items.length)];
  }

  /** An independent generator for a labelled sub-stream. */
  derive(...labels: number[]): Rng {
    return new Rng(deriveSeed(this.seed, ...labels));
  }

  /** `random` bound to this generator, for APIs that take `() => number`. */
  get randomFn(): () => number {
    return () => this.random();
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
