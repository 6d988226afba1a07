// A candidate's play isolate (CandidateRuntime): the hardening its prelude
// keeps after the speed changes (Math.random blocked and read-only on a
// frozen Math), and searches over the plain view of the candidate's exports
// that match the native search move for move.

import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CandidateRuntime } from '../src/engine/sandbox/candidate-runtime.js';
import { getGame } from '../src/games/index.js';
import { gameModulePath } from '../src/games/files.js';
import { NativeSearch } from '../src/mcts/backend.js';
import { DEFAULT_SEARCH } from '../src/mcts/search.js';

const LIMITS = { memoryMb: 128, timeoutMs: 5000, maxResultChars: 1_000_000 };
const TIC_TAC_TOE = readFileSync(gameModulePath('tic_tac_toe'), 'utf8');

/** The reference module with its getPlayerName replaced (the host asks for it by name). */
function withPlayerName(body: string): string {
  const replaced = TIC_TAC_TOE.replace(/export function getPlayerName\(player: number\): string \{[^}]*\}/, `export function getPlayerName(player: number): string { ${body} }`);
  expect(replaced).not.toBe(TIC_TAC_TOE);
  return replaced;
}

const runtimes: CandidateRuntime[] = [];
async function load(source: string): Promise<CandidateRuntime> {
  const runtime = await CandidateRuntime.load(source, 'candidate.ts', LIMITS);
  runtimes.push(runtime);
  return runtime;
}
afterAll(() => runtimes.forEach((r) => r.dispose()));

describe('the play isolate', () => {
  it('blocks Math.random and keeps it read-only on a frozen Math', async () => {
    const runtime = await load(withPlayerName(`
      const d = Object.getOwnPropertyDescriptor(Math, 'random')!;
      let called = '';
      try { Math.random(); } catch (error) { called = String(error); }
      let assigned = '';
      try { (Math as unknown as Record<string, unknown>).random = () => 0.5; } catch (error) { assigned = String(error); }
      return JSON.stringify({ writable: d.writable, configurable: d.configurable, frozen: Object.isFrozen(Math), called, assigned });`));
    const seen = JSON.parse(runtime.getPlayerName(0)) as Record<string, unknown>;
    expect(seen).toMatchObject({ writable: false, configurable: false, frozen: true });
    expect(seen.called).toMatch(/EvalError: Math\.random is not available in a GameCWM/);
    expect(seen.assigned).toMatch(/TypeError: Cannot assign to read only property 'random'/);
  });

  it('refuses a module that restores Math.random at load', async () => {
    const source = `${TIC_TAC_TOE}\n(Math as unknown as Record<string, unknown>).random = () => 0.5;\n`;
    await expect(load(source)).rejects.toThrow(/Cannot assign to read only property 'random'/);
  });

  it('searches with the same statistics as the native search', async () => {
    const game = getGame('tic_tac_toe');
    const runtime = await load(TIC_TAC_TOE);
    const options = { ...DEFAULT_SEARCH, iterations: 500, players: 2, rewardRange: game.info.rewardRange, maxGameLength: game.info.maxGameLength };
    const native = new NativeSearch(game.cwm as never);
    for (const seed of [1, 2, 3]) {
      const state = game.cwm.getInitialState();
      const inside = runtime.mcts(state, options, seed);
      const outside = native.mcts(state, options, seed);
      expect(inside.stats).toEqual(outside.stats);
      expect(inside.action).toBe(outside.action);
    }
    // Contract calls go through the same plain view of the exports.
    expect(runtime.getLegalActions(runtime.getInitialState())).toEqual(game.cwm.getLegalActions(game.cwm.getInitialState()));
  });
});
