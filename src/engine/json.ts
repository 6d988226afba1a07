// States and observations are plain JSON data compared by value. These
// helpers give a canonical text form, value equality and deep freezing.

/** JSON with object keys sorted, so equal values have equal text. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(v as object).sort()) sorted[key] = (v as Record<string, unknown>)[key];
    return sorted;
  });
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  return stableStringify(a) === stableStringify(b);
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
export function nonJsonReason(value: unknown, path = '$'): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path} is ${value}, not a finite number`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const reason = nonJsonReason(value[i], `${path}[${i}]`);
      if (reason) return reason;
    }
    return null;
  }
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return `${path} is a ${proto?.constructor?.name ?? 'class'} instance, not a plain object`;
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) return `${path}.${key} is undefined`;
      const reason = nonJsonReason(v, `${path}.${key}`);
      if (reason) return reason;
    }
    return null;
  }
  return `${path} is ${typeof value}`;
}
