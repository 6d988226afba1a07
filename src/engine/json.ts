// States and observations are plain JSON data compared by value. These
// helpers give a canonical text form, value equality and deep freezing.

/**
 * An object literal's shape: its prototype is null or an Object.prototype
 * (of any realm: sandboxed candidates build objects in their own context).
 */
export function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  if (proto === null || proto === Object.prototype) return true;
  return Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]'
    && typeof proto.hasOwnProperty === 'function' && Object.hasOwn(proto, 'isPrototypeOf');
}

/** JSON with object keys sorted, so equal values have equal text. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    // Own data properties even for keys Object.prototype has (__proto__, toString, ...).
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(v as object).sort()) {
      Object.defineProperty(sorted, key, { value: (v as Record<string, unknown>)[key], enumerable: true, writable: true, configurable: true });
    }
    return sorted;
  });
}

/** Value equality of JSON data (key order ignored), without building strings. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const key of aKeys) {
    if (!Object.hasOwn(b, key) || !jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** Freezes a value and everything reachable from it; returns it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value as object)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/**
 * Why a value is not plain JSON data (a path and a reason), or null if it is:
 * objects, arrays, strings, finite numbers, booleans and null only.
 */
export function nonJsonReason(value: unknown, path = '$', ancestors: object[] = []): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path} is ${value}, not a finite number`;
  if (typeof value === 'object' && ancestors.includes(value)) return `${path} refers back to an enclosing value (a cycle)`;
  if (Array.isArray(value)) {
    ancestors.push(value);
    for (let i = 0; i < value.length; i++) {
      const reason = nonJsonReason(value[i], `${path}[${i}]`, ancestors);
      if (reason) return reason;
    }
    ancestors.pop();
    return null;
  }
  if (typeof value === 'object') {
    if (!isPlainObject(value)) {
      const proto = Object.getPrototypeOf(value);
      return `${path} is a ${typeof proto?.constructor?.name === 'string' ? proto.constructor.name : 'class'} instance, not a plain object`;
    }
    ancestors.push(value);
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) return `${path}.${key} is undefined`;
      const reason = nonJsonReason(v, `${path}.${key}`, ancestors);
      if (reason) return reason;
    }
    ancestors.pop();
    return null;
  }
  return `${path} is ${typeof value}`;
}

/**
 * Validates values as plain JSON data and deep-freezes them, remembering
 * what it has already checked: a frozen, validated object cannot change, so
 * states that share structure with earlier states cost only their new parts.
 */
export class JsonFreezer {
  private readonly checked = new WeakSet<object>();

  /** Why `value` is not plain JSON data, or null after freezing it. */
  freeze(value: unknown, path = '$'): string | null {
    if (value === null || typeof value !== 'object') return nonJsonReason(value, path);
    if (this.checked.has(value)) return null;
    const reason = nonJsonReason(value, path);
    if (reason) return reason;
    this.markFrozen(value);
    return null;
  }

  private markFrozen(value: object): void {
    if (this.checked.has(value)) return;
    Object.freeze(value);
    this.checked.add(value);
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') this.markFrozen(child);
    }
  }
}
