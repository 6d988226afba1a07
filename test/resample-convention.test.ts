// The paper's resample convention, checked by the information tier's replay
// (replayAgainstHistory) on hand-made histories in the paper's shape: a
// player's own [observation, action] pairs only. Correct resampled plays are
// accepted; a play that replays too far (past the player's next turn), one
// that stops short (does not pass every entry) and one that ignores an own
// action are each rejected with the reason.

import { describe, expect, it } from 'vitest';
import { getGame } from '../src/games/index.js';
import { checkInformation, historyFor, replayAgainstHistory } from '../src/verifier/information.js';
import { Rng } from '../src/engine/rng.js';

const kuhn = getGame('kuhn_poker').cwm;
const obs = (actions: string[], player: number): unknown =>
  kuhn.getObservations(actions.reduce((s, a) => kuhn.applyAction(s, a), kuhn.getInitialState()))[player];

// Player 0 holds K: it checked, player 1 raised, it called. Its history has two entries.
const history: Array<[unknown, string | null]> = [
  [obs(['KQ'], 0), 'Call'],
  [obs(['KQ', 'Call', 'Raise'], 0), 'Call'],
];

describe('the paper\'s resample convention', () => {
  it('builds a history of the player\'s own decisions only, oldest first, each observation taken before acting', () => {
    expect(historyFor(kuhn, ['KQ', 'Call', 'Raise', 'Call'], 0)).toEqual(history);
    expect(historyFor(kuhn, ['KQ', 'Call', 'Raise', 'Call'], 1)).toEqual([[obs(['KQ', 'Call'], 1), 'Raise']]);
  });

  it('accepts plays that pass every entry and stop before the player\'s next turn (or at the end)', () => {
    expect(replayAgainstHistory(kuhn, ['KQ', 'Call', 'Raise', 'Call'], 0, history)).toBeNull();
    expect(replayAgainstHistory(kuhn, ['KJ', 'Call', 'Raise', 'Call'], 0, history)).toBeNull();
    // Player 1 may be left just before its next turn (here the game is over after its raise is called).
    expect(replayAgainstHistory(kuhn, ['KQ', 'Call'], 1, [])).toBeNull();
    expect(replayAgainstHistory(kuhn, ['QK', 'Call', 'Raise'], 1, [[obs(['QK', 'Call'], 1), 'Raise']])).toBeNull();
  });

  it('rejects a play that replays too far: past the player\'s next turn', () => {
    const first = history.slice(0, 1);
    expect(replayAgainstHistory(kuhn, ['KQ', 'Call', 'Raise', 'Call'], 0, first)).toEqual({
      check: 'resample-own-actions',
      message: 'step 3: the resampled history has the player act ("Call") after all 1 of its decisions; it must stop before the player\'s next turn',
    });
  });

  it('rejects a play that stops short: not every entry is passed', () => {
    const problem = replayAgainstHistory(kuhn, ['KQ', 'Call', 'Raise'], 0, history);
    expect(problem?.check).toBe('resample-complete');
    expect(problem?.message).toContain('pass only 1 of the player\'s 2 decisions');
  });

  it('rejects a play that ignores an own action', () => {
    const problem = replayAgainstHistory(kuhn, ['KQ', 'Raise', 'Call'], 0, history);
    expect(problem).toEqual({ check: 'resample-own-actions', message: 'at the player\'s decision 0 (step 1) the player took "Call" but the resampled history has "Raise"' });
  });

  it('rejects a play whose observations differ at the player\'s turn, and one with an illegal action', () => {
    expect(replayAgainstHistory(kuhn, ['JQ', 'Call', 'Raise', 'Call'], 0, history)?.check).toBe('resample-observations');
    expect(replayAgainstHistory(kuhn, ['KK', 'Call'], 0, history)).toMatchObject({ check: 'resample-legal' });
  });

  it('checks the trailing [observation, null] extension: the play must reach that decision', () => {
    const atDecision: Array<[unknown, string | null]> = [history[0], [obs(['KQ', 'Call', 'Raise'], 0), null]];
    expect(replayAgainstHistory(kuhn, ['KJ', 'Call', 'Raise'], 0, atDecision)).toBeNull();
    expect(replayAgainstHistory(kuhn, ['KJ', 'Call'], 0, atDecision)?.check).toBe('resample-complete');
  });

  it('the information tier fails each faulty resampler with the reason', () => {
    const run = (resampleHistory: typeof kuhn.resampleHistory) =>
      checkInformation({ ...kuhn, resampleHistory }, 2, { histories: 60, seed: 4, maxGameLength: 6 }).checks.filter((c) => !c.passed);
    const good = kuhn.resampleHistory!;
    expect(run(good)).toEqual([]);
    // Too far: the play goes on (the last legal action each time, a raise where it can) to the game's end.
    const tooFar = run((h, p, r) => {
      const actions = good(h, p, r);
      let state = actions.reduce((s, a) => kuhn.applyAction(s, a), kuhn.getInitialState());
      for (let legal = kuhn.getLegalActions(state); legal.length > 0; legal = kuhn.getLegalActions(state)) {
        actions.push(legal[legal.length - 1]);
        state = kuhn.applyAction(state, legal[legal.length - 1]);
      }
      return actions;
    });
    expect(tooFar.map((c) => c.name)).toContain('resample-own-actions');
    // Too short: the last own action dropped.
    const tooShort = run((h, p, r) => good(h, p, r).slice(0, -1));
    expect(tooShort.map((c) => c.name)).toEqual(['resample-complete']);
    expect(tooShort[0].message).toMatch(/every entry of the history must be replayed/);
    // Ignores an own action: always replays "Call" for the player's first decision.
    const ignores = run((h, p, r) => good(h.length > 0 ? [[h[0][0], h[0][1] === 'Call' ? 'Raise' : 'Call'], ...h.slice(1)] : h, p, r));
    expect(ignores.map((c) => c.name)).toContain('resample-own-actions');
    expect(ignores.find((c) => c.name === 'resample-own-actions')!.message).toMatch(/the player took "\w+" but the resampled history has "\w+"/);
  });

  it('a check that cannot run fails: no sampled history had a decision of the player', () => {
    const report = checkInformation(kuhn, 2, { histories: 5, seed: 1, maxGameLength: 0 });
    expect(report.checks.find((c) => c.name === 'resample-runs')).toMatchObject({ passed: false });
  });

  it('draws with the same Rng give the same worlds', () => {
    const a = kuhn.resampleHistory!(history.slice(0, 1), 0, new Rng(5).randomFn);
    const b = kuhn.resampleHistory!(history.slice(0, 1), 0, new Rng(5).randomFn);
    expect(a).toEqual(b);
  });
});
