import type { GameDefinition } from '../../engine/game-definition.js';
import { type Fields, renderFields } from '../render.js';
import * as cwm from './game.js';

const RANKS = 'A23456789TJQK';

/** Best total of visible cards (aces 1 or 11), ignoring "??". */
function total(cards: string[]): number {
  let sum = 0;
  let ace = false;
  for (const card of cards) {
    const r = RANKS.indexOf(card.charAt(0));
    if (r < 0) continue;
    const value = Math.min(r + 1, 10);
    sum += value;
    if (value === 1) ace = true;
  }
  return ace && sum + 10 <= 21 ? sum + 10 : sum;
}

function describeHand(cards: string[]): string {
  if (cards.length === 0) return '(no cards yet)';
  const hidden = cards.includes('??');
  const value = total(cards);
  const note = hidden ? `showing ${value}` : value > 21 ? `${value}, bust` : String(value);
  return `${cards.join(' ')}  (${note})`;
}

function status(phase: string, currentPlayer: number): string {
  if (currentPlayer === -4) return 'game over';
  if (currentPlayer === 1) return 'Dealer to act (hits below 17, stands on 17+)';
  if (currentPlayer === 0) return 'Player to act';
  const deals: Record<string, string> = {
    deal_p1: 'dealing the player\'s first card', deal_d1: 'dealing the dealer\'s upcard',
    deal_p2: 'dealing the player\'s second card', deal_d2: 'dealing the dealer\'s hole card',
    p_hit: 'dealing the player\'s hit', p_double: 'dealing the double-down card',
    p_split: 'dealing a card to the split hand', d_hit: 'dealing the dealer\'s hit',
  };
  return deals[phase] ?? phase;
}

function handRows(hands: string[][], bets: number[], active: number, currentPlayer: number): Fields {
  if (hands.length === 0) return [['Player hand', '(no cards yet)']];
  return hands.map((hand, i): [string, string] => {
    const label = hands.length > 1 ? `Player hand ${i + 1}` : 'Player hand';
    const marker = hands.length > 1 && i === active && currentPlayer !== -4 ? '  <- in play' : '';
    return [label, `${describeHand(hand)}  bet ${bets[i]}${marker}`];
  });
}

function renderState(state: cwm.State): string {
  const dealer = state.dealer.length > 1 && !state.holeRevealed
    ? `${describeHand(state.dealer)}  (hole card ${state.dealer[1]} face down)`
    : describeHand(state.dealer);
  const fields: Fields = [
    ...handRows(state.hands, state.bets, state.active, state.currentPlayer),
    ['Dealer', dealer],
    ['Moves', state.moves.length > 0 ? state.moves.join(' ') : '(none)'],
    ['Cards left', String(state.deck.length)],
    ['Status', status(state.phase, state.currentPlayer)],
  ];
  if (state.currentPlayer === -4) fields.push(['Result', `player ${state.rewards[0]} / dealer ${state.rewards[1]}`]);
  return renderFields(fields);
}

/**
 * The player's net result of a finished game, from what both sides see: a
 * surrender, or each hand settled against the dealer (the hole card can only
 * be hidden at the end when every hand busted, so it is never needed).
 */
function playerResult(obs: cwm.Observation): number {
  if (obs.moves.includes('R')) return -0.5;
  const dealerValue = total(obs.dealer);
  const dealerNatural = obs.dealer.length === 2 && dealerValue === 21;
  let net = 0;
  obs.hands.forEach((hand, i) => {
    const value = total(hand);
    const bet = obs.bets[i];
    if (value > 21) net -= bet;
    else if (obs.hands.length === 1 && hand.length === 2 && value === 21) net += dealerNatural ? 0 : 1.5 * bet;
    else if (dealerNatural) net -= bet;
    else if (dealerValue > 21 || value > dealerValue) net += bet;
    else if (value < dealerValue) net -= bet;
  });
  return net;
}

function renderObservation(obs: cwm.Observation, player: number): string {
  const fields: Fields = [
    ['You are', cwm.getPlayerName(player)],
    ...handRows(obs.hands, obs.bets, obs.active, obs.currentPlayer),
    ['Dealer', describeHand(obs.dealer)],
    ['Moves', obs.moves.length > 0 ? obs.moves.join(' ') : '(none)'],
    ['Status', status(obs.phase, obs.currentPlayer)],
  ];
  if (obs.currentPlayer === -4) {
    const net = playerResult(obs);
    fields.push(['Result', `player ${net} / dealer ${0 - net}`]);
  }
  return renderFields(fields);
}

function deal(...cards: string[]): string[] {
  return cards.map((card) => `deal:${card}`);
}

export const blackjack: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'blackjack', title: 'Blackjack', players: 2, information: 'imperfect', chance: true,
    utility: 'zero-sum', maxGameLength: 117, rewardRange: [-32, 32], split: 'train',
  },
  cwm,
  renderState,
  renderObservation,
  scenarios: [
    {
      name: 'the game opens with a deal from the full 52-card deck',
      actions: [],
      expect: {
        terminal: false, currentPlayer: -1,
        illegalActions: ['deal:1h', 'deal:10h', 'deal:Ax', 'H', 'S'],
      },
    },
    {
      name: 'a dealt card cannot be dealt again',
      actions: deal('Ts', '7h'),
      expect: { currentPlayer: -1, illegalActions: ['deal:Ts', 'deal:7h'] },
    },
    {
      name: 'example: 15 against a 7 hits to 19 and stands; the dealer hits 16 and busts, keeps the turn and may only stand',
      actions: [...deal('Ts', '7h', '5d', '9c'), 'H', 'deal:4h', 'S', 'H', 'deal:Kd'],
      expect: { terminal: false, currentPlayer: 1, legalActions: ['S'], illegalActions: ['H'], rewards: [0, 0] },
    },
    {
      name: 'the busted dealer\'s stand settles the round',
      actions: [...deal('Ts', '7h', '5d', '9c'), 'H', 'deal:4h', 'S', 'H', 'deal:Kd', 'S'],
      expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], winner: 0, legalActions: [] },
    },
    {
      name: 'first two cards, not a pair: hit, stand, double or surrender',
      actions: deal('Ts', '7h', '5d', '9c'),
      expect: { currentPlayer: 0, legalActions: ['H', 'S', 'D', 'R'], illegalActions: ['P'] },
    },
    {
      name: 'after a hit only hit or stand remain',
      actions: [...deal('Ts', '7h', '5d', '9c'), 'H', 'deal:2h'],
      expect: { currentPlayer: 0, legalActions: ['H', 'S'], illegalActions: ['D', 'R', 'P'] },
    },
    {
      name: 'a pair of 8s may be split',
      actions: deal('8s', '6h', '8d', 'Tc'),
      expect: { currentPlayer: 0, legalActions: ['H', 'S', 'D', 'R', 'P'] },
    },
    {
      name: 'two different ten-value cards (K, Q) count as a pair and may be split',
      actions: deal('Ks', '6h', 'Qd', 'Tc'),
      expect: { currentPlayer: 0, legalActions: ['H', 'S', 'D', 'R', 'P'] },
    },
    {
      name: 'with 21 the only action is to stand',
      actions: deal('As', '9h', 'Kd', '7c'),
      expect: { currentPlayer: 0, legalActions: ['S'] },
    },
    {
      name: 'a natural pays 3:2 even when the dealer draws to a three-card 21',
      actions: [...deal('As', '9h', 'Kd', '7c'), 'S', 'H', 'deal:5c', 'S'],
      expect: { terminal: true, rewards: [1.5, -1.5], winner: 0 },
    },
    {
      name: 'natural against natural is a push',
      actions: [...deal('As', 'Ah', 'Kd', 'Qc'), 'S', 'S'],
      expect: { terminal: true, rewards: [0, 0], winner: null },
    },
    {
      name: 'no peek: a dealer natural beats a doubled 21 and takes both units',
      actions: [...deal('5s', 'Ah', '6d', 'Kc'), 'D', 'deal:Th', 'S', 'S'],
      expect: { terminal: true, rewards: [-2, 2], winner: 1 },
    },
    {
      name: 'surrender on the first two cards costs half the bet and ends the game',
      actions: [...deal('Ts', 'Ah', '6d', '7c'), 'R'],
      expect: { terminal: true, currentPlayer: -4, rewards: [-0.5, 0.5], legalActions: [] },
    },
    {
      name: 'a player bust ends the game at once; the dealer never plays',
      actions: [...deal('Ts', '7h', '6d', '9c'), 'H', 'deal:8s'],
      expect: { terminal: true, currentPlayer: -4, rewards: [-1, 1], winner: 1 },
    },
    {
      name: 'after a double down the player keeps the turn: 8 doubled to 10 may hit again',
      actions: [...deal('6s', '6h', '2d', 'Tc'), 'D', 'deal:2s'],
      expect: { terminal: false, currentPlayer: 0, legalActions: ['H', 'S'], rewards: [0, 0] },
    },
    {
      name: 'a doubled 21 stands; then the dealer (16) must hit',
      actions: [...deal('6s', '6h', '5d', 'Tc'), 'D', 'deal:Ks', 'S'],
      expect: { terminal: false, currentPlayer: 1, legalActions: ['H'], illegalActions: ['S'], rewards: [0, 0] },
    },
    {
      name: 'a doubled hand wins two units when the dealer busts',
      actions: [...deal('6s', '6h', '5d', 'Tc'), 'D', 'deal:Ks', 'S', 'H', 'deal:9h', 'S'],
      expect: { terminal: true, rewards: [2, -2], winner: 0 },
    },
    {
      name: 'the dealer stands on soft 17 (A, 6)',
      actions: [...deal('Ts', 'Ah', '8d', '6c'), 'S'],
      expect: { currentPlayer: 1, legalActions: ['S'], illegalActions: ['H'] },
    },
    {
      name: '18 beats the dealer\'s soft 17',
      actions: [...deal('Ts', 'Ah', '8d', '6c'), 'S', 'S'],
      expect: { terminal: true, rewards: [1, -1] },
    },
    {
      name: 'equal totals push',
      actions: [...deal('Ts', 'Th', '8d', '8c'), 'S', 'S'],
      expect: { terminal: true, rewards: [0, 0], winner: null },
    },
    {
      name: 'a split hand of two cards may double and surrender',
      actions: [...deal('8s', 'Th', '8d', '7c'), 'P', 'deal:3c'],
      expect: { currentPlayer: 0, legalActions: ['H', 'S', 'D', 'R'], illegalActions: ['P'] },
    },
    {
      name: 'a split hand dealt a third 8 may split again',
      actions: [...deal('8s', 'Th', '8d', '7c'), 'P', 'deal:8h'],
      expect: { currentPlayer: 0, legalActions: ['H', 'S', 'D', 'R', 'P'] },
    },
    {
      name: 'the split-off hand is dealt nothing: it is played from its one card',
      actions: [...deal('8s', 'Th', '8d', '7c'), 'P', 'deal:3c', 'S'],
      expect: { currentPlayer: 0, legalActions: ['H', 'S'], illegalActions: ['D', 'R', 'P'] },
    },
    {
      name: 'split 8s against 17: a doubled 21 wins 2 and an 18 wins 1',
      actions: [...deal('8s', 'Th', '8d', '7c'), 'P', 'deal:3c', 'D', 'deal:Tc', 'S', 'H', 'deal:Ks', 'S', 'S'],
      expect: { terminal: true, rewards: [3, -3], winner: 0 },
    },
    {
      name: 'after a split, an ace and a ten is still a natural, paid 3:2',
      actions: [...deal('As', '9h', 'Ad', '8c'), 'P', 'deal:Kh', 'S', 'H', 'deal:Qs', 'S', 'S'],
      expect: { terminal: true, rewards: [3, -3] },
    },
    {
      name: 'a bust on a split hand ends the whole round at once, losing that hand\'s bet',
      actions: [...deal('8s', 'Th', '8d', '6c'), 'P', 'deal:5c', 'H', 'deal:Tc'],
      expect: { terminal: true, currentPlayer: -4, rewards: [-1, 1], legalActions: [] },
    },
    {
      name: 'a doubled hand that busts loses its two units at once',
      actions: [...deal('8s', 'Th', '8d', '6c'), 'P', 'deal:5c', 'D', 'deal:Tc'],
      expect: { terminal: true, rewards: [-2, 2] },
    },
    {
      name: 'surrendering a split hand costs half the first hand\'s stake (here doubled: 1)',
      actions: [...deal('8s', 'Th', '8d', '7c'), 'P', 'deal:3c', 'D', 'deal:2h', 'S', 'H', 'deal:2c', 'R'],
      expect: { terminal: true, rewards: [-1, 1] },
    },
  ],
};
