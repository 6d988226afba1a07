import type { GameDefinition } from '../../engine/game-definition.js';
import type { Scenario } from '../../engine/scenario.js';
import { type Fields, renderFields } from '../render.js';
import * as cwm from './game.js';

const COLORS = ['R', 'Y', 'G', 'B', 'W'];
const CARD_NAMES = COLORS.flatMap((c) => [1, 2, 3, 4, 5].map((r) => `${c}${r}`));
const COPIES = [3, 2, 2, 2, 1];

/** What the hints say about one card: "R?" for a known color, "?5" for a known rank, "??" otherwise, plus what is still possible. */
function hintText(colors: string, ranks: string): string {
  const known = `${colors.length === 1 ? colors : '?'}${ranks.length === 1 ? ranks : '?'}`;
  if (colors.length === 5 && ranks.length === 5) return known;
  return `${known}[${colors}/${ranks}]`;
}

function handWithHints(cards: string[] | null, colors: string[], ranks: string[]): string {
  const slots = colors.map((c, i) => {
    const hints = hintText(c, ranks[i]);
    return cards === null ? `${i}:${hints}` : `${i}:${cards[i]} (${hints})`;
  });
  return slots.length > 0 ? slots.join('  ') : '(empty)';
}

function fireworksText(fireworks: number[]): string {
  return fireworks.map((h, c) => `${COLORS[c]}${h}`).join(' ');
}

function status(currentPlayer: number, score: number, lastMover: number, lastMove: string | null, lastCard: string | null): string {
  const last = lastMove === null ? '' : ` (last: player ${lastMover} ${lastMove}${lastCard !== null ? ` = ${lastCard}` : ''})`;
  if (currentPlayer === -1) return `dealing a card${last}`;
  if (currentPlayer === -4) return `game over: score ${score}${last}`;
  return `player ${currentPlayer} to act${last}`;
}

function scoreOf(fireworks: number[], lives: number): number {
  return lives <= 0 ? 0 : fireworks.reduce((s, h) => s + h, 0);
}

function renderState(state: cwm.State): string {
  const fields: Fields = [];
  for (let p = 0; p < 2; p++) {
    fields.push([`Player ${p} hand`, handWithHints(state.hands[p].map((t) => CARD_NAMES[t]), state.colorHints[p], state.rankHints[p])]);
  }
  fields.push(
    ['Fireworks', fireworksText(state.fireworks)],
    ['Info / fuses', `${state.infoTokens} / ${state.lifeTokens}`],
    ['Deck', `${state.deckSize} card(s)${state.finalTurns > 0 ? `, ${state.finalTurns} final turn(s) left` : ''}`],
    ['Discards', state.discards.length > 0 ? state.discards.join(' ') : '(none)'],
    ['Status', status(state.currentPlayer, scoreOf(state.fireworks, state.lifeTokens), state.lastMover, state.lastMove, state.lastCard)],
  );
  return renderFields(fields);
}

function renderObservation(obs: cwm.Observation, player: number): string {
  const partner = 1 - player;
  const fields: Fields = [
    ['You are', `player ${player}`],
    ['Your hand', handWithHints(null, obs.colorHints[player], obs.rankHints[player])],
    [`Player ${partner} hand`, handWithHints(obs.partnerHand, obs.colorHints[partner], obs.rankHints[partner])],
    ['Fireworks', fireworksText(obs.fireworks)],
    ['Info / fuses', `${obs.infoTokens} / ${obs.lifeTokens}`],
    ['Deck', `${obs.deckSize} card(s)${obs.finalTurns > 0 ? `, ${obs.finalTurns} final turn(s) left` : ''}`],
    ['Discards', obs.discards.length > 0 ? obs.discards.join(' ') : '(none)'],
    ['Status', status(obs.currentPlayer, obs.score, obs.lastMover, obs.lastMove, obs.lastCard)],
  ];
  return renderFields(fields);
}

// ---------------------------------------------------------------------------
// Scenario builders (plain action lists).

const deal = (...cards: string[]): string[] => cards.map((c) => `deal:${c}`);
const ALL_DEALS = deal(...CARD_NAMES);

/** The standard opening deal: player 0 holds R1 Y1 G1 B1 W1, player 1 holds R2 Y2 G2 B2 W2. */
const OPENING = deal('R1', 'Y1', 'G1', 'B1', 'W1', 'R2', 'Y2', 'G2', 'B2', 'W2');

/** Every physical card once, types in order, without `held`. */
function deckWithout(held: string[]): string[] {
  const cards: string[] = [];
  const left = held.slice();
  CARD_NAMES.forEach((name, t) => {
    for (let k = 0; k < COPIES[t % 5]; k++) {
      const i = left.indexOf(name);
      if (i >= 0) left.splice(i, 1);
      else cards.push(name);
    }
  });
  return cards;
}

/**
 * Player 0 holds R1 Y1 G1 B1 W1 and only gives hints; player 1 discards slot
 * 0 every turn until all 40 remaining cards are drawn (player 1 draws the
 * last one). Then player 0 plays R1 (score 1) and player 1 gives a hint: the
 * last round of one turn each.
 */
function exhaustion(): { upToLastDeal: string[]; lastDeal: string; all: string[] } {
  const p0 = ['R1', 'Y1', 'G1', 'B1', 'W1'];
  const rest = deckWithout(p0);
  const hand = rest.slice(0, 5);
  const draws = rest.slice(5);
  const actions = deal(...p0, ...hand);
  let upToLastDeal: string[] = [];
  for (let i = 0; i < draws.length; i++) {
    actions.push(`Reveal rank 1 ${hand[0].charAt(1)}`, 'Discard 0');
    if (i === draws.length - 1) upToLastDeal = actions.slice();
    actions.push(`deal:${draws[i]}`);
    hand.shift();
    hand.push(draws[i]);
  }
  return { upToLastDeal, lastDeal: `deal:${draws[draws.length - 1]}`, all: [...actions, 'Play 0', 'Reveal color 0 Yellow'] };
}

/**
 * All 25 cards played in the order R1 Y1 G1 B1 W1 R2 ... W5, the players
 * alternating and always playing slot 0: card k of that order is played on
 * turn k, so it is dealt ten turns earlier (or in the opening deal); draws
 * after the last needed one are spare copies.
 */
function perfectGame(): string[] {
  const order: string[] = [];
  for (let r = 1; r <= 5; r++) for (const c of COLORS) order.push(`${c}${r}`);
  const spares = deckWithout(order);
  const actions = deal(order[0], order[2], order[4], order[6], order[8], order[1], order[3], order[5], order[7], order[9]);
  for (let k = 0; k < 25; k++) {
    actions.push('Play 0');
    if (k < 24) actions.push(`deal:${k + 10 < 25 ? order[k + 10] : spares[k + 10 - 25]}`);
  }
  return actions;
}

const EXHAUSTION = exhaustion();

const scenarios: Scenario[] = [
  {
    name: 'the game starts by dealing from the full deck: 25 card types',
    actions: [],
    expect: { terminal: false, currentPlayer: -1, legalActions: ALL_DEALS, rewards: [0, 0] },
  },
  {
    name: 'after the deal player 0 acts: no discard at 8 tokens, hints only about cards player 1 holds',
    actions: OPENING,
    expect: {
      currentPlayer: 0,
      legalActions: [
        'Play 0', 'Play 1', 'Play 2', 'Play 3', 'Play 4',
        'Reveal color 1 Red', 'Reveal color 1 Yellow', 'Reveal color 1 Green', 'Reveal color 1 Blue', 'Reveal color 1 White',
        'Reveal rank 1 2',
      ],
      illegalActions: ['Discard 0', 'Reveal rank 1 1', 'Reveal color 0 Red', 'Reveal rank 0 1'],
    },
  },
  {
    name: 'a hint spends a token, after which discarding is allowed',
    actions: [...OPENING, 'Reveal rank 1 2'],
    expect: {
      currentPlayer: 1,
      legalActions: [
        'Play 0', 'Play 1', 'Play 2', 'Play 3', 'Play 4',
        'Discard 0', 'Discard 1', 'Discard 2', 'Discard 3', 'Discard 4',
        'Reveal color 0 Red', 'Reveal color 0 Yellow', 'Reveal color 0 Green', 'Reveal color 0 Blue', 'Reveal color 0 White',
        'Reveal rank 0 1',
      ],
    },
  },
  {
    name: 'a hint must point at a card: no color hint for a color the partner does not hold',
    actions: deal('R1', 'R2', 'R3', 'R4', 'R5', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5'),
    expect: {
      currentPlayer: 0,
      illegalActions: ['Reveal color 1 Red', 'Reveal color 1 Green', 'Reveal color 1 White'],
    },
  },
  {
    name: 'with all 8 tokens spent no hint can be given',
    actions: [
      ...OPENING,
      'Reveal rank 1 2', 'Reveal rank 0 1', 'Reveal color 1 Red', 'Reveal color 0 Red',
      'Reveal color 1 Yellow', 'Reveal color 0 Yellow', 'Reveal color 1 Green', 'Reveal color 0 Green',
    ],
    expect: {
      currentPlayer: 0,
      legalActions: ['Play 0', 'Play 1', 'Play 2', 'Play 3', 'Play 4', 'Discard 0', 'Discard 1', 'Discard 2', 'Discard 3', 'Discard 4'],
    },
  },
  {
    name: 'a played card is replaced from the deck before the partner acts',
    actions: [...OPENING, 'Play 0'],
    expect: { terminal: false, currentPlayer: -1, rewards: [0, 0] },
  },
  {
    name: 'the third misplay ends the game with score 0 even with a card on the stacks',
    actions: [...OPENING, 'Play 0', 'deal:R3', 'Play 1', 'deal:Y3', 'Play 4', 'deal:R4', 'Play 1'],
    expect: { terminal: true, currentPlayer: -4, rewards: [0, 0], legalActions: [] },
  },
  {
    name: 'completing a stack with its 5 returns a token (7 -> 8, so no discard next turn)',
    actions: [
      ...deal('R1', 'R2', 'R3', 'R4', 'R5', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5'),
      'Reveal color 1 Yellow',
      'Play 0', 'deal:G1', 'Play 0', 'deal:G2', 'Play 0', 'deal:G3', 'Play 0', 'deal:B1', 'Play 0', 'deal:B2',
      'Play 0', 'deal:B3', 'Play 0', 'deal:W1', 'Play 0', 'deal:W2', 'Play 0', 'deal:W3',
    ],
    expect: {
      currentPlayer: 0,
      legalActions: [
        'Play 0', 'Play 1', 'Play 2', 'Play 3', 'Play 4',
        'Reveal color 1 Green', 'Reveal color 1 Blue', 'Reveal color 1 White',
        'Reveal rank 1 1', 'Reveal rank 1 2', 'Reveal rank 1 3',
      ],
    },
  },
  {
    name: 'the last card of the deck is the only deal left',
    actions: EXHAUSTION.upToLastDeal,
    expect: { currentPlayer: -1, legalActions: [EXHAUSTION.lastDeal] },
  },
  {
    name: 'after the deck runs out each player has one more turn (player 0 plays R1 first)',
    actions: EXHAUSTION.all.slice(0, -1),
    expect: { terminal: false, currentPlayer: 1, rewards: [0, 0], illegalActions: ['Discard 0'] },
  },
  {
    name: 'the final round ends the game; both score the stacks',
    actions: EXHAUSTION.all,
    expect: { terminal: true, currentPlayer: -4, rewards: [1, 1], legalActions: [] },
  },
  {
    name: 'all five stacks complete: the game ends at once with 25 for both',
    actions: perfectGame(),
    expect: { terminal: true, currentPlayer: -4, rewards: [25, 25], legalActions: [] },
  },
];

export const hanabi: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'hanabi', title: 'Hanabi (two players)', players: 2, information: 'imperfect', chance: true,
    utility: 'identical', maxGameLength: 142, rewardRange: [0, 25], split: 'train',
  },
  cwm,
  renderState,
  renderObservation,
  scenarios,
};
