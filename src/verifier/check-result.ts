// Named pass/fail checks. Each keeps only its first failure: the message a
// model can act on and the action sequence that reproduces it.

import type { Action } from '../engine/contract.js';

export interface CheckResult {
  name: string;
  passed: boolean;
  message?: string;
  /** Actions from the initial state that lead to the failure. */
  actions?: Action[];
}

export class CheckRecorder {
  private readonly results = new Map<string, CheckResult>();

  constructor(names: readonly string[]) {
    for (const name of names) this.results.set(name, { name, passed: true });
  }

  fail(name: string, message: string, actions?: readonly Action[]): void {
    const result = this.results.get(name);
    if (!result) throw new Error(`unknown check "${name}"`);
    if (!result.passed) return;
    result.passed = false;
    result.message = message;
    if (actions) result.actions = actions.slice();
  }

  hasFailed(name: string): boolean {
    return this.results.get(name)?.passed === false;
  }

  list(): CheckResult[] {
    return [...this.results.values()];
  }
}

/** Error text of anything thrown, including non-Error values. */
export function describeThrown(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    return `threw ${JSON.stringify(error)}`;
  } catch {
    return `threw ${String(error)}`;
  }
}
