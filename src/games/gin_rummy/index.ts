import type { GameDefinition } from '../../engine/game-definition.js';
import type { Scenario } from '../../engine/scenario.js';
import { type Fields, renderFields } from '../render.js';
import * as cwm from './game.js';

const RANKS = 'A23456789TJQK';
const SUITS = 'scdh';
const CARDS = [...SUITS].flatMap((s) => [...RANKS].map((r) => r + s));

/** The spec's card grid: one row per suit (spades, clubs, diamonds, hearts), aces to kings left to right. */
function cardGrid(cards: string[]): string {
  const rows = [...SUITS].map((s) => [...RANKS].map((r) => (cards.includes(r + s) ? r + s : '  ')).join(''));
  const border = `+${'-'.repeat(26)}+`;
  return [border, ...rows.map((row) => `|${row}|`), border].join('\n');
}

function list(cards: string[]): string {
  return cards.length > 0 ? cards.join(' ') : '(none)';
}

function handText(cards: string[]): string {
  return `${list(cards)}   (deadwood ${cwm.minDeadwood(cards)})`;
}

function status(currentPlayer: number, phase: string, rewards: number[]): string {
  if (currentPlayer === -1) return 'dealing';
  if (currentPlayer === -4) {
    if (rewards[0] === 0 && rewards[1] === 0) return 'hand over: nobody scores';
    return `hand over: player ${rewards[0] > 0 ? 0 : 1} scores ${Math.max(rewards[0], rewards[1])}`;
  }
  return `player ${currentPlayer} to act, phase ${phase}`;
}

function renderState(state: cwm.State): string {
  const name = (c: number): string => CARDS[c];
  if (state.phase === 'init') return renderFields([['Phase', 'init'], ['Dealt', `${state.dealt.length} of 52: ${list(state.dealt.map(name))}`]]);
  const fields: Fields = [
    ['Phase', state.phase],
    ['Player 0 hand', handText(state.hands[0].map(name))],
    ['Player 1 hand', handText(state.hands[1].map(name))],
    ['Discard pile', list(state.discardPile.map(name))],
    ['Stock', `${state.stock.length} card(s): ${list(state.stock.map(name))}`],
  ];
  if (state.knocker >= 0) {
    fields.push(
      ['Knocker', `player ${state.knocker}${state.gin ? ' (gin)' : ''}`],
      ['Melds laid', state.knockMelds.length > 0 ? state.knockMelds.map((m) => m.map(name).join('')).join(' ') : '(none)'],
    );
  }
  fields.push(['Status', status(state.currentPlayer, state.phase, state.scores)]);
  return renderFields(fields);
}

function renderObservation(obs: cwm.Observation, player: number): string {
  if (obs.phase === 'init') return renderFields([['You are', `player ${player}`], ['Phase', 'init (dealing)']]);
  const fields: Fields = [
    ['You are', `player ${player}`],
    ['Phase', `${obs.phase}${obs.toMove ? ' (your turn)' : ''}`],
    ['Your hand', `${handText(obs.hand)}\n${cardGrid(obs.hand)}`],
    ['Upcard', obs.upcard ?? '(none)'],
    ['Melds laid', obs.knockMelds.length > 0 ? obs.knockMelds.join(' ') : '(none)'],
  ];
  return renderFields(fields);
}

// ---------------------------------------------------------------------------
// Scenario builders. The deals are the 52 single deals in the golden's order
// (player 0's ten cards, player 1's ten, the upcard, the stock in drawing
// order); test/paper-actions.test.ts checks that the paper's whole-deal
// action "deal:<cards>" means the same.

/** The single deals: hands, the upcard, then every other card in card order as the stock. */
function dealOrder(p0: string[], p1: string[], upcard: string): string[] {
  const used = [...p0, ...p1, upcard];
  return [...used, ...CARDS.filter((c) => !used.includes(c))];
}

const deals = (order: string[]): string[] => order.map((c) => `deal:${c}`);

const HEARTS_TO_TEN = ['Ah', '2h', '3h', '4h', '5h', '6h', '7h', '8h', '9h', 'Th'];
const KINGS_QUEENS_JACKS = ['Ks', 'Kd', 'Kh', 'Kc', 'Qs', 'Qd', 'Qh', 'Qc', 'Js', 'Jd'];
/** Player 0 holds hearts ace to ten and gets gin with the upcard Jh; player 1's best deadwood is 10 (Js Qs Ks, two sets of three, Jd left). */
const GIN_ORDER = dealOrder(HEARTS_TO_TEN, KINGS_QUEENS_JACKS, 'Jh');
const GIN_DEAL = deals(GIN_ORDER);
/** Player 0 holds three runs and 2h; with the upcard Ah its deadwood is 3. */
const KNOCK_DEAL = deals(dealOrder(['As', '2s', '3s', '4c', '5c', '6c', '7d', '8d', '9d', '2h'], KINGS_QUEENS_JACKS, 'Ah'));
const KNOCKED = [...KNOCK_DEAL, 'Pass', 'Draw upcard', 'Action: Knock', 'Action: As2s3s', 'Action: 4c5c6c', 'Action: 7d8d9d', 'Action: Done'];

/**
 * Both pass the upcard; then every player draws from the stock and discards
 * the card drawn, until a draw leaves a single stock card: the wall.
 */
function toTheWall(): string[] {
  const stock = GIN_ORDER.slice(21);
  const actions = [...GIN_DEAL, 'Pass', 'Pass', `Action: ${stock[0]}`];
  for (let i = 1; i < stock.length - 1; i++) {
    actions.push('Draw stock');
    if (stock.length - 1 - i >= 2) actions.push(`Action: ${stock[i]}`);
  }
  return actions;
}

const TO_THE_WALL = toTheWall();

const scenarios: Scenario[] = [
  {
    name: 'the game starts with the deal: each of the 52 cards is an outcome',
    actions: [],
    expect: { terminal: false, currentPlayer: -1, legalActions: CARDS.map((c) => `deal:${c}`), rewards: [0, 0] },
  },
  {
    name: 'dealt card by card, player 1 acts first: take the upcard or pass',
    actions: GIN_DEAL,
    expect: { currentPlayer: 1, legalActions: ['Draw upcard', 'Pass'], illegalActions: ['Draw stock'] },
  },
  {
    name: 'after player 1 passes player 0 may take the upcard or pass',
    actions: [...GIN_DEAL, 'Pass'],
    expect: { currentPlayer: 0, legalActions: ['Draw upcard', 'Pass'] },
  },
  {
    name: 'after two passes player 1 takes the top stock card and discards; no knock with 20 or more deadwood',
    actions: [...GIN_DEAL, 'Pass', 'Pass'],
    expect: { currentPlayer: 1, legalActions: [...KINGS_QUEENS_JACKS, 'As'].map((c) => `Action: ${c}`), illegalActions: ['Action: Knock'] },
  },
  {
    name: 'a knock is offered with 10 or less deadwood',
    actions: [...KNOCK_DEAL, 'Pass', 'Draw upcard'],
    expect: { currentPlayer: 0, illegalActions: ['Draw stock', 'Action: Kh'], legalActions: [...['As', '2s', '3s', '4c', '5c', '6c', '7d', '8d', '9d', 'Ah', '2h'].map((c) => `Action: ${c}`), 'Action: Knock'] },
  },
  {
    name: 'gin: the knocker lays down its melds and the game ends with 25 plus the defender\'s deadwood',
    actions: [...GIN_DEAL, 'Pass', 'Draw upcard', 'Action: Knock', 'Action: Ah2h3h4h5h', 'Action: 6h7h8h9hTh', 'Action: Done'],
    expect: { terminal: true, currentPlayer: -4, rewards: [35, 0], legalActions: [] },
  },
  {
    name: 'player 1 takes the upcard first and knocks gin at once',
    actions: [...deals(dealOrder(KINGS_QUEENS_JACKS, HEARTS_TO_TEN, 'Jh')), 'Draw upcard', 'Action: Knock', 'Action: Done'],
    expect: { terminal: true, rewards: [0, 35] },
  },
  {
    name: 'after a knock that is not gin the defender may set aside any of its cards, or be done',
    actions: KNOCKED,
    expect: { currentPlayer: 1, legalActions: ['Action: Done', ...KINGS_QUEENS_JACKS.map((c) => `Action: ${c}`)] },
  },
  {
    name: 'the knocker with less deadwood wins the difference (3 against 10)',
    actions: [...KNOCKED, 'Action: Done'],
    expect: { terminal: true, rewards: [7, 0] },
  },
  {
    name: 'undercut: a defender at or below the knocker\'s deadwood gets 25 plus the difference (Js set aside leaves it 0)',
    actions: [...KNOCKED, 'Action: Js', 'Action: Done'],
    expect: { terminal: true, rewards: [0, 28] },
  },
  {
    name: 'a draw that leaves fewer than two stock cards is the wall: player 0 can only pass',
    actions: TO_THE_WALL,
    expect: { terminal: false, currentPlayer: 0, legalActions: ['Action: Pass'] },
  },
  {
    name: 'the wall ends the hand with no score',
    actions: [...TO_THE_WALL, 'Action: Pass'],
    expect: { terminal: true, currentPlayer: -4, rewards: [0, 0] },
  },
];

export const ginRummy: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'gin_rummy', title: 'Gin Rummy', players: 2, information: 'imperfect', chance: true,
    utility: 'general-sum', maxGameLength: 1000, rewardRange: [0, 135], split: 'eval', verifyTimeScale: 20,
  },
  cwm,
  renderState,
  renderObservation,
  scenarios,
};
