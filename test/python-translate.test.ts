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

describe('outside the subset', () => {
  it('is reported with line:column instead of translated wrongly', () => {
    const { diagnostics } = translator.translate('export function f(x: number): number {\n  label: for (;;) { break label; }\n  return x++ + 1;\n}\nexport class C {}\n');
    expect(diagnostics.map((d) => `${d.line}:${d.column}`)).toEqual(['2:3', '3:10', '5:1']);
    expect(diagnostics[0].message).toMatch(/^cannot translate to Python: LabeledStatement is outside the portable subset/);
    expect(diagnostics[2].message).toMatch(/top-level ClassDeclaration/);
  });
});
