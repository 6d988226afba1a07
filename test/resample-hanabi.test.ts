// hanabi's resampleHistory. A player sees everything but their own cards, so
// the hidden world is the cards still in the player's hand (every other deal
// is seen: the partner's cards in the partner's hand, the player's own cards
// once played or discarded). The game tree is far too big for the generic
// tree walk of test/helpers/posterior.ts (each hidden own deal has up to 25
// outcomes), so the exact posterior is computed here independently by
// enumerating every assignment of card types to the hidden slots that the
// hints allow and weighting it by its chance probability. Cards are dealt one
// at a time uniformly from the undealt cards, so a play's chance probability
// is a product of (copies of the dealt type left) / (cards left); the
// denominators and the seen deals are the same in every world of one history,
// so a world's weight is the product over types of k * (k - 1) * ... *
// (k - h + 1), with k the copies of that type the player has not seen and h
// how many hidden slots hold it.

import { describe, expect, it } from 'vitest';
import * as game from '../src/games/hanabi/game.js';
import { Rng } from '../src/engine/rng.js';
import { replayAgainstHistory } from '../src/verifier/information.js';
import { sampleChance } from '../src/engine/chance.js';
import { historyOf } from './helpers/posterior.js';

const COLORS = ['R', 'Y', 'G', 'B', 'W'];
const CARDS = COLORS.flatMap((c) => ['1', '2', '3', '4', '5'].map((r) => c + r));
const COPIES = [3, 2, 2, 2, 1];
const deal = (...cards: string[]): string[] => cards.map((c) => `deal:${c}`);

/** The cards in the player's hand in a resampled play: the deals at `slots`. */
function handOf(actions: string[], slots: number[]): string[] {
  return slots.map((i) => actions[i].slice('deal:'.length));
}

/** Unseen copies of every type given the player's last observation. */
function unseenCopies(obs: game.Observation): number[] {
  const left = CARDS.map((_, t) => COPIES[t % 5]);
  obs.fireworks.forEach((h, c) => { for (let r = 0; r < h; r++) left[c * 5 + r]--; });
  for (const card of [...obs.discards, ...obs.partnerHand]) left[CARDS.indexOf(card)]--;
  return left;
}

/**
 * The exact posterior over the player's hidden hand (types joined by " "),
 * by enumerating every type assignment the hints allow.
 */
function exactHands(obs: game.Observation, player: number): Map<string, number> {
  const left = unseenCopies(obs);
  const allowed = obs.colorHints[player].map((colors, s) =>
    CARDS.map((_, t) => t).filter((t) => colors.includes(COLORS[Math.floor(t / 5)]) && obs.rankHints[player][s].includes(String((t % 5) + 1))));
  const weights = new Map<string, number>();
  let total = 0;
  const used = CARDS.map(() => 0);
  const hand: number[] = [];
  const walk = (s: number, weight: number): void => {
    if (s === allowed.length) {
      weights.set(hand.map((t) => CARDS[t]).join(' '), weight);
      total += weight;
      return;
    }
    for (const t of allowed[s]) {
      const k = left[t] - used[t];
      if (k <= 0) continue;
      used[t]++;
      hand.push(t);
      walk(s + 1, weight * k);
      hand.pop();
      used[t]--;
    }
  };
  walk(0, 1);
  for (const [key, w] of weights) weights.set(key, w / total);
  return weights;
}

/** Per-slot marginals of a posterior over hands. */
function marginals(posterior: Map<string, number>, slots: number): Array<Map<string, number>> {
  const out = Array.from({ length: slots }, () => new Map<string, number>());
  for (const [key, p] of posterior) {
    key.split(' ').forEach((card, s) => out[s].set(card, (out[s].get(card) ?? 0) + p));
  }
  return out;
}

/** Draws `draws` hands with resampleHistory, checking that every draw replays to the history. */
function drawHands(actions: string[], player: number, draws: number, seed: number): Map<string, number> {
  const history = historyOf(game, actions, player);
  const slots = ownSlots(actions, player);
  const rng = new Rng(seed);
  const counts = new Map<string, number>();
  for (let i = 0; i < draws; i++) {
    const world = game.resampleHistory(history, player, rng.randomFn);
    if (i < 200) expect(replayAgainstHistory(game, world, player, history)).toBeNull();
    const key = handOf(world, slots).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [key, c] of counts) counts.set(key, c / draws);
  return counts;
}

/** Indices of the deals that are still in `player`'s hand at the end of `actions`, slot 0 first. */
function ownSlots(actions: string[], player: number): number[] {
  let state = game.getInitialState();
  let slots: number[] = [];
  actions.forEach((action, i) => {
    const actor = game.getCurrentPlayer(state);
    if (actor === -1 && (state.hands[0].length < 5 ? 0 : 1) === player) slots.push(i);
    if (actor === player && /^(Play|Discard) /.test(action)) {
      const slot = Number(action.split(' ')[1]);
      slots = slots.filter((_, k) => k !== slot);
    }
    state = game.applyAction(state, action);
  });
  return slots;
}

/** The index in `actions` of `player`'s last own action. */
function lastOwnStep(actions: string[], player: number): number {
  let state = game.getInitialState();
  let last = -1;
  actions.forEach((action, i) => {
    if (game.getCurrentPlayer(state) === player) last = i;
    state = game.applyAction(state, action);
  });
  return last;
}

function expectClose(actual: Map<string, number>, exact: Map<string, number>, tolerance: number): void {
  for (const key of actual.keys()) expect(exact.has(key), `drawn ${key} is impossible`).toBe(true);
  for (const [key, p] of exact) {
    expect(Math.abs((actual.get(key) ?? 0) - p), `${key}: drawn ${actual.get(key) ?? 0} vs exact ${p}`).toBeLessThan(tolerance);
  }
}

describe('hanabi resampleHistory posterior', () => {
  it('player 1 told that all five cards are 5s: each order of the five unseen 5s has probability 1/120 (24,000 draws, within 0.004)', () => {
    const actions = [...deal('R1', 'Y1', 'G1', 'B1', 'W1', 'R5', 'Y5', 'G5', 'B5', 'W5'), 'Reveal rank 1 5', 'Reveal rank 0 1'];
    const last = historyOf(game, actions, 1).at(-1)![0];
    const exact = exactHands(last, 1);
    expect(exact.size).toBe(120);
    for (const p of exact.values()) expect(p).toBeCloseTo(1 / 120, 12);
    const drawn = drawHands(actions, 1, 24000, 11);
    expect(drawn.size).toBe(120);
    expectClose(drawn, exact, 0.004);
  });

  it('player 1 after a color hint on one card and a partner play: per-slot marginals within 0.01 of the exact posterior (20,000 draws)', () => {
    // Slot 0 is known red, slots 1-4 known not red; player 0 played R1 and drew R4 (both seen by player 1).
    const actions = [...deal('R1', 'R2', 'Y1', 'G1', 'B1', 'R3', 'Y3', 'W1', 'W2', 'G4'), 'Reveal color 1 Red', 'Reveal rank 0 1', 'Play 0', 'deal:R4'];
    const last = historyOf(game, actions, 1).at(-1)![0];
    expect(last.colorHints[1]).toEqual(['R', 'YGBW', 'YGBW', 'YGBW', 'YGBW']);
    const exact = exactHands(last, 1);
    const exactMarginals = marginals(exact, 5);
    // Slot 0: unseen reds are R1 x2 (one on the stack), R2 x1 (one in player 0's hand), R3 x2, R4 x1, R5 x1.
    const reds = exactMarginals[0];
    expect([...reds.keys()].sort()).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
    const drawn = drawHands(actions, 1, 20000, 12);
    const drawnMarginals = marginals(drawn, 5);
    for (let s = 0; s < 5; s++) expectClose(drawnMarginals[s], exactMarginals[s], 0.01);
  });

  it('player 0 after its own misplay reveals that card: the rest of the hand follows the posterior (20,000 draws, marginals within 0.01)', () => {
    // Player 0 is told which cards are 1s (slots 1 and 3), then misplays slot 0 (shown to be Y4), draws an unseen card.
    const actions = [...deal('Y4', 'G1', 'B2', 'W1', 'R5', 'R1', 'R2', 'Y2', 'G3', 'B5'), 'Reveal rank 1 1', 'Reveal rank 0 1', 'Play 0', 'deal:W4', 'Discard 4', 'deal:Y1'];
    const history = historyOf(game, actions, 0);
    const last = history.at(-1)![0];
    expect(last.rankHints[0]).toEqual(['1', '2345', '1', '2345', '12345']);
    const exact = exactHands(last, 0);
    const drawn = drawHands(actions, 0, 20000, 13);
    const exactMarginals = marginals(exact, 5);
    const drawnMarginals = marginals(drawn, 5);
    for (let s = 0; s < 5; s++) expectClose(drawnMarginals[s], exactMarginals[s], 0.01);
    // The misplayed Y4 is fixed in every world.
    const rng = new Rng(14);
    for (let i = 0; i < 100; i++) expect(game.resampleHistory(history, 0, rng.randomFn)[0]).toBe('deal:Y4');
  });

  it('support: in random mid-game histories every hidden card the hints allow is drawn in its slot, and nothing else', () => {
    for (let seed = 0; seed < 6; seed++) {
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
      const left = unseenCopies(last);
      // The hidden hand is the one at the history's last observation: the end of the play if it is the
      // player's turn there (a trailing [observation, null] entry), else just before its last own action.
      const slots = ownSlots(history.at(-1)![1] === null ? actions : actions.slice(0, lastOwnStep(actions, player)), player);
      const possible = last.colorHints[player].map((colors, s) => new Set(CARDS.filter((card, t) =>
        left[t] > 0 && colors.includes(card[0]) && last.rankHints[player][s].includes(card[1]))));
      const seen = slots.map(() => new Set<string>());
      for (let i = 0; i < 5000; i++) {
        const world = game.resampleHistory(history, player, rng.randomFn);
        if (i < 50) expect(replayAgainstHistory(game, world, player, history)).toBeNull();
        handOf(world, slots).forEach((card, s) => {
          expect(possible[s].has(card), `slot ${s}: ${card}`).toBe(true);
          seen[s].add(card);
        });
      }
      seen.forEach((cards, s) => expect([...cards].sort()).toEqual([...possible[s]].sort()));
    }
  });
});
