// hanabi's resampleHistory. A player sees everything but their own cards and
// never learns which reveal the partner gave (the paper's golden records no
// hints), so the hidden world is the cards still in the player's hand, plus
// choices of the partner that leave no trace (which reveal; for player 1,
// which slot player 0 played first). The game tree is far too big for the
// generic tree walk of test/helpers/posterior.ts, so the exact posterior is
// computed here independently, by enumerating every ordered hand: a world's
// weight is its chance probability (each deal picks uniformly among the card
// types left in the deck, as the golden does) times 1 / (legal actions) at
// each partner step (a uniform partner).

import { describe, expect, it } from 'vitest';
import * as game from '../src/games/hanabi/game.js';
import { Rng } from '../src/engine/rng.js';
import { replayAgainstHistory } from '../src/verifier/information.js';
import { sampleChance } from '../src/engine/chance.js';
import { historyOf } from './helpers/posterior.js';

const COLORS = ['R', 'Y', 'G', 'B', 'W'];
const CARDS = COLORS.flatMap((c) => ['1', '2', '3', '4', '5'].map((r) => c + r));
const COPIES = [3, 2, 2, 2, 1];
const deal = (...cards: string[]): string[] => cards.map((c) => `deal:${c.charAt(0)},${c.charAt(1)}`);
const cardOf = (action: string): string => action.slice('deal:'.length).replace(',', '');

/** Reveals a hand allows: one per distinct color and one per distinct rank. */
function revealsOf(hand: number[]): string[] {
  const colors = new Set(hand.map((t) => COLORS[Math.floor(t / 5)]));
  const ranks = new Set(hand.map((t) => String((t % 5) + 1)));
  return [...[...colors].map((c) => `color ${c}`), ...[...ranks].map((r) => `rank ${r}`)];
}

/**
 * Every ordered five-card hand for player 1, dealt right after player 0's
 * five `seen` cards, with its chance weight (1 / distinct types left at each
 * of the five deals, times `after(deck)` for what follows).
 */
function hands(seen: string[], after: (deck: number[]) => number, visit: (hand: number[], weight: number) => void): void {
  const deck = CARDS.map((_, t) => COPIES[t % 5]);
  for (const card of seen) deck[CARDS.indexOf(card)]--;
  const hand: number[] = [];
  const walk = (weight: number): void => {
    if (hand.length === 5) {
      visit(hand, weight * after(deck));
      return;
    }
    const distinct = deck.filter((k) => k > 0).length;
    for (let t = 0; t < 25; t++) {
      if (deck[t] === 0) continue;
      deck[t]--;
      hand.push(t);
      walk(weight / distinct);
      hand.pop();
      deck[t]++;
    }
  };
  walk(1);
}

type Distribution = Map<string, number>;

function add(d: Distribution, key: string, p: number): void {
  d.set(key, (d.get(key) ?? 0) + p);
}

function normalised(d: Distribution): Distribution {
  let total = 0;
  for (const p of d.values()) total += p;
  return new Map([...d].map(([k, p]) => [k, p / total]));
}

function expectClose(drawn: Distribution, exact: Distribution, tolerance: number): void {
  for (const key of drawn.keys()) expect(exact.has(key), `drawn ${key} is impossible`).toBe(true);
  for (const [key, p] of exact) {
    expect(Math.abs((drawn.get(key) ?? 0) - p), `${key}: drawn ${drawn.get(key) ?? 0} vs exact ${p}`).toBeLessThan(tolerance);
  }
}

/**
 * Draws `draws` worlds for `player` at the end of `actions` (where it is
 * `player`'s turn) and tallies per-slot cards of the deals at `handDeals`
 * (indices in the world) and the world's action at `choiceStep`.
 */
function drawWorlds(actions: string[], player: number, handDeals: number[], choiceStep: number, draws: number, seed: number): { slots: Distribution[]; choice: Distribution } {
  const history = historyOf(game, actions, player);
  const rng = new Rng(seed);
  const slots = handDeals.map(() => new Map<string, number>());
  const choice: Distribution = new Map();
  for (let i = 0; i < draws; i++) {
    const world = game.resampleHistory(history, player, rng.randomFn);
    if (i < 200) expect(replayAgainstHistory(game, world, player, history)).toBeNull();
    handDeals.forEach((d, s) => add(slots[s], cardOf(world[d]), 1 / draws));
    add(choice, world[choiceStep], 1 / draws);
  }
  return { slots, choice };
}

describe('hanabi resampleHistory posterior', () => {
  it('player 1 after player 0 revealed: hand marginals and which reveal it was, within 0.012 of the exact posterior (16,000 draws)', () => {
    // Player 0 holds the five 5s, so 20 types remain; player 1 sees only that a clue was spent.
    const p0 = ['R5', 'Y5', 'G5', 'B5', 'W5'];
    const actions = [...deal(...p0, 'R1', 'R2', 'Y2', 'G3', 'W4'), 'Reveal color 1 R'];
    const slots = [0, 1, 2, 3, 4].map(() => new Map<string, number>());
    const reveal: Distribution = new Map();
    hands(p0, () => 1, (hand, weight) => {
      const reveals = revealsOf(hand);
      // Each reveal the hand allows is one world of weight chance / (5 plays + the reveals).
      const w = weight / (5 + reveals.length);
      hand.forEach((t, s) => add(slots[s], CARDS[t], w * reveals.length));
      for (const r of reveals) add(reveal, `Reveal ${r.split(' ')[0]} 1 ${r.split(' ')[1]}`, w);
    });
    const drawn = drawWorlds(actions, 1, [5, 6, 7, 8, 9], 10, 16000, 11);
    for (let s = 0; s < 5; s++) expectClose(drawn.slots[s], normalised(slots[s]), 0.012);
    expectClose(drawn.choice, normalised(reveal), 0.012);
  });

  it('player 1 after player 0 played first: which slot it played is uniform, and the hand follows the posterior, within 0.012 (16,000 draws)', () => {
    // Player 0 plays R1 from slot 2 and draws Y3; player 1 sees Y1 G2 B3 W4 Y3 and R1 on the stack.
    const p0 = ['Y1', 'G2', 'R1', 'B3', 'W4'];
    const actions = [...deal(...p0, 'R2', 'G1', 'G1', 'B4', 'W1'), 'Play 2', 'deal:Y,3'];
    const slots = [0, 1, 2, 3, 4].map(() => new Map<string, number>());
    // Player 0's draw of Y3 comes after player 1's deals: one more factor of 1 / distinct types left.
    const drawY3 = (deck: number[]): number => (deck[CARDS.indexOf('Y3')] > 0 ? 1 / deck.filter((k) => k > 0).length : 0);
    hands([...p0], drawY3, (hand, weight) => {
      // Five plays, no discard at 8 clues, the reveals player 1's hand allows; any of the five slots.
      const w = weight / (5 + revealsOf(hand).length);
      hand.forEach((t, s) => add(slots[s], CARDS[t], w));
    });
    const drawn = drawWorlds(actions, 1, [5, 6, 7, 8, 9], 10, 16000, 12);
    for (let s = 0; s < 5; s++) expectClose(drawn.slots[s], normalised(slots[s]), 0.012);
    expectClose(drawn.choice, new Map([0, 1, 2, 3, 4].map((j) => [`Play ${j}`, 0.2])), 0.012);
  });

  it('player 0 after its own misplay: the misplayed card is that world\'s first deal in every draw', () => {
    const actions = [...deal('Y4', 'G1', 'B2', 'W1', 'R5', 'R1', 'R2', 'Y2', 'G3', 'B5'), 'Play 0', 'deal:W,4', 'Reveal rank 0 1'];
    const history = historyOf(game, actions, 0);
    const rng = new Rng(14);
    for (let i = 0; i < 100; i++) {
      const world = game.resampleHistory(history, 0, rng.randomFn);
      expect(world[0]).toBe('deal:Y,4');
      expect(world.slice(5, 10)).toEqual(actions.slice(5, 10));
      expect(replayAgainstHistory(game, world, 0, history)).toBeNull();
    }
  });

  it('support: in random histories every draw replays, and the hidden hand holds only cards the player has not seen', () => {
    for (let seed = 0; seed < 8; seed++) {
      const rng = new Rng(500 + seed);
      const actions: string[] = [];
      let state = game.getInitialState();
      const stop = 30 + rng.int(40);
      while (actions.length < stop && game.getCurrentPlayer(state) !== -4) {
        const actor = game.getCurrentPlayer(state);
        const action = actor === -1 ? sampleChance(game, state, rng.randomFn) : rng.pick(game.getLegalActions(state));
        actions.push(action);
        state = game.applyAction(state, action);
      }
      const player = seed % 2;
      const history = historyOf(game, actions, player);
      const last = history.at(-1)![0];
      const unseen = CARDS.map((_, t) => COPIES[t % 5]);
      last.fireworks.forEach((h, c) => { for (let r = 0; r < h; r++) unseen[c * 5 + r]--; });
      for (const card of [...last.discards, ...last.partnerHand]) unseen[CARDS.indexOf(card)]--;
      for (let i = 0; i < 300; i++) {
        const world = game.resampleHistory(history, player, rng.randomFn);
        expect(replayAgainstHistory(game, world, player, history)).toBeNull();
        // The world's state at its end holds, in the player's hand, only unseen cards (counted with copies).
        let end = game.getInitialState();
        for (const action of world) end = game.applyAction(end, action);
        const held = CARDS.map(() => 0);
        for (const t of end.hands[player]) held[t]++;
        held.forEach((k, t) => expect(k, CARDS[t]).toBeLessThanOrEqual(unseen[t]));
      }
    }
  });

  it('a history no play explains is refused with a "no play" error', () => {
    const actions = [...deal('R1', 'Y1', 'G1', 'B1', 'W1', 'R2', 'Y2', 'G2', 'B2', 'W2'), 'Reveal rank 1 2', 'Reveal rank 0 1'];
    const history = historyOf(game, actions, 0);
    // Five clues at player 0's first decision: no play gets there.
    const forged: typeof history = [[{ ...history[0][0], clues: 5 }, history[0][1]], ...history.slice(1)];
    expect(() => game.resampleHistory(forged, 0, new Rng(1).randomFn)).toThrow(/no play/);
  });
});
