import type { GameDefinition } from '../../engine/game-definition.js';
import { bettingLine, type PokerTerms, renderPokerObservation, renderPokerState } from '../render.js';
import * as cwm from './game.js';

const terms: PokerTerms = { playerName: cwm.getPlayerName, dealing: 'the deal' };

/** Chips in the pot, from the public betting: antes of 2, plus 1 per raise and 1 per call of a raise. */
function potFromBetting(betting: string[]): number {
  let pot = 2;
  let raised = false;
  for (const action of betting) {
    if (action === 'Raise') {
      pot += 1;
      raised = true;
    } else if (action === 'Call' && raised) {
      pot += 1;
    }
  }
  return pot;
}

function renderState(state: cwm.State): string {
  const dealt = state.cards.length > 0;
  return renderPokerState(terms, state, {
    cards: [
      ['Player 0 card', dealt ? state.cards[0] : '-'],
      ['Player 1 card', dealt ? state.cards[1] : '-'],
    ],
    betting: [['Betting', bettingLine(state.betting)]],
  });
}

function renderObservation(obs: cwm.Observation, player: number): string {
  return renderPokerObservation(terms, { ...obs, player }, [
    ['Pot', String(potFromBetting(obs.betting))],
    ['Betting', bettingLine(obs.betting)],
  ]);
}

export const kuhnPoker: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'kuhn_poker', title: 'Kuhn Poker', players: 2, information: 'imperfect', chance: true,
    utility: 'zero-sum', maxGameLength: 4, rewardRange: [-2, 2], split: 'train',
  },
  cwm,
  renderState,
  renderObservation,
  scenarios: [
    {
      name: 'the hand starts with the deal: six ordered pairs of distinct cards',
      actions: [],
      expect: {
        terminal: false, currentPlayer: -1,
        legalActions: ['JQ', 'JK', 'QJ', 'QK', 'KJ', 'KQ'],
        illegalActions: ['JJ', 'QQ', 'KK', 'Call'],
      },
    },
    {
      name: 'player 0 opens with Call (check) or Raise: no fold without a raise to answer',
      actions: ['KJ'],
      expect: { terminal: false, currentPlayer: 0, legalActions: ['Call', 'Raise'], illegalActions: ['Fold'], rewards: [0, 0] },
    },
    {
      name: 'after a check player 1 may Call (check back) or Raise, not Fold',
      actions: ['JQ', 'Call'],
      expect: { terminal: false, currentPlayer: 1, legalActions: ['Call', 'Raise'], illegalActions: ['Fold'] },
    },
    {
      name: 'facing a raise only Fold or Call remain (player 1)',
      actions: ['QK', 'Raise'],
      expect: { terminal: false, currentPlayer: 1, legalActions: ['Fold', 'Call'], illegalActions: ['Raise'] },
    },
    {
      name: 'check then raise returns to player 0 with Fold or Call',
      actions: ['KJ', 'Call', 'Raise'],
      expect: { terminal: false, currentPlayer: 0, legalActions: ['Fold', 'Call'], illegalActions: ['Raise'] },
    },
    {
      name: 'example: K vs J, check, raise, call: the King wins 2',
      actions: ['KJ', 'Call', 'Raise', 'Call'],
      expect: { terminal: true, currentPlayer: -4, rewards: [2, -2], winner: 0, legalActions: [] },
    },
    {
      name: 'check-check showdown: the higher card wins the antes',
      actions: ['JK', 'Call', 'Call'],
      expect: { terminal: true, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
    {
      name: 'raise and call: the higher card wins 2',
      actions: ['QK', 'Raise', 'Call'],
      expect: { terminal: true, rewards: [-2, 2], winner: 1 },
    },
    {
      name: 'folding facing a raise loses only the ante (player 1 folds)',
      actions: ['JK', 'Raise', 'Fold'],
      expect: { terminal: true, rewards: [1, -1], winner: 0 },
    },
    {
      name: 'player 0 folds facing a raise after checking: loses the ante',
      actions: ['KQ', 'Call', 'Raise', 'Fold'],
      expect: { terminal: true, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
    {
      name: 'mid-hand rewards are what a showdown would pay now: 1 after a check',
      actions: ['JK', 'Call'],
      expect: { terminal: false, currentPlayer: 1, rewards: [-1, 1] },
    },
    {
      name: 'mid-hand rewards are what a showdown would pay now: 2 once someone raised',
      actions: ['KQ', 'Call', 'Raise'],
      expect: { terminal: false, currentPlayer: 0, rewards: [2, -2] },
    },
  ],
};
