import type { GameDefinition } from '../../engine/game-definition.js';
import type { Scenario } from '../../engine/scenario.js';
import { type Fields, renderFields } from '../render.js';
import * as cwm from './game.js';

function cards(list: string[]): string {
  return list.length > 0 ? list.join(' ') : '(none)';
}

function status(currentPlayer: number, over: boolean, winner: number | null): string {
  if (over) return winner === null ? 'game over: a draw' : `game over: player ${winner} wins`;
  if (currentPlayer === -1) return 'the deck is being dealt';
  return `player ${currentPlayer} to pick a card`;
}

function renderState(state: cwm.State): string {
  const fields: Fields = [
    ['Player 0 hand', cards(state.hands[0])],
    ['Player 1 hand', cards(state.hands[1])],
    ['Draw piles', `${cards(state.draws[0])} / ${cards(state.draws[1])}`],
    ['Win piles', `${state.wins[0].length} / ${state.wins[1].length}`],
    ['At stake', cards(state.pot)],
    ['Player 0 pick', state.pending ?? '-'],
    ['Status', status(state.currentPlayer, state.currentPlayer === -4, state.winner)],
  ];
  return renderFields(fields);
}

function renderObservation(obs: cwm.Observation, player: number): string {
  const opponent = 1 - player;
  const plays = obs.history.slice(1).map((a) => a.slice('play:'.length));
  const fields: Fields = [
    ['You are', `player ${player}`],
    ['Your hand', cards(obs.hand)],
    ['Draw piles', `you ${obs.drawCounts[player]}, opponent ${obs.drawCounts[opponent]}`],
    ['Win piles', `you ${obs.winCounts[player]}, opponent ${obs.winCounts[opponent]}`],
    ['At stake', cards(obs.pot)],
    ['Deal', obs.history.length > 0 ? obs.history[0].slice('deal:'.length) : '(not yet)'],
    ['Picks so far (P0, P1, ...)', cards(plays)],
    ['Status', obs.over ? status(-4, true, obs.winner) : obs.history.length === 0 ? status(-1, false, null) : 'in play'],
  ];
  return renderFields(fields);
}

// ---------------------------------------------------------------------------
// Scenario data: chance offers the sorted deck only, so player 0 holds the
// aces and jacks (hand Ac Ad Ah, then As Jc Jd Jh Js) and player 1 the kings
// and queens (hand Kc Kd Kh, then Ks Qc Qd Qh Qs).

const DEAL = 'deal:Ac,Ad,Ah,As,Jc,Jd,Jh,Js,Kc,Kd,Kh,Ks,Qc,Qd,Qh,Qs';
const battle = (card0: string, card1: string): string[] => [`play:${card0}`, `play:${card1}`];

/** Aces beat kings four times, then jacks lose to queens twice: 8 cards to 4 when the sixth refill fails. */
const ACES_FIRST = [DEAL, ...battle('Ac', 'Kc'), ...battle('Ad', 'Kd'), ...battle('Ah', 'Kh'), ...battle('As', 'Ks'),
  ...battle('Jc', 'Qc'), ...battle('Jd', 'Qd')];
/** Jacks as soon as they are drawn: two wins for player 0, four for player 1. */
const JACKS_EARLY = [DEAL, ...battle('Ac', 'Kc'), ...battle('Ad', 'Kd'), ...battle('Jc', 'Kh'), ...battle('Jd', 'Ks'),
  ...battle('Jh', 'Qc'), ...battle('Js', 'Qd')];
/** Three battles each: 6 cards to 6. */
const EVEN = [DEAL, ...battle('Ac', 'Kc'), ...battle('Ad', 'Kd'), ...battle('Jc', 'Kh'), ...battle('Jd', 'Ks'),
  ...battle('Jh', 'Qc'), ...battle('Ah', 'Qd')];

const scenarios: Scenario[] = [
  {
    name: 'the game opens with the deal of the whole deck; like the paper\'s golden, chance offers the sorted order only',
    actions: [],
    expect: { terminal: false, currentPlayer: -1, legalActions: [DEAL], illegalActions: ['play:Ac'] },
  },
  {
    name: 'after the deal player 0 picks first from its hand of three (the first three of its eight cards)',
    actions: [DEAL],
    expect: { terminal: false, currentPlayer: 0, legalActions: ['play:Ac', 'play:Ad', 'play:Ah'], illegalActions: ['play:As', 'play:Kc'], rewards: [0, 0] },
  },
  {
    name: 'player 1 then picks from its own hand',
    actions: [DEAL, 'play:Ac'],
    expect: { currentPlayer: 1, legalActions: ['play:Kc', 'play:Kd', 'play:Kh'], illegalActions: ['play:Ac', 'play:Ks'] },
  },
  {
    name: 'after a decided battle both hands are refilled from the draw piles and player 0 picks again',
    actions: [DEAL, ...battle('Ac', 'Kc')],
    expect: { currentPlayer: 0, legalActions: ['play:Ad', 'play:Ah', 'play:As'], rewards: [0, 0] },
  },
  {
    name: 'a jack drawn into the hand can be picked',
    actions: [DEAL, ...battle('Ac', 'Kc'), ...battle('Ad', 'Kd')],
    expect: { currentPlayer: 0, legalActions: ['play:Ah', 'play:As', 'play:Jc'] },
  },
  {
    name: 'the sixth battle ends the game (no card left to refill the hand): 8 win-pile cards to 4 for player 0',
    actions: ACES_FIRST,
    expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], winner: 0, legalActions: [] },
  },
  {
    name: 'the game goes on until that refill: after five battles player 0 still picks',
    actions: ACES_FIRST.slice(0, 11),
    expect: { terminal: false, currentPlayer: 0, legalActions: ['play:Jd', 'play:Jh', 'play:Js'] },
  },
  {
    name: 'jacks played early lose to kings and queens: 4 cards to 8, player 1 wins',
    actions: JACKS_EARLY,
    expect: { terminal: true, rewards: [-1, 1], winner: 1, legalActions: [] },
  },
  {
    name: 'equal win piles (6 / 6) when the draw piles run out: a draw',
    actions: EVEN,
    expect: { terminal: true, rewards: [0, 0], winner: null, legalActions: [] },
  },
];

export const handOfWar: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'hand_of_war', title: 'Hand of War', players: 2, information: 'imperfect', chance: true,
    utility: 'zero-sum', maxGameLength: 13, rewardRange: [-1, 1], split: 'eval',
  },
  cwm,
  renderState,
  renderObservation,
  scenarios,
};
