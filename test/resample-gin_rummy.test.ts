// gin_rummy's resampleHistory. Every player action is public and every card
// is seen by whoever receives it, so the hidden world is which card each of
// the opponent's deals was. Cards are dealt one at a time uniformly from the
// undealt cards, so every sequence of distinct cards is equally likely, and
// (the opponent's choices not depending on its hidden cards) the posterior is
// uniform over the deal sequences consistent with the history. The game tree
// is far too big for the generic tree walk, so these tests check that
// uniformity through its consequences, each exact by symmetry:
//   - a card the opponent discarded that it did not take from the discard
//     pile was dealt to it in any of its hidden deals up to then with equal
//     probability;
//   - the opponent's still-hidden cards are a uniform draw from the cards the
//     player has never seen (each unseen card is in the opponent's hand with
//     probability hidden / unseen);
//   - a face-up hand (after a knock) fixes the set of cards, in a uniform
//     order over the opponent's deals;
//   - the history holds the player's own decisions only (the paper's
//     convention), so what happened between them is hidden too: the order
//     the player's own ten cards were dealt in (its hand is sorted), and for
//     player 1 the first upcard when player 0 took it and gave it up again;
// and that no draw is ever inconsistent (every draw replays to the history).

import { describe, expect, it } from 'vitest';
import * as game from '../src/games/gin_rummy/game.js';
import { Rng } from '../src/engine/rng.js';
import { replayAgainstHistory } from '../src/verifier/information.js';
import { historyOf } from './helpers/posterior.js';

const RANKS = 'A23456789TJQK';
const SUITS = 'scdh';
const CARDS = [...SUITS].flatMap((s) => [...RANKS].map((r) => r + s));
const deal = (cards: string[]): string[] => cards.map((c) => `deal:${c}`);

const P0 = ['As', '2s', '3s', '7c', '7d', '7h', 'Ts', 'Js', 'Qs', 'Kd'];
const P1 = ['4s', '5s', '7s', '9h', '2d', '3c', 'Kh', 'Qh', '8d', '6c'];
const OPENING = deal([...P0, ...P1, 'Ks']);

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

describe('gin_rummy resampleHistory posterior', () => {
  it('player 0 at its first decision: player 1\'s first card is any of the 41 cards player 0 has not seen, player 0\'s own cards come in a uniform order (41,000 draws, each within 0.01)', () => {
    const worlds = drawWorlds(OPENING, 0, 41000, 21);
    const unseen = CARDS.filter((c) => !P0.includes(c) && c !== 'Ks');
    expectUniform(frequencies(worlds, (w) => w[10]), unseen.map((c) => `deal:${c}`), 0.01);
    // Its hand at the first decision is sorted: the order it was dealt in is not seen.
    expectUniform(frequencies(worlds, (w) => w[0]), P0.map((c) => `deal:${c}`), 0.01);
    for (const world of worlds.slice(0, 1000)) {
      expect([...world.slice(0, 10)].sort()).toEqual(deal(P0).sort());
      expect(world[20]).toBe('deal:Ks');
    }
  });

  it('player 1 after player 0 takes the upcard and discards Kd: Kd was any of player 0\'s ten deals (20,000 draws, each position within 0.01 of 1/10)', () => {
    const actions = [...OPENING, 'Draw upcard', 'Action: Kd'];
    const worlds = drawWorlds(actions, 1, 20000, 22);
    const position = frequencies(worlds, (w) => String(w.indexOf('deal:Kd')));
    expectUniform(position, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], 0.01);
    // The nine cards still hidden never include a card player 1 has seen (its hand, Ks, Kd).
    const seen = new Set([...P1, 'Ks', 'Kd'].map((c) => `deal:${c}`));
    for (const world of worlds) {
      const hidden = world.slice(0, 10).filter((a) => a !== 'deal:Kd');
      expect(hidden.some((a) => seen.has(a))).toBe(false);
    }
  });

  it('player 0 mid-game: each card it has never seen is in player 1\'s hidden hand with probability hidden / unseen (30,000 draws, within 0.01)', () => {
    // Player 0 passes, player 1 passes, player 0 draws 8h from the stock and discards it, player 1 takes it
    // and discards 9h; player 0 draws from the stock (Ac) and discards Ac.
    const actions = [...OPENING, 'Pass', 'Pass', 'Draw stock', 'deal:8h', 'Action: 8h', 'Draw upcard', 'Action: 9h', 'Draw stock', 'deal:Ac', 'Action: Ac'];
    const history = historyOf(game, actions, 0);
    const last = history.at(-1)![0];
    expect(last.opponentKnown).toBe('8h');
    const worlds = drawWorlds(actions, 0, 30000, 23);
    // Player 0 has seen its own cards, Ks, 8h, 9h and Ac; player 1 holds 8h (known) and nine hidden cards.
    const seenByP0 = new Set([...P0, 'Ks', '8h', '9h', 'Ac']);
    const unseen = CARDS.filter((c) => !seenByP0.has(c));
    const inHand = new Map<string, number>();
    for (const world of worlds) {
      // Player 1's deals are positions 10..19; the one that was 9h left its hand.
      for (const a of world.slice(10, 20)) {
        const card = a.slice('deal:'.length);
        expect(seenByP0.has(card) && card !== '9h').toBe(false);
        if (card !== '9h') inHand.set(card, (inHand.get(card) ?? 0) + 1);
      }
    }
    expect([...inHand.keys()].sort()).toEqual([...unseen].sort());
    for (const card of unseen) {
      expect(Math.abs((inHand.get(card) ?? 0) / worlds.length - 9 / unseen.length), card).toBeLessThan(0.01);
    }
    // 9h came from any of player 1's ten deals.
    expectUniform(frequencies(worlds, (w) => String(w.indexOf('deal:9h'))), ['10', '11', '12', '13', '14', '15', '16', '17', '18', '19'], 0.01);
  });

  it('player 1 after player 0 knocks: the face-up hand fixes the cards, dealt in a uniform order; the first upcard is any card player 0 gave up (20,000 draws, within 0.01)', () => {
    const actions = [
      ...OPENING, 'Draw upcard', 'Action: Knock', 'Action: Ks', 'Action: As2s3s', 'Action: 7c7d7h', 'Action: TsJsQs', 'Action: Done',
    ];
    const worlds = drawWorlds(actions, 1, 20000, 24);
    // Player 1's first decision comes after all of it: player 0 took the upcard and no longer holds it (nothing it
    // took from the pile is left in its hand), so the upcard was Ks or one of the melded cards, never the Kd it kept.
    for (const world of worlds) expect([...world.slice(0, 10), world[20]].map((a) => a.slice(5)).sort()).toEqual([...P0, 'Ks'].sort());
    const gaveUp = ['Ks', 'As', '2s', '3s', '7c', '7d', '7h', 'Ts', 'Js', 'Qs'];
    expectUniform(frequencies(worlds, (w) => w[20]), gaveUp.map((c) => `deal:${c}`), 0.01);
    expectUniform(frequencies(worlds, (w) => w[9]), [...P0, 'Ks'].map((c) => `deal:${c}`), 0.01);
  });

  it('a history whose hand loses a card without an action is explained by no play', () => {
    const history = historyOf(game, [...OPENING, 'Pass'], 1);
    history[history.length - 1][0] = { ...history[history.length - 1][0], lastMove: 'Action: 9h', lastMover: 0 };
    expect(() => game.resampleHistory(history, 1, Math.random)).toThrow(/no play/);
  });
});
