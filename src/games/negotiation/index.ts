import type { GameDefinition } from '../../engine/game-definition.js';
import { type Fields, renderFields } from '../render.js';
import * as cwm from './game.js';

function items(counts: number[]): string {
  return `${counts[0]} books, ${counts[1]} hats, ${counts[2]} balls`;
}

function valueLine(values: number[]): string {
  return `book ${values[0]}, hat ${values[1]}, ball ${values[2]}`;
}

/** One row per proposal: who made it, what the proposer keeps and what it offers. */
function proposalRows(proposals: number[][]): Fields {
  return proposals.map((kept, k): [string, unknown] => {
    const rest = [2 - kept[0], 2 - kept[1], 2 - kept[2]];
    return [`Proposal ${k + 1}`, `${cwm.getPlayerName(k % 2)} keeps ${items(kept)}; offers ${items(rest)}`];
  });
}

function status(currentPlayer: number, outcome: string | null, proposals: number[][]): string {
  if (currentPlayer === -1) return 'private values are being dealt';
  if (currentPlayer === -4) {
    if (outcome === 'accept') return `deal: ${cwm.getPlayerName(1 - ((proposals.length - 1) % 2))} accepted proposal ${proposals.length}`;
    if (outcome === null) return `no deal: the tenth proposal ends the negotiation`;
    return proposals.length === 0
      ? `no deal: ${cwm.getPlayerName(0)} walked away before proposing`
      : `no deal: ${cwm.getPlayerName(proposals.length % 2)} rejected proposal ${proposals.length}`;
  }
  const verb = proposals.length === 0 ? 'to propose or walk away' : 'to accept, reject or counter-propose';
  return `${cwm.getPlayerName(currentPlayer)} ${verb}`;
}

function renderState(state: cwm.State): string {
  const fields: Fields = [
    ['Pool', items([2, 2, 2])],
    ['Player 0 values', state.values === null ? '(not dealt)' : valueLine(state.values[0])],
    ['Player 1 values', state.values === null ? '(not dealt)' : valueLine(state.values[1])],
    ...proposalRows(state.proposals),
    ['Status', status(state.currentPlayer, state.outcome, state.proposals)],
  ];
  if (state.currentPlayer === -4) fields.push(['Rewards', cwm.getRewards(state).join(' / ')]);
  return renderFields(fields);
}

function renderObservation(obs: cwm.Observation, player: number): string {
  const fields: Fields = [
    ['You are', cwm.getPlayerName(player)],
    ['Pool', items([2, 2, 2])],
    ['Your values', obs.values === null ? '(not dealt yet)' : valueLine(obs.values)],
    ['Opponent values', obs.opponentValues === null ? 'hidden' : valueLine(obs.opponentValues)],
    ['Proposals made', obs.round],
  ];
  if (obs.proposal !== null && obs.proposer !== null) {
    const kept = obs.proposal;
    fields.push(['On the table', `${cwm.getPlayerName(obs.proposer)} keeps ${items(kept)}; offers ${items([2 - kept[0], 2 - kept[1], 2 - kept[2]])}`]);
  }
  if (obs.outcome !== null) fields.push(['Outcome', obs.outcome]);
  return renderFields(fields);
}

// ---- scenario data ---------------------------------------------------------

const PROPOSALS: string[] = [];
for (let b = 0; b <= 2; b++) for (let h = 0; h <= 2; h++) for (let l = 0; l <= 2; l++) PROPOSALS.push(`propose_${b}_${h}_${l}`);
const DEALS: string[] = [];
for (let v = 0; v < 4096; v++) {
  const d = [0, 1, 2, 3, 4, 5].map((i) => Math.floor(v / 4 ** (5 - i)) % 4);
  DEALS.push(`v0_${d[0]}_${d[1]}_${d[2]}_v1_${d[3]}_${d[4]}_${d[5]}`);
}
/** The rules' example deal: player 0 values book 3, hat 1, ball 0; player 1 book 0, hat 2, ball 2. */
const DEAL = 'v0_3_1_0_v1_0_2_2';
/** Nine proposals alternating between the players, the last by player 0; a tenth ends the negotiation. */
const NINE = ['propose_2_0_0', 'propose_0_2_2', 'propose_2_1_0', 'propose_0_1_2', 'propose_2_1_1',
  'propose_0_2_1', 'propose_2_0_1', 'propose_1_2_2', 'propose_2_2_0'];

export const negotiation: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'negotiation', title: 'Negotiation', players: 2, information: 'imperfect', chance: true,
    utility: 'zero-sum', maxGameLength: 11, rewardRange: [-9, 9], split: 'train', verifyTimeScale: 5,
  },
  cwm,
  renderState,
  renderObservation,
  scenarios: [
    {
      name: 'chance first deals both players\' private values: 4,096 equally likely deals',
      actions: [],
      expect: { terminal: false, currentPlayer: -1, legalActions: DEALS, illegalActions: ['accept', 'propose_1_1_1', 'v0_4_0_0_v1_0_0_0'] },
    },
    {
      name: 'player 0 opens with a proposal or walks away: nothing is on the table to accept',
      actions: [DEAL],
      expect: { currentPlayer: 0, legalActions: [...PROPOSALS, 'reject'], illegalActions: ['accept', 'propose_3_0_0'], rewards: [0, 0] },
    },
    {
      name: 'walking away before any proposal ends the negotiation with no deal',
      actions: [DEAL, 'reject'],
      expect: { terminal: true, currentPlayer: -4, rewards: [0, 0], winner: null, legalActions: [] },
    },
    {
      name: 'facing a proposal, player 1 may accept, reject or counter-propose (29 actions)',
      actions: [DEAL, 'propose_2_0_0'],
      expect: { currentPlayer: 1, legalActions: [...PROPOSALS, 'accept', 'reject'] },
    },
    {
      name: 'the rules\' example: player 0 keeps both books (6 points), player 1 accepts the rest (8 points): rewards are each minus the mean 7',
      actions: [DEAL, 'propose_2_0_0', 'accept'],
      expect: { terminal: true, currentPlayer: -4, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
    {
      name: 'a rejection ends the negotiation with no deal: 0 for both',
      actions: [DEAL, 'propose_2_0_0', 'reject'],
      expect: { terminal: true, rewards: [0, 0], winner: null, legalActions: [] },
    },
    {
      name: 'a counter-proposal accepted by player 0: player 1 scores what it kept (6), player 0 the rest (7)',
      actions: [DEAL, 'propose_2_2_0', 'propose_0_1_2', 'accept'],
      expect: { terminal: true, rewards: [0.5, -0.5], winner: 0 },
    },
    {
      name: 'a proposer who keeps nothing scores 0 and the acceptor scores the whole pool (8)',
      actions: [DEAL, 'propose_0_0_0', 'accept'],
      expect: { terminal: true, rewards: [-4, 4], winner: 1 },
    },
    {
      name: 'the largest reward: all six items at value 3 each is 18 against 0, so 9 and -9',
      actions: ['v0_3_3_3_v1_1_2_3', 'propose_2_2_2', 'accept'],
      expect: { terminal: true, rewards: [9, -9], winner: 0 },
    },
    {
      name: 'after nine proposals player 1 may still answer or counter-propose',
      actions: [DEAL, ...NINE],
      expect: { terminal: false, currentPlayer: 1, legalActions: [...PROPOSALS, 'accept', 'reject'] },
    },
    {
      name: 'the tenth proposal ends the negotiation with no deal (11 actions, the longest game)',
      actions: [DEAL, ...NINE, 'propose_2_2_2'],
      expect: { terminal: true, currentPlayer: -4, rewards: [0, 0], winner: null, legalActions: [] },
    },
    {
      name: 'an acceptance of the ninth proposal: player 0 keeps both books and hats (8), player 1 gets the balls (4)',
      actions: [DEAL, ...NINE, 'accept'],
      expect: { terminal: true, rewards: [2, -2], winner: 0 },
    },
  ],
};
