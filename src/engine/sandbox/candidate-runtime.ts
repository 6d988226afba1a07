// An untrusted GameCWM to play with: the candidate and the search bridge share
// one hardened context in their own isolate. Each contract function is one
// synchronous call (fine for playing a game move by move); a whole MCTS or
// ISMCTS search is one call per move, its loops inside the isolate.

import type { IsolatedVM } from './ivm.js';
import type { Action, GameCWM, ObservationActionPair } from '../contract.js';
import type { PlayoutTotals } from '../playouts.js';
import type { RecordedTrajectory } from '../record.js';
import type { SearchBackend } from '../../mcts/backend.js';
import type { SearchOptions, SearchResult } from '../../mcts/search.js';
import { bridgeSource, compileCandidate } from './compile.js';
import { createIsolate } from './isolate.js';
import { hardeningPrelude } from './prelude.js';
import { KIT_GLOBAL, REALM_KIT } from './realm-kit.js';
import { classifyIsolateError, DEFAULT_LIMITS, SandboxError, type SandboxLimits } from './sandbox.js';

const BRIDGE_GLOBAL = '__gamecwmBridge';
const REQUIRED = ['getInitialState', 'applyAction', 'getCurrentPlayer', 'getPlayerName', 'getRewards', 'getLegalActions', 'getObservations'];

export class CandidateRuntime implements GameCWM<unknown, unknown>, SearchBackend {
  getChanceOutcomes?: (state: unknown) => Array<[Action, number]>;
  resampleHistory?: (history: Array<ObservationActionPair<unknown>>, player: number, random: () => number) => Action[];

  private constructor(
    private readonly isolate: IsolatedVM.Isolate,
    private readonly context: IsolatedVM.Context,
    private readonly bridge: IsolatedVM.Reference<(json: string) => string>,
    private readonly limits: SandboxLimits,
  ) {}

  /** Checks the contract's functions exist and binds the optional ones the module exports. */
  private bindExports(exported: string[]): void {
    const missing = REQUIRED.filter((name) => !exported.includes(name));
    if (missing.length > 0) throw new SandboxError('crashed', `the candidate does not export ${missing.join(', ')}`);
    if (exported.includes('getChanceOutcomes')) {
      this.getChanceOutcomes = (state) => this.call('call', { fn: 'getChanceOutcomes', args: [state] }) as Array<[Action, number]>;
    }
    if (exported.includes('resampleHistory')) {
      // The random stream cannot cross the boundary; a seed drawn from it can.
      this.resampleHistory = (history, player, random) =>
        this.call('call', { fn: 'resampleHistory', args: [history, player, Math.floor(random() * 4294967296)] }) as Action[];
    }
  }

  static async load(source: string, file: string, limits: SandboxLimits = DEFAULT_LIMITS): Promise<CandidateRuntime> {
    const script = await compileCandidate(source, file);
    const isolate = createIsolate(limits.memoryMb, 'synchronous');
    try {
      const context = await isolate.createContext();
      await isolate.compileScriptSync(hardeningPrelude(false)).run(context);
      await isolate.compileScriptSync(REALM_KIT).run(context);
      await isolate.compileScriptSync(await bridgeSource()).run(context);
      const bridge = (await context.global.get(BRIDGE_GLOBAL, { reference: true })) as IsolatedVM.Reference<(json: string) => string>;
      // The candidate's context then holds what a verification context holds: no bridge, no kit.
      await context.global.delete(BRIDGE_GLOBAL);
      await context.global.delete(KIT_GLOBAL);
      try {
        await isolate.compileScriptSync(script, { filename: file }).run(context, { timeout: limits.timeoutMs });
      } catch (error) {
        throw classifyIsolateError(error, !isolate.isDisposed, limits, 'loading the module');
      }
      const runtime = new CandidateRuntime(isolate, context, bridge, limits);
      runtime.bindExports(runtime.call('exports', {}) as string[]);
      return runtime;
    } catch (error) {
      if (!isolate.isDisposed) isolate.dispose();
      throw error;
    }
  }

  private call(op: string, fields: Record<string, unknown>): unknown {
    let text: unknown;
    try {
      text = this.bridge.applySync(undefined, [JSON.stringify({ op, ...fields })], { timeout: this.limits.timeoutMs, result: { copy: true } });
    } catch (error) {
      throw classifyIsolateError(error, !this.isolate.isDisposed, this.limits, op === 'call' ? `running ${String(fields.fn)}` : `running the ${op} search`);
    }
    if (typeof text !== 'string' || text.length > this.limits.maxResultChars) {
      throw new SandboxError('result-too-large', `the candidate returned more than ${this.limits.maxResultChars} characters`);
    }
    const response = JSON.parse(text) as { ok: true; result: unknown } | { ok: false; error: string };
    if (!response.ok) throw new SandboxError('crashed', `the candidate failed: ${response.error}`);
    return response.result;
  }

  getInitialState(): unknown { return this.call('call', { fn: 'getInitialState', args: [] }); }
  applyAction(state: unknown, action: Action): unknown { return this.call('call', { fn: 'applyAction', args: [state, action] }); }
  getCurrentPlayer(state: unknown): number { return this.call('call', { fn: 'getCurrentPlayer', args: [state] }) as number; }
  getPlayerName(player: number): string { return this.call('call', { fn: 'getPlayerName', args: [player] }) as string; }
  getRewards(state: unknown): number[] { return this.call('call', { fn: 'getRewards', args: [state] }) as number[]; }
  getLegalActions(state: unknown): Action[] { return this.call('call', { fn: 'getLegalActions', args: [state] }) as Action[]; }
  getObservations(state: unknown): unknown[] { return this.call('call', { fn: 'getObservations', args: [state] }) as unknown[]; }

  mcts(state: unknown, options: SearchOptions, seed: number): SearchResult {
    if (options.timeMs !== undefined) throw new SandboxError('crashed', 'a sandboxed search takes an iteration budget, not a time budget');
    return this.call('mcts', { state, options, seed }) as SearchResult;
  }

  ismcts(history: Array<ObservationActionPair<unknown>>, player: number, legalActions: Action[], options: SearchOptions, seed: number): SearchResult {
    return this.call('ismcts', { history, player, legalActions, options, seed }) as SearchResult;
  }

  /** Seeded random trajectories with every state's player, legal actions, rewards and observations, recorded inside the sandbox. */
  record(count: number, seed: number, maxLength: number): RecordedTrajectory[] {
    return this.call('record', { count, seed, maxLength }) as RecordedTrajectory[];
  }

  /** Seeded random playouts run inside the sandbox in one call (the speed baseline). */
  playouts(count: number, seed: number, maxLength: number): PlayoutTotals {
    return this.call('playouts', { count, seed, maxLength }) as PlayoutTotals;
  }

  dispose(): void {
    if (this.isolate.isDisposed) return;
    // Handles are released before their isolate goes: left to the garbage collector, their
    // destructors can run during Node's own teardown and abort the process (seen on Node 26).
    this.bridge.release();
    this.context.release();
    this.isolate.dispose();
  }
}
