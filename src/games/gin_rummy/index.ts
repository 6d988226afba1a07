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

/** The cards of an observation's card string such as "As 7c". */
function cardsOf(text: string): string[] {
  return text.length > 0 ? text.split(' ') : [];
}

function list(cards: string[]): string {
  return cards.length > 0 ? cards.join(' ') : '(none)';
}

function status(currentPlayer: number, phase: string, dealTo: number, rewards: number[] | null, lastMover: number, lastMove: string | null): string {
  const last = lastMove === null ? '' : ` (last: player ${lastMover} ${lastMove})`;
  if (currentPlayer === -1) return `dealing a card to ${dealTo === 2 ? 'the upcard' : `player ${dealTo}`}${last}`;
  if (currentPlayer === -4) {
    if (rewards === null || (rewards[0] === 0 && rewards[1] === 0)) return `hand over: a draw, no points${last}`;
    return `hand over: player ${rewards[0] > 0 ? 0 : 1} scores ${Math.abs(rewards[0])}${last}`;
  }
  return `player ${currentPlayer} to act, phase ${phase}${last}`;
}

function handText(cards: string[]): string {
  return `${list(cards)}   (deadwood ${cwm.minDeadwood(cards)}${cards.length > 10 ? ' after the best discard' : ''})`;
}

function renderState(state: cwm.State): string {
  const hands = state.hands.map((hand) => hand.map((c) => CARDS[c]));
  const fields: Fields = [
    ['Phase', state.phase],
    ['Player 0 hand', handText(hands[0])],
    ['Player 1 hand', handText(hands[1])],
    ['Upcard', state.upcard >= 0 ? CARDS[state.upcard] : '(none)'],
    ['Discard pile', list(state.discardPile.map((c) => CARDS[c]))],
    ['Stock', `${state.stockSize} card(s)`],
  ];
  if (state.knocker >= 0) {
    fields.push(
      ['Knocker', `player ${state.knocker}`],
      ['Laid melds', state.laidMelds.length > 0 ? state.laidMelds.map((m) => m.map((c) => CARDS[c]).join('')).join(' ') : '(none)'],
      ['Layoffs', list(state.layoffs.map((c) => CARDS[c]))],
    );
  }
  if (state.currentPlayer === -4 && state.knocker >= 0) fields.push(['Final deadwood', `${state.deadwood[0]} / ${state.deadwood[1]}`]);
  fields.push(['Status', status(state.currentPlayer, state.phase, state.dealTo, state.currentPlayer === -4 ? state.rewards : null, state.lastMover, state.lastMove)]);
  return renderFields(fields);
}

const VALUES: Record<string, number> = Object.fromEntries([...RANKS].map((r, i) => [r, Math.min(10, i + 1)]));

/** How many cards the opponent holds while their hand is face down. */
function hiddenHandSize(obs: cwm.Observation, opponent: number): number {
  const dealt = 52 - obs.stockSize;
  if (dealt < 20) return opponent === 0 ? Math.min(dealt, 10) : Math.max(0, dealt - 10);
  return obs.phase === 'Discard' && obs.currentPlayer === opponent ? 11 : 10;
}

function renderObservation(obs: cwm.Observation, player: number): string {
  const opponent = 1 - player;
  const dealt = 52 - obs.stockSize;
  const dealTo = dealt < 10 ? 0 : dealt < 20 ? 1 : dealt === 20 ? 2 : obs.lastMover;
  const fields: Fields = [
    ['You are', cwm.getPlayerName(player)],
    ['Phase', obs.phase],
    ['Your hand', handText(cardsOf(obs.hand))],
    ['Opponent hand', obs.opponentHand !== null ? list(cardsOf(obs.opponentHand))
      : `${hiddenHandSize(obs, opponent)} card(s) face down${obs.opponentKnown.length > 0 ? `, among them ${obs.opponentKnown} (taken from the discard pile)` : ''}`],
    ['Upcard', obs.upcard ?? '(none)'],
    ['Discard pile', list(cardsOf(obs.discardPile))],
    ['Stock', `${obs.stockSize} card(s)`],
  ];
  const knock = obs.knock;
  if (knock !== null) {
    fields.push(
      ['Knocker', knock.knocker === player ? 'you' : 'the opponent'],
      ['Laid melds', knock.laidMelds.length > 0 ? knock.laidMelds : '(none)'],
      ['Layoffs', list(cardsOf(knock.layoffs))],
    );
  }
  let rewards: number[] | null = null;
  if (obs.currentPlayer === -4 && knock !== null && obs.opponentHand !== null) {
    // The knocker's deadwood is what they did not meld; the defender's is the best arrangement of what is left.
    const hands = player === 0 ? [cardsOf(obs.hand), cardsOf(obs.opponentHand)] : [cardsOf(obs.opponentHand), cardsOf(obs.hand)];
    const k = knock.knocker;
    const dk = hands[k].reduce((sum, card) => sum + VALUES[card[0]], 0);
    const dd = cwm.minDeadwood(hands[1 - k]);
    fields.push(['Final deadwood', `${k === 0 ? dk : dd} / ${k === 0 ? dd : dk}`]);
    const score = dk === 0 ? 25 + dd : dd <= dk ? -(dk - dd + 25) : dd - dk;
    rewards = k === 0 ? [score, -score] : [-score, score];
  }
  fields.push(['Status', status(obs.currentPlayer, obs.phase, dealTo, rewards, obs.lastMover, obs.lastMove)]);
  return `${cardGrid(cardsOf(obs.hand))}\n${renderFields(fields)}`;
}

// ---------------------------------------------------------------------------
// Scenarios. Player 0 holds As 2s 3s, 7c 7d 7h, Ts Js Qs and Kd (deadwood 10);
// the upcard is Ks, which completes Ts-Ks. Player 1's hand varies.

const deal = (cards: string[]): string[] => cards.map((c) => `deal:${c}`);
const P0 = ['As', '2s', '3s', '7c', '7d', '7h', 'Ts', 'Js', 'Qs', 'Kd'];
/** No melds; deadwood 4 + 5 + 9 + 2 + 3 + 10 + 10 + 8 + 6 + 5 = 62. */
const P1_WEAK = ['4s', '5c', '9h', '2d', '3c', 'Kh', 'Qh', '8d', '6c', '5h'];
/** No melds (deadwood 64), but 4s and 5s extend As-3s and 7s completes the sevens. */
const P1_LAYOFFS = ['4s', '5s', '7s', '9h', '2d', '3c', 'Kh', 'Qh', '8d', '6c'];
/** 4h5h6h, 9c9d9h, 2c2d2h and Ac: deadwood 1. */
const P1_STRONG = ['4h', '5h', '6h', '9c', '9d', '9h', '2c', '2d', '2h', 'Ac'];
/** 4h5h6h, 9c9d9h, 2c2d2h and Tc: deadwood 10. */
const P1_TEN = ['4h', '5h', '6h', '9c', '9d', '9h', '2c', '2d', '2h', 'Tc'];

const opening = (p1: string[]): string[] => deal([...P0, ...p1, 'Ks']);
/** Player 0 takes Ks, knocks, discards Ks again and lays As2s3s, 7c7d7h, TsJsQs: deadwood 10 (the Kd). */
const knockWithTen = (p1: string[]): string[] => [
  ...opening(p1), 'Draw upcard', 'Action: Knock', 'Action: Ks', 'Action: As2s3s', 'Action: 7c7d7h', 'Action: TsJsQs', 'Action: Done',
];

/** The cards not in the opening deal, in deck order. */
function stockOrder(p1: string[]): string[] {
  const dealt = [...P0, ...p1, 'Ks'];
  return CARDS.filter((c) => !dealt.includes(c));
}

/** Both pass, then 29 turns each drawing from the stock and discarding the drawn card: the stock is down to 2. */
function toTheWall(): string[] {
  const stock = stockOrder(P1_WEAK);
  const actions = [...opening(P1_WEAK), 'Pass', 'Pass'];
  for (let k = 0; k < 29; k++) actions.push('Draw stock', `deal:${stock[k]}`, `Action: ${stock[k]}`);
  return actions;
}

/** Player 0 draws from the stock and discards the card; then the players take it back and forth `times` times. */
function upcardShuffle(times: number): string[] {
  const card = stockOrder(P1_WEAK)[0];
  const actions = [...opening(P1_WEAK), 'Pass', 'Pass', 'Draw stock', `deal:${card}`, `Action: ${card}`];
  for (let k = 0; k < times; k++) actions.push('Draw upcard', `Action: ${card}`);
  return actions;
}

const scenarios: Scenario[] = [
  {
    name: 'the game starts with a deal from the full deck',
    actions: [],
    expect: { terminal: false, currentPlayer: -1, legalActions: CARDS.map((c) => `deal:${c}`) },
  },
  {
    name: 'after 21 deals the non-dealer (player 0) may take the upcard or pass',
    actions: opening(P1_WEAK),
    expect: { currentPlayer: 0, legalActions: ['Draw upcard', 'Pass'] },
  },
  {
    name: 'if player 0 passes the dealer gets the same choice',
    actions: [...opening(P1_WEAK), 'Pass'],
    expect: { currentPlayer: 1, legalActions: ['Draw upcard', 'Pass'] },
  },
  {
    name: 'if both pass player 0 must draw from the stock',
    actions: [...opening(P1_WEAK), 'Pass', 'Pass'],
    expect: { currentPlayer: 0, legalActions: ['Draw stock'] },
  },
  {
    name: 'a stock draw deals one of the 31 undealt cards',
    actions: [...opening(P1_WEAK), 'Pass', 'Pass', 'Draw stock'],
    expect: { currentPlayer: -1, legalActions: stockOrder(P1_WEAK).map((c) => `deal:${c}`) },
  },
  {
    name: 'with deadwood above 10 after the best discard there is no knock: only the eleven discards',
    actions: [...opening(P1_WEAK), 'Pass', 'Draw upcard'],
    expect: {
      currentPlayer: 1,
      legalActions: [...P1_WEAK, 'Ks'].map((c) => `Action: ${c}`),
      illegalActions: ['Action: Knock', 'Draw stock'],
    },
  },
  {
    name: 'after a discard the next player draws from either pile',
    actions: [...opening(P1_WEAK), 'Pass', 'Draw upcard', 'Action: Kh'],
    expect: { currentPlayer: 0, legalActions: ['Draw upcard', 'Draw stock'] },
  },
  {
    name: 'with Ks drawn player 0 can knock (deadwood 0 after discarding Kd)',
    actions: [...opening(P1_WEAK), 'Draw upcard'],
    expect: { currentPlayer: 0, legalActions: [...P0, 'Ks'].map((c) => `Action: ${c}`).concat(['Action: Knock']) },
  },
  {
    name: 'the knocker must discard a card that keeps the deadwood at 10 or less',
    actions: [...opening(P1_WEAK), 'Draw upcard', 'Action: Knock'],
    expect: { currentPlayer: 0, legalActions: ['Action: Ts', 'Action: Ks', 'Action: Kd'] },
  },
  {
    name: 'the knocker then declares melds (only those that allow deadwood 10 or less); no Done yet',
    actions: [...opening(P1_WEAK), 'Draw upcard', 'Action: Knock', 'Action: Kd'],
    expect: {
      currentPlayer: 0,
      legalActions: ['Action: As2s3s', 'Action: 7c7d7h', 'Action: TsJsQs', 'Action: JsQsKs', 'Action: TsJsQsKs'],
    },
  },
  {
    name: 'Done only once the unmelded cards total 10 or less',
    actions: [...opening(P1_LAYOFFS), 'Draw upcard', 'Action: Knock', 'Action: Ks', 'Action: As2s3s'],
    expect: { currentPlayer: 0, legalActions: ['Action: 7c7d7h', 'Action: TsJsQs'] },
  },
  {
    name: 'gin: 25 plus the defender\'s whole deadwood (62), with no layoffs',
    actions: [
      ...opening(P1_WEAK), 'Draw upcard', 'Action: Knock', 'Action: Kd',
      'Action: As2s3s', 'Action: 7c7d7h', 'Action: TsJsQsKs', 'Action: Done',
    ],
    expect: { terminal: true, currentPlayer: -4, rewards: [87, -87], winner: 0, legalActions: [] },
  },
  {
    name: 'after a knock the defender may lay off 4s on As2s3s and 7s on the sevens (5s not yet)',
    actions: knockWithTen(P1_LAYOFFS),
    expect: { currentPlayer: 1, legalActions: ['Action: 4s', 'Action: 7s', 'Action: Done'] },
  },
  {
    name: 'a laid-off 4s extends the run, so 5s can follow',
    actions: [...knockWithTen(P1_LAYOFFS), 'Action: 4s'],
    expect: { currentPlayer: 1, legalActions: ['Action: 5s', 'Action: 7s', 'Action: Done'] },
  },
  {
    name: 'a knock: layoffs cut the defender to 48, the knocker (10) scores 38',
    actions: [...knockWithTen(P1_LAYOFFS), 'Action: 4s', 'Action: 5s', 'Action: 7s', 'Action: Done'],
    expect: { terminal: true, rewards: [38, -38], winner: 0 },
  },
  {
    name: 'without the layoffs the same knock scores 64 - 10 = 54',
    actions: [...knockWithTen(P1_LAYOFFS), 'Action: Done'],
    expect: { terminal: true, rewards: [54, -54], winner: 0 },
  },
  {
    name: 'an undercut: the defender (deadwood 1) scores 10 - 1 + 25 = 34',
    actions: [...knockWithTen(P1_STRONG), 'Action: Done'],
    expect: { terminal: true, rewards: [-34, 34], winner: 1 },
  },
  {
    name: 'equal deadwood is an undercut too: the defender scores 0 + 25',
    actions: [...knockWithTen(P1_TEN), 'Action: Done'],
    expect: { terminal: true, rewards: [-25, 25], winner: 1 },
  },
  {
    name: 'with two cards left in the stock after a discard the hand reaches the wall: only Pass',
    actions: toTheWall(),
    expect: { terminal: false, currentPlayer: 1, legalActions: ['Pass'] },
  },
  {
    name: 'the wall ends the hand as a draw',
    actions: [...toTheWall(), 'Pass'],
    expect: { terminal: true, currentPlayer: -4, rewards: [0, 0], winner: null, legalActions: [] },
  },
  {
    name: '49 draws of the upcard (after the first turn) are allowed',
    actions: upcardShuffle(49),
    expect: { terminal: false, currentPlayer: 0, legalActions: ['Draw upcard', 'Draw stock'] },
  },
  {
    name: 'the 50th draw of the upcard ends the hand as a draw',
    actions: [...upcardShuffle(49), 'Draw upcard'],
    expect: { terminal: true, rewards: [0, 0], winner: null },
  },
];

export const ginRummy: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'gin_rummy', title: 'Gin Rummy', players: 2, information: 'imperfect', chance: true,
    utility: 'zero-sum', maxGameLength: 227, rewardRange: [-123, 123], split: 'eval',
  },
  cwm,
  renderState,
  renderObservation,
  scenarios,
};
