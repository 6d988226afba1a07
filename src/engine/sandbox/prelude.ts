// The hardening prelude, run first in every sandbox context. It removes code
// generation from strings (eval, Function and the constructors reachable from
// any function's prototype chain), non-determinism (Date, Intl, Math.random), and
// concurrency and binary escape hatches (WebAssembly, SharedArrayBuffer,
// Atomics), then freezes the built-in prototypes so a candidate cannot
// pollute them under the harness that runs in the same context, and locks the
// standard globals.

/**
 * The prelude's source. `freezeCorePrototypes: false` leaves Object.prototype,
 * Array.prototype and the array iterator prototypes unfrozen (freezing them
 * turns off V8's fast paths for array built-ins and for-of loops). That is
 * for a candidate's play context: no harness shares its realm, so a polluted
 * prototype can only hurt the candidate's own search.
 */
export function hardeningPrelude(freezeCorePrototypes: boolean): string {
  return PRELUDE_TEMPLATE.replace('FREEZE_CORE_PROTOTYPES', String(freezeCorePrototypes));
}

const PRELUDE_TEMPLATE = String.raw`
(function harden() {
  'use strict';
  var g = globalThis;
  function blocked(what) {
    return function () { throw new EvalError(what + ' is not available in a GameCWM'); };
  }
  var functionConstructors = [
    Function,
    Object.getPrototypeOf(function* () {}).constructor,
    Object.getPrototypeOf(async function () {}).constructor,
    Object.getPrototypeOf(async function* () {}).constructor,
  ];
  for (var i = 0; i < functionConstructors.length; i++) {
    Object.defineProperty(functionConstructors[i].prototype, 'constructor', {
      value: blocked('the Function constructor'), writable: false, configurable: false, enumerable: false,
    });
  }
  // Intl goes too: DateTimeFormat reads the wall clock.
  var removed = ['eval', 'Function', 'Date', 'Intl', 'WebAssembly', 'SharedArrayBuffer', 'Atomics', 'Proxy', 'Reflect',
    'FinalizationRegistry', 'WeakRef'];
  for (var j = 0; j < removed.length; j++) {
    Object.defineProperty(g, removed[j], { value: undefined, writable: false, configurable: false, enumerable: false });
  }
  // A plain assignment, made read-only when Math is frozen below: redefining
  // the property's attributes turns Math into a slow dictionary object, and
  // then TurboFan no longer inlines Math.floor, Math.imul, ... (13% of a
  // search's time).
  Math.random = blocked('Math.random');
  var intrinsics = [Object, Object.prototype, Array, Array.prototype, String, String.prototype, Number,
    Number.prototype, Boolean, Boolean.prototype, Symbol, Symbol.prototype, Error, Error.prototype, TypeError,
    TypeError.prototype, RangeError, RangeError.prototype, SyntaxError, SyntaxError.prototype, EvalError,
    EvalError.prototype, ReferenceError, ReferenceError.prototype, Math, JSON, Map, Map.prototype, Set,
    Set.prototype, WeakMap, WeakMap.prototype, WeakSet, WeakSet.prototype, Promise, Promise.prototype,
    RegExp, RegExp.prototype, BigInt, BigInt.prototype, ArrayBuffer, ArrayBuffer.prototype,
    Object.getPrototypeOf(Int8Array), Object.getPrototypeOf(Int8Array.prototype),
    Object.getPrototypeOf(function () {}), Object.getPrototypeOf(function* () {}),
    Object.getPrototypeOf(async function () {}), Object.getPrototypeOf([][Symbol.iterator]()),
    Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))];
  var freezeCore = FREEZE_CORE_PROTOTYPES;
  var core = [Object.prototype, Array.prototype, Object.getPrototypeOf([][Symbol.iterator]()),
    Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))];
  for (var k = 0; k < intrinsics.length; k++) {
    if (freezeCore || core.indexOf(intrinsics[k]) < 0) Object.freeze(intrinsics[k]);
  }
  // Lock every standard global (JSON, Object, Array, ...) so a candidate cannot
  // swap one out under the harness; the global object itself stays extensible
  // because scripts declare their own top-level names.
  var names = Object.getOwnPropertyNames(g);
  for (var n = 0; n < names.length; n++) {
    var descriptor = Object.getOwnPropertyDescriptor(g, names[n]);
    if (descriptor && descriptor.configurable) {
      if ('value' in descriptor) descriptor.writable = false;
      descriptor.configurable = false;
      Object.defineProperty(g, names[n], descriptor);
    }
  }
})();
`;

/** The full prelude, for the verifier harness's context. */
export const PRELUDE = hardeningPrelude(true);

/**
 * Run in the harness's context once its code has loaded: freezes every object
 * and function reachable from its globals (prototypes, methods, accessors),
 * so nothing the checks rely on (Object.prototype.toString and its `call`,
 * ...) can be changed by code that gets hold of one of its values.
 */
export const LOCKDOWN = String.raw`
(function lockdown() {
  'use strict';
  var freeze = Object.freeze, names = Object.getOwnPropertyNames, symbols = Object.getOwnPropertySymbols;
  var describe = Object.getOwnPropertyDescriptor, protoOf = Object.getPrototypeOf;
  var seen = new WeakSet();
  var todo = [globalThis];
  function visit(value) {
    if ((typeof value === 'object' && value !== null) || typeof value === 'function') todo.push(value);
  }
  while (todo.length > 0) {
    var item = todo.pop();
    if (seen.has(item)) continue;
    seen.add(item);
    // The global object stays as the prelude left it (every standard global locked): freezing it slows global lookups.
    if (item !== globalThis) freeze(item);
    visit(protoOf(item));
    var keys = names(item).concat(symbols(item));
    for (var i = 0; i < keys.length; i++) {
      var d = describe(item, keys[i]);
      if (!d) continue;
      visit(d.value);
      visit(d.get);
      visit(d.set);
    }
  }
})();
`;
