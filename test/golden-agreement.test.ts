// python/golden_agreement.py through src/paper/conformance.ts, on two
// paper-format Kuhn poker modules that differ only in their observations:
// each direction of an observation difference is reported on its own, and a
// documented exception (src/paper/exceptions.ts) excuses only its own kind.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getGame } from '../src/games/index.js';
import { goldenAgreement } from '../src/paper/conformance.js';
import { PAPER_EXCEPTIONS } from '../src/paper/exceptions.js';

const KUHN = resolve(import.meta.dirname, '..', 'python', 'testdata', 'kuhn_poker.py');
const dir = mkdtempSync(join(tmpdir(), 'gamecwm-agreement-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Kuhn poker whose player 0 also sees the opponent's card and whose player 1 sees only the betting. */
function kuhnWithOtherObservations(): string {
  const source = readFileSync(KUHN, 'utf8');
  const patched = source.replace(
    'return [_observation(state, 0), _observation(state, 1)]',
    "return [{'mine': _observation(state, 0), 'theirs': _observation(state, 1)}, {'betting': list(state['betting'])}]",
  );
  expect(patched).not.toBe(source);
  const path = join(dir, 'ours.py');
  writeFileSync(path, patched);
  return path;
}

describe('golden agreement', () => {
  const ours = kuhnWithOtherObservations();
  const options = { trajectories: 40, seed: 0, timeoutMs: 120_000 };

  it('agrees with itself over every state of both sides\' trajectories', async () => {
    const report = await goldenAgreement(KUHN, KUHN, getGame('kuhn_poker'), options);
    expect(report).toMatchObject({ agree: true, disagreements: {}, excused: {}, trajectories: 80, unfinished: 0 });
    expect(report.states).toBeGreaterThan(80 * 3);
  });

  it('reports each direction of an observation difference on its own, with the states that show it', async () => {
    const report = await goldenAgreement(ours, KUHN, getGame('kuhn_poker'), options);
    expect(report.agree).toBe(false);
    expect(Object.keys(report.disagreements).sort()).toEqual(['observations_player0_finer', 'observations_player1']);
    expect(report.disagreements.observations_player0_finer.message).toMatch(/^player 0: ours separates situations the golden does not; compare the states after \[.+\] and \[.+\]$/);
    expect(report.disagreements.observations_player1.message).toMatch(/^player 1: golden separates situations ours does not/);
  });

  it('excuses a documented exception of the game and nothing else', async () => {
    // Pig's exception (ours separates more) is the same kind as player 0's difference here.
    const asPig = { ...getGame('kuhn_poker'), info: { ...getGame('kuhn_poker').info, id: 'pig' } };
    const report = await goldenAgreement(ours, KUHN, asPig, options);
    expect(report.excused).toEqual({ observations_player0_finer: PAPER_EXCEPTIONS.pig[0].reason });
    expect(Object.keys(report.disagreements)).toEqual(['observations_player1']);
    expect(report.agree).toBe(false);
  });
});
