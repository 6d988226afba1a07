// The scenarios tier: replay each scenario's actions and compare the state
// with what the rules demand. Pure code, sandbox-ready.

import { type GameCWM, TERMINAL } from '../engine/contract.js';
import type { Scenario } from '../engine/scenario.js';
import { winnerOf } from '../engine/outcome.js';
import { type CheckResult, describeThrown } from './check-result.js';
import { guardGame } from './guard.js';

export function checkScenarios<S, O>(game: GameCWM<S, O>, scenarios: Scenario[]): CheckResult[] {
  const guarded = guardGame(game);
  return scenarios.map((scenario) => {
    const message = scenarioProblem(guarded, scenario);
    const result: CheckResult = { name: `scenario: ${scenario.name}`, passed: message === null };
    if (message !== null) {
      result.message = message;
      result.actions = scenario.actions.slice();
    }
    return result;
  });
}

/** What in a scenario does not hold, or null if all of it does. */
export function scenarioProblem<S, O>(game: GameCWM<S, O>, scenario: Scenario): string | null {
  let state: S;
  try {
    state = game.getInitialState();
  } catch (error) {
    return `getInitialState threw ${describeThrown(error)}`;
  }
  for (let i = 0; i < scenario.actions.length; i++) {
    const action = scenario.actions[i];
    try {
      const legal = game.getLegalActions(state);
      if (!legal.includes(action)) {
        return `action ${i + 1} "${action}" should be legal after ${JSON.stringify(scenario.actions.slice(0, i))} but the legal actions are ${JSON.stringify(legal)}`;
      }
      state = game.applyAction(state, action);
    } catch (error) {
      return `action ${i + 1} "${action}" threw ${describeThrown(error)}`;
    }
  }
  const after = `after ${JSON.stringify(scenario.actions)}`;
  try {
    const expect = scenario.expect;
    const player = game.getCurrentPlayer(state);
    if (expect.terminal !== undefined && (player === TERMINAL) !== expect.terminal) {
      return `${after} the game should ${expect.terminal ? '' : 'not '}be over, but the current player is ${player}`;
    }
    if (expect.currentPlayer !== undefined && player !== expect.currentPlayer) {
      return `${after} the current player should be ${expect.currentPlayer}, not ${player}`;
    }
    const rewards = game.getRewards(state);
    if (expect.rewards && !sameNumbers(rewards, expect.rewards)) {
      return `${after} the rewards should be ${JSON.stringify(expect.rewards)}, not ${JSON.stringify(rewards)}`;
    }
    if (expect.rewardSigns && !sameNumbers(rewards.map(Math.sign), expect.rewardSigns)) {
      return `${after} the rewards' signs should be ${JSON.stringify(expect.rewardSigns)}, but the rewards are ${JSON.stringify(rewards)}`;
    }
    if (expect.winner !== undefined) {
      const winner = winnerOf(rewards);
      if (winner !== expect.winner) {
        return `${after} the winner should be ${expect.winner === null ? 'nobody (a tie)' : `player ${expect.winner}`}, but the rewards are ${JSON.stringify(rewards)}`;
      }
    }
    const legal = game.getLegalActions(state);
    if (expect.legalActions && !sameSet(legal, expect.legalActions)) {
      return `${after} the legal actions should be ${JSON.stringify(expect.legalActions)}, not ${JSON.stringify(legal)}`;
    }
    for (const action of expect.illegalActions ?? []) {
      if (legal.includes(action)) return `${after} "${action}" should not be legal`;
    }
  } catch (error) {
    return `${after} a query threw ${describeThrown(error)}`;
  }
  return null;
}

function sameNumbers(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => Math.abs(x - b[i]) < 1e-9);
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.slice().sort().join('\u0000') === b.slice().sort().join('\u0000');
}
