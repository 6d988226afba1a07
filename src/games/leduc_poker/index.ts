import type { GameDefinition } from '../../engine/game-definition.js';
import { bettingLine, type Fields, type PokerTerms, renderPokerObservation, renderPokerState } from '../render.js';
import * as cwm from './game.js';

const terms: PokerTerms = { playerName: cwm.getPlayerName, dealing: 'a card is being dealt' };

/** Both rounds' betting; round 2's only once the public card is out. */
function rounds(betting: string[][], publicCard: string | null): Fields {
  return [
    ['Round 1 betting', bettingLine(betting[0])],
    ['Round 2 betting', publicCard === null ? '-' : bettingLine(betting[1])],
  ];
}

function renderState(state: cwm.State): string {
  return renderPokerState(terms, state, {
    cards: [
      ['Player 0 card', state.privateCards[0] ?? '-'],
      ['Player 1 card', state.privateCards[1] ?? '-'],
      ['Public card', state.publicCard ?? '-'],
    ],
    betting: rounds(state.betting, state.publicCard),
  });
}

function renderObservation(obs: cwm.Observation, player: number): string {
  return renderPokerObservation(terms, { ...obs, player, card: obs.privateCard }, [
    ['Public card', obs.publicCard ?? '(not dealt yet)'],
    ['Contributions', `you ${obs.contributions[player]}, opponent ${obs.contributions[1 - player]}`],
    ['Pot', String(obs.contributions[0] + obs.contributions[1])],
    ...rounds(obs.betting, obs.publicCard),
  ]);
}

export const leducPoker: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'leduc_poker', title: 'Leduc Poker', players: 2, information: 'imperfect', chance: true,
    utility: 'zero-sum', maxGameLength: 11, rewardRange: [-14, 14], split: 'train',
  },
  cwm,
  renderState,
  renderObservation,
  scenarios: [
    {
      name: 'the hand starts by dealing player 0 a card of any rank',
      actions: [],
      expect: { terminal: false, currentPlayer: -1, legalActions: ['deal:J', 'deal:Q', 'deal:K'], illegalActions: ['Call'] },
    },
    {
      name: 'player 0 acts first facing the big blind: Fold, Call or Raise',
      actions: ['deal:J', 'deal:K'],
      expect: { terminal: false, currentPlayer: 0, legalActions: ['Fold', 'Call', 'Raise'] },
    },
    {
      name: 'player 0 folding the small blind loses 1',
      actions: ['deal:K', 'deal:J', 'Fold'],
      expect: { terminal: true, currentPlayer: -4, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
    {
      name: 'after player 0 calls, player 1 may fold, check or raise (Fold is always offered)',
      actions: ['deal:J', 'deal:Q', 'Call'],
      expect: { terminal: false, currentPlayer: 1, legalActions: ['Fold', 'Call', 'Raise'] },
    },
    {
      name: 'player 1 folding with nothing to call loses the big blind',
      actions: ['deal:K', 'deal:J', 'Call', 'Fold'],
      expect: { terminal: true, rewards: [2, -2], winner: 0 },
    },
    {
      name: 'the blinds are not raises: player 1 may re-raise player 0\'s raise',
      actions: ['deal:J', 'deal:Q', 'Raise'],
      expect: { terminal: false, currentPlayer: 1, legalActions: ['Fold', 'Call', 'Raise'] },
    },
    {
      name: 'two raises cap round 1: after raise, re-raise player 0 may only Fold or Call',
      actions: ['deal:J', 'deal:Q', 'Raise', 'Raise'],
      expect: { terminal: false, currentPlayer: 0, legalActions: ['Fold', 'Call'], illegalActions: ['Raise'] },
    },
    {
      name: 'call, raise, re-raise: player 1 may only Fold or Call',
      actions: ['deal:J', 'deal:Q', 'Call', 'Raise', 'Raise'],
      expect: { terminal: false, currentPlayer: 1, legalActions: ['Fold', 'Call'], illegalActions: ['Raise'] },
    },
    {
      name: 'player 0 folds to a round-1 raise and loses 2',
      actions: ['deal:K', 'deal:J', 'Call', 'Raise', 'Fold'],
      expect: { terminal: true, rewards: [-2, 2], winner: 1 },
    },
    {
      name: 'player 1 folds to player 0\'s raise and loses the big blind',
      actions: ['deal:J', 'deal:K', 'Raise', 'Fold'],
      expect: { terminal: true, rewards: [2, -2], winner: 0 },
    },
    {
      name: 'the public card is dealt from the four remaining cards (both Jacks gone)',
      actions: ['deal:J', 'deal:J', 'Call', 'Call'],
      expect: { terminal: false, currentPlayer: -1, legalActions: ['deal:Q', 'deal:K'], illegalActions: ['deal:J'] },
    },
    {
      name: 'round 2 opens with player 0 free to fold, check or raise',
      actions: ['deal:Q', 'deal:K', 'Raise', 'Call', 'deal:J'],
      expect: { terminal: false, currentPlayer: 0, legalActions: ['Fold', 'Call', 'Raise'] },
    },
    {
      name: 'example: a pair of Jacks beats King-high, +6 / -6',
      actions: ['deal:J', 'deal:K', 'Call', 'Call', 'deal:J', 'Raise', 'Call'],
      expect: { terminal: true, currentPlayer: -4, rewards: [6, -6], winner: 0, legalActions: [] },
    },
    {
      name: 'round 2 re-raise allowed once; then the cap leaves Fold or Call',
      actions: ['deal:Q', 'deal:J', 'Call', 'Call', 'deal:K', 'Call', 'Raise', 'Raise'],
      expect: { terminal: false, currentPlayer: 1, legalActions: ['Fold', 'Call'], illegalActions: ['Raise'] },
    },
    {
      name: 'player 0 may fold, call or re-raise a round-2 raise',
      actions: ['deal:Q', 'deal:J', 'Call', 'Call', 'deal:K', 'Call', 'Raise'],
      expect: { terminal: false, currentPlayer: 0, legalActions: ['Fold', 'Call', 'Raise'] },
    },
    {
      name: 'raise-call, then raise, re-raise, call; King-high beats Queen-high for 12',
      actions: ['deal:K', 'deal:Q', 'Raise', 'Call', 'deal:J', 'Raise', 'Raise', 'Call'],
      expect: { terminal: true, rewards: [12, -12], winner: 0 },
    },
    {
      name: 'a pair with the public card beats a higher private card',
      actions: ['deal:K', 'deal:Q', 'Call', 'Call', 'deal:Q', 'Call', 'Call'],
      expect: { terminal: true, rewards: [-2, 2], winner: 1 },
    },
    {
      name: 'same private rank without a pair splits the pot',
      actions: ['deal:Q', 'deal:Q', 'Raise', 'Call', 'deal:K', 'Call', 'Call'],
      expect: { terminal: true, rewards: [0, 0], winner: null, legalActions: [] },
    },
    {
      name: 'folding to a round-2 raise loses everything put in so far',
      actions: ['deal:K', 'deal:J', 'Raise', 'Call', 'deal:Q', 'Call', 'Raise', 'Fold'],
      expect: { terminal: true, rewards: [-4, 4], winner: 1 },
    },
    {
      name: 'largest pot: two raises in each round; Queen-high loses to King-high for 14',
      actions: ['deal:Q', 'deal:K', 'Raise', 'Raise', 'Call', 'deal:J', 'Raise', 'Raise', 'Call'],
      expect: { terminal: true, rewards: [-14, 14], winner: 1 },
    },
    {
      name: 'without a pair a hand counts the public card too: a public K above J and Q ties the hand',
      actions: ['deal:J', 'deal:Q', 'Raise', 'Call', 'deal:K', 'Call', 'Call'],
      expect: { terminal: true, rewards: [0, 0], winner: null },
    },
    {
      name: 'round-2 rewards before the end are what a showdown would pay now',
      actions: ['deal:J', 'deal:K', 'Call', 'Call', 'deal:J', 'Call'],
      expect: { terminal: false, currentPlayer: 1, rewards: [2, -2] },
    },
  ],
};
