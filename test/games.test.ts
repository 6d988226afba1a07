// Every built-in game against the contract: its scenarios, 1,000 seeded
// random playouts through the dynamics checks, and for imperfect-information
// games 500 resampled histories through the information checks.

import { describe, expect, it } from 'vitest';
import { GAMES } from '../src/games/index.js';
import { checkDynamics } from '../src/verifier/dynamics.js';
import { checkInformation } from '../src/verifier/information.js';
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
});
