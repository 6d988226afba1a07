// The checks never trust what a candidate returns. Every value crosses into
// them as a fresh, frozen copy of plain JSON data: arrays copied by index (so
// an own `some` or `includes` cannot forge a comparison), no toJSON tricks,
// class instances, cycles or non-finite numbers, and a size budget checked
// before anything is serialised (a 100 MB rope string must never reach
// JSON.stringify).
//
// Nothing of the checks' own reaches the candidate, and verification looks
// like play: a state goes back to the candidate as the object it returned (as
// a search does in play), any other input is a fresh, unfrozen value made in
// the candidate's own realm from JSON text (as the play bridge does), and a
// mutation is found by comparing the input with the checks' copy after the call.

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
      setOwn(copy, key, copyChild(property, `.${key}`, context));
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

/** Sets `key` on a fresh copy as an own data property, even where Object.prototype has one (toString, __proto__, ...). */
function setOwn(copy: Record<string, unknown>, key: string, value: unknown): void {
  if (key in copy) Object.defineProperty(copy, key, { value, writable: true, enumerable: true, configurable: true });
  else copy[key] = value;
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

/** How values reach a candidate: made in the candidate's own realm, the way play hands them over. */
export interface CandidateRealm {
  /** A fresh, unfrozen value of the candidate's realm from JSON text. */
  fromJson(text: string): unknown;
  /** A `random` argument of the candidate's realm that draws from `next`. */
  makeRandom(next: () => number): () => number;
}

/** Checks running natively (tests, trusted games): the candidate shares this realm. */
const SAME_REALM: CandidateRealm = {
  fromJson: (text) => JSON.parse(text),
  makeRandom: (next) => function random() { return next(); },
};
let realm: CandidateRealm = SAME_REALM;

/** Runs `work` with inputs handed to candidates through `candidateRealm` (the sandbox harness sets it per request). */
export function inCandidateRealm<T>(candidateRealm: CandidateRealm, work: () => T): T {
  const before = realm;
  realm = candidateRealm;
  try {
    return work();
  } finally {
    realm = before;
  }
}

/** JSON text of the checks' frozen copies, made once per copy. */
const texts = new WeakMap<object, string>();

function jsonText(value: object): string {
  let text = texts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    if (Object.isFrozen(value)) texts.set(value, text);
  }
  return text;
}

/**
 * The candidate's own objects behind the checks' copies of its states. A
 * state goes back to the candidate as the object it returned, as a search in
 * play passes it back; the checks use only their copy.
 */
const originals = new WeakMap<object, object>();

/** Remembers that `copy` is the checks' copy of the candidate's `original`; returns the copy. */
function rememberOriginal<T>(copy: T, original: unknown): T {
  if (copy !== null && typeof copy === 'object' && original !== null && typeof original === 'object') originals.set(copy, original);
  return copy;
}

/**
 * An input as the candidate gets it: the object it returned for that state,
 * else a fresh value of its own realm made from JSON text (primitives as they
 * are); `fresh` says which.
 */
function handOver(value: unknown): { input: unknown; fresh: boolean } {
  if (value === null || typeof value !== 'object') return { input: value, fresh: false };
  const original = originals.get(value);
  if (original !== undefined) return { input: original, fresh: false };
  return { input: realm.fromJson(jsonText(value)), fresh: true };
}

/** Where `actual` (the candidate's input after the call) differs from `expected` (the checks' copy), or null. */
function changedAt(actual: unknown, expected: unknown, path: string): string | null {
  if (expected === null || typeof expected !== 'object') return actual === expected ? null : path;
  if (actual === null || typeof actual !== 'object') return path;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return path;
    for (let i = 0; i < expected.length; i++) {
      const at = changedAt(actual[i], expected[i], `${path}[${i}]`);
      if (at !== null) return at;
    }
    return null;
  }
  if (Array.isArray(actual)) return path;
  const keys = Object.keys(expected);
  if (Object.keys(actual).length !== keys.length) return path;
  for (const key of keys) {
    if (!Object.hasOwn(actual, key)) return `${path}.${key}`;
    const at = changedAt((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
    if (at !== null) return at;
  }
  return null;
}

/** A contract function's call described for messages, e.g. `applyAction(state, "x(0,0)")`. */
type Describe = (...args: unknown[]) => string;

/**
 * The candidate called the way play calls it: each state handed back as the
 * object it returned, every other object argument as a fresh value of the
 * candidate's realm, a `random` argument made there too. After the call the
 * arguments are compared with the checks' copies (a change fails
 * `no-mutation`): always under `strict` (the dynamics tier, which judges the
 * contract), else for the fresh ones (histories). Results are the candidate's own.
 */
export function callsLikePlay(game: AnyGameCWM, strict = false): AnyGameCWM {
  const c = game as unknown as Record<string, unknown>;
  const call = (name: string, describe: Describe) => (...args: unknown[]) => {
    const f = c[name];
    if (typeof f !== 'function') throw new Error(`the module does not export a function ${name}`);
    const handed = args.map((arg) => (typeof arg === 'function' ? { input: realm.makeRandom(arg as () => number), fresh: false } : handOver(arg)));
    const result = (f as (...a: unknown[]) => unknown)(...handed.map((h) => h.input));
    for (let i = 0; i < args.length; i++) {
      if (args[i] === null || typeof args[i] !== 'object' || !(strict || handed[i].fresh)) continue;
      const at = changedAt(handed[i].input, args[i], '$');
      if (at !== null) {
        throw new NonJsonValueError('no-mutation', `${describe(...args)} tried to modify its input (${at === '$' ? 'the whole value' : at} changed); copy the ${name === 'resampleHistory' ? 'history' : 'state'} before changing it`);
      }
    }
    return result;
  };
  const played: Record<string, unknown> = {
    getInitialState: call('getInitialState', () => 'getInitialState()'),
    applyAction: call('applyAction', (_state, action) => `applyAction(state, "${String(action)}")`),
    getCurrentPlayer: call('getCurrentPlayer', () => 'getCurrentPlayer(state)'),
    getPlayerName: call('getPlayerName', (player) => `getPlayerName(${String(player)})`),
    getRewards: call('getRewards', () => 'getRewards(state)'),
    getLegalActions: call('getLegalActions', () => 'getLegalActions(state)'),
    getObservations: call('getObservations', () => 'getObservations(state)'),
  };
  if (typeof c.getChanceOutcomes === 'function') played.getChanceOutcomes = call('getChanceOutcomes', () => 'getChanceOutcomes(state)');
  if (typeof c.resampleHistory === 'function') played.resampleHistory = call('resampleHistory', (_history, player) => `resampleHistory(history, ${String(player)})`);
  return played as unknown as AnyGameCWM;
}

const guardedGames = new WeakMap<object, boolean>();

/**
 * The candidate as the checks see it: every result a frozen plain-JSON copy,
 * every input handed over as play hands it (see callsLikePlay). `strict` also
 * refuses getters and hidden properties (the dynamics tier, which judges the
 * contract, uses it). Guarding a game guarded at least as strictly returns it
 * unchanged.
 */
export function guardGame<S, O>(game: GameCWM<S, O>, strict = false): GameCWM<S, O> {
  const guardedStrictly = guardedGames.get(game);
  if (guardedStrictly === true || (guardedStrictly === false && !strict)) return game;
  const candidate = callsLikePlay(game as unknown as AnyGameCWM, strict);
  const copy = (value: unknown, what: string, check: string, root = '$') => copyJson(value, what, check, root, strict);
  const c = candidate as unknown as Record<string, (...args: unknown[]) => unknown>;
  const fn = (name: string) => {
    const f = c[name];
    if (typeof f !== 'function') throw new Error(`the module does not export a function ${name}`);
    return f;
  };
  const guarded: GameCWM<unknown, unknown> = {
    getInitialState: () => {
      const state = fn('getInitialState')();
      return rememberOriginal(copy(state, 'the state from getInitialState', 'state-is-json', 'state'), state);
    },
    applyAction: (state, action) => {
      const next = fn('applyAction')(state, action);
      return rememberOriginal(copy(next, `the state from applyAction(state, "${action}")`, 'state-is-json', 'state'), next);
    },
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
      return copy(fn('resampleHistory')(history, player, random), 'the resampled actions', 'resample-runs') as Action[];
    };
  }
  guardedGames.set(guarded, strict);
  return guarded as unknown as GameCWM<S, O>;
}
