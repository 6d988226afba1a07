import type { GameDefinition } from '../../engine/game-definition.js';
import { type Fields, renderFields } from '../render.js';
import * as cwm from './game.js';

function cards(list: number[]): string {
  return list.length > 0 ? list.join(' ') : '(none)';
}

/** One line per finished round: "prize 5: 7 vs 3, Player 0 takes it". */
function roundLines(prizes: number[], bids: number[][]): Fields {
  return bids.map((bid, r): [string, unknown] => {
    const taker = bid[0] > bid[1] ? `${cwm.getPlayerName(0)} takes it` : bid[1] > bid[0] ? `${cwm.getPlayerName(1)} takes it` : 'tie, discarded';
    return [`Round ${r + 1}`, `prize ${prizes[r]}: ${bid[0]} vs ${bid[1]}, ${taker}`];
  });
}

function currentPrize(prizes: number[], bids: number[][]): string {
  return prizes.length > bids.length ? String(prizes[prizes.length - 1]) : '(not turned up)';
}

function gameOver(points: number[]): string {
  if (points[0] === points[1]) return `game over: draw at ${points[0]} each`;
  return `game over: ${cwm.getPlayerName(points[0] > points[1] ? 0 : 1)} wins ${Math.max(points[0], points[1])} to ${Math.min(points[0], points[1])}`;
}

function status(currentPlayer: number, points: number[]): string {
  if (currentPlayer === -1) return 'the next prize card is turned up';
  if (currentPlayer === -4) return gameOver(points);
  return `${cwm.getPlayerName(currentPlayer)} to bid`;
}

/** What a player's view tells of the game's progress (player 1 cannot tell whether player 0 has bid). */
function viewStatus(obs: cwm.Observation, player: number): string {
  if (obs.bids.length === 13) return gameOver(obs.points);
  if (obs.prizes.length === obs.bids.length) return 'the next prize card is turned up';
  if (player === 1) return 'bidding: player 0 bids face down first, then you';
  return obs.ownBid === null ? 'your bid' : 'waiting for player 1\'s bid';
}

function renderState(state: cwm.State): string {
  return renderFields([
    ['Current prize', currentPrize(state.prizes, state.bids)],
    ['Player 0 hand', cards(state.hands[0])],
    ['Player 1 hand', cards(state.hands[1])],
    ['Player 0 face-down bid', state.pending === null ? '-' : String(state.pending)],
    ...roundLines(state.prizes, state.bids),
    ['Points', `${state.points[0]} / ${state.points[1]}`],
    ['Status', status(state.currentPlayer, state.points)],
  ]);
}

function renderObservation(obs: cwm.Observation, player: number): string {
  const opponent = 1 - player;
  // The opponent's cards: every card it has not revealed (a face-down bid is still among them).
  const opponentCards: number[] = [];
  for (let card = 1; card <= 13; card++) {
    if (!obs.bids.some((bid) => bid[opponent] === card)) opponentCards.push(card);
  }
  return renderFields([
    ['You are', cwm.getPlayerName(player)],
    ['Current prize', currentPrize(obs.prizes, obs.bids)],
    ['Your hand', cards(obs.hand)],
    ['Your face-down bid', obs.ownBid === null ? '-' : String(obs.ownBid)],
    ['Opponent cards left', cards(opponentCards)],
    ...roundLines(obs.prizes, obs.bids),
    ['Points', `you ${obs.points[player]}, opponent ${obs.points[opponent]}`],
    ['Status', viewStatus(obs, player)],
  ]);
}

const ALL_BIDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map((card) => `bid:${card}`);
const ALL_PRIZES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map((card) => `prize:${card}`);

/** Rounds where prize k is met by bids a (player 0) and b (player 1). */
function rounds(list: Array<[number, number, number]>): string[] {
  const actions: string[] = [];
  for (const [prize, a, b] of list) actions.push(`prize:${prize}`, `bid:${a}`, `bid:${b}`);
  return actions;
}

/** Prize k in round k, both players bidding k: every round ties. */
const ALL_TIES = rounds([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map((k): [number, number, number] => [k, k, k]));

export const goofspiel: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'goofspiel', title: 'Goofspiel', players: 2, information: 'imperfect', chance: true,
    utility: 'zero-sum', maxGameLength: 39, rewardRange: [-1, 1], split: 'train', verifyTimeScale: 2,
  },
  cwm,
  renderState,
  renderObservation,
  scenarios: [
    {
      name: 'the game opens with a chance node turning up any of the 13 prize cards',
      actions: [],
      expect: { terminal: false, currentPlayer: -1, legalActions: ALL_PRIZES, illegalActions: ['bid:1'] },
    },
    {
      name: 'player 0 bids first on the revealed prize, from the full hand',
      actions: ['prize:5'],
      expect: { currentPlayer: 0, legalActions: ALL_BIDS, illegalActions: ['prize:5', 'prize:6'], rewards: [0, 0] },
    },
    {
      name: 'player 1 then bids from its own full hand, the card player 0 chose included',
      actions: ['prize:5', 'bid:7'],
      expect: { currentPlayer: 1, legalActions: ALL_BIDS },
    },
    {
      name: 'equal bids discard the prize: nobody scores and the next prize comes from the 12 left',
      actions: ['prize:5', 'bid:7', 'bid:7'],
      expect: {
        terminal: false, currentPlayer: -1, rewards: [0, 0],
        legalActions: ALL_PRIZES.filter((a) => a !== 'prize:5'), illegalActions: ['prize:5'],
      },
    },
    {
      name: 'a card bid once is gone from that hand for the rest of the game',
      actions: ['prize:5', 'bid:7', 'bid:3', 'prize:2'],
      expect: { currentPlayer: 0, legalActions: ALL_BIDS.filter((a) => a !== 'bid:7'), illegalActions: ['bid:7'] },
    },
    {
      name: 'the last round has a single prize card left and one card in each hand',
      actions: ALL_TIES.slice(0, 36),
      expect: { currentPlayer: -1, legalActions: ['prize:13'] },
    },
    {
      name: 'in the last round each player must bid its one remaining card',
      actions: ALL_TIES.slice(0, 37),
      expect: { currentPlayer: 0, legalActions: ['bid:13'], illegalActions: ['bid:12'] },
    },
    {
      name: 'thirteen tied rounds: nobody scores and the game is a draw',
      actions: ALL_TIES,
      expect: { terminal: true, currentPlayer: -4, rewards: [0, 0], winner: null, legalActions: [] },
    },
    {
      name: 'player 1 outbids by one on prizes 1-12 (78 points) and loses only the 13: player 1 wins',
      actions: rounds([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map((k): [number, number, number] => [k, k, k === 13 ? 1 : k + 1])),
      expect: { terminal: true, rewards: [-1, 1], winner: 1 },
    },
    {
      name: 'prize values count, not rounds won: player 0 takes only the 13 against four small prizes (10) and wins',
      actions: rounds([[13, 13, 1], [1, 1, 2], [2, 2, 3], [3, 3, 4], [4, 4, 13], [5, 5, 5], [6, 6, 6], [7, 7, 7],
        [8, 8, 8], [9, 9, 9], [10, 10, 10], [11, 11, 11], [12, 12, 12]]),
      expect: { terminal: true, rewards: [1, -1], winner: 0 },
    },
    {
      name: 'equal prize totals (15 each: 13 + 2 against 12 + 3) are a draw',
      actions: rounds([[13, 2, 1], [12, 1, 2], [3, 3, 4], [2, 4, 3], [1, 5, 5], [4, 6, 6], [5, 7, 7], [6, 8, 8],
        [7, 9, 9], [8, 10, 10], [9, 11, 11], [10, 12, 12], [11, 13, 13]]),
      expect: { terminal: true, rewards: [0, 0], winner: null },
    },
    {
      name: 'before the end the rewards give the current leader on points: +1 / -1',
      actions: ['prize:7', 'bid:9', 'bid:3'],
      expect: { terminal: false, currentPlayer: -1, rewards: [1, -1] },
    },
  ],
};
