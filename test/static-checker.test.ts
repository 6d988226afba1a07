import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { StaticChecker } from '../src/verifier/static/checker.js';

const TIC_TAC_TOE = readFileSync('src/games/tic_tac_toe/game.ts', 'utf8');
const KUHN = readFileSync('src/games/kuhn_poker/game.ts', 'utf8');
let checker: StaticChecker;

beforeAll(() => {
  checker = new StaticChecker();
});

function failing(source: string) {
  const report = checker.check(source);
  return Object.fromEntries(report.checks.filter((c) => !c.passed).map((c) => [c.name, c.message]));
}

describe('StaticChecker', () => {
  it('passes the reference games', () => {
    expect(failing(TIC_TAC_TOE)).toEqual({});
    expect(failing(KUHN)).toEqual({});
    expect(checker.check(KUHN).resampleStub).toBeNull();
  });

  it('accepts `import type` from the package and rejects every other import', () => {
    const typed = `import type { GameCWM } from 'gamecwm';\n${TIC_TAC_TOE}\nexport const self: GameCWM<State, Observation> | null = null;`;
    expect(failing(typed)).toEqual({});
    const imported = `import { CHANCE } from 'gamecwm';\n${TIC_TAC_TOE}`;
    expect(failing(imported)['no-forbidden-constructs']).toMatch(/^1:1 imports are not allowed \(found an import from "gamecwm"\)/);
  });

  it('reports syntax errors with line:column and fails the other static checks', () => {
    const report = checker.check(`${TIC_TAC_TOE}\nexport const broken = ;\n`);
    expect(report.runnable).toBe(false);
    expect(report.checks.every((c) => !c.passed)).toBe(true);
    const lines = TIC_TAC_TOE.split('\n').length;
    expect(report.checks[0].message).toBe(`${lines + 1}:23 Expression expected.`);
  });

  it('reports type errors inside the candidate at their position', () => {
    const source = TIC_TAC_TOE.replace('return state.currentPlayer;\n}', 'return state.board;\n}');
    const message = failing(source)['type-checks'];
    expect(message).toMatch(/^\d+:3 Type 'string\[\]' is not assignable to type 'number'\./);
  });

  it('checks the exports against GameCWM<State, Observation>', () => {
    expect(failing(TIC_TAC_TOE.replace('export function getRewards', 'function getRewards'))['satisfies-contract'])
      .toMatch(/Property 'getRewards' is missing/);
    expect(failing(TIC_TAC_TOE.replace('export type Observation = State;', 'type Observation = State;'))['satisfies-contract'])
      .toMatch(/export a type named Observation/);
    expect(failing(TIC_TAC_TOE.replace('export function getPlayerName(player: number): string', 'export function getPlayerName(player: string): string'))['satisfies-contract'])
      .toMatch(/getPlayerName/);
  });

  it.each([
    ['eval("1")', /eval is not allowed/],
    ['new Function("return 1")', /the Function constructor is not allowed/],
    ['Date.now()', /Date is not allowed/],
    ['Math.random()', /Math.random is not allowed/],
    ['globalThis', /globalThis is not allowed/],
    ['process.exit(1)', /process is not allowed/],
    ['require("fs")', /require is not allowed/],
    ['import("fs")', /dynamic import\(\) is not allowed/],
    ['new Proxy({}, {})', /Proxy is not allowed/],
    ['Reflect.ownKeys({})', /Reflect is not allowed/],
    ['(() => 1).constructor', /\.constructor is not allowed/],
    ['({} as any)["constructor"]', /\.constructor is not allowed/],
    ['({} as any).__proto__', /__proto__ is not allowed/],
    ['setTimeout(() => 1, 0)', /timers are not allowed/],
    ['Promise.resolve(1)', /Promise is not allowed/],
  ])('flags %s', (expression, message) => {
    const lines = TIC_TAC_TOE.split('\n').length;
    const result = failing(`${TIC_TAC_TOE}\nexport function hostile(): unknown { return ${expression}; }\n`)['no-forbidden-constructs'];
    expect(result).toMatch(new RegExp(`^${lines + 1}:\\d+ `));
    expect(result).toMatch(message);
  });

  it('flags with statements, async functions and generators', () => {
    expect(failing(`${TIC_TAC_TOE}\nexport async function later() { return 1; }`)['no-forbidden-constructs']).toMatch(/async functions are not allowed/);
    expect(failing(`${TIC_TAC_TOE}\nexport function* gen() { yield 1; }`)['no-forbidden-constructs']).toMatch(/generator functions are not allowed/);
  });

  it('does not flag local names or properties that merely share a forbidden name', () => {
    const source = `${TIC_TAC_TOE}\nexport function ok(): number { const date = { process: 1, random: 2 }; return date.process + date.random; }\n`;
    expect(failing(source)).toEqual({});
  });

  it('detects a resampleHistory stub', () => {
    const body = /export function resampleHistory\([\s\S]*$/.exec(KUHN)![0];
    const stubbed = KUHN.replace(body, `export function resampleHistory(history: Array<[Observation, Action | null]>, player: number, random: () => number): Action[] {\n  return [];\n}\n`);
    expect(checker.check(stubbed).resampleStub).toBe('resampleHistory never reads its history argument');
    const throwing = KUHN.replace(body, `export function resampleHistory(history: Array<[Observation, Action | null]>, player: number, random: () => number): Action[] {\n  throw new Error('not implemented');\n}\n`);
    expect(checker.check(throwing).resampleStub).toBe('resampleHistory only throws');
  });

  it('runs an extra portability hook and reports what it finds beside the checks, not among them', () => {
    const found = { line: 3, column: 7, code: 'portability', message: 'cannot translate this' };
    const withHook = new StaticChecker(() => [found]);
    const report = withHook.check(TIC_TAC_TOE);
    expect(report.portability).toEqual([found]);
    expect(report.checks.every((c) => c.passed)).toBe(true);
    expect(report.diagnostics).toEqual([]);
    expect(checker.check(TIC_TAC_TOE).portability).toBeNull();
    const broken = withHook.check('export const x = ;\n');
    expect(broken.portability).toEqual([{ line: 1, column: 18, code: 'portability', message: 'cannot translate to Python: the module does not parse: Expression expected.' }]);
  });
});
