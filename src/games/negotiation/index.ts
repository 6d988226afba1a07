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
    return outcome === 'accept'
      ? `deal: ${cwm.getPlayerName(1 - ((proposals.length - 1) % 2))} accepted proposal ${proposals.length}`
      : `no deal: ${cwm.getPlayerName(proposals.length % 2)} rejected proposal ${proposals.length}`;
  }
  const verb = proposals.length === 0 ? 'to propose' : proposals.length >= 10 ? 'to accept or reject (no more proposals)' : 'to accept, reject or counter-propose';
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
    ['Opponent values', 'hidden'],
    ...proposalRows(obs.proposals),
    ['Status', status(obs.currentPlayer, obs.outcome, obs.proposals)],
  ];
  if (obs.currentPlayer === -4 && obs.values !== null) {
    let mine = 0;
    if (obs.outcome === 'accept') {
      const last = obs.proposals.length - 1;
      const kept = obs.proposals[last];
      const share = last % 2 === player ? kept : [2 - kept[0], 2 - kept[1], 2 - kept[2]];
      mine = obs.values[0] * share[0] + obs.values[1] * share[1] + obs.values[2] * share[2];
    }
    fields.push(['Your reward', mine]);
  }
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
/** Ten proposals alternating between the players, the last by player 1. */
const TEN = ['propose_2_0_0', 'propose_0_2_2', 'propose_2_1_0', 'propose_0_1_2', 'propose_2_1_1',
  'propose_0_2_1', 'propose_2_0_1', 'propose_1_2_2', 'propose_2_2_0', 'propose_2_2_2'];

export const negotiation: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'negotiation', title: 'Negotiation', players: 2, information: 'imperfect', chance: true,
    utility: 'general-sum', maxGameLength: 12, rewardRange: [0, 18], split: 'train',
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
      name: 'player 0 opens with a proposal: nothing is on the table to accept or reject',
      actions: [DEAL],
      expect: { currentPlayer: 0, legalActions: PROPOSALS, illegalActions: ['accept', 'reject', 'propose_3_0_0'], rewards: [0, 0] },
    },
    {
      name: 'facing a proposal, player 1 may accept, reject or counter-propose (29 actions)',
      actions: [DEAL, 'propose_2_0_0'],
      expect: { currentPlayer: 1, legalActions: [...PROPOSALS, 'accept', 'reject'] },
    },
    {
      name: 'the rules\' example: player 0 keeps both books, player 1 accepts: 6 and 8 points',
      actions: [DEAL, 'propose_2_0_0', 'accept'],
      expect: { terminal: true, currentPlayer: -4, rewards: [6, 8], winner: 1, legalActions: [] },
    },
    {
      name: 'a rejection ends the negotiation with no deal: 0 for both',
      actions: [DEAL, 'propose_2_0_0', 'reject'],
      expect: { terminal: true, rewards: [0, 0], winner: null, legalActions: [] },
    },
    {
      name: 'a counter-proposal accepted by player 0: player 1 scores what it kept, player 0 the rest',
      actions: [DEAL, 'propose_2_2_0', 'propose_0_1_2', 'accept'],
      expect: { terminal: true, rewards: [7, 6] },
    },
    {
      name: 'a proposer who keeps nothing scores 0 and the acceptor scores the whole pool',
      actions: [DEAL, 'propose_0_0_0', 'accept'],
      expect: { terminal: true, rewards: [0, 8], winner: 1 },
    },
    {
      name: 'the largest reward: all six items at value 3 each is 18',
      actions: ['v0_3_3_3_v1_1_2_3', 'propose_2_2_2', 'accept'],
      expect: { terminal: true, rewards: [18, 0], winner: 0 },
    },
    {
      name: 'after ten proposals the answer may only be accept or reject',
      actions: [DEAL, ...TEN],
      expect: { terminal: false, currentPlayer: 0, legalActions: ['accept', 'reject'], illegalActions: ['propose_1_1_1'] },
    },
    {
      name: 'the longest negotiation: ten proposals and an acceptance (12 actions)',
      actions: [DEAL, ...TEN, 'accept'],
      expect: { terminal: true, rewards: [0, 8], legalActions: [] },
    },
  ],
};
