import type { GameDefinition } from '../../engine/game-definition.js';
import { type Fields, renderFields } from '../render.js';
import * as cwm from './game.js';

function status(currentPlayer: number): string {
  if (currentPlayer === -1) return 'drawing the valuations';
  if (currentPlayer === -4) return 'both bids revealed';
  return `${cwm.getPlayerName(currentPlayer)} to bid`;
}

/** "<winner> wins at <bid>" for two revealed bids (player 0 takes ties). */
function winnerLine(bids: number[]): string {
  const winner = bids[0] >= bids[1] ? 0 : 1;
  const tie = bids[0] === bids[1] ? ' (tie goes to Player 0)' : '';
  return `${cwm.getPlayerName(winner)} wins and pays ${bids[winner]}${tie}`;
}

function renderState(state: cwm.State): string {
  const dealt = state.values.length > 0;
  const fields: Fields = [];
  for (let p = 0; p < 2; p++) {
    const bid = state.bids.length > p ? String(state.bids[p]) : 'not yet';
    fields.push([`${cwm.getPlayerName(p)} valuation`, dealt ? String(state.values[p]) : '-']);
    fields.push([`${cwm.getPlayerName(p)} bid`, bid]);
  }
  fields.push(['Status', status(state.currentPlayer)]);
  if (state.currentPlayer === -4) {
    fields.push(['Result', winnerLine(state.bids)]);
    fields.push(['Payoffs', `${state.rewards[0]} / ${state.rewards[1]}`]);
  }
  return renderFields(fields);
}

function renderObservation(obs: cwm.Observation, player: number): string {
  const fields: Fields = [
    ['You are', cwm.getPlayerName(player)],
    ['Your valuation', obs.value === null ? '(not drawn yet)' : String(obs.value)],
    ['Opponent valuation', obs.opponentValue === null ? 'hidden' : String(obs.opponentValue)],
    ['Your bid', obs.ownBid === null ? 'not yet' : String(obs.ownBid)],
    ['Opponent bid', obs.opponentBid === null ? 'sealed' : String(obs.opponentBid)],
  ];
  if (obs.ownBid !== null && obs.opponentBid !== null && obs.value !== null && obs.opponentValue !== null) {
    const bids = player === 0 ? [obs.ownBid, obs.opponentBid] : [obs.opponentBid, obs.ownBid];
    const values = player === 0 ? [obs.value, obs.opponentValue] : [obs.opponentValue, obs.value];
    // Both valuations and bids are shown at the end: replay them for the rewards.
    const actions = [`${values[0]}${values[1]}`, `bid_${bids[0]}`, `bid_${bids[1]}`];
    const rewards = cwm.getRewards(actions.reduce((state, action) => cwm.applyAction(state, action), cwm.getInitialState()));
    fields.push(['Result', `${winnerLine(bids)}; your reward ${rewards[player]}`]);
  }
  return renderFields(fields);
}

const ALL_BIDS = ['bid_0', 'bid_1', 'bid_2', 'bid_3', 'bid_4', 'bid_5'];

export const firstPriceAuction: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'first_price_auction', title: 'First-Price Sealed-Bid Auction', players: 2, information: 'imperfect', chance: true,
    utility: 'zero-sum', maxGameLength: 3, rewardRange: [-2.5, 2.5], split: 'train',
  },
  cwm,
  renderState,
  renderObservation,
  scenarios: [
    {
      name: 'the auction opens with the draw of both valuations: 25 pairs from 11 to 55',
      actions: [],
      expect: {
        terminal: false, currentPlayer: -1,
        legalActions: [
          '11', '12', '13', '14', '15', '21', '22', '23', '24', '25', '31', '32', '33', '34', '35',
          '41', '42', '43', '44', '45', '51', '52', '53', '54', '55',
        ],
        illegalActions: ['00', '06', '60', '10', 'bid_0'],
      },
    },
    {
      name: 'player 0 bids first, any whole amount 0..5 whatever its valuation',
      actions: ['15'],
      expect: { terminal: false, currentPlayer: 0, legalActions: ALL_BIDS, illegalActions: ['bid_6', 'bid_-1', '15'], rewards: [0, 0] },
    },
    {
      name: 'player 1 bids second with the same six bids',
      actions: ['15', 'bid_5'],
      expect: { terminal: false, currentPlayer: 1, legalActions: ALL_BIDS, rewards: [0, 0] },
    },
    {
      name: 'example: valuations 3 and 5, bids 2 and 4: player 1 wins a surplus of 5 - 4, split +1/2 and -1/2',
      actions: ['35', 'bid_2', 'bid_4'],
      expect: { terminal: true, currentPlayer: -4, rewards: [-0.5, 0.5], winner: 1, legalActions: [] },
    },
    {
      name: 'equal bids: player 0 wins the tie, a surplus of 5 - 2 split +1.5/-1.5',
      actions: ['52', 'bid_2', 'bid_2'],
      expect: { terminal: true, rewards: [1.5, -1.5], winner: 0 },
    },
    {
      name: 'equal bids at player 0\'s valuation: player 0 wins but earns nothing',
      actions: ['33', 'bid_3', 'bid_3'],
      expect: { terminal: true, rewards: [0, 0], winner: null },
    },
    {
      name: 'the winner pays its own bid (first price), not the loser\'s',
      actions: ['55', 'bid_1', 'bid_4'],
      expect: { terminal: true, rewards: [-0.5, 0.5], rewardSigns: [-1, 1] },
    },
    {
      name: 'overbidding: player 0 wins at 5 with valuation 1, a surplus of -4: the loser gains 2',
      actions: ['14', 'bid_5', 'bid_0'],
      expect: { terminal: true, rewards: [-2, 2], winner: 1 },
    },
    {
      name: 'overbidding by player 1: wins at 3 with valuation 1, a surplus of -2 split -1/+1',
      actions: ['21', 'bid_0', 'bid_3'],
      expect: { terminal: true, rewards: [1, -1], rewardSigns: [1, -1], winner: 0 },
    },
    {
      name: 'both bid 0: player 0 takes the item for free, a surplus of 4 split +2/-2',
      actions: ['44', 'bid_0', 'bid_0'],
      expect: { terminal: true, currentPlayer: -4, rewards: [2, -2], winner: 0, illegalActions: ['bid_0'] },
    },
  ],
};
