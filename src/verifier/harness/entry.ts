// The verifier harness that runs inside the sandbox next to a candidate. The
// host sends one JSON request per tier and gets one JSON result back, so every
// loop over playouts and steps stays inside the isolate.

import type { AnyGameCWM } from '../../engine/contract.js';
import type { UtilityKind } from '../../engine/game-info.js';
import type { Scenario } from '../../engine/scenario.js';
import { findGame } from '../../games/index.js';
import { checkDifferential } from '../differential.js';
import { checkDynamics } from '../dynamics.js';
import { checkInformation } from '../information.js';
import { checkScenarios } from '../scenarios.js';
import { describeThrown } from '../check-result.js';
import { type CandidateRealm, inCandidateRealm } from '../guard.js';

export type HarnessRequest =
  | { op: 'dynamics'; players: number; utility: UtilityKind; maxGameLength: number; playouts: number; seed: number }
  | { op: 'information'; players: number; maxGameLength: number; histories: number; seed: number; gameId?: string }
  | { op: 'scenarios'; gameId?: string; scenarios?: Scenario[] }
  | { op: 'differential'; gameId: string; trajectories: number; seed: number }
  | { op: 'exports' };

export type HarnessResponse = { ok: true; result: unknown } | { ok: false; error: string };

const CONTRACT_FUNCTIONS = ['getInitialState', 'applyAction', 'getCurrentPlayer', 'getPlayerName', 'getRewards', 'getLegalActions', 'getObservations', 'getChanceOutcomes', 'resampleHistory'];

/** Each check guards the candidate itself (copies of every result; strictly so for dynamics). */
export function handle(candidate: AnyGameCWM, request: HarnessRequest): unknown {
  switch (request.op) {
    case 'exports': {
      const record = candidate as unknown as Record<string, unknown>;
      return CONTRACT_FUNCTIONS.filter((name) => typeof record[name] === 'function');
    }
    case 'dynamics':
      return checkDynamics(candidate, request, request);
    case 'information':
      return checkInformation(candidate, request.players, request, request.gameId === undefined ? undefined : reference(request.gameId).cwm);
    case 'scenarios':
      return checkScenarios(candidate, request.scenarios ?? reference(request.gameId ?? '').scenarios);
    case 'differential': {
      const ref = reference(request.gameId);
      return checkDifferential(candidate, ref.cwm, {
        ...request, maxGameLength: ref.info.maxGameLength, information: ref.info.information,
      });
    }
  }
}

function reference(id: string) {
  const game = findGame(id);
  if (!game) throw new Error(`no built-in game "${id}"`);
  return game;
}

/** Serves one request given as JSON text; never throws. Inputs reach the candidate through `realm`. */
export function serve(candidate: AnyGameCWM, requestJson: string, realm?: CandidateRealm): string {
  let response: HarnessResponse;
  try {
    const request = JSON.parse(requestJson) as HarnessRequest;
    response = { ok: true, result: realm ? inCandidateRealm(realm, () => handle(candidate, request)) : handle(candidate, request) };
  } catch (error) {
    response = { ok: false, error: describeThrown(error) };
  }
  try {
    return JSON.stringify(response);
  } catch (error) {
    return JSON.stringify({ ok: false, error: `the result could not be serialised: ${describeThrown(error)}` });
  }
}
