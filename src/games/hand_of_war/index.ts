import type { GameDefinition } from '../../engine/game-definition.js';
import type { Scenario } from '../../engine/scenario.js';
import { type Fields, renderFields } from '../render.js';
import * as cwm from './game.js';

const RANKS_HIGH_FIRST = ['A', 'K', 'Q', 'J'];

function status(currentPlayer: number, toDraw: number[], rewards: number[] | null): string {
  if (currentPlayer === -1) return `drawing (player ${toDraw[0] > 0 ? 0 : 1} draws a card)`;
  if (currentPlayer === -4) {
    if (rewards === null) return 'game over';
    if (rewards[0] === rewards[1]) return 'game over: a draw';
    return `game over: player ${rewards[0] > rewards[1] ? 0 : 1} wins`;
  }
  return `player ${currentPlayer} to pick a card`;
}

function battleLine(battles: string[]): string {
  return battles.length > 0 ? battles.join(' ') : '(none)';
}

function handText(hand: number[]): string {
  const cards: string[] = [];
  for (let r = 3; r >= 0; r--) for (let k = 0; k < hand[r]; k++) cards.push(RANKS_HIGH_FIRST[3 - r]);
  return cards.length > 0 ? cards.join(' ') : '(empty)';
}

function renderState(state: cwm.State): string {
  const fields: Fields = [
    ['Player 0 hand', handText(state.hands[0])],
    ['Player 1 hand', handText(state.hands[1])],
    ['Draw piles', `${state.piles[0]} / ${state.piles[1]}`],
    ['Win piles', `${state.wins[0]} / ${state.wins[1]}`],
    ['On the table', String(state.table)],
    ['Player 0 pick', state.pending ?? '-'],
    ['Battles (P0-P1)', battleLine(state.battles)],
    ['Status', status(state.currentPlayer, state.toDraw, state.rewards)],
  ];
  return renderFields(fields);
}

function renderObservation(obs: cwm.Observation, player: number): string {
  const opponent = 1 - player;
  const fields: Fields = [
    ['You are', `player ${player}`],
    ['Your hand', obs.hand.length > 0 ? obs.hand.join(' ') : '(empty)'],
    ['Opponent hand', `${obs.opponentHandSize} hidden card(s)`],
    ['Draw piles', `you ${obs.drawPiles[player]}, opponent ${obs.drawPiles[opponent]}`],
    ['Win piles', `you ${obs.winPiles[player]}, opponent ${obs.winPiles[opponent]}`],
    ['On the table', String(obs.table)],
  ];
  if (obs.myPick !== null) fields.push(['Your pick', `${obs.myPick} (hidden from the opponent)`]);
  if (player === 1 && obs.currentPlayer === 1) fields.push(['Opponent pick', 'made, face down']);
  fields.push(['Battles (P0-P1)', battleLine(obs.battles)]);
  const rewards = obs.currentPlayer === -4
    ? [Math.sign(obs.winPiles[0] - obs.winPiles[1]), Math.sign(obs.winPiles[1] - obs.winPiles[0])]
    : null;
  fields.push(['Status', status(obs.currentPlayer, obs.toDraw, rewards)]);
  return renderFields(fields);
}

// ---------------------------------------------------------------------------
// Scenario data. "d" draws a card of a rank (for player 0 first while both
// draw), "p" plays a rank from the mover's hand.

const d = (rank: string): string => `deal:${rank}`;
const p = (rank: string): string => `play:${rank}`;
/** One battle: player 0's pick, player 1's pick. */
const battle = (rank0: string, rank1: string): string[] => [p(rank0), p(rank1)];

/** Player 0 starts with A A A, player 1 with J J J; player 0 wins five battles, then loses the sixth. */
const ONE_SIDED: string[] = [
  d('A'), d('A'), d('A'), d('J'), d('J'), d('J'),
  ...battle('A', 'J'), d('K'), d('J'),
  ...battle('A', 'J'), d('K'), d('Q'),
  ...battle('A', 'J'), d('K'), d('Q'),
  ...battle('K', 'J'), d('K'), d('Q'),
  ...battle('K', 'Q'), d('Q'), d('A'),
  ...battle('K', 'A'),
];

/** Battles won alternately; after three battles both draw piles hold 2 cards. */
const EVEN_START: string[] = [
  d('A'), d('A'), d('J'), d('K'), d('K'), d('Q'),
  ...battle('A', 'K'), d('J'), d('Q'),
  ...battle('J', 'K'), d('A'), d('K'),
  ...battle('A', 'Q'), d('Q'), d('J'),
];
/** EVEN_START, then two more battles: both piles are empty, win piles 4 / 6, hands A K J and Q Q J. */
const EVEN_FIVE: string[] = [
  ...EVEN_START,
  ...battle('J', 'K'), d('K'), d('A'),
  ...battle('Q', 'A'), d('J'), d('Q'),
];

/** Both start with A K Q and tie three times in a row, emptying both hands. */
const TRIPLE_TIE: string[] = [
  d('A'), d('K'), d('Q'), d('A'), d('K'), d('Q'),
  ...battle('A', 'A'), ...battle('K', 'K'), ...battle('Q', 'Q'),
];

const scenarios: Scenario[] = [
  {
    name: 'the game opens with player 0 drawing from the full deck: any rank',
    actions: [],
    expect: { terminal: false, currentPlayer: -1, legalActions: ['deal:J', 'deal:Q', 'deal:K', 'deal:A'], illegalActions: ['play:A'] },
  },
  {
    name: 'after both hands of three are drawn player 0 picks first; one action per rank held',
    actions: [d('A'), d('A'), d('K'), d('J'), d('Q'), d('Q')],
    expect: { terminal: false, currentPlayer: 0, legalActions: ['play:A', 'play:K'], illegalActions: ['play:Q', 'play:J', 'deal:A'], rewards: [0, 0] },
  },
  {
    name: 'player 1 then picks from its own hand',
    actions: [d('A'), d('A'), d('K'), d('J'), d('Q'), d('Q'), p('A')],
    expect: { currentPlayer: 1, legalActions: ['play:Q', 'play:J'], illegalActions: ['play:A', 'play:K'] },
  },
  {
    name: 'a decided battle is followed by both players drawing one card; a rank with all four drawn cannot come',
    actions: ONE_SIDED.slice(0, 13),
    expect: { currentPlayer: -1, legalActions: ['deal:Q', 'deal:K', 'deal:A'], illegalActions: ['deal:J'] },
  },
  {
    name: 'without ties the sixth battle ends the game (no card left to refill the hand): 10 win-pile cards to 2',
    actions: ONE_SIDED,
    expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], winner: 0, legalActions: [] },
  },
  {
    name: 'equal win piles (6 / 6) when the draw piles run out: a draw',
    actions: [...EVEN_FIVE, ...battle('A', 'Q')],
    expect: { terminal: true, rewards: [0, 0], winner: null, legalActions: [] },
  },
  {
    name: 'equal ranks start a showdown: one card each is burned, then player 0 picks again from the two left',
    actions: [...EVEN_START, ...battle('Q', 'Q')],
    expect: { terminal: false, currentPlayer: 0, legalActions: ['play:A', 'play:J'], illegalActions: ['play:Q', 'deal:A'] },
  },
  {
    name: 'the showdown winner takes six cards, but a refill of two from a pile of one ends the game: 10 to 2',
    actions: [...EVEN_START, ...battle('Q', 'Q'), ...battle('A', 'K')],
    expect: { terminal: true, rewards: [1, -1], winner: 0 },
  },
  {
    name: 'a tie with empty draw piles cannot burn: the game ends at once and the tied cards count for nobody (4 to 6)',
    actions: [...EVEN_FIVE, ...battle('J', 'J')],
    expect: { terminal: true, rewards: [-1, 1], winner: 1, legalActions: [] },
  },
  {
    name: 'a second tie in a showdown leaves one card each: the pick is forced',
    actions: TRIPLE_TIE.slice(0, 10),
    expect: { currentPlayer: 0, legalActions: ['play:Q'] },
  },
  {
    name: 'three ties empty both hands: each player draws one card (from what is unseen) before picking',
    actions: TRIPLE_TIE,
    expect: { currentPlayer: -1, legalActions: ['deal:J', 'deal:Q', 'deal:K', 'deal:A'] },
  },
  {
    name: 'the fourth showdown battle takes all 14 cards on the table; the refill of three then ends the game',
    actions: [...TRIPLE_TIE, d('A'), d('J'), p('A'), p('J')],
    expect: { terminal: true, rewards: [1, -1], winner: 0 },
  },
];

export const handOfWar: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'hand_of_war', title: 'Hand of War', players: 2, information: 'imperfect', chance: true,
    utility: 'zero-sum', maxGameLength: 28, rewardRange: [-1, 1], split: 'eval',
  },
  cwm,
  renderState,
  renderObservation,
  scenarios,
};
