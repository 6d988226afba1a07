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
    result.message = truncate(message);
    if (actions) result.actions = actions.slice();
  }

  hasFailed(name: string): boolean {
    return this.results.get(name)?.passed === false;
  }

  list(): CheckResult[] {
    return [...this.results.values()];
  }
}

/**
 * Whether a thrown value looks like an Error. Duck-typed: errors from a
 * candidate's own realm (its sandbox context) fail `instanceof Error` here.
 */
export function isErrorLike(error: unknown): error is { name: string; message: string } {
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string'
    && typeof (error as { name?: unknown }).name === 'string';
}

/** Error text of anything thrown, including non-Error values. */
export function describeThrown(error: unknown): string {
  try {
    if (isErrorLike(error)) return truncate(`${error.name}: ${error.message}`);
    return truncate(`a non-Error value ${JSON.stringify(error)}`);
  } catch {
    return 'a value that cannot be described (its getters or toString throw)';
  }
}

export const MAX_MESSAGE_LENGTH = 600;

/** Keeps messages short even when a candidate returns huge values. */
export function truncate(text: string, max = MAX_MESSAGE_LENGTH): string {
  return text.length <= max ? text : `${text.slice(0, max)}... (${text.length} characters)`;
}
