// The prompt, the static checker, the Python translation and the verifier
// agree on one description of the subset (src/codegen/subset.ts): what it
// allows passes both checks, what it refuses is refused by the check it
// names, every library call it lists translates, and each of its claims about
// the verifier holds on a real module.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pythonPortability } from '../src/codegen/python/translate.js';
import { SUBSET_RULES } from '../src/codegen/prompts.js';
import { LIBRARY_CALLS, MODULE_RULES } from '../src/codegen/subset.js';
import { getGame } from '../src/games/index.js';
import { StaticChecker } from '../src/verifier/static/checker.js';
import { Verifier } from '../src/verifier/verify.js';

const TIC_TAC_TOE = readFileSync('src/games/tic_tac_toe/game.ts', 'utf8');
const game = (id: string) => readFileSync(`src/games/${id}/game.ts`, 'utf8');

let checker: StaticChecker;
beforeAll(() => {
  checker = new StaticChecker(pythonPortability);
});

function verdicts(fragment: string) {
  const report = checker.check(`${TIC_TAC_TOE}\n${fragment}\n`);
  return {
    failing: report.checks.filter((c) => !c.passed).map((c) => `${c.name}: ${c.message}`),
    portability: (report.portability ?? []).map((d) => d.message),
  };
}

const allowed = MODULE_RULES.flatMap((rule) => (rule.allowed ?? []).map((code) => [code] as const));
const refused = MODULE_RULES.flatMap((rule) => (rule.refused ?? []).map((example) => [example.code, example.by] as const));

describe('the subset as the prompt states it', () => {
  it('is what the prompt says, rule by rule', () => {
    for (const rule of MODULE_RULES) expect(SUBSET_RULES).toContain(rule.text);
    for (const [group, calls] of Object.entries(LIBRARY_CALLS)) expect(SUBSET_RULES).toContain(`${group}: ${calls.map((c) => c.name).join(', ')}`);
  });

  it('no longer contradicts itself about spread, nor stays silent on order, chance and hidden deals', () => {
    expect(SUBSET_RULES).toContain('{ ...state, board: state.board.slice() }');
    expect(SUBSET_RULES).toContain('spread in array literals, object literals and calls');
    expect(SUBSET_RULES).not.toMatch(/spread only in array literals and calls/);
    expect(SUBSET_RULES).toMatch(/compares legal actions as sets: their order does not matter, but an action listed twice fails/);
    expect(SUBSET_RULES).toMatch(/only ever called at chance nodes: elsewhere return \[\]/);
    expect(SUBSET_RULES).toMatch(/whether a hidden deal has happened need not be shown/);
  });

  it.each(allowed)('allows %s: both checks accept it', (code) => {
    expect(verdicts(code)).toEqual({ failing: [], portability: [] });
  });

  it.each(refused)('refuses %s (by %s)', (code, by) => {
    const { failing, portability } = verdicts(code);
    if (by === 'forbidden') {
      expect(failing.join('\n')).toMatch(/^no-forbidden-constructs: /m);
    } else {
      // A correct module outside the portable subset passes the static tier; only the translation refuses it.
      expect(failing).toEqual([]);
      expect(portability.length).toBeGreaterThan(0);
    }
  });

  it('every library call it lists translates', () => {
    const body = Object.values(LIBRARY_CALLS).flat().map((c, i) => `  const v${i} = ${c.example};`).join('\n');
    const fragment = `const re = /a(b)/;\nexport function library(xs: number[], words: string[], s: string, o: Record<string, number>, m: Map<string, number>, set: Set<number>): void {\n${body}\n}`;
    expect(verdicts(fragment).portability).toEqual([]);
  });
});

describe('the claims the prompt makes about the verifier hold', () => {
  let verifier: Verifier;
  beforeAll(() => {
    verifier = new Verifier({ playouts: 40, histories: 40, trajectories: 40, concurrency: 1, limits: { memoryMb: 256, timeoutMs: 60_000, maxResultChars: 4_000_000 } });
  });
  afterAll(() => verifier.dispose());
  const target = (id: string) => ({ info: getGame(id).info, referenceId: id });
  const failing = (report: Awaited<ReturnType<Verifier['verify']>>) => Object.values(report.tiers).flatMap((t) => t.checks.filter((c) => !c.passed).map((c) => c.name));

  it('legal actions are compared as sets: another order passes, an action listed twice fails', async () => {
    const reversed = TIC_TAC_TOE.replace('  return actions;\n}', '  return actions.reverse();\n}');
    expect(reversed).not.toBe(TIC_TAC_TOE);
    expect(failing(await verifier.verify(reversed, target('tic_tac_toe')))).toEqual([]);
    const twice = TIC_TAC_TOE.replace('  return actions;\n}', '  return actions.length > 1 ? [...actions, actions[0]] : actions;\n}');
    expect(failing(await verifier.verify(twice, target('tic_tac_toe')))).toContain('legal-actions-valid');
  });

  it('getChanceOutcomes is only called at chance nodes: what it returns elsewhere changes nothing', async () => {
    const source = game('kuhn_poker');
    const anywhere = source.replace('  if (state.currentPlayer !== CHANCE) return [];\n', '');
    expect(anywhere).not.toBe(source);
    expect(failing(await verifier.verify(anywhere, target('kuhn_poker')))).toEqual([]);
  });

  it('whether a hidden deal has happened may be shown or not (leduc: the reference hides it, a variant shows it)', async () => {
    const source = game('leduc_poker');
    const shown = source
      .replace('  contributions: number[];\n}', '  contributions: number[];\n  /** Whether each private card has been dealt. */\n  dealt: boolean[];\n}')
      .replace('    contributions: state.contributions.slice(),\n  };', '    contributions: state.contributions.slice(),\n    dealt: state.privateCards.map((card) => card !== null),\n  };');
    expect(shown.match(/dealt: /g)?.length).toBe(2);
    expect(failing(await verifier.verify(shown, target('leduc_poker')))).toEqual([]);
  });
});
