// The Python runner client (src/python-runner/runner-client.ts) against the
// paper-format test modules in python/testdata: the protocol, parity with the
// TypeScript verifier's references and UCT search, and hostile modules (an
// endless loop, a memory bomb, a forged response, escapes) that must end in a
// clean rejection while the host and the next runner carry on.

import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { sampleChance } from '../src/engine/chance.js';
import { type Action, type AnyGameCWM, CHANCE, TERMINAL } from '../src/engine/contract.js';
import { Rng } from '../src/engine/rng.js';
import { getGame } from '../src/games/index.js';
import { DEFAULT_SEARCH } from '../src/mcts/search.js';
import { uctSearch } from '../src/mcts/uct.js';
import { FairScheduler, Tenancy } from '../src/fair-scheduler.js';
import { fairRequest } from '../src/python-runner/fair-request.js';
import { PythonRunner, PythonRunnerError, RUNNER_SCRIPT } from '../src/python-runner/runner-client.js';
import type { CheckResult } from '../src/verifier/check-result.js';

const DATA = resolve(import.meta.dirname, '..', 'python', 'testdata');
const HOSTILE = resolve(DATA, 'hostile');
const PWNED = '/tmp/gamecwm-python-hostile-pwned';

interface CheckReport { checks: CheckResult[] }
interface SearchReport { action: Action; stats: Array<{ action: Action; visits: number; value: number }>; iterations: number }

const started: PythonRunner[] = [];

async function runner(file: string, options: Parameters<typeof PythonRunner.start>[1] = {}): Promise<PythonRunner> {
  const r = await PythonRunner.start(resolve(file.includes('/') ? file : resolve(DATA, file)), { timeoutMs: 20_000, ...options });
  started.push(r);
  return r;
}

function failing(report: CheckReport | CheckResult[]): string[] {
  const checks = Array.isArray(report) ? report : report.checks;
  return checks.filter((c) => !c.passed).map((c) => `${c.name}: ${c.message}`);
}

async function rejection(promise: Promise<unknown>): Promise<PythonRunnerError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(PythonRunnerError);
    return error as PythonRunnerError;
  }
  throw new Error('the request was expected to fail');
}

/** Seeded random trajectories of a reference game, with what the reference says at every state. */
function referenceTrajectories(cwm: AnyGameCWM, count: number, seed: number) {
  return Array.from({ length: count }, (_, i) => {
    const rng = new Rng(seed).derive(i);
    const actions: Action[] = [];
    const expected: Array<{ player: number; legal: Action[]; rewards: number[] }> = [];
    let state = cwm.getInitialState();
    for (;;) {
      const player = cwm.getCurrentPlayer(state);
      const legal = cwm.getLegalActions(state);
      expected.push({ player, legal, rewards: cwm.getRewards(state) });
      if (player === TERMINAL) break;
      const action = player === CHANCE ? sampleChance(cwm, state, rng.randomFn) : rng.pick(legal);
      actions.push(action);
      state = cwm.applyAction(state, action);
    }
    return { actions, expected };
  });
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((r) => r.close()));
});

afterAll(() => {
  rmSync(PWNED, { force: true, recursive: true });
});

describe('PythonRunner', () => {
  it('finds the runner script from the package root', () => {
    expect(existsSync(RUNNER_SCRIPT)).toBe(true);
  });

  it('calls functions and reports module errors without stopping', async () => {
    const r = await runner('tic_tac_toe.py');
    expect(await r.request<string[]>('exports')).toContain('apply_action');
    const state = await r.request<unknown>('call', { fn: 'get_initial_state' });
    expect(await r.request<string[]>('call', { fn: 'get_legal_actions', args: [state] })).toHaveLength(9);
    const error = await rejection(r.request('call', { fn: 'apply_action', args: [state, 'o(0,0)'] }));
    expect(error.kind).toBe('failed');
    expect(error.message).toMatch(/^ValueError: "o\(0,0\)" is not an action of player 0/);
    expect((await rejection(r.request('no-such-op'))).message).toMatch(/^ProtocolError: unknown op "no-such-op"/);
    expect(r.alive).toBe(true);
    // Requests queue: several at once are answered in order.
    const names = await Promise.all([0, 1].map((p) => r.request<string>('call', { fn: 'get_player_name', args: [p] })));
    expect(names).toEqual(['x', 'o']);
  });

  it('runs the same UCT search as the TypeScript one, bit for bit', async () => {
    const game = getGame('tic_tac_toe');
    const options = { ...DEFAULT_SEARCH, iterations: 600, c: Math.SQRT2, rollouts: 1, players: 2, rewardRange: [-1, 1] as [number, number], maxGameLength: 9 };
    for (const seed of [1, 7]) {
      const native = uctSearch(game.cwm, game.cwm.getInitialState(), options, new Rng(seed));
      const python = await (await runner('tic_tac_toe.py')).request<SearchReport>('mcts', {
        iterations: 600, c: Math.SQRT2, rollouts: 1, players: 2, reward_range: [-1, 1], max_game_length: 9, seed,
      });
      expect(python.stats).toEqual(native.stats);
      expect(python.action).toBe(native.action);
    }
  });

  it('passes the verifier tiers where the module follows the built-in rules', async () => {
    const ttt = getGame('tic_tac_toe');
    const t = await runner('tic_tac_toe.py');
    const dynamics = await t.request<CheckReport>('dynamics', { players: 2, utility: 'zero-sum', max_game_length: 9, playouts: 50, seed: 3 });
    expect(failing(dynamics)).toEqual([]);
    expect(failing(await t.request<CheckResult[]>('scenarios', { scenarios: ttt.scenarios }))).toEqual([]);

    const kuhn = getGame('kuhn_poker');
    const k = await runner('kuhn_poker.py');
    const info = { players: 2, max_game_length: kuhn.info.maxGameLength };
    expect(failing(await k.request<CheckReport>('dynamics', { ...info, utility: 'zero-sum', playouts: 50, seed: 3 }))).toEqual([]);
    expect(failing(await k.request<CheckReport>('information', { ...info, histories: 50, seed: 3 }))).toEqual([]);
    expect(failing(await k.request<CheckResult[]>('scenarios', { scenarios: kuhn.scenarios }))).toEqual([]);
    const differential = await k.request<CheckReport & { transition_accuracy: number; steps: number }>('differential', {
      trajectories: referenceTrajectories(kuhn.cwm, 40, 5),
    });
    expect(failing(differential)).toEqual([]);
    expect(differential.transition_accuracy).toBe(1);
    expect(differential.steps).toBeGreaterThan(40);
  });

  it('kills a module that loops forever at the time limit; the next runner works', async () => {
    const r = await runner(resolve(HOSTILE, 'infinite_loop.py'), { timeoutMs: 1000 });
    const begin = performance.now();
    const error = await rejection(r.request('call', { fn: 'get_legal_actions', args: [{ moves: 0 }] }));
    expect(performance.now() - begin).toBeLessThan(5000);
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('the Python CWM exceeded the 1000 ms time limit (op "call")');
    expect(r.alive).toBe(false);
    expect((await rejection(r.request('exports'))).message).toMatch(/^the Python runner has stopped: the Python CWM exceeded/);
    const next = await runner('tic_tac_toe.py');
    expect(await next.request<string[]>('exports')).toHaveLength(7);
  });

  it('reports a memory bomb as a clean error and keeps the runner', async () => {
    const r = await runner(resolve(HOSTILE, 'memory_bomb.py'), { memoryMb: 160 });
    const error = await rejection(r.request('call', { fn: 'get_legal_actions', args: [{ moves: 0 }] }));
    expect(error.kind).toBe('failed');
    expect(error.message).toBe('MemoryError: the Python CWM ran out of memory (the limit is 160 MB)');
    expect(await r.request<string[]>('exports')).toHaveLength(7);
  });

  it('answers a request too big to decode within its memory limit with a clean error and keeps the runner', async () => {
    const r = await runner('tic_tac_toe.py', { memoryMb: 160 });
    // About 30 MB of JSON that decodes into millions of Python objects: the runner runs out of memory before it knows the request's id.
    const huge = Array.from({ length: 3_000_000 }, (_, i) => ({ k: i }));
    const error = await rejection(r.request('call', { fn: 'get_legal_actions', args: [huge] }));
    expect(error.kind).toBe('failed');
    expect(error.message).toBe('MemoryError: the Python CWM ran out of memory (the limit is 160 MB)');
    expect(await r.request<string[]>('exports')).toHaveLength(7);
  });

  it('reports a runner that dies (the CPU-time limit) with the reason', async () => {
    const r = await runner(resolve(HOSTILE, 'infinite_loop.py'), { cpuSeconds: 1 });
    const error = await rejection(r.request('call', { fn: 'get_legal_actions', args: [{ moves: 0 }] }));
    expect(error.kind).toBe('died');
    expect(error.message).toMatch(/^the Python CWM process died: it exceeded its CPU-time limit of 1 s/);
  });

  it('refuses escapes and stops at a forged response', async () => {
    rmSync(PWNED, { force: true, recursive: true });
    const system = await runner(resolve(HOSTILE, 'os_system.py'));
    expect((await rejection(system.request('call', { fn: 'get_legal_actions', args: [{ moves: 0 }] }))).message)
      .toBe('PermissionError: the gamecwm sandbox does not allow os.system');
    const write = await runner(resolve(HOSTILE, 'write_file.py'));
    expect((await rejection(write.request('call', { fn: 'get_legal_actions', args: [{ moves: 0 }] }))).message)
      .toMatch(/^PermissionError: the gamecwm sandbox does not allow opening/);
    const escapes = await runner(resolve(HOSTILE, 'escapes.py'));
    for (const n of [0, 2, 4, 5, 12, 15, 25, 34, 35, 36, 37, 38, 39, 40]) {
      expect((await rejection(escapes.request('call', { fn: 'get_player_name', args: [n] }))).kind).toBe('failed');
    }
    const forged = await rejection(escapes.request('call', { fn: 'get_player_name', args: [30] }));
    expect(forged.kind).toBe('protocol');
    expect(forged.message).toMatch(/forged or corrupt response/);
    expect(escapes.alive).toBe(false);
    expect(existsSync(PWNED)).toBe(false);
  });

  it('reports load failures, missing files and closed runners clearly', async () => {
    await expect(PythonRunner.start(resolve(DATA, 'no_such_module.py'))).rejects.toThrow(/^no Python CWM at /);
    const socket = await runner(resolve(HOSTILE, 'import_socket.py'));
    expect((await rejection(socket.request('exports'))).message)
      .toMatch(/^LoadError: the module failed to load: ImportError: the gamecwm sandbox does not allow importing 'socket'/);
    const loop = await runner(resolve(HOSTILE, 'infinite_loop.py'));
    const pending = rejection(loop.request('call', { fn: 'get_legal_actions', args: [{ moves: 0 }] }));
    const queued = rejection(loop.request('exports'));
    await loop.close();
    expect((await pending).kind).toBe('closed');
    expect((await queued).kind).toBe('closed');
    expect(loop.alive).toBe(false);
  });
});

describe('PythonRunner taking turns', () => {
  const LOOP = { fn: 'get_legal_actions', args: [{ moves: 0 }] };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('serves nothing while paused, and carries on when resumed', async () => {
    const r = await runner('tic_tac_toe.py');
    r.pause();
    let settled = false;
    const exported = r.request<string[]>('exports').finally(() => { settled = true; });
    await sleep(500);
    expect(settled).toBe(false);
    expect(r.alive).toBe(true);
    r.resume();
    expect(await exported).toHaveLength(7);
  });

  it('keeps the time limit running while paused: a loop still ends one limit after it started', async () => {
    const r = await runner(resolve(HOSTILE, 'infinite_loop.py'), { timeoutMs: 600 });
    const failed = rejection(r.request('call', LOOP));
    await sleep(100);
    r.pause();
    const error = await failed;
    expect(error.kind).toBe('timeout');
    expect(r.alive).toBe(false);
    r.resume();
  });

  it('gives its slot to a cheaper waiter while a module loops, and answers after it', async () => {
    const scheduler = new FairScheduler(1);
    const r = await runner(resolve(HOSTILE, 'infinite_loop.py'), { timeoutMs: 20_000 });
    const log: string[] = [];
    const tenancy = new Tenancy(scheduler);
    const looping = fairRequest(r, tenancy, 'call', LOOP).catch(() => { log.push('loop ended'); });
    await sleep(300);
    // The loop has held the only slot for 300 ms; a fresh candidate's check gets it within a quantum or two.
    await scheduler.run(scheduler.account(), async () => { log.push('cheap check'); });
    expect(log).toEqual(['cheap check']);
    expect(r.alive).toBe(true);
    await r.close();
    await looping;
    expect(log).toEqual(['cheap check', 'loop ended']);
    tenancy.end();
    expect(scheduler.running).toBe(0);
  });
});
