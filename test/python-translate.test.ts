// Each place where JavaScript and Python differ: a TypeScript snippet, run
// natively and through its Python translation under plain python3, must give
// the same value.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { transformSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { PythonTranslator } from '../src/codegen/python/translate.js';

let translator: PythonTranslator;
const dir = mkdtempSync(join(tmpdir(), 'gamecwm-translate-'));

beforeAll(() => {
  translator = new PythonTranslator();
});

/** Runs `export function main()` natively (trusted test code) and in Python; returns both results as JSON text. */
function both(source: string): { js: string; py: string; diagnostics: string[] } {
  const { code } = transformSync(source, { loader: 'ts', format: 'cjs' });
  const module = { exports: {} as Record<string, () => unknown> };
  runInNewContext(code, { module, exports: module.exports });
  const js = JSON.stringify(module.exports.main());
  const translation = translator.translate(source);
  const file = join(dir, `m${Math.random().toString(36).slice(2)}.py`);
  writeFileSync(file, `${translation.python}\nimport json as _j\nprint(_j.dumps(_js_plain(main()), separators=(',', ':'), ensure_ascii=False))\n`);
  const run = spawnSync('python3', [file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python failed: ${run.stderr}\n${readFileSync(file, 'utf8').split('\n').slice(-40).join('\n')}`);
  return { js, py: run.stdout.trim(), diagnostics: translation.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`) };
}

function same(body: string) {
  const result = both(`export function main(): unknown {\n${body}\n}`);
  expect(result.diagnostics).toEqual([]);
  expect(result.py).toBe(result.js);
  return JSON.parse(result.js);
}

describe('translation keeps JavaScript semantics', () => {
  it('division gives fractions, integral results print as integers', () => {
    expect(same('const a = 7; const b = 2; return [a / b, 6 / 3, Math.floor(a / b), String(6 / 3), `${a / b}`];')).toEqual([3.5, 2, 3, '2', '3.5']);
  });

  it('% takes the sign of the dividend', () => {
    expect(same('const a = -7; const b = 3; return [a % b, 7 % -3, 7 % 3, -6 % 3];')).toEqual([-1, 1, 1, 0]);
  });

  it('empty arrays and objects are truthy, 0 and "" are falsy', () => {
    expect(same(`const empty: number[] = []; const zero = 0; const blank = ''; const obj: { a?: number } = {};
      return [empty ? 'yes' : 'no', zero ? 'yes' : 'no', blank ? 'yes' : 'no', !empty, !zero, obj ? 1 : 2];`)).toEqual(['yes', 'no', 'no', false, true, 1]);
  });

  it('=== compares objects and arrays by identity, primitives by value', () => {
    expect(same(`const a = [1, 2]; const b = [1, 2]; const c = a; const s = 'x'; const t = 'x';
      return [a === b, a === c, s === t, a !== b, 1 === 1.0];`)).toEqual([false, true, true, true, true]);
  });

  it('undefined and null become None; out-of-range reads give undefined', () => {
    expect(same(`const xs = [1, 2, 3]; const m: Record<string, number> = { a: 1 };
      return [xs[5] === undefined, xs[-1] === undefined, m['b'] === undefined, xs[1], 'abc'[5] === undefined];`)).toEqual([true, true, true, 2, true]);
  });

  it('optional chaining and ?? short-circuit on null only', () => {
    expect(same(`const o: { a: { b: number } | null; z: number | null } = { a: null, z: 0 };
      const p: { a: { b: number } | null } = { a: { b: 5 } };
      return [o.a?.b ?? 'none', p.a?.b ?? 'none', o.z ?? 9];`)).toEqual(['none', 5, 0]);
  });

  it('numbers convert to strings as JavaScript prints them', () => {
    expect(same("return [String(1), String(1.5), String(-0.25), `${10}`, 'n' + 2, String(1e21), String(0.000001), String(1e-7), String(123456789.125), [1, 2].join('-')];"))
      .toEqual(['1', '1.5', '-0.25', '10', 'n2', '1e+21', '0.000001', '1e-7', '123456789.125', '1-2']);
  });

  it('JSON.stringify keeps key order and compact separators', () => {
    expect(same("return JSON.stringify({ b: 1, a: [1.5, 2, 'x'], c: { d: null, e: true } });")).toBe('{"b":1,"a":[1.5,2,"x"],"c":{"d":null,"e":true}}');
  });

  it('sorts with comparators, and without one by string order', () => {
    expect(same('const a = [10, 9, 1, 100]; const b = a.slice(); a.sort((x, y) => x - y); b.sort(); return [a, b];')).toEqual([[1, 9, 10, 100], [1, 10, 100, 9]]);
  });

  it('spreads and destructures', () => {
    expect(same(`const base = { a: 1, b: 2 }; const more = { ...base, b: 3, c: 4 }; const xs = [1, 2]; const ys = [0, ...xs, 3];
      const [first, second] = ys; const { a, c } = more; return [more, ys, first, second, a, c];`))
      .toEqual([{ a: 1, b: 3, c: 4 }, [0, 1, 2, 3], 0, 1, 1, 4]);
  });

  it('closures read and update enclosing variables', () => {
    expect(same(`let count = 0; const add = (n: number) => { count += n; return count; };
      add(2); add(3); const scale = (k: number) => (x: number) => x * k; return [count, scale(3)(4), [1, 2, 3].map((x) => x * count)];`))
      .toEqual([5, 12, [5, 10, 15]]);
  });

  it('for...of, for...in, classic for with continue, while', () => {
    expect(same(`const out: string[] = []; for (const x of ['a', 'b']) out.push(x);
      const o: Record<string, number> = { p: 1, q: 2 }; for (const k in o) out.push(k);
      for (let i = 0; i < 5; i++) { if (i % 2 === 0) continue; out.push(String(i)); }
      let j = 0; for (let i = 10; i > 0; i -= 3) { j += i; } let n = 0; while (n < 3) n++;
      return [out, j, n];`)).toEqual([['a', 'b', 'p', 'q', '1', '3'], 22, 3]);
  });

  it('template literals, string and array methods', () => {
    expect(same(`const s = 'Hello, World'; const xs = [3, 1, 2];
      return [s.slice(-5), s.indexOf('o'), s.toUpperCase(), s.split(', '), s.startsWith('He'), 'ab'.repeat(2), '7'.padStart(3, '0'),
        xs.includes(2), xs.indexOf(9), xs.concat([4], 5), xs.filter((x) => x > 1), xs.some((x) => x > 2), xs.every((x) => x > 0),
        xs.reduce((a, b) => a + b, 0), xs.find((x) => x > 1), xs.findIndex((x) => x === 2), s.charCodeAt(0), \`\${xs.length} items\`];`))
      .toEqual(['World', 4, 'HELLO, WORLD', ['Hello', 'World'], true, 'abab', '007', true, -1, [3, 1, 2, 4, 5], [3, 2], true, true, 6, 3, 2, 72, '3 items']);
  });

  it('Math and Object helpers', () => {
    expect(same(`const o = { x: 1, y: 2 };
      return [Math.max(1, 5, 3), Math.min(...[4, 2]), Math.round(2.5), Math.round(-2.5), Math.abs(-3), Math.trunc(-2.7), Math.sign(-4),
        Object.keys(o), Object.values(o), Object.entries(o), Array.from({ length: 3 }, (_, i) => i * 2), Number('42'), Number.isInteger(3)];`))
      .toEqual([5, 2, 3, -2, 3, -2, -1, ['x', 'y'], [1, 2], [['x', 1], ['y', 2]], [0, 2, 4], 42, true]);
  });

  it('switch without fall-through and try/catch of thrown errors', () => {
    expect(same(`const f = (k: string): number => { switch (k) { case 'a': return 1; case 'b': case 'c': return 2; default: return 3; } };
      let caught = ''; try { throw new Error('boom'); } catch (e) { caught = 'caught'; } return [f('a'), f('c'), f('z'), caught];`))
      .toEqual([1, 2, 3, 'caught']);
  });

  it('assigning an array\'s length truncates or pads it in place', () => {
    expect(same(`const xs = [1, 2, 3, 4]; const alias = xs; xs.length = 2; const ys = [7]; ys.length = 3; const zs = [1, 2, 3]; zs.length -= 1;
      const empty = [5, 6]; empty.length = 0; empty.push(9); return [alias, ys, zs, empty, xs.length + ys.length];`))
      .toEqual([[1, 2], [7, null, null], [1, 2], [9], 5]);
  });

  it('&& and || return operands, as in JavaScript', () => {
    expect(same(`const a = 0; const b = 'x'; const xs: number[] = []; return [a || 5, b && 'y', a && 9, xs || 1];`)).toEqual([5, 'y', 0, []]);
  });
});

describe('what people write in TypeScript', () => {
  it('regular expressions: test, exec and match with groups, global match, replace with patterns and callbacks, split, search', () => {
    expect(same(String.raw`const action = /^([a-h])([1-8])-([a-h])([1-8])(=[QRBN])?$/;
      const m = action.exec('e7-e8=Q'); const n = 'e2-e4'.match(action); const none = action.exec('e2-e9');
      const words = 'Deal 2 cards, then 10 more'.match(/\d+/g); const nothing = 'abc'.match(/\d/g);
      return [action.test('a1-a2'), action.test('a1-a2\n'), m, n, none, words, nothing,
        'a-b-c'.replace(/-/g, '+'), 'a-b-c'.replace(/-/, '+'), 'x1y22'.replace(/(\d+)/g, '<$1>'), 'ab'.replace(/b/, "[$&$$]"),
        'a1b2'.replace(/\d/g, (d) => String(Number(d) * 2)), 'A, b;c ,d'.split(/\s*[,;]\s*/), 'a1b'.split(/(\d)/), ''.split(/,/),
        'abc'.split(/(?:)/), 'hello'.search(/l+/), /^[A-Z][a-z]*$/i.test('hELLO'), /\bcat\b/.test('a cat!'), /a.c/.test('a\nc'),
        /^\s+$/.test('\u00a0\t'), /[^\w.]/.test('a_b.c'), 'x'.replaceAll(/x/g, 'y')];`))
      .toEqual([true, false, ['e7-e8=Q', 'e', '7', 'e', '8', '=Q'], ['e2-e4', 'e', '2', 'e', '4', null], null, ['2', '10'], null,
        'a+b+c', 'a+b-c', 'x<1>y<22>', 'a[b$]', 'a2b4', ['A', 'b', 'c', 'd'], ['a', '1', 'b'], [''], ['a', 'b', 'c'], 2, true, true, false,
        true, false, 'y']);
  });

  it('classes without inheritance: fields, parameter properties, constructor, methods, getters, static methods, this in arrow functions', () => {
    expect(both(`class Counter {
        private count = 0;
        readonly log: string[] = [];
        constructor(private readonly step: number, name?: string) { if (name) this.log.push(name); }
        add(times: number = 1): Counter { for (let i = 0; i < times; i++) this.count += this.step; return this; }
        get value(): number { return this.count; }
        each(xs: number[]): number[] { return xs.map((x) => x * this.step + this.count); }
        static twice(n: number): number { return n * 2; }
      }
      export function main(): unknown {
        const c = new Counter(3, 'c'); c.add().add(2); const d = new Counter(1);
        return [c.value, c.log, c.each([1, 2]), Counter.twice(c.value), d.value, d.log, c === c, c === (d as unknown)];
      }`)).toMatchObject({ diagnostics: [], py: '[9,["c"],[12,15],18,0,[],true,false]', js: '[9,["c"],[12,15],18,0,[],true,false]' });
  });

  it('destructuring in declarations, parameters, callbacks, for-of and assignments: nested, defaults, rest', () => {
    expect(same(`const point = { x: 1, y: 2, z: 3 }; const { x, ...others } = point; const [[a, b], [c = 7, d] = [], ...tail] = [[1, 2], [undefined, 4], [5], [6]];
      const dist = ({ x: px, y: py }: { x: number; y: number }, [dx, dy]: number[] = [0, 0]) => Math.abs(px - dx) + Math.abs(py - dy);
      const sums: number[] = []; for (const [k, { v }] of [['a', { v: 1 }], ['b', { v: 2 }]] as Array<[string, { v: number }]>) sums.push(v + k.length);
      let p = 1; let q = 2; [p, q] = [q, p];
      const total = (...ns: number[]) => ns.reduce((s, n) => s + n, 0);
      const names = Object.entries({ a: 1, b: 2 }).map(([key, value]) => key + value);
      return [x, others, a, b, c, d, tail, dist(point), dist(point, [3, 3]), sums, p, q, total(1, 2, 3), total(), names];`))
      .toEqual([1, { y: 2, z: 3 }, 1, 2, 7, 4, [[5], [6]], 3, 3, [2, 3], 2, 1, 6, 0, ['a1', 'b2']]);
  });

  it('Map and Set inside functions keep insertion order, value keys, size, delete and iteration', () => {
    expect(same(`const counts = new Map<string, number>(); for (const w of ['b', 'a', 'b', 'c']) counts.set(w, (counts.get(w) ?? 0) + 1);
      counts.delete('a'); counts.set('a', 9); const seen = new Set<number>([3, 1, 3]); seen.add(2).add(1);
      const pairs: string[] = []; for (const [k, v] of counts) pairs.push(k + v); counts.forEach((v, k) => pairs.push(k));
      const copy = new Map(counts); copy.clear(); const fromPairs = new Map<number, string>([[1, 'x'], [2, 'y']]);
      return [[...counts.keys()], [...counts.values()], counts.size, counts.has('b'), counts.get('zz') === undefined, [...seen], seen.has(2), seen.size,
        Array.from(seen), pairs, copy.size, counts.size, [...fromPairs], Array.from(fromPairs.values()), new Set('abca').size, seen.delete(3), seen.delete(3)];`))
      .toEqual([['b', 'c', 'a'], [2, 1, 9], 3, true, true, [3, 1, 2], true, 3, [3, 1, 2], ['b2', 'c1', 'a9', 'b', 'c', 'a'], 0, 3, [[1, 'x'], [2, 'y']], ['x', 'y'], 3, true, false]);
  });

  it('other common forms: do-while, delete, flat and flatMap, keys and entries, lastIndexOf, toString, parseFloat, fromEntries, fromCharCode', () => {
    expect(same(`let i = 0; let n = 0; do { i++; if (i === 2) continue; n += i; } while (i < 4);
      const o: Record<string, number> = { a: 1, b: 2 }; delete o.a; delete o['zz'];
      return [n, o, [[1, 2], [3], 4].flat(), [1, 2].flatMap((x) => [x, x * 10]), [...Array(3).keys()], [...['x', 'y'].entries()],
        [1, 2, 1].lastIndexOf(1), 'abcb'.lastIndexOf('b'), (12).toString(), (1.5).toString(), parseFloat('3.25 apples'), Number.isNaN(Number.parseFloat('x')),
        Object.fromEntries([['k', 1], ['j', 2]]), String.fromCharCode(65), 'abc'.at(-1), [3, 1, 2].toSorted(), [1, 2].toReversed(), Array(2).fill(0)];`))
      .toEqual([8, { b: 2 }, [1, 2, 3, 4], [1, 10, 2, 20], [0, 1, 2], [[0, 'x'], [1, 'y']], 2, 3, '12', '1.5', 3.25, true, { k: 1, j: 2 }, 'A', 'c', [1, 2, 3], [2, 1], [0, 0]]);
  });

  it('functions and methods assign module-level variables; nested functions swap and assign their parent\'s', () => {
    expect(both(`let calls = 0;
      let last = '';
      class Tally { bump(): number { calls += 1; return calls; } }
      function note(s: string): void { last = s; calls++; }
      export function main(): unknown {
        note('a'); new Tally().bump();
        let x = 1; let y = 2; const swap = () => { [x, y] = [y, x]; }; swap();
        const rebind = ([a, b]: number[]) => { a = a + b; return a; };
        return [calls, last, x, y, rebind([3, 4])];
      }`)).toMatchObject({ diagnostics: [], js: '[2,"a",2,1,7]', py: '[2,"a",2,1,7]' });
  });

  it('conversion functions as callbacks, and Object.assign', () => {
    expect(same(`const base = { a: 1, b: 2 }; const target: Record<string, number> = { z: 0 }; const same = Object.assign(target, base, { b: 5 });
      return ['1,2.5,7'.split(',').map(Number), [1, 0, 2].map(String), [0, 1, '', 'a', null].filter(Boolean), Object.assign({}, base, { c: 3 }), target, same === target];`))
      .toEqual([[1, 2.5, 7], ['1', '0', '2'], [1, 'a'], { a: 1, b: 2, c: 3 }, { z: 0, a: 1, b: 5 }, true]);
  });

  it('labelled break and continue, through nested loops and a catch block', () => {
    expect(same(`const found: string[] = []; let tries = 0;
      outer: for (let r = 0; r < 4; r++) {
        for (const c of [0, 1, 2, 3]) {
          tries++;
          if (c > r) continue outer;
          try { if (r === 3 && c === 1) break outer; } catch (e) { found.push('caught'); }
          found.push(\`\${r}\${c}\`);
        }
      }
      let n = 0; scan: { while (true) { n++; if (n === 5) break scan; } }
      let k = 0; rows: do { k++; for (;;) { if (k < 3) continue rows; break rows; } } while (true);
      return [found, tries, n, k];`)).toEqual([['00', '10', '11', '20', '21', '22', '30'], 11, 5, 3]);
  });

  it('enums with numbers counting up and with strings', () => {
    expect(both(`enum Phase { Deal, Bet = 5, Show }
      const enum Suit { Hearts = 'H', Spades = 'S' }
      export function main(): unknown {
        const phase: Phase = Phase.Show;
        return [Phase.Deal, Phase.Bet, phase, phase === Phase.Show, Suit.Spades, \`\${Suit.Hearts}\${Phase.Bet}\`];
      }`)).toMatchObject({ diagnostics: [], js: '[0,5,6,true,"S","H5"]', py: '[0,5,6,true,"S","H5"]' });
  });

  it('bitwise operators on 32-bit integers, and compound and logical assignments', () => {
    expect(same(`let bits = 0; bits |= 1 << 3; bits |= 1 << 31; const high = bits >>> 28; const signed = bits >> 28; let m = 0xff; m &= ~0x0f; m ^= 1;
      let n: number | null = null; n ??= 4; n ??= 9; let f = 0; f ||= 7; let t = 2; t &&= 5; let p = 2; p **= 10;
      return [bits, high, signed, m, 5 & 3, 5 | 3, 5 ^ 3, ~5, -17 >> 2, -17 >>> 28, 2.9 | 0, 1 << 40, n, f, t, p];`))
      .toEqual([-2147483640, 8, -8, 241, 1, 7, 6, -6, -5, 15, 2, 256, 4, 7, 5, 1024]);
  });
});

describe('regular expressions outside the subset', () => {
  it.each([
    ['/(a)\\1/', /backreferences/],
    ['/(?<=a)b/', /lookbehind/],
    ['/(?<year>\\d+)/', /named groups/],
    ['/a/m', /flag "m"/],
    ['/a/y', /flag "y"/],
    ['/é/i', /ASCII/],
    ['/a{,2}/', /literal \{/],
    ['/[\\S]/', /inside a character class/],
    ['/\\p{L}/', /escape \\p/],
    ['/[😀]/', /Basic Multilingual Plane/],
  ])('%s is refused with a reason', (literal, reason) => {
    const { diagnostics } = translator.translate(`export function f(s: string): boolean {\n  return ${literal}.test(s);\n}\n`);
    expect(diagnostics.map((d) => `${d.line}:${d.column}`)).toEqual(['2:10']);
    expect(diagnostics[0].message).toMatch(reason);
  });

  it('test and exec with the g flag, and on a regular expression that is not a literal, are refused', () => {
    const source = 'const G = /a/g;\nexport function f(s: string, r: RegExp): unknown {\n  return [G.test(s), r.exec(s), /a/g.exec(s)];\n}\n';
    expect(translator.translate(source).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '3:11 cannot translate to Python: test on a regular expression with the g flag depends on its lastIndex; drop the g flag',
    ]);
  });
});

describe('outside the subset', () => {
  it('is reported with line:column instead of translated wrongly', () => {
    const { diagnostics } = translator.translate('export function f(x: number): number {\n  label: { continue label; }\n  return x++ + 1;\n}\nexport class C extends Object {}\n');
    expect(diagnostics.map((d) => `${d.line}:${d.column}`)).toEqual(['2:3', '3:10', '5:16']);
    expect(diagnostics[0].message).toMatch(/^cannot translate to Python: continue to a label that is not on a loop/);
    expect(diagnostics[2].message).toMatch(/class inheritance \(extends\) is outside the portable subset/);
  });
});
