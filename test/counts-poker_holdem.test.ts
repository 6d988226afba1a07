// poker_holdem's hand evaluator (handStrength) against known counts and an
// independent evaluator written only here. The reference below is simple and
// slow on purpose: it ranks a five-card hand by grouping ranks (count, then
// rank) and takes the best of the 21 five-card subsets of seven cards; the
// game's evaluator works on the seven cards directly.

import { describe, expect, it } from 'vitest';
import { handCategory, handStrength } from '../src/games/poker_holdem/game.js';
import { Rng } from '../src/engine/rng.js';

const RANKS = '23456789TJQKA';
const SUITS = 'cdhs';
/** Card c (0..51) is rank Math.floor(c / 4), suit c % 4. */
const CARD_NAMES: string[] = [];
for (let c = 0; c < 52; c++) CARD_NAMES.push(RANKS[Math.floor(c / 4)] + SUITS[c % 4]);

const CATEGORY_NAMES = ['high card', 'one pair', 'two pair', 'three of a kind', 'straight', 'flush', 'full house', 'four of a kind', 'straight flush'];

// --- The independent reference evaluator -----------------------------------

/** [category, tie-breaking ranks...] of exactly five cards; compare lexicographically. */
function referenceFive(cards: number[]): number[] {
  const ranks = cards.map((c) => Math.floor(c / 4));
  const suits = cards.map((c) => c % 4);
  const flush = suits.every((s) => s === suits[0]);
  const byCount = new Map<number, number>();
  for (const r of ranks) byCount.set(r, (byCount.get(r) ?? 0) + 1);
  // Groups sorted by size, then rank, both descending: e.g. full house [trips rank, pair rank].
  const groups = [...byCount.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
  const order = groups.map(([rank]) => rank);
  const distinct = [...byCount.keys()].sort((a, b) => b - a);
  let straightHigh = -1;
  if (distinct.length === 5) {
    if (distinct[0] - distinct[4] === 4) straightHigh = distinct[0];
    else if (distinct.join(',') === '12,3,2,1,0') straightHigh = 3; // A-2-3-4-5: the five is high
  }
  const shape = groups.map(([, n]) => n).join('');
  if (straightHigh >= 0 && flush) return [8, straightHigh];
  if (shape === '41') return [7, ...order];
  if (shape === '32') return [6, ...order];
  if (flush) return [5, ...distinct];
  if (straightHigh >= 0) return [4, straightHigh];
  if (shape === '311') return [3, ...order];
  if (shape === '221') return [2, ...order];
  if (shape === '2111') return [1, ...order];
  return [0, ...order];
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** The best five-card key among all five-card subsets. */
function referenceBest(cards: number[]): number[] {
  let best: number[] | null = null;
  const n = cards.length;
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) for (let c = b + 1; c < n; c++) {
    for (let d = c + 1; d < n; d++) for (let e = d + 1; e < n; e++) {
      const key = referenceFive([cards[a], cards[b], cards[c], cards[d], cards[e]]);
      if (best === null || compareKeys(key, best) > 0) best = key;
    }
  }
  return best!;
}

// ---------------------------------------------------------------------------

function names(cards: number[]): string[] {
  return cards.map((c) => CARD_NAMES[c]);
}

/** `count` distinct cards drawn uniformly from the deck. */
function drawCards(rng: Rng, count: number): number[] {
  const deck = Array.from({ length: 52 }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + rng.int(52 - i);
    [deck[i], deck[j]] = [deck[j], deck[i]];
  }
  return deck.slice(0, count);
}

function strength(cards: string): number {
  return handStrength(cards.split(' '));
}

describe('poker_holdem hand evaluator', () => {
  it('orders 20,000 pairs of seeded random seven-card hands exactly as the independent evaluator', () => {
    const rng = new Rng(2024);
    const hands = Array.from({ length: 20001 }, () => drawCards(rng, 7));
    const ours = hands.map((h) => handStrength(names(h)));
    const theirs = hands.map(referenceBest);
    const categories = new Array(9).fill(0);
    for (let i = 0; i < hands.length; i++) {
      expect(handCategory(ours[i]), names(hands[i]).join(' ')).toBe(theirs[i][0]);
      categories[theirs[i][0]] += 1;
    }
    for (let i = 0; i + 1 < hands.length; i++) {
      const expected = compareKeys(theirs[i], theirs[i + 1]);
      const got = Math.sign(ours[i] - ours[i + 1]);
      if (got !== expected) {
        expect.fail(`${names(hands[i]).join(' ')} vs ${names(hands[i + 1]).join(' ')}: evaluator says ${got}, reference ${expected}`);
      }
    }
    // Every category shows up among 20,000 seven-card hands except, possibly, straight flushes (p ~ 0.0003 each).
    for (let c = 0; c < 8; c++) expect(categories[c], CATEGORY_NAMES[c]).toBeGreaterThan(0);
  });

  it('agrees with the independent evaluator on 20,000 seeded heads-up showdowns sharing a board (ties and kickers)', () => {
    const rng = new Rng(7);
    let ties = 0;
    let kickerDecided = 0;
    for (let i = 0; i < 20000; i++) {
      const cards = drawCards(rng, 9);
      const board = cards.slice(4);
      const hand0 = [cards[0], cards[1], ...board];
      const hand1 = [cards[2], cards[3], ...board];
      const key0 = referenceBest(hand0);
      const key1 = referenceBest(hand1);
      const expected = compareKeys(key0, key1);
      const got = Math.sign(handStrength(names(hand0)) - handStrength(names(hand1)));
      if (got !== expected) {
        expect.fail(`${names(hand0).join(' ')} vs ${names(hand1).join(' ')}: evaluator says ${got}, reference ${expected}`);
      }
      if (expected === 0) ties += 1;
      else if (key0[0] === key1[0] && key0[1] === key1[1]) kickerDecided += 1;
    }
    // Both split pots and hands decided below the first rank occur often enough to be exercised.
    expect(ties).toBeGreaterThan(100);
    expect(kickerDecided).toBeGreaterThan(100);
  });

  it('counts the nine categories over all C(52,5) = 2,598,960 five-card hands', () => {
    const expected = [1302540, 1098240, 123552, 54912, 10200, 5108, 3744, 624, 40];
    const counts = new Array(9).fill(0);
    const hand = ['', '', '', '', ''];
    for (let a = 0; a < 52; a++) {
      hand[0] = CARD_NAMES[a];
      for (let b = a + 1; b < 52; b++) {
        hand[1] = CARD_NAMES[b];
        for (let c = b + 1; c < 52; c++) {
          hand[2] = CARD_NAMES[c];
          for (let d = c + 1; d < 52; d++) {
            hand[3] = CARD_NAMES[d];
            for (let e = d + 1; e < 52; e++) {
              hand[4] = CARD_NAMES[e];
              counts[handCategory(handStrength(hand))] += 1;
            }
          }
        }
      }
    }
    expect(counts.reduce((s, n) => s + n, 0)).toBe(2598960);
    expect(Object.fromEntries(counts.map((n, c) => [CATEGORY_NAMES[c], n]))).toEqual(
      Object.fromEntries(expected.map((n, c) => [CATEGORY_NAMES[c], n])),
    );
  }, 60000);

  it('ranks hand-picked edge cases as the rules say', () => {
    // The wheel is a straight, the lowest one; no wrap-around straight.
    expect(handCategory(strength('Ah 2c 3d 4s 5h 9c Kd'))).toBe(4);
    expect(strength('Ah 2c 3d 4s 5h 9c Kd')).toBeLessThan(strength('2c 3d 4s 5h 6c 9c Kd'));
    expect(handCategory(strength('Qh Kc Ad 2s 3h 8c 9d'))).toBe(0);
    // The steel wheel is the lowest straight flush; a royal flush the best.
    expect(handCategory(strength('Ah 2h 3h 4h 5h Kd Kc'))).toBe(8);
    expect(strength('Ah 2h 3h 4h 5h Kd Kc')).toBeLessThan(strength('2h 3h 4h 5h 6h Kd Kc'));
    expect(strength('Ts Js Qs Ks As 2d 3c')).toBeGreaterThan(strength('9s Ts Js Qs Ks 2d 3c'));
    // A straight flush beats four of a kind even when a higher plain straight is there too.
    expect(handCategory(strength('5h 6h 7h 8h 9h Th Tc'))).toBe(8);
    // Two sets of trips make a full house, the higher set as the trips.
    expect(strength('Kh Kc Kd 7s 7h 7c 2d')).toBe(strength('Kh Kc Kd 7s 7h 3c 2d'));
    expect(strength('Kh Kc Kd 7s 7h 7c 2d')).toBeGreaterThan(strength('Qh Qc Qd As Ah 7c 2d'));
    // Three pairs: the best two pairs play, and the third pair's rank can be the kicker.
    expect(strength('Kh Kc 9d 9s 5h 5c 2d')).toBe(strength('Kh Kc 9d 9s 5h 4c 2d'));
    expect(strength('Kh Kc 9d 9s Qh Qc 2d')).toBeGreaterThan(strength('Kh Kc Qd Qs 8h 3c 2d'));
    expect(strength('Kh Kc 9d 9s Qh Qc 2d')).toBeLessThan(strength('Kh Kc Qd Qs Jh 3c 2d'));
    // Four of a kind: only the best single kicker counts.
    expect(strength('9h 9c 9d 9s Ah Ac 2d')).toBe(strength('9h 9c 9d 9s Ah 3c 2d'));
    expect(strength('9h 9c 9d 9s Ah Ac 2d')).toBeGreaterThan(strength('9h 9c 9d 9s Kh Kc Kd'));
    // A flush of six suited cards plays its top five; the sixth does not matter.
    expect(strength('Ah Kh 9h 7h 5h 2h 3c')).toBe(strength('Ah Kh 9h 7h 5h 3h 2c'));
    expect(strength('Ah Kh 9h 7h 5h 2h 3c')).toBeGreaterThan(strength('Ah Kh 9h 7h 4h 3h 2c'));
    // Kickers beyond five cards never count: one pair with the same top three kickers ties.
    expect(strength('Ah Ac Kd Qs Jh 3c 2d')).toBe(strength('Ah Ac Kd Qs Jh 4c 2d'));
  });
});
