// Entry point of the search bundle that runs inside a candidate's sandbox
// context: the host plays an untrusted GameCWM through one JSON call per
// contract function, and a whole MCTS or ISMCTS search per move (or a batch
// of recorded trajectories or random playouts) runs here, next to the candidate, in one call.

import type { Action, AnyGameCWM, ObservationActionPair } from '../engine/contract.js';
import { randomPlayouts } from '../engine/playouts.js';
import { recordTrajectories } from '../engine/record.js';
import { Rng } from '../engine/rng.js';
import { describeThrown } from '../verifier/check-result.js';
import { copyJson } from '../verifier/guard.js';
import { ismctsSearch } from './ismcts.js';
import type { SearchOptions } from './search.js';
import { uctSearch } from './uct.js';

export type BridgeRequest =
  | { op: 'call'; fn: string; args: unknown[] }
  | { op: 'exports' }
  | { op: 'record'; count: number; seed: number; maxLength: number }
  | { op: 'playouts'; count: number; seed: number; maxLength: number }
  | { op: 'mcts'; state: unknown; options: SearchOptions; seed: number }
  | { op: 'ismcts'; history: Array<ObservationActionPair<unknown>>; player: number; legalActions: Action[]; options: SearchOptions; seed: number };

/** The candidate realm's kit, left by the host just before this bundle (see engine/sandbox/realm-kit.ts). */
const kit = (globalThis as unknown as { __gamecwmKit: { makeRandom(next: () => number): () => number } }).__gamecwmKit;

const CONTRACT_FUNCTIONS = ['getInitialState', 'applyAction', 'getCurrentPlayer', 'getPlayerName', 'getRewards', 'getLegalActions', 'getObservations', 'getChanceOutcomes', 'resampleHistory'];

function handle(candidate: AnyGameCWM, request: BridgeRequest): unknown {
  const record = candidate as unknown as Record<string, unknown>;
  switch (request.op) {
    case 'exports':
      return CONTRACT_FUNCTIONS.filter((name) => typeof record[name] === 'function');
    case 'call': {
      const fn = record[request.fn];
      if (!CONTRACT_FUNCTIONS.includes(request.fn) || typeof fn !== 'function') throw new Error(`the module does not export ${request.fn}`);
      // Results are copied under a size budget before they are serialised for the host.
      if (request.fn === 'resampleHistory') {
        const [history, player, seed] = request.args as [Array<ObservationActionPair<unknown>>, number, number];
        return copyJson(candidate.resampleHistory!(history, player, new Rng(seed).randomFn), 'the resampled actions', 'resample-runs');
      }
      return copyJson((fn as (...args: unknown[]) => unknown)(...request.args), `the result of ${request.fn}`, request.fn);
    }
    case 'record':
      return recordTrajectories(candidate, request.count, request.seed, request.maxLength);
    case 'playouts':
      return randomPlayouts(candidate, request.count, request.seed, request.maxLength);
    case 'mcts':
      return uctSearch(candidate, request.state, request.options, new Rng(request.seed));
    case 'ismcts':
      return ismctsSearch(candidate, request.history, request.player, request.legalActions, request.options, new Rng(request.seed));
  }
}

const scope = globalThis as unknown as { __gamecwmBridge: (json: string) => string; __candidate: AnyGameCWM };

let plainCandidate: AnyGameCWM | null = null;

/**
 * The candidate's contract functions on a plain object, taken once its module
 * has loaded (the host's first request comes after that). esbuild exposes a
 * module's exports as getters, and a search calling through getters runs
 * about 13% slower.
 */
function candidate(): AnyGameCWM {
  if (!plainCandidate) {
    const exported = scope.__candidate as unknown as Record<string, unknown>;
    const plain: Record<string, unknown> = {};
    for (const name of CONTRACT_FUNCTIONS) {
      const value = exported[name];
      if (typeof value === 'function') plain[name] = value;
    }
    // `random` is made by the kit, exactly as the verifier makes it: a candidate cannot tell the two apart by it.
    const resample = plain.resampleHistory as ((history: unknown, player: number, random: () => number) => unknown) | undefined;
    if (resample) plain.resampleHistory = (history: unknown, player: number, random: () => number) => resample(history, player, kit.makeRandom(random));
    plainCandidate = Object.freeze(plain) as unknown as AnyGameCWM;
  }
  return plainCandidate;
}

scope.__gamecwmBridge = (json: string): string => {
  let response: { ok: true; result: unknown } | { ok: false; error: string };
  try {
    response = { ok: true, result: handle(candidate(), JSON.parse(json) as BridgeRequest) };
  } catch (error) {
    response = { ok: false, error: describeThrown(error) };
  }
  try {
    return JSON.stringify(response);
  } catch (error) {
    return JSON.stringify({ ok: false, error: `the result could not be serialised: ${describeThrown(error)}` });
  }
};
