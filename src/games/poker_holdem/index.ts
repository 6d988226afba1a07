import type { GameDefinition } from '../../engine/game-definition.js';
import type { Scenario } from '../../engine/scenario.js';
import { bettingLine, type Fields, type PokerTerms, renderPokerObservation, renderPokerState } from '../render.js';
import * as cwm from './game.js';

const terms: PokerTerms = { playerName: cwm.getPlayerName, dealing: 'a card is being dealt' };
const ROUND_NAMES = ['Pre-flop', 'Flop', 'Turn', 'River'];

function cardsOrDash(cards: string[]): string {
  return cards.length > 0 ? cards.join(' ') : '-';
}

/** Each round's betting; a round not reached yet shows "-". */
function rounds(betting: string[][], round: number): Fields {
  return ROUND_NAMES.map((name, r): [string, unknown] => [`${name} betting`, r <= round ? bettingLine(betting[r]) : '-']);
}

function renderState(state: cwm.State): string {
  return renderPokerState(terms, state, {
    cards: [
      ['Player 0 hole cards', cardsOrDash(state.cards.slice(0, 2))],
      ['Player 1 hole cards', cardsOrDash(state.cards.slice(2, 4))],
      ['Board', cardsOrDash(state.cards.slice(4))],
    ],
    betting: rounds(state.betting, state.round),
  });
}

function renderObservation(obs: cwm.Observation, player: number): string {
  const seat = {
    player,
    card: obs.holeCards.length > 0 ? obs.holeCards.join(' ') : null,
    opponentCard: null,
    currentPlayer: obs.currentPlayer,
  };
  return renderPokerObservation(terms, seat, [
    ['Board', obs.board.length > 0 ? obs.board.join(' ') : '(none yet)'],
    ['Contributions', `you ${obs.contributions[player]}, opponent ${obs.contributions[1 - player]}`],
    ['Pot', String(obs.pot)],
    ...rounds(obs.betting, obs.round),
  ]);
}

// ---------------------------------------------------------------------------
// Scenario data. A full hand is written as the four hole cards (player 0's
// two, then player 1's), the five board cards and each round's betting.

const RANKS = '23456789TJQKA';
const SUITS = 'cdhs';
const ALL_DEALS: string[] = [...RANKS].flatMap((r) => [...SUITS].map((s) => `deal:${r}${s}`));

function deals(cards: string[]): string[] {
  return cards.map((card) => `deal:${card}`);
}

/** The actions of a hand: hole cards, pre-flop betting, then each street's cards and betting. */
function hand(hole: string[], board: string[], betting: string[][]): string[] {
  const actions = deals(hole).concat(betting[0] ?? []);
  if (betting.length > 1) actions.push(...deals(board.slice(0, 3)), ...betting[1]);
  if (betting.length > 2) actions.push(...deals(board.slice(3, 4)), ...betting[2]);
  if (betting.length > 3) actions.push(...deals(board.slice(4, 5)), ...betting[3]);
  return actions;
}

/** Calls the big blind, then checks every street down to the showdown (2 chips each in the pot). */
const CHECK_DOWN = [['Call', 'Check'], ['Check', 'Check'], ['Check', 'Check'], ['Check', 'Check']];
const EXAMPLE_HOLE = ['Ah', 'Kh', '7d', '2s'];
const EXAMPLE_BOARD = ['Tc', '9s', '4d', '3h', 'Jc'];
/** Pre-flop raises until neither player has chips left: 49 raises bring player 0 to all 100 chips. */
const ALL_IN_RAISES: string[] = Array.from({ length: 49 }, () => 'Raise');

const scenarios: Scenario[] = [
  {
    name: 'the hand opens with a deal from the full 52-card deck',
    actions: [],
    expect: { terminal: false, currentPlayer: -1, legalActions: ALL_DEALS, illegalActions: ['Call', 'Check', 'Raise', 'Fold'] },
  },
  {
    name: 'a dealt card cannot be dealt again',
    actions: ['deal:Ah'],
    expect: { currentPlayer: -1, illegalActions: ['deal:Ah'] },
  },
  {
    name: 'after four hole cards the small blind (player 0) acts first, facing the big blind: Fold, Call or Raise',
    actions: deals(EXAMPLE_HOLE),
    expect: { terminal: false, currentPlayer: 0, legalActions: ['Fold', 'Call', 'Raise'], illegalActions: ['Check'], rewards: [0, 0] },
  },
  {
    name: 'the small blind folding pre-flop loses its 1 chip',
    actions: [...deals(EXAMPLE_HOLE), 'Fold'],
    expect: { terminal: true, currentPlayer: -4, rewards: [-1, 1], winner: 1, legalActions: [] },
  },
  {
    name: 'after the small blind calls, the big blind may only Check or Raise',
    actions: [...deals(EXAMPLE_HOLE), 'Call'],
    expect: { currentPlayer: 1, legalActions: ['Check', 'Raise'], illegalActions: ['Fold', 'Call'] },
  },
  {
    name: 'the big blind checking closes pre-flop; the flop comes from the 48 unseen cards',
    actions: [...deals(EXAMPLE_HOLE), 'Call', 'Check'],
    expect: {
      terminal: false, currentPlayer: -1,
      legalActions: ALL_DEALS.filter((d) => !deals(EXAMPLE_HOLE).includes(d)),
      illegalActions: [...deals(EXAMPLE_HOLE), 'Check'],
    },
  },
  {
    name: 'after the flop the big blind (player 1) acts first, with no bet to face',
    actions: hand(EXAMPLE_HOLE, EXAMPLE_BOARD, [['Call', 'Check'], []]),
    expect: { currentPlayer: 1, legalActions: ['Check', 'Raise'], illegalActions: ['Fold', 'Call'] },
  },
  {
    name: 'raises are not capped: after three pre-flop raises the big blind may raise again',
    actions: [...deals(EXAMPLE_HOLE), 'Raise', 'Raise', 'Raise'],
    expect: { currentPlayer: 1, legalActions: ['Fold', 'Call', 'Raise'], illegalActions: ['Check'] },
  },
  {
    name: 'each raise adds 2 on top of a call: the big blind folding to the third raise loses its 6 chips',
    actions: [...deals(EXAMPLE_HOLE), 'Raise', 'Raise', 'Raise', 'Fold'],
    expect: { terminal: true, rewards: [6, -6], winner: 0 },
  },
  {
    name: 'after a bet and three raises on the flop, raising is still open',
    actions: hand(EXAMPLE_HOLE, EXAMPLE_BOARD, [['Call', 'Check'], ['Raise', 'Raise', 'Raise', 'Raise']]),
    expect: { currentPlayer: 1, legalActions: ['Fold', 'Call', 'Raise'] },
  },
  {
    name: 'example trajectory: A-K high beats J-T-9-7-4 after a river bet and call, +4 / -4',
    actions: hand(EXAMPLE_HOLE, EXAMPLE_BOARD, [['Call', 'Check'], ['Check', 'Check'], ['Check', 'Check'], ['Check', 'Raise', 'Call']]),
    expect: { terminal: true, currentPlayer: -4, rewards: [4, -4], winner: 0, legalActions: [] },
  },
  {
    name: 'folding to a river bet loses the 6 put in before it (2 pre-flop, a bet of 2 on the flop and on the turn)',
    actions: hand(EXAMPLE_HOLE, EXAMPLE_BOARD, [['Call', 'Check'], ['Raise', 'Call'], ['Check', 'Raise', 'Call'], ['Raise', 'Fold']]),
    expect: { terminal: true, rewards: [-6, 6], winner: 1 },
  },
  {
    name: 'only the 100 chips limit raising: after 49 pre-flop raises player 0 is all in and the big blind may only fold or call',
    actions: [...deals(EXAMPLE_HOLE), ...ALL_IN_RAISES],
    expect: { currentPlayer: 1, legalActions: ['Fold', 'Call'], illegalActions: ['Raise'] },
  },
  {
    name: 'with no chips left both players can only check down the streets',
    actions: hand(EXAMPLE_HOLE, EXAMPLE_BOARD, [[...ALL_IN_RAISES, 'Call'], []]),
    expect: { currentPlayer: 1, legalActions: ['Check'] },
  },
  {
    name: 'largest pot: all 100 chips each; the better hand wins 100',
    actions: hand(EXAMPLE_HOLE, EXAMPLE_BOARD, [[...ALL_IN_RAISES, 'Call'], ['Check', 'Check'], ['Check', 'Check'], ['Check', 'Check']]),
    expect: { terminal: true, rewards: [100, -100], winner: 0 },
  },
  {
    name: 'kicker: pair of aces with a queen beats pair of aces with a jack',
    actions: hand(['Ah', 'Qc', 'Ad', 'Jc'], ['Ac', '9d', '7s', '4h', '2c'], CHECK_DOWN),
    expect: { terminal: true, rewards: [2, -2], winner: 0 },
  },
  {
    name: 'split pot: both play the broadway straight on the board',
    actions: hand(['2c', '3d', '4h', '5s'], ['Ah', 'Kd', 'Qs', 'Jc', 'Tc'], CHECK_DOWN),
    expect: { terminal: true, rewards: [0, 0], winner: null },
  },
  {
    name: 'split pot: two pair on the board counterfeits both pocket pairs (9-9-5-5 with an ace)',
    actions: hand(['4c', '4d', '3c', '3s'], ['9s', '9d', '5c', '5h', 'Ad'], CHECK_DOWN),
    expect: { terminal: true, rewards: [0, 0], winner: null },
  },
  {
    name: 'the wheel (A-2-3-4-5) is a straight and beats three kings',
    actions: hand(['Ah', '2c', 'Kd', 'Ks'], ['3d', '4s', '5h', 'Kc', '9s'], CHECK_DOWN),
    expect: { terminal: true, rewards: [2, -2], winner: 0 },
  },
  {
    name: 'the wheel is the lowest straight: 3-4-5-6-7 beats it',
    actions: hand(['Ah', '2c', '6d', '7c'], ['3d', '4s', '5h', 'Kc', '9s'], CHECK_DOWN),
    expect: { terminal: true, rewards: [-2, 2], winner: 1 },
  },
  {
    name: 'ace-high flush beats king-high flush (and the ace-high player\'s wheel straight)',
    actions: hand(['Ah', '4c', 'Qh', 'Jc'], ['Kh', '9h', '5h', '2h', '3d'], CHECK_DOWN),
    expect: { terminal: true, rewards: [2, -2], winner: 0 },
  },
  {
    name: 'four of a kind beats a full house',
    actions: hand(['Ks', '3c', '7s', '3d'], ['7c', '7d', '7h', 'Kc', '2d'], CHECK_DOWN),
    expect: { terminal: true, rewards: [-2, 2], winner: 1 },
  },
  {
    name: 'full houses compare the three of a kind first: kings full of sevens beat sevens full of kings',
    actions: hand(['Ks', '3c', '7s', '3d'], ['7c', '7d', 'Kh', 'Kc', '2d'], CHECK_DOWN),
    expect: { terminal: true, rewards: [2, -2], winner: 0 },
  },
  {
    name: 'a royal flush beats a king-high straight flush',
    actions: hand(['As', '3c', '9s', '4c'], ['Ts', 'Js', 'Qs', 'Ks', '2d'], CHECK_DOWN),
    expect: { terminal: true, rewards: [2, -2], winner: 0 },
  },
];

export const pokerHoldem: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'poker_holdem', title: 'Poker Hold\'em (heads-up limit)', players: 2, information: 'imperfect', chance: true,
    utility: 'zero-sum', maxGameLength: 66, rewardRange: [-100, 100], split: 'train',
  },
  cwm,
  renderState,
  renderObservation,
  scenarios,
};
