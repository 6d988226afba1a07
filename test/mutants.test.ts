// Mutation tests for the verifier: every built-in game has several plausible
// WRONG variants (the reference module with one realistic bug, as a model
// would write it) under test/fixtures/mutants/<game>/<name>.cwm.ts. Each must
// still pass the static tier (a subtle bug, not a syntax error), be rejected
// (ok === false), fail the tier that should catch it, and carry an action
// sequence that reproduces the failure when replayed here on the host.

import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInThisContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chanceOutcomes } from '../src/engine/chance.js';
import { homogeneityPValue } from '../src/verifier/stats.js';
import { type Action, type AnyGameCWM, CHANCE, type ObservationActionPair, TERMINAL } from '../src/engine/contract.js';
import { deepFreeze, stableStringify } from '../src/engine/json.js';
import { Rng } from '../src/engine/rng.js';
import { CANDIDATE_GLOBAL, compileCandidate } from '../src/engine/sandbox/compile.js';
import { GAMES, getGame } from '../src/games/index.js';
import type { CheckResult } from '../src/verifier/check-result.js';
import { replayAgainstHistory } from '../src/verifier/information.js';
import { scenarioProblem } from '../src/verifier/scenarios.js';
import type { TierName } from '../src/verifier/scores.js';
import { type VerificationReport, Verifier } from '../src/verifier/verify.js';

type DynamicTier = Exclude<TierName, 'static'>;

interface Mutant {
  game: string;
  /** File name under test/fixtures/mutants/<game>/, without the .cwm.ts suffix. */
  file: string;
  expectedTier: DynamicTier;
  /** Name of a check of that tier that must fail (any failing check of the tier if absent). */
  expectedCheck?: string;
  messageFragment?: string;
}

const MUTANTS: Mutant[] = [
  // tic_tac_toe
  { game: 'tic_tac_toe', file: 'missing-anti-diagonal', expectedTier: 'scenarios', expectedCheck: 'scenario: anti-diagonal win', messageFragment: 'the game should be over' },
  { game: 'tic_tac_toe', file: 'no-draw', expectedTier: 'dynamics', expectedCheck: 'legal-actions-valid', messageFragment: 'at a non-terminal state' },
  { game: 'tic_tac_toe', file: 'mutates-board', expectedTier: 'dynamics', expectedCheck: 'no-mutation', messageFragment: 'tried to modify its input' },
  { game: 'tic_tac_toe', file: 'inverted-rewards', expectedTier: 'differential', expectedCheck: 'same-rewards', messageFragment: 'the rules give' },
  // connect4
  { game: 'connect4', file: 'wraparound-rows', expectedTier: 'scenarios', expectedCheck: 'scenario: four in a row only counts inside the board: no wrap-around from one row\'s end to the next row\'s start', messageFragment: 'should not be over' },
  { game: 'connect4', file: 'missing-last-column', expectedTier: 'differential', expectedCheck: 'same-legal-actions', messageFragment: 'missing ["x6"]' },
  { game: 'connect4', file: 'needs-five', expectedTier: 'differential', expectedCheck: 'same-terminal', messageFragment: 'should be over here' },
  { game: 'connect4', file: 'missing-rising-diagonal', expectedTier: 'scenarios', expectedCheck: 'scenario: x wins on a rising diagonal (columns 0 to 3, climbing to the right)', messageFragment: 'the game should be over' },
  // matching_pennies
  { game: 'matching_pennies', file: 'swapped-payoff', expectedTier: 'scenarios', expectedCheck: 'scenario: both heads: the coins match and player 0 wins', messageFragment: 'the rewards should be [1,-1]' },
  { game: 'matching_pennies', file: 'win-loss-not-zero-sum', expectedTier: 'consistency', expectedCheck: 'utility-kind', messageFragment: 'this game is zero-sum' },
  { game: 'matching_pennies', file: 'resample-ignores-reveal', expectedTier: 'information', expectedCheck: 'resample-consistent', messageFragment: 'but the history says' },
  { game: 'matching_pennies', file: 'leak-first-choice', expectedTier: 'differential', expectedCheck: 'observations-reveal-no-more', messageFragment: 'player 1 can tell apart' },
  // prisoners_dilemma
  { game: 'prisoners_dilemma', file: 'swapped-sucker-payoff', expectedTier: 'scenarios', expectedCheck: 'scenario: player 0 cooperates and player 1 defects: 0 and 5', messageFragment: 'the rewards should be [0,5]' },
  { game: 'prisoners_dilemma', file: 'actions-at-terminal', expectedTier: 'dynamics', expectedCheck: 'terminal-has-no-actions', messageFragment: 'at a terminal state' },
  { game: 'prisoners_dilemma', file: 'resample-skips-last-observation', expectedTier: 'information', expectedCheck: 'resample-consistent', messageFragment: 'but the history says' },
  // pig
  { game: 'pig', file: 'hold-at-zero', expectedTier: 'differential', expectedCheck: 'same-legal-actions', messageFragment: 'should not allow ["hold"]' },
  { game: 'pig', file: 'one-keeps-turn', expectedTier: 'scenarios', expectedCheck: 'scenario: rolling a 1 loses the turn total and passes the turn; the next player may only roll', messageFragment: 'the current player should be 1' },
  { game: 'pig', file: 'win-above-100', expectedTier: 'scenarios', expectedCheck: 'scenario: banking exactly 100 wins at once', messageFragment: 'the game should be over' },
  { game: 'pig', file: 'die-outcomes-off-by-one', expectedTier: 'consistency', expectedCheck: 'chance-distribution', messageFragment: 'they must sum to 1' },
  // A perfect-information game's observation that drops public state: the
  // information-partition checks run only for imperfect-information games.
  { game: 'pig', file: 'observation-drops-turn-total', expectedTier: 'differential', expectedCheck: 'observations-hide-no-more' },
  // dots_and_boxes
  { game: 'dots_and_boxes', file: 'no-extra-turn', expectedTier: 'scenarios', expectedCheck: 'scenario: one line closing two boxes at once gives the mover another turn', messageFragment: 'the current player should be 0' },
  { game: 'dots_and_boxes', file: 'line-borders-one-box', expectedTier: 'differential', expectedCheck: 'same-current-player' },
  { game: 'dots_and_boxes', file: 'draw-goes-to-player0', expectedTier: 'differential', expectedCheck: 'same-rewards', messageFragment: 'the rules give [0,0]' },
  { game: 'dots_and_boxes', file: 'mutates-owners', expectedTier: 'dynamics', expectedCheck: 'no-mutation', messageFragment: 'tried to modify its input' },
  // kuhn_poker
  { game: 'kuhn_poker', file: 'leak-opponent-card', expectedTier: 'differential', expectedCheck: 'observations-reveal-no-more', messageFragment: 'can tell apart two situations' },
  { game: 'kuhn_poker', file: 'showdown-hides-card', expectedTier: 'differential', expectedCheck: 'observations-hide-no-more', messageFragment: 'cannot tell apart two situations' },
  { game: 'kuhn_poker', file: 'reraise-allowed', expectedTier: 'scenarios', expectedCheck: 'scenario: facing a raise only Fold or Call remain (player 1)', messageFragment: 'the legal actions should be ["Fold","Call"]' },
  { game: 'kuhn_poker', file: 'showdown-pays-pot', expectedTier: 'differential', expectedCheck: 'same-rewards', messageFragment: 'the rules give' },
  { game: 'kuhn_poker', file: 'fold-pays-pot', expectedTier: 'consistency', expectedCheck: 'utility-kind', messageFragment: 'this game is zero-sum' },
  { game: 'kuhn_poker', file: 'resample-any-deal', expectedTier: 'information', expectedCheck: 'resample-consistent', messageFragment: 'but the history says' },
  // leduc_poker
  { game: 'leduc_poker', file: 'chance-ignores-removal', expectedTier: 'consistency', expectedCheck: 'chance-distribution', messageFragment: 'they must sum to 1' },
  // Probabilities that sum to 1 over the right outcomes but ignore card counts:
  // only a comparison with the reference's chance distribution can see it.
  { game: 'leduc_poker', file: 'chance-uniform-ranks', expectedTier: 'differential' },
  { game: 'leduc_poker', file: 'fold-without-bet', expectedTier: 'scenarios', expectedCheck: 'scenario: after player 0 calls, player 1 may check or raise but not fold', messageFragment: 'the legal actions should be ["Call","Raise"]' },
  { game: 'leduc_poker', file: 'round2-raise-size', expectedTier: 'differential', expectedCheck: 'same-rewards', messageFragment: 'the rules give' },
  { game: 'leduc_poker', file: 'mutates-contributions', expectedTier: 'dynamics', expectedCheck: 'no-mutation', messageFragment: 'tried to modify its input' },
  { game: 'leduc_poker', file: 'fold-reveals-cards', expectedTier: 'differential', expectedCheck: 'observations-reveal-no-more', messageFragment: 'can tell apart two situations' },
  // Right support, wrong posterior: only a distribution check can see it.
  { game: 'leduc_poker', file: 'resample-unweighted', expectedTier: 'information' },
  // Missing support (no same-rank deals): visible only when a showdown reveals a pair.
  { game: 'leduc_poker', file: 'resample-no-pairs', expectedTier: 'information' },
];

const FIXTURES = resolve(import.meta.dirname, 'fixtures', 'mutants');
const DYNAMIC_TIERS: DynamicTier[] = ['dynamics', 'consistency', 'information', 'scenarios', 'differential'];

function fixturePath(mutant: Pick<Mutant, 'game' | 'file'>): string {
  return resolve(FIXTURES, mutant.game, `${mutant.file}.cwm.ts`);
}

/** Loads a (trusted) fixture into the host, compiled exactly as for the sandbox. */
async function loadOnHost(source: string, file: string): Promise<AnyGameCWM> {
  const script = await compileCandidate(source, file);
  return runInThisContext(`(function () {\n${script}\nreturn ${CANDIDATE_GLOBAL};\n})()`, { filename: file }) as AnyGameCWM;
}

function failuresOf(report: VerificationReport): string[] {
  return Object.entries(report.tiers).flatMap(([tier, t]) =>
    t.checks.filter((c) => !c.passed).map((c) => `${tier}/${c.name}: ${c.message ?? ''}`));
}

// ---------------------------------------------------------------------------
// Reproduction on the host: replay a failing check's `actions` and show the
// failure is there at the end of them. Each returns a description of what it
// found, or null when the actions do not reproduce the failure.

function replay(game: AnyGameCWM, actions: Action[], freeze = false): unknown {
  let state = game.getInitialState();
  if (freeze) deepFreeze(state);
  for (const action of actions) {
    state = game.applyAction(state, action);
    if (freeze) deepFreeze(state);
  }
  return state;
}

function thrownText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The dynamics and consistency checks, evaluated at the state after `actions`. */
function reproduceDynamics(game: AnyGameCWM, gameId: string, check: CheckResult): string | null {
  const info = getGame(gameId).info;
  const actions = check.actions ?? [];
  // Every earlier state passed the checks, so the prefix replays on frozen states.
  const state = replay(game, actions, true);
  const player = game.getCurrentPlayer(state);
  switch (check.name) {
    case 'no-mutation':
    case 'no-crash': {
      try {
        game.getLegalActions(state);
        game.getRewards(state);
        game.getObservations(state);
        if (player === TERMINAL) return null;
        for (const action of game.getLegalActions(state)) {
          game.applyAction(state, action);
          game.applyAction(state, action);
        }
        if (player === CHANCE) chanceOutcomes(game, state);
      } catch (error) {
        return `a call on the frozen state threw ${thrownText(error)}`;
      }
      return null;
    }
    case 'legal-actions-valid': {
      if (player === TERMINAL) return null;
      const legal = game.getLegalActions(state);
      if (!Array.isArray(legal) || legal.length === 0) return `no legal action at a non-terminal state (player ${player})`;
      if (new Set(legal).size !== legal.length) return `duplicate legal actions ${JSON.stringify(legal)}`;
      return legal.every((a) => typeof a === 'string') ? null : `non-string legal actions ${JSON.stringify(legal)}`;
    }
    case 'terminal-has-no-actions': {
      const legal = game.getLegalActions(state);
      return player === TERMINAL && legal.length > 0 ? `legal actions ${JSON.stringify(legal)} at a terminal state` : null;
    }
    case 'length-bounded':
      return player !== TERMINAL && actions.length >= info.maxGameLength ? `not over after ${actions.length} actions` : null;
    case 'chance-distribution': {
      if (player !== CHANCE) return null;
      const outcomes = chanceOutcomes(game, state);
      const total = outcomes.reduce((sum, [, p]) => sum + p, 0);
      if (Math.abs(total - 1) > 1e-6) return `chance probabilities sum to ${total}`;
      if (outcomes.some(([, p]) => !(p > 0 && p <= 1))) return `a chance probability out of (0, 1]: ${JSON.stringify(outcomes)}`;
      const listed = outcomes.map(([a]) => a).sort();
      const legal = game.getLegalActions(state).slice().sort();
      return stableStringify(listed) !== stableStringify(legal) ? `outcomes ${JSON.stringify(listed)} vs legal ${JSON.stringify(legal)}` : null;
    }
    case 'utility-kind': {
      if (player !== TERMINAL) return null;
      const rewards = game.getRewards(state);
      const sum = rewards.reduce((a, b) => a + b, 0);
      if (info.utility === 'zero-sum' && Math.abs(sum) > 1e-6) return `terminal rewards ${JSON.stringify(rewards)} sum to ${sum}`;
      if (info.utility === 'identical' && rewards.some((r) => r !== rewards[0])) return `terminal rewards ${JSON.stringify(rewards)} differ`;
      return null;
    }
    default:
      throw new Error(`no host reproduction for the ${check.name} check; add one to test/mutants.test.ts`);
  }
}

/** The scenario of that name fails on the mutant and passes on the reference. */
function reproduceScenario(game: AnyGameCWM, gameId: string, check: CheckResult): string | null {
  const definition = getGame(gameId);
  const scenario = definition.scenarios.find((s) => `scenario: ${s.name}` === check.name);
  if (!scenario) throw new Error(`no scenario behind the check "${check.name}"`);
  expect(check.actions).toEqual(scenario.actions);
  expect(scenarioProblem(definition.cwm, scenario)).toBeNull();
  return scenarioProblem(game, scenario);
}

/** What one aspect of the state after `actions` looks like, to compare candidate and reference. */
function aspect(game: AnyGameCWM, state: unknown, name: string): string {
  switch (name) {
    case 'same-terminal': return String(game.getCurrentPlayer(state) === TERMINAL);
    case 'same-current-player': return String(game.getCurrentPlayer(state));
    case 'same-legal-actions': return stableStringify(game.getLegalActions(state).slice().sort());
    case 'same-rewards': return stableStringify(game.getRewards(state));
    case 'same-chance-probabilities': return stableStringify(chanceOutcomes(game, state).slice().sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    default: throw new Error(`no host reproduction for the ${name} check; add one to test/mutants.test.ts`);
  }
}

/**
 * A step-comparison check: the candidate and the reference disagree after
 * `actions` and agree after every shorter prefix (it is the first diverging
 * step of that trajectory). An information-partition check: the two action
 * sequences named in the message look alike to the player in one game and
 * different in the other.
 */
function reproduceDifferential(game: AnyGameCWM, gameId: string, check: CheckResult): string | null {
  const reference = getGame(gameId).cwm;
  const actions = check.actions ?? [];
  if (check.name === 'observations-reveal-no-more' || check.name === 'observations-hide-no-more') {
    const match = /player (\d+) .*?after (\[[^\]]*\]) and after (\[[^\]]*\])/.exec(check.message ?? '');
    if (!match) throw new Error(`cannot read the player and the two situations from "${check.message}"`);
    const player = Number(match[1]);
    const first = JSON.parse(match[2]) as Action[];
    const second = JSON.parse(match[3]) as Action[];
    expect(second).toEqual(actions);
    const seen = (g: AnyGameCWM, a: Action[]) => stableStringify(g.getObservations(replay(g, a))[player]);
    const refSame = seen(reference, first) === seen(reference, second);
    const candSame = seen(game, first) === seen(game, second);
    if (check.name === 'observations-reveal-no-more' && refSame && !candSame) {
      return `player ${player} tells ${JSON.stringify(first)} from ${JSON.stringify(second)}; the reference does not`;
    }
    if (check.name === 'observations-hide-no-more' && !refSame && candSame) {
      return `player ${player} confuses ${JSON.stringify(first)} with ${JSON.stringify(second)}; the reference does not`;
    }
    return null;
  }
  if (check.name === 'candidate-accepts-actions') {
    try {
      replay(game, actions);
      return null;
    } catch (error) {
      return `replaying threw ${thrownText(error)}`;
    }
  }
  for (let step = 0; step < actions.length; step++) {
    const prefix = actions.slice(0, step);
    const earlier = aspect(game, replay(game, prefix), check.name) === aspect(reference, replay(reference, prefix), check.name);
    expect(earlier, `the ${check.name} check already disagreed after ${JSON.stringify(prefix)}`).toBe(true);
  }
  const cand = aspect(game, replay(game, actions), check.name);
  const ref = aspect(reference, replay(reference, actions), check.name);
  return cand !== ref ? `after ${JSON.stringify(actions)} the candidate gives ${cand}, the reference ${ref}` : null;
}

/** The true history of `actions` seen by the player in the message; some resample of it fails. */
function reproduceInformation(game: AnyGameCWM, gameId: string, check: CheckResult): string | null {
  if (check.name === 'resample-matches-posterior') return reproducePosterior(game, gameId, check);
  if (!['resample-runs', 'resample-legal', 'resample-consistent'].includes(check.name)) {
    throw new Error(`no host reproduction for the ${check.name} check; add one to test/mutants.test.ts`);
  }
  const match = /^player (\d+):/.exec(check.message ?? '');
  if (!match) throw new Error(`cannot read the player from "${check.message}"`);
  const player = Number(match[1]);
  const actions = check.actions ?? [];
  const history: Array<ObservationActionPair<unknown>> = [];
  let state = game.getInitialState();
  for (const action of actions) {
    const actor = game.getCurrentPlayer(state);
    history.push([game.getObservations(state)[player], actor === player ? action : null]);
    state = game.applyAction(state, action);
  }
  history.push([game.getObservations(state)[player], null]);
  for (let seed = 0; seed < 50; seed++) {
    try {
      const resampled = game.resampleHistory!(history, player, new Rng(seed).randomFn);
      const problem = replayAgainstHistory(game, resampled, player, history);
      if (problem) return `${problem.check}: ${problem.message}`;
    } catch (error) {
      return `resampleHistory threw ${thrownText(error)}`;
    }
  }
  return null;
}

/** The player's history of `actions` in `game`. */
function historyOf(game: AnyGameCWM, actions: string[], player: number): Array<ObservationActionPair<unknown>> {
  const history: Array<ObservationActionPair<unknown>> = [];
  let state = game.getInitialState();
  for (const action of actions) {
    history.push([game.getObservations(state)[player], game.getCurrentPlayer(state) === player ? action : null]);
    state = game.applyAction(state, action);
  }
  history.push([game.getObservations(state)[player], null]);
  return history;
}

/** On the host: 3,000 resamples from candidate and reference differ significantly in their hidden actions. */
function reproducePosterior(game: AnyGameCWM, gameId: string, check: CheckResult): string | null {
  const player = Number(/^player (\d+):/.exec(check.message ?? '')![1]);
  const actions = check.actions ?? [];
  const reference = getGame(gameId).cwm;
  const draw = (g: AnyGameCWM) => {
    const history = historyOf(g, actions, player);
    const rng = new Rng(99);
    const counts = new Map<string, number>();
    for (let k = 0; k < 3000; k++) {
      const world = g.resampleHistory!(history, player, rng.randomFn).filter((_, t) => history[t][1] === null).join(' ');
      counts.set(world, (counts.get(world) ?? 0) + 1);
    }
    return counts;
  };
  const p = homogeneityPValue(draw(game), draw(reference));
  return p < 1e-5 ? `hidden-world distributions differ (p = ${p})` : null;
}

function reproduce(tier: DynamicTier, game: AnyGameCWM, gameId: string, check: CheckResult): string | null {
  switch (tier) {
    case 'dynamics':
    case 'consistency': return reproduceDynamics(game, gameId, check);
    case 'scenarios': return reproduceScenario(game, gameId, check);
    case 'differential': return reproduceDifferential(game, gameId, check);
    case 'information': return reproduceInformation(game, gameId, check);
  }
}

// ---------------------------------------------------------------------------

let verifier: Verifier;
beforeAll(() => {
  verifier = new Verifier({
    limits: { memoryMb: 64, timeoutMs: 500, maxResultChars: 1_000_000 },
    playouts: 30, histories: 30, trajectories: 30,
  });
});
afterAll(() => verifier.dispose());

describe('the mutant set', () => {
  it('has at least three mutants for every built-in game, one fixture per entry', () => {
    for (const game of GAMES) {
      expect(MUTANTS.filter((m) => m.game === game.info.id).length, game.info.id).toBeGreaterThanOrEqual(3);
    }
    const onDisk = readdirSync(FIXTURES).flatMap((game) =>
      readdirSync(resolve(FIXTURES, game)).map((file) => `${game}/${file.replace(/\.cwm\.ts$/, '')}`)).sort();
    expect(MUTANTS.map((m) => `${m.game}/${m.file}`).sort()).toEqual(onDisk);
  });

  it('covers every dynamic tier', () => {
    for (const tier of DYNAMIC_TIERS) expect(MUTANTS.some((m) => m.expectedTier === tier), tier).toBe(true);
  });
});

describe.each(MUTANTS.map((m) => [`${m.game}/${m.file}`, m] as const))('mutant %s', (_name, mutant) => {
  it(`is rejected by the ${mutant.expectedTier} tier${mutant.expectedCheck ? ` (${mutant.expectedCheck})` : ''}, with actions that reproduce it`, async () => {
    const source = readFileSync(fixturePath(mutant), 'utf8');
    const info = getGame(mutant.game).info;
    const report = await verifier.verify(source, { info, referenceId: mutant.game }, `${mutant.game}/${mutant.file}.cwm.ts`);

    // A subtle bug, not a broken module.
    expect(report.diagnostics).toEqual([]);
    expect(report.tiers.static.checks.filter((c) => !c.passed)).toEqual([]);

    const tier = report.tiers[mutant.expectedTier];
    expect(tier.applicable).toBe(true);
    const failing = tier.checks.filter((c) => !c.passed);
    const seen = `ok=${report.ok}; failing checks: ${JSON.stringify(failuresOf(report))}`;
    expect(failing.length, `the ${mutant.expectedTier} tier has no failing check (${seen})`).toBeGreaterThan(0);
    expect(report.ok).toBe(false);

    const check = mutant.expectedCheck === undefined ? failing[0] : failing.find((c) => c.name === mutant.expectedCheck);
    expect(check, `no failing "${mutant.expectedCheck}" check in the ${mutant.expectedTier} tier (${seen})`).toBeDefined();
    if (mutant.messageFragment !== undefined) expect(check!.message).toContain(mutant.messageFragment);

    // The report names the first diverging step, and replaying it reproduces the failure.
    expect(Array.isArray(check!.actions), `the ${check!.name} check carries no actions`).toBe(true);
    const game = await loadOnHost(source, `${mutant.file}.cwm.ts`);
    const reproduced = reproduce(mutant.expectedTier, game, mutant.game, check!);
    expect(reproduced, `replaying ${JSON.stringify(check!.actions)} does not reproduce: ${check!.message}`).not.toBeNull();
    // ...and it is the mutation's doing: the reference shows nothing wrong there.
    expect(reproduce(mutant.expectedTier, getGame(mutant.game).cwm, mutant.game, check!)).toBeNull();
  });
});

describe('after the mutants', () => {
  it.each(GAMES.map((g) => [g.info.id, g] as const))('the reference %s still verifies', async (id, game) => {
    const report = await verifier.verify(readFileSync(resolve(import.meta.dirname, '..', 'src', 'games', id, 'game.ts'), 'utf8'), { info: game.info, referenceId: id });
    expect(failuresOf(report)).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
