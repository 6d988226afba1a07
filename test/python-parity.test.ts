// Parity of the Python runner with the TypeScript engine on every built-in
// game: the back-translated module, searched inside Python from the first
// decision, must give the same action and root statistics as the native
// search with the same seed (MCTS for perfect information; ISMCTS for
// imperfect, whose determinisations must draw from the search's own
// generator), and the runner's seeded random playouts must play the same
// games as randomPlayouts.

import { describe, expect, it } from 'vitest';
import { PythonTranslator } from '../src/codegen/python/translate.js';
import { firstDecision, nativeSubject, searchFrom, translatedSubject } from '../src/bench/subjects.js';
import { GAMES } from '../src/games/index.js';
import { DEFAULT_SEARCH, type SearchOptions } from '../src/mcts/search.js';

const SEED = 11;
const translator = new PythonTranslator();

/** Long games get fewer iterations and playouts: every one of them is a rollout to the end in Python. */
function budget(maxGameLength: number): { iterations: number; playouts: number } {
  return maxGameLength > 300 ? { iterations: 40, playouts: 2 } : { iterations: 120, playouts: 5 };
}

describe('a translated game searched in Python matches the native search', () => {
  it.each(GAMES.map((game) => [game.info.id, game] as const))('%s', async (_id, game) => {
    const { info } = game;
    const { iterations, playouts } = budget(info.maxGameLength);
    const options: SearchOptions = { ...DEFAULT_SEARCH, iterations, players: info.players, rewardRange: info.rewardRange, maxGameLength: info.maxGameLength };
    const perfect = info.information === 'perfect';
    const native = nativeSubject(game);
    const python = await translatedSubject(game, translator, { timeoutMs: 60_000, memoryMb: 1024 });
    try {
      const start = firstDecision(native.cwm);
      const expected = searchFrom(native, start, perfect, options, SEED);
      const actual = searchFrom(python, start, perfect, options, SEED);
      expect(actual.iterations).toBe(iterations);
      // Values too: the same returns summed in the same order are the same doubles.
      expect(actual.stats).toEqual(expected.stats);
      expect(actual.action).toBe(expected.action);
      expect(expected.stats.reduce((sum, s) => sum + s.visits, 0)).toBeGreaterThan(0);

      const totals = native.playouts(playouts, SEED, info.maxGameLength);
      expect(python.playouts(playouts, SEED, info.maxGameLength)).toEqual(totals);
      expect(totals.steps).toBeGreaterThanOrEqual(playouts);
    } finally {
      python.dispose();
    }
  });
});
