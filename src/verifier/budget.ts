// One time budget for a TypeScript candidate's whole verification: each
// sandbox call keeps its own limit, and together the calls may use at most
// TS_TIME_FACTOR times it, so a candidate that spends just under the limit in
// every call costs one budget, not one limit per tier. A call is charged the
// isolate's CPU time (a busy machine slows a correct game's calls without
// charging it more; a candidate cannot idle, the prelude leaves it no timers
// or Atomics), and a call cut at its limit is charged the whole limit.

/** A candidate's calls together may use this many times a call's time limit. */
export const TS_TIME_FACTOR = 2;

export class CandidateBudget {
  private spentMs = 0;

  constructor(readonly callLimitMs: number, readonly budgetMs = callLimitMs * TS_TIME_FACTOR) {}

  /** The next call's time limit: its own, or what is left of the budget if less; null once the budget is spent. */
  nextLimitMs(): number | null {
    const left = Math.floor(this.budgetMs - this.spentMs);
    return left < 1 ? null : Math.min(this.callLimitMs, left);
  }

  charge(ms: number): void {
    this.spentMs += Math.max(0, ms);
  }

  /** Why a call cut at `limitMs` failed, when the budget (not the call's own limit) cut it. */
  cutMessage(limitMs: number, during: string): string | null {
    return limitMs < this.callLimitMs
      ? `the candidate used up its time budget of ${this.budgetMs} ms for all its checks while ${during} (${Math.round(limitMs)} ms were left; each check may take ${this.callLimitMs} ms)`
      : null;
  }

  notRunMessage(): string {
    return `not run: the candidate used up its time budget of ${this.budgetMs} ms for all its checks (${TS_TIME_FACTOR}x the ${this.callLimitMs} ms limit of one)`;
  }
}

/** The limits for verifying one game: the time limit scaled by the game's verifyTimeScale. */
export function limitsForGame<L extends { timeoutMs: number }>(limits: L, info: { verifyTimeScale?: number }): L {
  return { ...limits, timeoutMs: limits.timeoutMs * (info.verifyTimeScale ?? 1) };
}
