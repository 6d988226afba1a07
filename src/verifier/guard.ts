// The checks never trust what a candidate returns. Every value crosses into
// them as a fresh, frozen copy of plain JSON data: arrays copied by index (so
// an own `some` or `includes` cannot forge a comparison), no toJSON tricks,
// class instances, cycles or non-finite numbers, and a size budget checked
// before anything is serialised (a 100 MB rope string must never reach
// JSON.stringify). Inputs handed to the candidate are those frozen copies.

import type { Action, AnyGameCWM, GameCWM, ObservationActionPair } from '../engine/contract.js';
import { isPlainObject } from '../engine/json.js';

/** Largest value, in characters of strings and keys, a candidate may return. */
export const MAX_VALUE_CHARS = 1_000_000;

/** A candidate returned something that is not plain JSON data; `check` names the dynamics check it breaks. */
export class NonJsonValueError extends Error {
  override name = 'NonJsonValueError';
  constructor(readonly check: string, message: string) {
    super(message);
  }
}

interface CopyContext {
  /** Refuse getters and hidden properties (slower: a descriptor per element). */
  strict: boolean;
  budget: number;
  ancestors: object[];
  /** Objects already copied in this value (shared references are copied once). */
  copies: Map<object, unknown>;
}

/**
 * A part of the value that is not plain JSON. Its path is collected while the
 * error travels up, so copying builds no path strings unless something fails.
 */
class CopyError extends Error {
  readonly segments: string[] = [];
  constructor(readonly problem: string, readonly whole = false) {
    super(problem);
  }

  describe(root: string): string {
    return this.whole ? this.problem : `${root}${this.segments.reverse().join('')} ${this.problem}`;
  }
}

function spend(context: CopyContext, chars: number): void {
  context.budget -= chars;
  if (context.budget < 0) throw new CopyError(`it is larger than ${MAX_VALUE_CHARS} characters`, true);
}

/** Copies one child, adding its place to the path of any error from inside it. */
function copyChild(value: unknown, segment: string, context: CopyContext): unknown {
  try {
    return copyValue(value, context);
  } catch (error) {
    if (error instanceof CopyError) error.segments.push(segment);
    throw error;
  }
}

/**
 * Copies by reading each index or enumerable key once, into fresh frozen
 * arrays and objects. Own methods (an array's own `some`), hidden and symbol
 * properties do not survive the copy; a getter is read once, so the checks
 * see one consistent value.
 */
function copyValue(value: unknown, context: CopyContext): unknown {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new CopyError(`is ${value}, not a finite number`);
    return value;
  }
  if (typeof value === 'string') {
    spend(context, value.length);
    return value;
  }
  if (typeof value !== 'object') throw new CopyError(`is ${value === undefined ? 'undefined' : typeof value}`);
  const done = context.copies.get(value);
  if (done !== undefined) return done;
  if (context.ancestors.includes(value)) throw new CopyError('refers back to an enclosing value (a cycle)');
  if ('toJSON' in value) throw new CopyError('has a toJSON method, so it serialises as something else');
  context.ancestors.push(value);
  let copy: unknown[] | Record<string, unknown>;
  if (Array.isArray(value)) {
    const length = value.length;
    spend(context, length);
    copy = new Array<unknown>(length);
    for (let i = 0; i < length; i++) {
      const element = context.strict ? dataProperty(value, i, `[${i}]`) : value[i];
      copy[i] = copyChild(element, `[${i}]`, context);
    }
  } else {
    if (!isPlainObject(value)) throw new CopyError(`is a ${constructorName(value)} instance, not a plain object`);
    copy = {};
    const keys = context.strict ? Object.getOwnPropertyNames(value) : Object.keys(value);
    if (context.strict && Object.getOwnPropertySymbols(value).length > 0) throw new CopyError('has symbol-keyed properties');
    for (const key of keys) {
      spend(context, key.length);
      const property = context.strict ? dataProperty(value, key, `.${key}`) : (value as Record<string, unknown>)[key];
      copy[key] = copyChild(property, `.${key}`, context);
    }
  }
  context.ancestors.pop();
  Object.freeze(copy);
  context.copies.set(value, copy);
  return copy;
}

/** An own, enumerable data property's value; getters and hidden properties are refused. */
function dataProperty(owner: object, key: string | number, segment: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(owner, key);
  let problem: string | null = null;
  if (!descriptor) problem = 'is missing (a hole in an array)';
  else if (!('value' in descriptor)) problem = 'is a getter, not data';
  else if (!descriptor.enumerable) problem = 'is a hidden (non-enumerable) property';
  if (problem === null) return descriptor!.value;
  const error = new CopyError(problem);
  error.segments.push(segment);
  throw error;
}

function constructorName(value: object): string {
  try {
    const name = Object.getPrototypeOf(value)?.constructor?.name;
    return typeof name === 'string' && name.length > 0 ? name : 'class';
  } catch {
    return 'class';
  }
}

/**
 * A plain-JSON copy of `value`, or a NonJsonValueError naming `what`, the
 * path of the offending part (rooted at `root`) and the `check` it breaks.
 */
export function copyJson(value: unknown, what: string, check: string, root = '$', strict = false): unknown {
  try {
    return copyValue(value, { strict, budget: MAX_VALUE_CHARS, ancestors: [], copies: new Map() });
  } catch (error) {
    if (!(error instanceof CopyError)) throw error;
    throw new NonJsonValueError(check, `${what} is not plain JSON data (it must survive JSON.parse(JSON.stringify(x))): ${error.describe(root)}`);
  }
}

const guardedGames = new WeakMap<object, boolean>();

/**
 * The candidate as the checks see it: every result a frozen plain-JSON copy
 * (so a later mutation of an input throws where it happens), every input a
 * frozen copy. `strict` also refuses getters and hidden properties (the
 * dynamics tier, which judges the contract, uses it). Guarding a game guarded
 * at least as strictly returns it unchanged.
 */
export function guardGame<S, O>(game: GameCWM<S, O>, strict = false): GameCWM<S, O> {
  const guardedStrictly = guardedGames.get(game);
  if (guardedStrictly === true || (guardedStrictly === false && !strict)) return game;
  const candidate = game as unknown as AnyGameCWM;
  const copy = (value: unknown, what: string, check: string, root = '$') => copyJson(value, what, check, root, strict);
  const c = candidate as unknown as Record<string, (...args: unknown[]) => unknown>;
  const fn = (name: string) => {
    const f = c[name];
    if (typeof f !== 'function') throw new Error(`the module does not export a function ${name}`);
    return f;
  };
  const guarded: GameCWM<unknown, unknown> = {
    getInitialState: () => copy(fn('getInitialState')(), 'the state from getInitialState', 'state-is-json', 'state'),
    applyAction: (state, action) => copy(fn('applyAction')(state, action), `the state from applyAction(state, "${action}")`, 'state-is-json', 'state'),
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
    getRewards: (state) => copy(fn('getRewards')(state), 'the rewards', 'rewards-well-formed', 'rewards') as number[],
    getLegalActions: (state) => copy(fn('getLegalActions')(state), 'the list of legal actions', 'legal-actions-valid', 'legalActions') as Action[],
    getObservations: (state) => copy(fn('getObservations')(state), 'the observations', 'observations-well-formed', 'observations') as unknown[],
  };
  if (typeof c.getChanceOutcomes === 'function') {
    guarded.getChanceOutcomes = (state) => copy(fn('getChanceOutcomes')(state), 'the chance outcomes', 'chance-distribution') as Array<[Action, number]>;
  }
  if (typeof c.resampleHistory === 'function') {
    guarded.resampleHistory = (history: Array<ObservationActionPair<unknown>>, player: number, random: () => number) => {
      const input = copy(history, 'the history', 'resample-runs');
      return copy(fn('resampleHistory')(input, player, random), 'the resampled actions', 'resample-runs') as Action[];
    };
  }
  guardedGames.set(guarded, strict);
  return guarded as unknown as GameCWM<S, O>;
}
