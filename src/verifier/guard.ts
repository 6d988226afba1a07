// The harness never trusts what a candidate returns. Every value crosses into
// the harness as a fresh copy of plain JSON data: arrays copied by index (so
// an own `some` or `includes` cannot forge a comparison), no getters, hidden
// or symbol properties, no toJSON tricks, no cycles, and a size budget that
// is checked before anything is serialised (a 100 MB rope string must never
// reach JSON.stringify). Inputs handed to the candidate are frozen copies.

import type { Action, AnyGameCWM, GameCWM, ObservationActionPair } from '../engine/contract.js';
import { deepFreeze, isPlainObject } from '../engine/json.js';

/** Largest value, in characters of strings and keys, a candidate may return. */
export const MAX_VALUE_CHARS = 1_000_000;

/** A candidate returned something that is not plain JSON data; `check` names the dynamics check it breaks. */
export class NonJsonValueError extends Error {
  override name = 'NonJsonValueError';
  constructor(readonly check: string, message: string) {
    super(message);
  }
}

interface Budget { left: number }

function copyValue(value: unknown, path: string, budget: Budget, ancestors: object[]): unknown {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}, not a finite number`);
    return value;
  }
  if (typeof value === 'string') {
    budget.left -= value.length;
    if (budget.left < 0) throw new Error(`it is larger than ${MAX_VALUE_CHARS} characters`);
    return value;
  }
  if (typeof value !== 'object') throw new Error(`${path} is ${typeof value}`);
  if (ancestors.includes(value)) throw new Error(`${path} refers back to an enclosing value (a cycle)`);
  ancestors.push(value);
  let copy: unknown;
  if (Array.isArray(value)) {
    const length = value.length;
    budget.left -= length;
    if (budget.left < 0) throw new Error(`it is larger than ${MAX_VALUE_CHARS} characters`);
    const array = new Array<unknown>(length);
    for (let i = 0; i < length; i++) array[i] = copyValue(dataProperty(value, String(i), `${path}[${i}]`), `${path}[${i}]`, budget, ancestors);
    copy = array;
  } else {
    if (!isPlainObject(value)) throw new Error(`${path} is a ${constructorName(value)} instance, not a plain object`);
    if (Object.getOwnPropertySymbols(value).length > 0) throw new Error(`${path} has symbol-keyed properties`);
    const object: Record<string, unknown> = {};
    for (const key of Object.getOwnPropertyNames(value)) {
      budget.left -= key.length;
      if (budget.left < 0) throw new Error(`it is larger than ${MAX_VALUE_CHARS} characters`);
      object[key] = copyValue(dataProperty(value, key, `${path}.${key}`), `${path}.${key}`, budget, ancestors);
    }
    copy = object;
  }
  ancestors.pop();
  return copy;
}

function constructorName(value: object): string {
  try {
    const name = Object.getPrototypeOf(value)?.constructor?.name;
    return typeof name === 'string' && name.length > 0 ? name : 'class';
  } catch {
    return 'class';
  }
}

/** An own, enumerable data property's value; getters and hidden properties are refused. */
function dataProperty(owner: object, key: string, path: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(owner, key);
  if (!descriptor) throw new Error(`${path} is missing (a hole or undefined)`);
  if (!('value' in descriptor)) throw new Error(`${path} is a getter, not data`);
  if (!descriptor.enumerable) throw new Error(`${path} is a hidden (non-enumerable) property`);
  if (descriptor.value === undefined) throw new Error(`${path} is undefined`);
  return descriptor.value;
}

/**
 * A plain-JSON copy of `value`, or a NonJsonValueError naming `what`, the
 * path of the offending part (rooted at `root`) and the `check` it breaks.
 */
export function copyJson(value: unknown, what: string, check: string, root = '$'): unknown {
  try {
    return copyValue(value, root, { left: MAX_VALUE_CHARS }, []);
  } catch (error) {
    throw new NonJsonValueError(check, `${what} is not plain JSON data (it must survive JSON.parse(JSON.stringify(x))): ${(error as Error).message}`);
  }
}

/** The candidate as the harness sees it: every result copied and checked, every input a frozen copy. */
export function guardGame(candidate: AnyGameCWM): AnyGameCWM {
  const c = candidate as unknown as Record<string, (...args: unknown[]) => unknown>;
  const fn = (name: string) => {
    const f = c[name];
    if (typeof f !== 'function') throw new Error(`the module does not export a function ${name}`);
    return f;
  };
  const guarded: GameCWM<unknown, unknown> = {
    getInitialState: () => copyJson(fn('getInitialState')(), 'the state from getInitialState', 'state-is-json', 'state'),
    applyAction: (state, action) => copyJson(fn('applyAction')(state, action), `the state from applyAction(state, "${action}")`, 'state-is-json', 'state'),
    getCurrentPlayer: (state) => {
      const player = fn('getCurrentPlayer')(state);
      if (typeof player !== 'number') throw new NonJsonValueError('current-player-valid', `getCurrentPlayer returned a ${typeof player}; expected a number`);
      return player;
    },
    getPlayerName: (player) => {
      const name = fn('getPlayerName')(player);
      if (typeof name !== 'string') throw new NonJsonValueError('player-names', `getPlayerName(${player}) returned a ${typeof name}; expected a string`);
      return name;
    },
    getRewards: (state) => copyJson(fn('getRewards')(state), 'the rewards', 'rewards-well-formed', 'rewards') as number[],
    getLegalActions: (state) => copyJson(fn('getLegalActions')(state), 'the list of legal actions', 'legal-actions-valid', 'legalActions') as Action[],
    getObservations: (state) => copyJson(fn('getObservations')(state), 'the observations', 'observations-well-formed', 'observations') as unknown[],
  };
  if (typeof c.getChanceOutcomes === 'function') {
    guarded.getChanceOutcomes = (state) => copyJson(fn('getChanceOutcomes')(state), 'the chance outcomes', 'chance-distribution') as Array<[Action, number]>;
  }
  if (typeof c.resampleHistory === 'function') {
    guarded.resampleHistory = (history: Array<ObservationActionPair<unknown>>, player: number, random: () => number) => {
      const input = deepFreeze(copyJson(history, 'the history', 'resample-runs'));
      return copyJson(fn('resampleHistory')(input, player, random), 'the resampled actions', 'resample-runs') as Action[];
    };
  }
  return guarded;
}
