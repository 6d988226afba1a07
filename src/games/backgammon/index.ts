import type { GameDefinition } from '../../engine/game-definition.js';
import * as cwm from './game.js';

/** One point as three characters: "X5" for five of player 0's checkers, "O2" for player 1's, " ." when empty. */
function pointCell(count: number): string {
  const text = count > 0 ? `X${count}` : count < 0 ? `O${-count}` : '.';
  return text.padStart(3);
}

const TOP = [13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24];
const BOTTOM = [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1];

function row(points: number[], cell: (point: number) => string): string {
  return `${points.slice(0, 6).map(cell).join('')} |${points.slice(6).map(cell).join('')}`;
}

/**
 * The board as two rows of points (13-24 on top, 12-1 below, with player 0's
 * home 1-6 bottom right and player 1's home 19-24 top right), then the bar,
 * the borne-off checkers, the dice and whose turn it is.
 */
function render(view: cwm.Observation): string {
  const label = (point: number) => String(point).padStart(3);
  const checkers = (point: number) => pointCell(view.board[point - 1]);
  const winner = view.off[0] >= 15 ? 0 : view.off[1] >= 15 ? 1 : null;
  const status = winner !== null ? `game over: ${cwm.getPlayerName(winner)} wins`
    : view.currentPlayer === -4 ? 'game over: draw (1000-action limit reached)'
      : view.currentPlayer === -1 ? 'dice rolling'
        : `${cwm.getPlayerName(view.currentPlayer)} to play ${view.dice[0]}-${view.dice[1]}`;
  return [
    row(TOP, label),
    row(TOP, checkers),
    row(BOTTOM, checkers),
    row(BOTTOM, label),
    `X = ${cwm.getPlayerName(0)} (moves 24 -> 1, home 1-6), O = ${cwm.getPlayerName(1)} (moves 1 -> 24, home 19-24)`,
    `bar: X ${view.bar[0]}, O ${view.bar[1]}   borne off: X ${view.off[0]}, O ${view.off[1]}`,
    status,
  ].join('\n');
}

function renderState(state: cwm.State): string {
  const plays = state.currentPlayer >= 0 ? cwm.getLegalActions(state) : [];
  const shown = plays.length === 0 ? [] : [`${plays.length} legal play${plays.length === 1 ? '' : 's'}${plays.length <= 12 ? `: ${plays.join('  ')}` : ''}`];
  return [render(state), `actions: ${state.actionCount} of 1000`, ...shown].join('\n');
}

const ALL_ROLLS: string[] = [];
for (let low = 1; low <= 6; low++) for (let high = low; high <= 6; high++) ALL_ROLLS.push(`D_${low}_${high}`);

/**
 * A whole game of seeded random play under the reference's rules: player 1
 * moves first (5 then 6), player 0's double fives hit the blot on point 1,
 * and from then on player 0 moves after every roll and bears off all 15.
 */
const WIN = [
  'D_5_6', '1/7,17/22', 'D_5_5', '13/8,8/3,13/8,6/1', 'D_3_3', '8/5,13/10,10/7,5/2', 'D_2_4', '8/4,4/2',
  'D_3_6', '8/2,6/3', 'D_3_5', '7/2,6/3', 'D_3_3', '13/10,24/21,8/5,13/10', 'D_6_6', '10/4,21/15,15/9,24/18',
  'D_6_6', '10/4,9/3', 'D_3_5', '18/13,6/3', 'D_6_6', '13/7,7/1,6/off,5/off', 'D_4_6', '4/off,4/off',
  'D_6_6', '3/off,3/off,3/off,3/off', 'D_3_3', '3/off,2/off,2/off,2/off', 'D_2_4', '2/off,1/off', 'D_2_2', '1/off',
];

export const backgammon: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'backgammon', title: 'Backgammon', players: 2, information: 'perfect', chance: true,
    utility: 'zero-sum', maxGameLength: 1000, rewardRange: [-1, 1], split: 'train', verifyTimeScale: 4,
  },
  cwm,
  renderState,
  renderObservation: render,
  scenarios: [
    {
      name: 'the game opens with a roll: 21 equally likely outcomes, smaller die first',
      actions: [],
      expect: { terminal: false, currentPlayer: -1, rewards: [0, 0], legalActions: ALL_ROLLS, illegalActions: ['D_3_1', 'pass'] },
    },
    {
      name: 'a first roll with the first die lower gives player 1 the move; every order of the dice is a play',
      actions: ['D_1_2'],
      expect: {
        terminal: false, currentPlayer: 1,
        legalActions: [
          '1/2,1/3', '1/2,12/14', '1/2,17/19', '1/2,19/21', '1/2,2/4', '1/3,1/2', '1/3,17/18', '1/3,19/20', '1/3,3/4',
          '12/14,1/2', '12/14,14/15', '12/14,17/18', '12/14,19/20', '17/18,1/3', '17/18,12/14', '17/18,17/19',
          '17/18,18/20', '17/18,19/21', '17/19,1/2', '17/19,17/18', '17/19,19/20', '19/20,1/3', '19/20,12/14',
          '19/20,17/19', '19/20,19/21', '19/20,20/22', '19/21,1/2', '19/21,17/18', '19/21,19/20', '19/21,21/22',
        ],
        illegalActions: ['1/3', 'pass', '1/4'],
      },
    },
    {
      name: 'a first roll of doubles gives player 0 the move',
      actions: ['D_2_2'],
      expect: { terminal: false, currentPlayer: 0, illegalActions: ['pass'] },
    },
    {
      name: 'after a play the dice roll again',
      actions: ['D_1_2', '1/2,1/3'],
      expect: { terminal: false, currentPlayer: -1, rewards: [0, 0], legalActions: ALL_ROLLS },
    },
    {
      name: 'once a checker has been hit, player 0 moves after every roll, doubles or not',
      actions: WIN.slice(0, 7),
      expect: { terminal: false, currentPlayer: 0, rewards: [0, 0] },
    },
    {
      name: 'bearing off: a die larger than needed takes a checker off the rearmost point',
      actions: WIN.slice(0, 23),
      expect: { terminal: false, currentPlayer: 0, legalActions: ['4/off,4/off'] },
    },
    {
      name: 'bearing off with 2-4 and checkers on 2 and 1: exactly one play',
      actions: WIN.slice(0, 29),
      expect: { terminal: false, currentPlayer: 0, legalActions: ['2/off,1/off'] },
    },
    {
      name: 'with one checker left a double bears it off in one move',
      actions: WIN.slice(0, 31),
      expect: { terminal: false, currentPlayer: 0, legalActions: ['1/off'] },
    },
    {
      name: 'bearing off the 15th checker wins: +1 for player 0, -1 for player 1',
      actions: WIN,
      expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], winner: 0, legalActions: [] },
    },
  ],
};
