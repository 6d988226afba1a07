// Compares a TypeScript GameCWM's recorded trajectories with what its Python
// translation says along the same actions, and names the first difference.

import { jsonEqual } from '../../engine/json.js';
import type { RecordedState, RecordedTrajectory } from '../../engine/record.js';

export interface Difference {
  trajectory: number;
  /** The actions from the initial state to the state that differs. */
  actions: string[];
  /** What differs: "current player", "legal actions", "rewards", "observations", "terminal" or "error". */
  aspect: string;
  typescript: unknown;
  python: unknown;
}

const TERMINAL = -4;

/** The first difference between one TypeScript trajectory and the Python replay of its actions, or null. */
export function firstDifference(index: number, expected: RecordedTrajectory, python: Array<Partial<RecordedState> & { error?: string }>): Difference | null {
  for (let t = 0; t < expected.states.length; t++) {
    const want = expected.states[t];
    const got = python[t];
    const actions = expected.actions.slice(0, t);
    const diff = (aspect: string, typescript: unknown, py: unknown): Difference => ({ trajectory: index, actions, aspect, typescript, python: py });
    if (!got) return diff('error', want, 'no state: the Python replay stopped early');
    if (got.error !== undefined) return diff('error', want, got.error);
    if ((got.player === TERMINAL) !== (want.player === TERMINAL)) return diff('terminal', want.player === TERMINAL, got.player === TERMINAL);
    if (got.player !== want.player) return diff('current player', want.player, got.player);
    if (!jsonEqual(got.legal, want.legal)) return diff('legal actions', want.legal, got.legal);
    if (!sameNumbers(got.rewards, want.rewards)) return diff('rewards', want.rewards, got.rewards);
    if (!jsonEqual(got.observations, want.observations)) return diff('observations', want.observations, got.observations);
  }
  return null;
}

function sameNumbers(a: unknown, b: number[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((x, i) => typeof x === 'number' && Math.abs(x - b[i]) < 1e-9);
}

export function describeDifference(d: Difference): string {
  return `trajectory ${d.trajectory}: after ${JSON.stringify(d.actions)} the ${d.aspect} differ: TypeScript ${JSON.stringify(d.typescript)}, Python ${JSON.stringify(d.python)}`;
}
