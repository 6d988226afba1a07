// The dynamics tier: seeded random playouts that check the contract's
// invariants at every step (no crash, inputs never mutated, determinism,
// well-formed legal actions, chance distributions, rewards and observations,
// JSON states, bounded length). Pure code with no host dependencies, so the
// same checks can run inside a sandbox next to an untrusted candidate.

import { chanceOutcomes, sampleOutcome } from '../engine/chance.js';
import { type Action, type AnyGameCWM, CHANCE, type GameCWM, TERMINAL } from '../engine/contract.js';
import type { GameInfo } from '../engine/game-info.js';
import { jsonEqual } from '../engine/json.js';
import { Rng } from '../engine/rng.js';
import { CheckRecorder, type CheckResult, describeThrown, isErrorLike } from './check-result.js';
import { callsLikePlay, guardGame, NonJsonValueError } from './guard.js';

export const DYNAMICS_CHECKS = [
  'no-crash',
  'no-mutation',
  'deterministic',
  'current-player-valid',
  'terminal-has-no-actions',
  'legal-actions-valid',
  'chance-distribution',
  'rewards-well-formed',
  'utility-kind',
  'observations-well-formed',
  'state-is-json',
  'length-bounded',
  'player-names',
] as const;

export interface DynamicsOptions {
  playouts: number;
  seed: number;
}

export interface DynamicsReport {
  checks: CheckResult[];
  playouts: number;
  steps: number;
  terminalPlayouts: number;
}

const EPSILON = 1e-9;

export function checkDynamics<S, O>(
  game: GameCWM<S, O>,
  info: Pick<GameInfo, 'players' | 'utility' | 'maxGameLength'>,
  options: DynamicsOptions,
): DynamicsReport {
  const recorder = new CheckRecorder(DYNAMICS_CHECKS);
  const guarded = guardGame(game, true);
  const raw = callsLikePlay(game as unknown as AnyGameCWM, true) as unknown as GameCWM<S, O>;
  checkPlayerNames(guarded, info.players, recorder);
  let steps = 0;
  let terminalPlayouts = 0;
  for (let i = 0; i < options.playouts; i++) {
    const outcome = playout(guarded, raw, info, new Rng(options.seed).derive(i), recorder);
    steps += outcome.steps;
    if (outcome.terminal) terminalPlayouts++;
  }
  return { checks: recorder.list(), playouts: options.playouts, steps, terminalPlayouts };
}

function checkPlayerNames<S, O>(game: GameCWM<S, O>, players: number, recorder: CheckRecorder): void {
  for (let p = 0; p < players; p++) {
    try {
      const name = game.getPlayerName(p);
      if (typeof name !== 'string' || name.length === 0) {
        recorder.fail('player-names', `getPlayerName(${p}) returned ${JSON.stringify(name)}; expected a non-empty string`);
      }
    } catch (error) {
      recorder.fail('player-names', `getPlayerName(${p}) threw ${describeThrown(error)}`);
    }
  }
}

/**
 * One seeded random playout over the guarded game, whose every state is a
 * validated, frozen plain-JSON copy (a mutation throws where it happens, a
 * non-JSON state fails its check); returns how far it got.
 */
function playout<S, O>(
  game: GameCWM<S, O>,
  /** The module called as play calls it: the determinism check compares its second answer without copying it. */
  raw: GameCWM<S, O>,
  info: Pick<GameInfo, 'players' | 'utility' | 'maxGameLength'>,
  rng: Rng,
  recorder: CheckRecorder,
): { steps: number; terminal: boolean } {
  const actions: Action[] = [];
  let stage = 'getInitialState()';
  try {
    let state = game.getInitialState();
    if (!jsonEqual(state, game.getInitialState())) {
      recorder.fail('deterministic', 'getInitialState returned different states on two calls', actions);
    }
    for (;;) {
      stage = 'getCurrentPlayer(state)';
      const player = game.getCurrentPlayer(state);
      if (!(player === CHANCE || player === TERMINAL || (Number.isInteger(player) && player >= 0 && player < info.players))) {
        recorder.fail('current-player-valid', `getCurrentPlayer returned ${JSON.stringify(player)}; expected 0..${info.players - 1}, -1 (chance) or -4 (terminal)`, actions);
        return { steps: actions.length, terminal: false };
      }
      stage = 'getLegalActions(state)';
      const legal = game.getLegalActions(state);
      stage = 'getRewards(state)';
      checkRewards(game.getRewards(state), player === TERMINAL, info, actions, recorder);
      stage = 'getObservations(state)';
      checkObservations(game.getObservations(state), info.players, actions, recorder);
      if (player === TERMINAL) {
        if (!Array.isArray(legal) || legal.length !== 0) {
          recorder.fail('terminal-has-no-actions', `getLegalActions returned ${Array.isArray(legal) ? legal.length : 'something other than a list of'} actions at a terminal state (expected []): ${JSON.stringify(legal)}`, actions);
        }
        return { steps: actions.length, terminal: true };
      }
      if (!checkLegalActions(legal, actions, recorder)) return { steps: actions.length, terminal: false };
      if (actions.length >= info.maxGameLength) {
        recorder.fail('length-bounded', `the game is not over after ${actions.length} actions; it should end within ${info.maxGameLength}`, actions);
        return { steps: actions.length, terminal: false };
      }
      let action: Action;
      if (player === CHANCE) {
        stage = 'getChanceOutcomes(state)';
        const outcomes = chanceOutcomes(game, state);
        checkChance(outcomes, legal, actions, recorder);
        action = sampleOutcome(outcomes, rng.random());
      } else {
        action = legal[rng.int(legal.length)];
      }
      // The guard compares the candidate's state with its copy after each call and throws on a change.
      stage = `applyAction(state, "${action}")`;
      const next = game.applyAction(state, action);
      const again = raw.applyAction(state, action);
      if (!jsonEqual(next, again)) {
        recorder.fail('deterministic', `applyAction(state, "${action}") returned different states on two calls with the same input`, actions);
      }
      actions.push(action);
      state = next;
    }
  } catch (error) {
    if (error instanceof NonJsonValueError) {
      recorder.fail(error.check, error.message, actions);
      return { steps: actions.length, terminal: false };
    }
    let mutation = false;
    try {
      mutation = isErrorLike(error) && error.name === 'TypeError' && /read.only|frozen|not extensible|Cannot (assign|add|delete)/i.test(error.message);
    } catch {
      // a hostile error object whose getters throw: reported as a crash below
    }
    if (mutation) {
      recorder.fail('no-mutation', `${stage} tried to modify its input (${describeThrown(error)}); copy the state before changing it`, actions);
    } else {
      recorder.fail('no-crash', `${stage} threw ${describeThrown(error)}`, actions);
    }
    return { steps: actions.length, terminal: false };
  }
}

function checkLegalActions(legal: unknown, actions: Action[], recorder: CheckRecorder): legal is Action[] {
  if (!Array.isArray(legal) || legal.length === 0) {
    recorder.fail('legal-actions-valid', `getLegalActions returned ${JSON.stringify(legal)} at a non-terminal state; expected a non-empty list of strings`, actions);
    return false;
  }
  const seen = new Set<string>();
  for (const action of legal) {
    if (typeof action !== 'string') {
      recorder.fail('legal-actions-valid', `getLegalActions returned a non-string action ${JSON.stringify(action)}`, actions);
      return false;
    }
    if (seen.has(action)) {
      recorder.fail('legal-actions-valid', `getLegalActions lists "${action}" twice`, actions);
    }
    seen.add(action);
  }
  return true;
}

function checkChance(outcomes: Array<[Action, number]>, legal: Action[], actions: Action[], recorder: CheckRecorder): void {
  if (recorder.hasFailed('chance-distribution')) return;
  let total = 0;
  for (const [action, p] of outcomes) {
    if (!(typeof p === 'number' && p > 0 && p <= 1 + EPSILON)) {
      recorder.fail('chance-distribution', `chance outcome "${action}" has probability ${p}; each must be in (0, 1]`, actions);
      return;
    }
    total += p;
  }
  if (Math.abs(total - 1) > 1e-6) {
    recorder.fail('chance-distribution', `chance probabilities sum to ${total}; they must sum to 1`, actions);
    return;
  }
  const outcomeSet = outcomes.map(([action]) => action).sort();
  const legalSet = legal.slice().sort();
  if (outcomeSet.length !== legalSet.length || outcomeSet.some((a, i) => a !== legalSet[i])) {
    recorder.fail('chance-distribution', `getChanceOutcomes lists ${JSON.stringify(outcomeSet)} but getLegalActions lists ${JSON.stringify(legalSet)}; they must be the same outcomes`, actions);
  }
}

function checkRewards(
  rewards: unknown,
  terminal: boolean,
  info: Pick<GameInfo, 'players' | 'utility'>,
  actions: Action[],
  recorder: CheckRecorder,
): void {
  if (!Array.isArray(rewards) || rewards.length !== info.players || !rewards.every((r) => typeof r === 'number' && Number.isFinite(r))) {
    recorder.fail('rewards-well-formed', `getRewards returned ${JSON.stringify(rewards)}; expected ${info.players} finite numbers`, actions);
    return;
  }
  if (!terminal) return;
  if (info.utility === 'zero-sum') {
    const sum = (rewards as number[]).reduce((a, b) => a + b, 0);
    if (Math.abs(sum) > 1e-6) recorder.fail('utility-kind', `terminal rewards ${JSON.stringify(rewards)} sum to ${sum}; this game is zero-sum`, actions);
  } else if (info.utility === 'identical' && (rewards as number[]).some((r) => r !== rewards[0])) {
    recorder.fail('utility-kind', `terminal rewards ${JSON.stringify(rewards)} differ; this game gives every player the same reward`, actions);
  }
}

/** Observations arrive as validated JSON copies; one per player is what remains to check. */
function checkObservations(observations: unknown, players: number, actions: Action[], recorder: CheckRecorder): void {
  if (!Array.isArray(observations) || observations.length !== players) {
    recorder.fail('observations-well-formed', `getObservations returned ${Array.isArray(observations) ? `${observations.length} observations` : typeof observations}; expected one per player (${players})`, actions);
  }
}
