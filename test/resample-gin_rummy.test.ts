// gin_rummy's resampleHistory. A player sees its own hand, the top of the
// discard pile, the knocker's melds and the phase (exactly what the paper's
// golden shows): not the opponent's moves. The game tree is far too big for
// the generic tree walk, and the resampler weighs the opponent's unseen
// choices (pile or stock) by its own rule rather than by the exact posterior
// (see game.ts), so these tests check what holds exactly by symmetry, and
// that every draw replays to the history:
//   - before the opponent has done anything, every card the player has not
//     seen is equally likely on each of the opponent's deal positions, and the
//     player's own sorted hand came in a uniform order;
//   - once the player is to discard, the order it got its cards in is shown
//     (the golden lists its discards in that order), which fixes its deals;
//   - a card the opponent discards without having drawn it sat on any of its
//     unknown deal positions with equal probability.

import { describe, expect, it } from 'vitest';
import * as game from '../src/games/gin_rummy/game.js';
import { Rng } from '../src/engine/rng.js';
import { replayAgainstHistory } from '../src/verifier/information.js';
import { sampleChance } from '../src/engine/chance.js';
import { historyOf } from './helpers/posterior.js';

const RANKS = 'A23456789TJQK';
const SUITS = 'scdh';
const CARDS = [...SUITS].flatMap((s) => [...RANKS].map((r) => r + s));

const P0 = ['As', '2s', '3s', '7c', '7d', '7h', 'Ts', 'Js', 'Qs', 'Kd'];
const P1 = ['4s', '5s', '7s', '9h', '2d', '3c', 'Kh', 'Qh', '8d', '6c'];
const ORDER = [...P0, ...P1, 'Ks', ...CARDS.filter((c) => !P0.includes(c) && !P1.includes(c) && c !== 'Ks')];
const OPENING = ORDER.map((c) => `deal:${c}`);

/** Draws `draws` worlds for `player`'s history of `actions`; checks the first ones replay to the history. */
function drawWorlds(actions: string[], player: number, draws: number, seed: number): string[][] {
  const history = historyOf(game, actions, player);
  const rng = new Rng(seed);
  const worlds: string[][] = [];
  for (let i = 0; i < draws; i++) {
    const world = game.resampleHistory(history, player, rng.randomFn);
    if (i < 300) expect(replayAgainstHistory(game, world, player, history)).toBeNull();
    worlds.push(world);
  }
  return worlds;
}

/** Frequency of each value of `key(world)`. */
function frequencies(worlds: string[][], key: (world: string[]) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const world of worlds) counts.set(key(world), (counts.get(key(world)) ?? 0) + 1);
  for (const [k, c] of counts) counts.set(k, c / worlds.length);
  return counts;
}

function expectUniform(freq: Map<string, number>, support: string[], tolerance: number): void {
  expect([...freq.keys()].sort()).toEqual([...support].sort());
  for (const k of support) expect(Math.abs((freq.get(k) ?? 0) - 1 / support.length), `${k}: ${freq.get(k)}`).toBeLessThan(tolerance);
}

describe('gin_rummy resampleHistory', () => {
  it('player 1 at its first decision: player 0\'s first card is any of the 41 cards player 1 has not seen; player 1\'s own cards came in a uniform order (41,000 draws, each within 0.01)', () => {
    const worlds = drawWorlds(OPENING, 1, 41000, 21);
    const unseen = CARDS.filter((c) => !P1.includes(c) && c !== 'Ks');
    expectUniform(frequencies(worlds, (w) => w[0]), unseen.map((c) => `deal:${c}`), 0.01);
    expectUniform(frequencies(worlds, (w) => w[10]), P1.map((c) => `deal:${c}`), 0.01);
    for (const world of worlds.slice(0, 1000)) {
      expect(world.slice(10, 20).sort()).toEqual(P1.map((c) => `deal:${c}`).sort());
      expect(world[20]).toBe('deal:Ks');
    }
  });

  it('player 0 about to discard after taking the upcard: the order it got its cards in fixes its ten deals', () => {
    const actions = [...OPENING, 'Pass', 'Draw upcard'];
    const history = historyOf(game, actions, 0);
    expect(history.at(-1)![0].heldOrder).toEqual([...P0, 'Ks']);
    for (const world of drawWorlds(actions, 0, 200, 22)) {
      expect(world.slice(0, 10)).toEqual(OPENING.slice(0, 10));
      expect(world.slice(52)).toEqual(['Pass', 'Draw upcard']);
    }
  });

  it('player 1 after player 0 took the upcard and discarded Kd: Kd was any of player 0\'s ten deals (20,000 draws, each within 0.01 of 1/10)', () => {
    const actions = [...OPENING, 'Pass', 'Draw upcard', 'Action: Kd'];
    const worlds = drawWorlds(actions, 1, 20000, 23);
    expectUniform(frequencies(worlds, (w) => String(w.indexOf('deal:Kd'))), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], 0.01);
    // Player 0's hidden deals never hold a card player 1 has seen (its own hand, Ks).
    const seen = new Set([...P1, 'Ks'].map((c) => `deal:${c}`));
    for (const world of worlds) expect(world.slice(0, 10).some((a) => seen.has(a))).toBe(false);
  });

  it('random histories of both players: every draw replays to the history', () => {
    for (let seed = 0; seed < 12; seed++) {
      const rng = new Rng(700 + seed);
      const actions: string[] = [];
      let state = game.getInitialState();
      const stop = 60 + rng.int(120);
      while (actions.length < stop && game.getCurrentPlayer(state) !== -4) {
        const actor = game.getCurrentPlayer(state);
        const action = actor === -1 ? sampleChance(game, state, rng.randomFn) : rng.pick(game.getLegalActions(state));
        actions.push(action);
        state = game.applyAction(state, action);
      }
      const player = seed % 2;
      const history = historyOf(game, actions, player);
      if (history.length === 0) continue;
      for (let i = 0; i < 20; i++) expect(replayAgainstHistory(game, game.resampleHistory(history, player, rng.randomFn), player, history)).toBeNull();
    }
  });

  it('a history whose top card changes while the player passes is explained by no play', () => {
    const history = historyOf(game, [...OPENING, 'Pass', 'Pass'], 1);
    history[history.length - 1][0] = { ...history[history.length - 1][0], upcard: '9h' };
    expect(() => game.resampleHistory(history, 1, new Rng(5).randomFn)).toThrow(/no play/);
  });
});
