// blackjack's resampleHistory draws from the exact posterior over hidden
// worlds. Every card but the dealer's hole card is face up and every decision
// is public, so the only hidden fact is the hole card, and only for the player
// and only until the dealer's turn. Every deal order of distinct cards has the
// same probability, so the hole card is uniform over the cards the player has
// not seen. The exact posterior is computed independently by the tree walk of
// test/helpers/posterior.ts and checked against that hand count.

import * as game from '../src/games/blackjack/game.js';
import { describeResampleHistory } from './helpers/posterior.js';

const RANKS = 'A23456789TJQK';
const SUITS = 'cdhs';
const CARDS = [...RANKS].flatMap((r) => [...SUITS].map((s) => r + s));

function deal(...cards: string[]): string[] {
  return cards.map((card) => `deal:${card}`);
}

/** One world per hole card not in `seen`, each equally likely; the hole is the action at index 3. */
function uniformHole(actions: string[], seen: string[]): Record<string, number> {
  const holes = CARDS.filter((c) => !seen.includes(c));
  const worlds: Record<string, number> = {};
  for (const hole of holes) {
    const world = actions.slice();
    world[3] = `deal:${hole}`;
    worlds[world.join(',')] = 1 / holes.length;
  }
  return worlds;
}

const EXAMPLE = [...deal('Ts', '7h', '5d', '9c'), 'H', 'deal:4h', 'S', 'H', 'deal:Kd'];

describeResampleHistory('blackjack resampleHistory posterior', game, {
  draws: 40000,
  tolerance: 0.01,
  seed: (index) => 500 + index,
  // Four 52-card deals come before any decision and no observation of the history prunes them, so the
  // tree walk is out of reach: the draws are checked against the hand-computed posteriors.
  cases: [
    {
      name: 'the player right after the deal: the hole card is any of the 49 unseen cards',
      actions: deal('Ts', '7h', '5d', '9c'), player: 0, treeWalk: false,
      exact: uniformHole(deal('Ts', '7h', '5d', '9c'), ['Ts', '7h', '5d']),
    },
    {
      name: 'the player after a hit: the hit card is ruled out too (48 worlds)',
      actions: [...deal('Ts', '7h', '5d', '9c'), 'H', 'deal:4h'], player: 0, treeWalk: false,
      exact: uniformHole([...deal('Ts', '7h', '5d', '9c'), 'H', 'deal:4h'], ['Ts', '7h', '5d', '4h']),
    },
    {
      name: 'after a hit that busts, the history ends with the hit: the bust card is not in it (49 worlds)',
      actions: [...deal('Ts', '7h', '6d', '9c'), 'H', 'deal:8s'], player: 0, treeWalk: false,
      exact: uniformHole([...deal('Ts', '7h', '6d', '9c'), 'H'], ['Ts', '7h', '6d']),
    },
    {
      name: 'after a surrender the hole card is never shown (49 worlds)',
      actions: [...deal('Ts', 'Ah', '6d', '7c'), 'R'], player: 0, treeWalk: false,
      exact: uniformHole([...deal('Ts', 'Ah', '6d', '7c'), 'R'], ['Ts', 'Ah', '6d']),
    },
    {
      name: 'the player\'s history ends with its stand: the dealer\'s reveal comes after it (48 worlds)',
      actions: EXAMPLE.slice(0, 7), player: 0, treeWalk: false,
      exact: uniformHole(EXAMPLE.slice(0, 7), ['Ts', '7h', '5d', '4h']),
    },
    {
      name: 'the dealer sees every card: a single world',
      actions: [...deal('Ts', '7h', '5d', '9c'), 'H', 'deal:4h', 'S'], player: 1, treeWalk: false,
      exact: { [[...deal('Ts', '7h', '5d', '9c'), 'H', 'deal:4h', 'S'].join(',')]: 1 },
    },
    {
      name: 'the dealer before its first decision: the empty play',
      actions: [...deal('Ts', '7h', '5d', '9c'), 'H'], player: 1,
      exact: { '': 1 },
    },
  ],
  indistinguishable: [
    {
      name: 'the player cannot tell hole cards apart before the dealer\'s turn',
      player: 0,
      plays: [[...deal('Ts', '7h', '5d', '9c'), 'H', 'deal:4h'], [...deal('Ts', '7h', '5d', 'Ac'), 'H', 'deal:4h']],
    },
  ],
  unexplained: [
    {
      name: 'a history whose upcard changes is rejected',
      player: 0, actions: [...deal('Ts', '7h', '5d', '9c'), 'H', 'deal:4h'],
      replace: {
        step: 0,
        observation: { player: 0, phase: 'play', currentPlayer: 0, hands: [['Ts', '5d']], bets: [1], active: 0, dealer: ['8h', '??'], moves: [] },
      },
    },
  ],
});
