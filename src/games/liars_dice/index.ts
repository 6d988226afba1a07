import type { GameDefinition } from '../../engine/game-definition.js';
import { type Fields, renderFields } from '../render.js';
import * as cwm from './game.js';

/** The six chance actions rolling player 0's dice, then player 1's. */
function rolls(dice0: number[], dice1: number[]): string[] {
  return dice0.concat(dice1).map((face) => `roll:${face}`);
}

function allBidsFrom(quantity: number, face: number): string[] {
  const bids: string[] = [];
  for (let q = 1; q <= 6; q++) {
    for (let f = 1; f <= 6; f++) {
      if (q > quantity || (q === quantity && f > face)) bids.push(`bid:${q}:${f}`);
    }
  }
  return bids;
}

/** "three 4s" for "bid:3:4". */
function describeBid(action: string): string {
  const parts = action.split(':');
  return `${parts[1]} x ${parts[2]}${parts[2] === '1' ? ' (ones, not wild)' : ''}`;
}

function standingBid(bids: string[]): string {
  for (let i = bids.length - 1; i >= 0; i--) {
    if (bids[i] !== 'liar') return describeBid(bids[i]);
  }
  return '(none yet)';
}

function status(currentPlayer: number): string {
  if (currentPlayer === -1) return 'rolling the dice';
  if (currentPlayer === -4) return 'challenge resolved';
  return `${cwm.getPlayerName(currentPlayer)} to bid or call liar`;
}

function showDice(dice: number[]): string {
  return dice.length > 0 ? `[${dice.join(' ')}]` : '(not rolled yet)';
}

/** The count of the standing bid's face among all dice and who lost the challenge. */
function resolution(dice: number[][], bids: string[]): string {
  const parts = bids[bids.length - 2].split(':');
  const quantity = Number(parts[1]);
  const face = Number(parts[2]);
  let count = 0;
  for (const cup of dice) for (const d of cup) if (d === face || (face !== 1 && d === 1)) count++;
  const challenger = (bids.length - 1) % 2;
  const loser = count >= quantity ? challenger : 1 - challenger;
  return `${count} dice count as ${face}${face === 1 ? '' : 's (ones wild)'} vs bid ${quantity}: ${cwm.getPlayerName(loser)} loses (-1), the other wins (+1)`;
}

function bidding(bids: string[]): string {
  return bids.length > 0 ? bids.join(' - ') : '(none)';
}

function renderState(state: cwm.State): string {
  const fields: Fields = [
    ['Player 0 dice', showDice(state.dice[0])],
    ['Player 1 dice', showDice(state.dice[1])],
    ['Bidding', bidding(state.bids)],
    ['Standing bid', standingBid(state.bids)],
    ['Status', status(state.currentPlayer)],
  ];
  if (state.currentPlayer === -4) fields.push(['Result', resolution(state.dice, state.bids)]);
  return renderFields(fields);
}

function renderObservation(obs: cwm.Observation, player: number): string {
  const opponent = 1 - player;
  const fields: Fields = [
    ['You are', cwm.getPlayerName(player)],
    ['Your dice', showDice(obs.ownDice)],
    ['Opponent dice', `hidden (${obs.rolled[opponent]} of 3 rolled)`],
    ['Bidding', bidding(obs.bids)],
    ['Standing bid', standingBid(obs.bids)],
    ['Status', status(obs.currentPlayer)],
  ];
  return renderFields(fields);
}

export const liarsDice: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'liars_dice', title: "Liar's Dice", players: 2, information: 'imperfect', chance: true,
    utility: 'zero-sum', maxGameLength: 43, rewardRange: [-1, 1], split: 'train',
  },
  cwm,
  renderState,
  renderObservation,
  scenarios: [
    {
      name: 'the round opens with player 0\'s first die: six equally likely faces',
      actions: [],
      expect: {
        terminal: false, currentPlayer: -1,
        legalActions: ['roll:1', 'roll:2', 'roll:3', 'roll:4', 'roll:5', 'roll:6'],
        illegalActions: ['roll:0', 'roll:7', 'bid:1:2', 'liar'],
      },
    },
    {
      name: 'six dice are rolled one by one before anyone bids',
      actions: rolls([1, 2, 3], [2, 3]),
      expect: { terminal: false, currentPlayer: -1, rewards: [0, 0] },
    },
    {
      name: 'player 0 opens: any of the 36 bids, but no challenge without a bid',
      actions: rolls([1, 2, 3], [4, 5, 6]),
      expect: { terminal: false, currentPlayer: 0, legalActions: allBidsFrom(0, 6), illegalActions: ['liar', 'bid:0:3', 'bid:7:2', 'bid:1:7'] },
    },
    {
      name: 'a raise keeps the quantity with a higher face or raises the quantity (any face)',
      actions: [...rolls([1, 2, 3], [4, 5, 6]), 'bid:3:4'],
      expect: {
        terminal: false, currentPlayer: 1, legalActions: ['liar', ...allBidsFrom(3, 4)],
        illegalActions: ['bid:3:4', 'bid:3:3', 'bid:3:1', 'bid:2:6'],
      },
    },
    {
      name: 'ones rank lowest: after two 6s, two 1s is no raise but three 1s is',
      actions: [...rolls([1, 2, 3], [4, 5, 6]), 'bid:2:6'],
      expect: { currentPlayer: 1, legalActions: ['liar', ...allBidsFrom(2, 6)], illegalActions: ['bid:2:1', 'bid:2:6'] },
    },
    {
      name: 'example: two 3s called by player 1; a 1 and two 3s make three, so the challenger loses',
      actions: [...rolls([1, 2, 3], [2, 3, 4]), 'bid:2:3', 'liar'],
      expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], winner: 0, legalActions: [] },
    },
    {
      name: 'wild ones: two 6s plus three 1s make five 6s, so the bid stands',
      actions: [...rolls([1, 1, 6], [1, 3, 6]), 'bid:5:6', 'liar'],
      expect: { terminal: true, rewards: [1, -1], winner: 0 },
    },
    {
      name: 'a bid on ones counts ones only: four 1s with three 1s rolled is false, the bidder loses',
      actions: [...rolls([1, 1, 6], [1, 3, 6]), 'bid:4:1', 'liar'],
      expect: { terminal: true, rewards: [-1, 1], winner: 1 },
    },
    {
      name: 'player 1 over-raises to six 6s with five in play; player 0 calls and wins',
      actions: [...rolls([1, 1, 6], [1, 3, 6]), 'bid:5:6', 'bid:6:6', 'liar'],
      expect: { terminal: true, rewards: [1, -1], winner: 0 },
    },
    {
      name: 'an exact count holds: three 2s with two 2s and one 1 rolled; challenger player 0 loses',
      actions: [...rolls([2, 2, 3], [1, 5, 6]), 'bid:1:5', 'bid:3:2', 'liar'],
      expect: { terminal: true, rewards: [-1, 1], winner: 1 },
    },
    {
      name: 'six 4s, true with three 1s and three 4s; after it only higher faces or a challenge remain',
      actions: [...rolls([1, 1, 1], [4, 4, 4]), 'bid:6:4'],
      expect: { terminal: false, currentPlayer: 1, legalActions: ['liar', 'bid:6:5', 'bid:6:6'] },
    },
    {
      name: 'six 4s challenged: all six count, the challenger loses',
      actions: [...rolls([1, 1, 1], [4, 4, 4]), 'bid:6:4', 'liar'],
      expect: { terminal: true, rewards: [1, -1], winner: 0 },
    },
    {
      name: 'after the top bid (six 6s) the only action is liar',
      actions: [...rolls([6, 6, 6], [6, 6, 5]), 'bid:1:2', 'bid:6:6'],
      expect: { terminal: false, currentPlayer: 0, legalActions: ['liar'] },
    },
    {
      name: 'six 6s with five 6s and a 5 is false: the bidder (player 1) loses',
      actions: [...rolls([6, 6, 6], [6, 6, 5]), 'bid:1:2', 'bid:6:6', 'liar'],
      expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], rewardSigns: [1, -1], legalActions: [] },
    },
  ],
};
