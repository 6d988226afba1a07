// The one description of what a TypeScript GameCWM may contain and what the
// verifier checks of it: the generation prompt renders it (SUBSET_RULES), and
// test/subset.test.ts holds the static checker, the Python translation and the
// verifier to it: every allowed example passes both checks, every refused
// example is refused by the check it names, every library call translates, and
// each claim about the verifier holds on a real module.

import { FORBIDDEN_GLOBALS, FORBIDDEN_PROPERTIES } from '../verifier/static/forbidden.js';

/** A fragment of module source (top-level code) and the check that refuses it. */
export interface RefusedExample {
  code: string;
  /** `forbidden`: the static tier refuses it (the module is not ok); `portability`: only the Python translation does. */
  by: 'forbidden' | 'portability';
}

export interface ModuleRule {
  /** The rule as the prompt states it. */
  text: string;
  /** Top-level fragments the rule allows: the static checker and the translation accept them. */
  allowed?: string[];
  refused?: RefusedExample[];
}

const forbiddenNames = [...Object.keys(FORBIDDEN_GLOBALS), ...[...FORBIDDEN_PROPERTIES.keys()].map((p) => `\`.${p}\``)];

export const MODULE_RULES: ModuleRule[] = [
  {
    text: 'Write one self-contained module. Export `type Action = string`, a type named `State`, a type named `Observation`, and every function of the contract as `export function name(...) { ... }`. The only import allowed is `import type { ... } from \'gamecwm\'` (you do not need it).',
    allowed: ['import type { GameCWM } from \'gamecwm\';'],
    refused: [{ code: 'import { CHANCE } from \'gamecwm\';', by: 'forbidden' }],
  },
  {
    text: 'States and observations are plain JSON data: objects, arrays, strings, finite numbers, booleans and null. No Map, Set, class instances, undefined values or functions inside them (inside a function, Map, Set and classes are fine). A state must come back unchanged from JSON.parse(JSON.stringify(state)).',
  },
  {
    text: 'Every function is pure and deterministic. applyAction returns a new state and never changes its argument: copy what you change, with object and array spread (`{ ...state, board: state.board.slice() }`, `[...xs, x]`) or `JSON.parse(JSON.stringify(state))`. The verifier compares every input with a copy after each call, so a mutation fails.',
    allowed: [
      'export function copyOf(state: State): State { return { ...state, board: [...state.board] }; }',
      'export function deepCopy(state: State): State { return JSON.parse(JSON.stringify(state)) as State; }',
    ],
  },
  { text: 'applyAction throws an Error for an action that is not legal in the state.' },
  {
    text: 'getLegalActions returns [] at a terminal state and otherwise a non-empty list of distinct action strings, spelled exactly as the rules\' action strings. The verifier compares legal actions as sets: their order does not matter, but an action listed twice fails.',
  },
  {
    text: 'At a chance node getCurrentPlayer returns CHANCE (-1) and getLegalActions lists the outcomes. getChanceOutcomes, if exported, gives [outcome, probability] pairs for exactly those outcomes, each probability in (0, 1], summing to 1; without it the outcomes are uniform. It is only ever called at chance nodes: elsewhere return [].',
  },
  { text: 'getRewards returns one number per player: the payoffs once the game is over (zeros before, unless the rules score along the way).' },
  {
    text: 'getObservations returns one observation per player, holding exactly what that player may see: no more, no less. The verifier compares them with the rules\' own between situations reached after the same number of actions (chance included): a player must tell two such situations apart exactly when the rules let it. So whether a hidden deal has happened need not be shown (the number of actions tells it), the dealt card stays hidden, and what the rules make public (a public card once dealt, the bets so far) must be shown.',
  },
  { text: 'Nothing random: resampleHistory alone draws random numbers, and only from its `random` argument.' },
  {
    text: `Not allowed (the static tier rejects them): imports other than \`import type\`, ${forbiddenNames.join(', ')}, Math.random, async, await, generator functions, \`with\`.`,
    refused: [
      { code: 'export const now = Date.now();', by: 'forbidden' },
      { code: 'export const r = Math.random();', by: 'forbidden' },
      { code: 'export function* moves() { yield 1; }', by: 'forbidden' },
      { code: 'export const f = (() => 1).constructor;', by: 'forbidden' },
    ],
  },
  {
    text: 'Keep to the portable subset, so the module also translates to Python (required where Python is asked for; elsewhere a correct module passes without it): at the top level only types, interfaces, enums with number or string values, `const` declarations, function declarations and classes without `extends` (fields, constructor, methods, getters, static methods; no static fields or #private members); never `var`; labelled break and continue only to loops or blocks that hold them; every switch case ends with break, return, throw or continue; no assignment, `++` or `--` inside a larger expression; `+` only between two numbers or two strings (build strings with template literals); no optional calls `f?.()`; no methods or getters in object literals; spread in array literals, object literals and calls; destructuring anywhere (nested, with defaults and rest); `new` only for Error, `Array(n)`, Map, Set and your own classes; Map and Set keys are strings or numbers; no localeCompare (sort strings with the default sort or `<`).',
    allowed: [
      'class Counter { private total = 0; constructor(private readonly step: number) {} add(): number { this.total += this.step; return this.total; } }',
      'export function sumPairs(pairs: Array<[string, number]>): number { let sum = 0; for (const [, n] of pairs) sum += n; return sum; }',
      'export function corner({ row, col = 0 }: { row: number; col?: number }, [first, ...rest]: number[]): number { return row + col + first + rest.length; }',
      'export function counts(words: string[]): number[] { const seen = new Map<string, number>(); for (const w of words) seen.set(w, (seen.get(w) ?? 0) + 1); return [...seen.values()]; }',
      'export function swap(xs: number[]): number[] { let [a, b] = xs; [a, b] = [b, a]; return [a, b]; }',
      'export function firstPair(xs: number[]): number { outer: for (const a of xs) { for (const b of xs) { if (a + b === 7) break outer; if (b > a) continue outer; } } return 0; }',
      'enum Phase { Deal, Bet, Show }\nexport function after(p: Phase): Phase { return p === Phase.Show ? Phase.Deal : p + 1; }',
    ],
    refused: [
      { code: 'export function order(xs: string[]): string[] { return xs.sort((a, b) => a.localeCompare(b)); }', by: 'portability' },
      { code: 'class Base {}\nclass Derived extends Base {}', by: 'portability' },
      { code: 'export function next(n: number): number { let i = n; return i++ + 1; }', by: 'portability' },
      { code: 'export function keyed(): number { const m = new Map<number[], number>(); return m.size; }', by: 'portability' },
      { code: 'export var legacy = 1;', by: 'portability' },
    ],
  },
  {
    text: 'Regular expression literals are fine with character classes, quantifiers, anchors, groups, lookahead, alternation and the flags g and i (no backreferences, lookbehind, named groups, other flags or characters beyond U+FFFF); use test and exec only without g, and match, replace, replaceAll, split and search freely.',
    allowed: [
      'const MOVE = /^([a-h])([1-8])-([a-h])([1-8])$/;\nexport function parse(a: string): string[] | null { return MOVE.exec(a); }',
      'export function digits(s: string): string[] { return s.replace(/\\s+/g, \' \').split(/[,;]/); }',
    ],
    refused: [
      { code: 'export function twice(s: string): boolean { return /(a)\\1/.test(s); }', by: 'portability' },
      { code: 'const ALL = /x/g;\nexport function has(s: string): boolean { return ALL.test(s); }', by: 'portability' },
    ],
  },
];

/** A library call within the subset: its name as the prompt lists it, and an expression that uses it. */
export interface LibraryCall {
  name: string;
  /** Evaluated where `xs: number[]`, `words: string[]`, `s: string`, `o: Record<string, number>`, `m: Map<string, number>`, `set: Set<number>` and `re = /a(b)/` are in scope. */
  example: string;
}

const ARRAY_EXAMPLES: Record<string, string> = {
  push: 'xs.push(4)', unshift: 'xs.unshift(0)', slice: 'xs.slice(1)', splice: 'xs.splice(0, 1)', concat: 'xs.concat([5])', indexOf: 'xs.indexOf(2)',
  lastIndexOf: 'xs.lastIndexOf(2)', includes: 'xs.includes(2)', join: 'words.join(\'-\')', fill: 'xs.slice().fill(0)', sort: 'xs.slice().sort((a, b) => a - b)',
  map: 'xs.map((x) => x * 2)', filter: 'xs.filter((x) => x > 1)', some: 'xs.some((x) => x > 1)', every: 'xs.every((x) => x > 1)',
  forEach: 'xs.forEach((x) => x)', find: 'xs.find((x) => x > 1)', findIndex: 'xs.findIndex((x) => x > 1)', findLast: 'xs.findLast((x) => x > 1)',
  findLastIndex: 'xs.findLastIndex((x) => x > 1)', reduce: 'xs.reduce((a, b) => a + b, 0)', at: 'xs.at(-1)', flat: '[xs, xs].flat()',
  flatMap: 'xs.flatMap((x) => [x, x])', keys: '[...xs.keys()]', entries: '[...xs.entries()]', toSorted: 'xs.toSorted()',
};

const STRING_EXAMPLES: Record<string, string> = {
  charAt: 's.charAt(0)', charCodeAt: 's.charCodeAt(0)', indexOf: 's.indexOf(\'a\')', lastIndexOf: 's.lastIndexOf(\'a\')', includes: 's.includes(\'a\')',
  startsWith: 's.startsWith(\'a\')', endsWith: 's.endsWith(\'a\')', slice: 's.slice(1)', substring: 's.substring(1, 2)', split: 's.split(\',\')',
  repeat: 's.repeat(2)', padStart: 's.padStart(3, \'0\')', padEnd: 's.padEnd(3)', replace: 's.replace(\'a\', \'b\')', replaceAll: 's.replaceAll(\'a\', \'b\')',
  match: 's.match(re)', search: 's.search(re)', at: 's.at(-1)',
};

const call = (name: string, example: string): LibraryCall => ({ name, example });

export const LIBRARY_CALLS: Record<string, LibraryCall[]> = {
  'global functions': [
    call('String', 'String(1.5)'), call('Number', 'Number(s)'), call('parseInt', 'parseInt(s, 10)'), call('parseFloat', 'parseFloat(s)'),
    call('Boolean', 'Boolean(s)'), call('isNaN', 'isNaN(xs[0])'), call('Array(n)', 'Array(3).fill(0)'),
    call('Number, String and Boolean as callbacks', 'words.map(Number).filter(Boolean).map(String)'),
  ],
  Math: ['floor', 'ceil', 'round', 'trunc', 'abs', 'max', 'min', 'sqrt', 'pow', 'log', 'exp', 'sign']
    .map((f) => call(f, f === 'pow' ? 'Math.pow(2, 3)' : f === 'max' || f === 'min' ? `Math.${f}(...xs)` : `Math.${f}(xs[0])`)),
  JSON: [call('stringify', 'JSON.stringify(o)'), call('parse', 'JSON.parse(s)')],
  Object: [call('keys', 'Object.keys(o)'), call('values', 'Object.values(o)'), call('entries', 'Object.entries(o)'), call('freeze', 'Object.freeze(xs)'), call('fromEntries', 'Object.fromEntries(Object.entries(o))'), call('assign', 'Object.assign({}, o, { k: 1 })')],
  'Array and Number': [
    call('Array.isArray', 'Array.isArray(xs)'), call('Array.from', 'Array.from({ length: 3 }, (_, i) => i)'), call('Number.isInteger', 'Number.isInteger(xs[0])'),
    call('Number.isFinite', 'Number.isFinite(xs[0])'), call('Number.isNaN', 'Number.isNaN(xs[0])'), call('String.fromCharCode', 'String.fromCharCode(65)'),
  ],
  'array methods': ['push', 'pop', 'shift', 'unshift', 'slice', 'splice', 'concat', 'indexOf', 'lastIndexOf', 'includes', 'join', 'reverse', 'fill', 'sort',
    'map', 'filter', 'some', 'every', 'forEach', 'find', 'findIndex', 'findLast', 'findLastIndex', 'reduce', 'at', 'flat', 'flatMap', 'keys', 'entries',
    'toSorted', 'toReversed'].map((f) => call(f, ARRAY_EXAMPLES[f] ?? `xs.${f}()`)),
  'string methods': ['charAt', 'charCodeAt', 'indexOf', 'lastIndexOf', 'includes', 'startsWith', 'endsWith', 'slice', 'substring', 'split', 'toUpperCase',
    'toLowerCase', 'trim', 'trimStart', 'trimEnd', 'repeat', 'padStart', 'padEnd', 'replace', 'replaceAll', 'match', 'search', 'at']
    .map((f) => call(f, STRING_EXAMPLES[f] ?? `s.${f}()`)),
  'Map and Set methods': [
    call('get', 'm.get(s)'), call('set', 'm.set(s, 1)'), call('has', 'm.has(s)'), call('delete', 'm.delete(s)'), call('size', 'm.size + set.size'),
    call('keys', '[...m.keys()]'), call('values', '[...set.values()]'), call('entries', '[...m.entries()]'), call('forEach', 'm.forEach((v, k) => v + k.length)'),
    call('add', 'set.add(1)'), call('clear', 'set.clear()'),
  ],
  'regular expressions': [call('test', 're.test(s)'), call('exec', 're.exec(s)')],
};

/** The rules as the prompt states them. */
export function renderSubsetRules(): string {
  const calls = Object.entries(LIBRARY_CALLS).map(([group, list]) => `${group}: ${list.map((c) => c.name).join(', ')}`).join('; ');
  return [...MODULE_RULES.map((rule) => `- ${rule.text}`), `- Library calls within the subset: ${calls}.`].join('\n');
}
