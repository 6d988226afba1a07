import type { GameDefinition } from '../../engine/game-definition.js';
import type { Scenario } from '../../engine/scenario.js';
import { type Fields, renderFields } from '../render.js';
import * as cwm from './game.js';

const COLORS = ['R', 'Y', 'G', 'B', 'W'];
const CARD_NAMES = COLORS.flatMap((c) => [1, 2, 3, 4, 5].map((r) => `${c}${r}`));
const COPIES = [3, 2, 2, 2, 1];

function handText(cards: string[] | null, size: number): string {
  if (size === 0) return '(empty)';
  const slots: string[] = [];
  for (let i = 0; i < size; i++) slots.push(`${i}:${cards === null ? '??' : cards[i]}`);
  return slots.join('  ');
}

function fireworksText(fireworks: number[]): string {
  return fireworks.map((h, c) => `${COLORS[c]}${h}`).join(' ');
}

function status(currentPlayer: number, score: number): string {
  if (currentPlayer === -1) return 'dealing a card';
  if (currentPlayer === -4) return `game over: score ${score}`;
  return `player ${currentPlayer} to act (score so far ${score})`;
}

function scoreOf(fireworks: number[], lives: number): number {
  return lives < 0 ? 0 : fireworks.reduce((s, h) => s + h, 0);
}

function renderState(state: cwm.State): string {
  const fields: Fields = [];
  for (let p = 0; p < 2; p++) {
    fields.push([`Player ${p} hand`, handText(state.hands[p].map((t) => CARD_NAMES[t]), state.hands[p].length)]);
  }
  fields.push(
    ['Fireworks', fireworksText(state.fireworks)],
    ['Clues / lives', `${state.clues} / ${state.lives}`],
    ['Deck', `${state.deckSize} card(s)${state.finalRound ? `, final round (${state.finalRoundTurns} of 2 turns)` : ''}`],
    ['Discards', state.discards.length > 0 ? state.discards.join(' ') : '(none)'],
    ['Status', status(state.currentPlayer, scoreOf(state.fireworks, state.lives))],
  );
  return renderFields(fields);
}

function renderObservation(obs: cwm.Observation, player: number): string {
  const fields: Fields = [
    ['You are', `player ${player}`],
    ['Your hand', handText(null, obs.ownHandSize)],
    [`Player ${1 - player} hand`, handText(obs.partnerHand, obs.partnerHand.length)],
    ['Fireworks', fireworksText(obs.fireworks)],
    ['Clues / lives', `${obs.clues} / ${obs.lives}`],
    ['Deck', `${obs.deckSize} card(s)`],
    ['Discards', obs.discards.length > 0 ? obs.discards.join(' ') : '(none)'],
    ['Status', status(obs.currentPlayer, scoreOf(obs.fireworks, obs.lives))],
  ];
  return renderFields(fields);
}

// ---------------------------------------------------------------------------
// Scenario builders (plain action lists).

/** Deal actions in the paper's spelling: deal('R1') is "deal:R,1". */
const deal = (...cards: string[]): string[] => cards.map((c) => `deal:${c.charAt(0)},${c.charAt(1)}`);
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
 * Player 0 holds R1 Y1 G1 B1 W1 and only reveals; player 1 discards slot 0
 * every turn until all 40 remaining cards are drawn (player 1 draws the last
 * one). With the deck empty, player 0 reveals once more (that does not start
 * the final round), player 1 discards (that does), and player 0 plays R1: the
 * second turn of the final round, which ends the game with score 1.
 */
function exhaustion(): { upToLastDeal: string[]; lastDeal: string; deckEmpty: string[]; reveal: string; all: string[] } {
  const p0 = ['R1', 'Y1', 'G1', 'B1', 'W1'];
  const rest = deckWithout(p0);
  const hand = rest.slice(0, 5);
  const draws = rest.slice(5);
  const actions = deal(...p0, ...hand);
  let upToLastDeal: string[] = [];
  for (let i = 0; i < draws.length; i++) {
    actions.push(`Reveal rank 1 ${hand[0].charAt(1)}`, 'Discard 0');
    if (i === draws.length - 1) upToLastDeal = actions.slice();
    actions.push(...deal(draws[i]));
    hand.shift();
    hand.push(draws[i]);
  }
  const deckEmpty = actions.slice();
  const reveal = `Reveal rank 1 ${hand[0].charAt(1)}`;
  return {
    upToLastDeal,
    lastDeal: deal(draws[draws.length - 1])[0],
    deckEmpty,
    reveal,
    all: [...actions, reveal, 'Discard 0', 'Play 0'],
  };
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
    if (k < 24) actions.push(...deal(k + 10 < 25 ? order[k + 10] : spares[k + 10 - 25]));
  }
  return actions;
}

const EXHAUSTION = exhaustion();
/** Player 0 misplays R3, Y3, R4 and Y4 onto empty stacks while player 1 plays R1 and reveals. */
const MISPLAYS = [
  ...deal('R3', 'Y3', 'R4', 'Y4', 'B3', 'R1', 'B2', 'G2', 'W2', 'B1'),
  'Play 0', 'deal:W,3', 'Play 0', 'deal:G,4', 'Play 0', 'deal:W,4', 'Reveal color 0 Y', 'Play 0', 'deal:G,3',
  'Reveal color 0 B', 'Play 0',
];

const scenarios: Scenario[] = [
  {
    name: 'the game starts by dealing: each of the 25 card types is one outcome',
    actions: [],
    expect: { terminal: false, currentPlayer: -1, legalActions: ALL_DEALS, rewards: [0, 0] },
  },
  {
    name: 'after the deal player 0 acts: no discard at 8 clues, reveals only of what player 1 holds',
    actions: OPENING,
    expect: {
      currentPlayer: 0,
      legalActions: [
        'Play 0', 'Play 1', 'Play 2', 'Play 3', 'Play 4',
        'Reveal color 1 R', 'Reveal color 1 Y', 'Reveal color 1 G', 'Reveal color 1 B', 'Reveal color 1 W',
        'Reveal rank 1 2',
      ],
      illegalActions: ['Discard 0', 'Reveal rank 1 1', 'Reveal color 0 R', 'Reveal rank 0 1', 'Reveal color 1 Red'],
    },
  },
  {
    name: 'a reveal spends a clue, after which discarding is allowed',
    actions: [...OPENING, 'Reveal rank 1 2'],
    expect: {
      currentPlayer: 1,
      legalActions: [
        'Play 0', 'Play 1', 'Play 2', 'Play 3', 'Play 4',
        'Discard 0', 'Discard 1', 'Discard 2', 'Discard 3', 'Discard 4',
        'Reveal color 0 R', 'Reveal color 0 Y', 'Reveal color 0 G', 'Reveal color 0 B', 'Reveal color 0 W',
        'Reveal rank 0 1',
      ],
    },
  },
  {
    name: 'a reveal must name a color the partner holds',
    actions: deal('R1', 'R2', 'R3', 'R4', 'R5', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5'),
    expect: { currentPlayer: 0, illegalActions: ['Reveal color 1 R', 'Reveal color 1 G', 'Reveal color 1 W'] },
  },
  {
    name: 'with all 8 clues spent nothing can be revealed',
    actions: [
      ...OPENING,
      'Reveal rank 1 2', 'Reveal rank 0 1', 'Reveal color 1 R', 'Reveal color 0 R',
      'Reveal color 1 Y', 'Reveal color 0 Y', 'Reveal color 1 G', 'Reveal color 0 G',
    ],
    expect: {
      currentPlayer: 0,
      legalActions: ['Play 0', 'Play 1', 'Play 2', 'Play 3', 'Play 4', 'Discard 0', 'Discard 1', 'Discard 2', 'Discard 3', 'Discard 4'],
    },
  },
  {
    name: 'a played card is replaced from the deck before the partner acts; the score counts at once',
    actions: [...OPENING, 'Play 0'],
    expect: { terminal: false, currentPlayer: -1, rewards: [1, 1] },
  },
  {
    name: 'the third misplay uses up the lives but the game goes on',
    actions: MISPLAYS.slice(0, 19),
    expect: { terminal: false, currentPlayer: 1, rewards: [1, 1] },
  },
  {
    name: 'the fourth misplay ends the game with score 0 even with a card on the stacks',
    actions: MISPLAYS,
    expect: { terminal: true, currentPlayer: -4, rewards: [0, 0], legalActions: [] },
  },
  {
    name: 'the last card of the deck is the only deal left',
    actions: EXHAUSTION.upToLastDeal,
    expect: { currentPlayer: -1, legalActions: [EXHAUSTION.lastDeal] },
  },
  {
    name: 'an empty deck does not end the game, nor does a reveal after it',
    actions: [...EXHAUSTION.deckEmpty, EXHAUSTION.reveal],
    expect: { terminal: false, currentPlayer: 1 },
  },
  {
    name: 'the first play or discard with the deck empty starts the final round: one more turn',
    actions: EXHAUSTION.all.slice(0, -1),
    expect: { terminal: false, currentPlayer: 0, rewards: [0, 0] },
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
    utility: 'identical', maxGameLength: 140, rewardRange: [0, 25], split: 'train', verifyTimeScale: 3,
  },
  cwm,
  renderState,
  renderObservation,
  scenarios,
};
