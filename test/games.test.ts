// Every built-in game against the contract: its scenarios, 1,000 seeded
// random playouts through the dynamics checks, and for imperfect-information
// games 500 resampled histories through the information checks (the paper's
// convention) and 200 through our trailing [observation, null] extension,
// which ISMCTS uses to determinise our references natively.

import { describe, expect, it } from 'vitest';
import { GAMES } from '../src/games/index.js';
import { checkDynamics } from '../src/verifier/dynamics.js';
import { checkInformation, historyFor, replayAgainstHistory } from '../src/verifier/information.js';
import { sampleChance } from '../src/engine/chance.js';
import { CHANCE, TERMINAL } from '../src/engine/contract.js';
import { Rng } from '../src/engine/rng.js';
import { checkScenarios } from '../src/verifier/scenarios.js';
import type { CheckResult } from '../src/verifier/check-result.js';

function failures(checks: CheckResult[]): string[] {
  return checks.filter((c) => !c.passed).map((c) => `${c.name}: ${c.message} (actions ${JSON.stringify(c.actions)})`);
}

describe.each(GAMES.map((g) => [g.info.id, g] as const))('%s', (_id, game) => {
  it('has at least six scenarios and passes every one', () => {
    expect(game.scenarios.length).toBeGreaterThanOrEqual(6);
    expect(failures(checkScenarios(game.cwm, game.scenarios))).toEqual([]);
  });

  it('keeps the contract over 1,000 seeded random playouts', () => {
    const report = checkDynamics(game.cwm, game.info, { playouts: 1000, seed: 1 });
    expect(failures(report.checks)).toEqual([]);
    expect(report.terminalPlayouts).toBe(1000);
  });

  it('declares metadata consistent with its module', () => {
    expect(game.info.information === 'imperfect').toBe(typeof game.cwm.resampleHistory === 'function');
    expect(game.info.rewardRange[0]).toBeLessThanOrEqual(game.info.rewardRange[1]);
    const initial = game.cwm.getInitialState();
    expect(game.renderState(initial).length).toBeGreaterThan(0);
    for (let p = 0; p < game.info.players; p++) {
      expect(game.renderObservation(game.cwm.getObservations(initial)[p], p).length).toBeGreaterThan(0);
    }
  });
});

const imperfect = GAMES.filter((g) => g.info.information === 'imperfect');

describe.each(imperfect.map((g) => [g.info.id, g] as const))('%s resampling', (_id, game) => {
  it('resamples 500 histories that replay to the same observations and own actions', () => {
    const report = checkInformation(game.cwm, game.info.players, { histories: 500, seed: 2, maxGameLength: game.info.maxGameLength });
    expect(report.histories).toBe(500);
    expect(failures(report.checks)).toEqual([]);
  });

  it('resamples 200 histories ending with [current observation, null] to the player\'s decision with that observation', () => {
    const cwm = game.cwm;
    const rng = new Rng(3);
    let tested = 0;
    for (let i = 0; tested < 200 && i < 2000; i++) {
      // A random play cut at a random decision of a player.
      const actions: string[] = [];
      let state = cwm.getInitialState();
      const stopAt = rng.int(game.info.maxGameLength + 1);
      let cut: string[] | null = null;
      for (;;) {
        const actor = cwm.getCurrentPlayer(state);
        if (actor === TERMINAL) break;
        if (actor !== CHANCE) cut = actions.slice();
        if (actor !== CHANCE && actions.length >= stopAt) break;
        const action = actor === CHANCE ? sampleChance(cwm, state, rng.randomFn) : rng.pick(cwm.getLegalActions(state));
        actions.push(action);
        state = cwm.applyAction(state, action);
      }
      if (cut === null) continue;
      let at = cwm.getInitialState();
      for (const action of cut) at = cwm.applyAction(at, action);
      const player = cwm.getCurrentPlayer(at);
      const history = historyFor(cwm, cut, player);
      history.push([cwm.getObservations(at)[player], null]);
      const resampled = cwm.resampleHistory!(history, player, rng.randomFn);
      expect(replayAgainstHistory(cwm, resampled, player, history), JSON.stringify(cut)).toBeNull();
      tested++;
    }
    expect(tested).toBe(200);
  });
});
