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
function render(state: cwm.State): string {
  const label = (point: number) => String(point).padStart(3);
  const checkers = (point: number) => pointCell(state.board[point - 1]);
  const status = state.winner !== null ? `game over: ${cwm.getPlayerName(state.winner)} wins`
    : state.currentPlayer === -4 ? 'game over: draw (1000-action limit reached)'
      : state.currentPlayer === -1 ? `dice rolling for ${cwm.getPlayerName(state.turnPlayer)}`
        : `${cwm.getPlayerName(state.currentPlayer)} to play ${state.dice[0]}-${state.dice[1]} (${state.plays.length} legal play${state.plays.length === 1 ? '' : 's'})`;
  const plays = state.currentPlayer >= 0 && state.plays.length <= 12 ? [`plays: ${state.plays.join('  ')}`] : [];
  return [
    row(TOP, label),
    row(TOP, checkers),
    row(BOTTOM, checkers),
    row(BOTTOM, label),
    `X = ${cwm.getPlayerName(0)} (moves 24 -> 1, home 1-6), O = ${cwm.getPlayerName(1)} (moves 1 -> 24, home 19-24)`,
    `bar: X ${state.bar[0]}, O ${state.bar[1]}   borne off: X ${state.off[0]}, O ${state.off[1]}   actions: ${state.actionCount} of 1000`,
    status,
    ...plays,
  ].join('\n');
}

const ALL_ROLLS: string[] = [];
for (let low = 1; low <= 6; low++) for (let high = low; high <= 6; high++) ALL_ROLLS.push(`D_${low}_${high}`);

/** Player 0 hits both of player 1's blots on points 2 and 3 (player 1 then has two checkers on the bar). */
const DOUBLE_HIT = ['D_1_2', '13/11,11/10', 'D_1_2', '1/3,1/2', 'D_3_4', '6/2,6/3'];

/**
 * A position where player 0 (checkers on 24, 24, 8 and the home board) cannot
 * move the 24s with a 5 or a 6 (points 19 and 18 are blocked) and the home
 * checkers cannot use them (point 1 is blocked and bearing off is not yet
 * allowed): only the checker on 8 can move, by 5 or by 6, never both.
 */
const ONE_DIE_ONLY = [
  'D_2_3', '13/10,13/11', 'D_4_6', '12/18,12/16', 'D_1_6', '13/7,10/9', 'D_1_2', '12/14,16/17',
  'D_3_6', '11/5,8/5', 'D_3_4', '12/16,17/20', 'D_5_5', '13/8,13/8,9/4,8/3', 'D_2_4', '14/18,19/21',
  'D_3_3', '8/5,8/5,7/4,6/3', 'D_4_5', '17/22,19/23',
];

/**
 * A race with doubles: player 1's blot on 12 is hit once and re-enters, then
 * both sides run home and bear off. After 20 actions player 0 has 6, 5 and 4
 * checkers on points 6, 3 and 2 (all home); after 28 actions 3 and 4 on points
 * 3 and 2; the 34th action bears off player 0's last three checkers.
 */
const RACE = [
  'D_6_6', '24/18,24/18,13/7,13/7', 'D_5_5', '12/17,12/17,12/17,12/17',
  'D_6_6', '18/12,18/12,13/7,13/7', 'D_5_5', 'bar/5,5/10,10/15,15/20',
  'D_6_6', '13/7,12/6,12/6,8/2', 'D_6_6', '17/23,17/23,17/23,17/23',
  'D_5_5', '8/3,8/3,7/2,7/2', 'D_5_5', '17/22,17/22,17/22,19/24',
  'D_4_4', '7/3,7/3,7/3,6/2', 'D_6_6', '1/7,1/7,7/13,7/13',
  'D_6_6', '6/off,6/off,6/off,6/off', 'D_6_6', '13/19,13/19,19/off,19/off',
  'D_6_6', '6/off,6/off,3/off,3/off', 'D_6_6', '19/off,19/off,19/off,19/off',
  'D_6_6', '3/off,3/off,3/off,2/off', 'D_6_6', '20/off,22/off,22/off,22/off',
  'D_6_6', '2/off,2/off,2/off',
];

export const backgammon: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'backgammon', title: 'Backgammon', players: 2, information: 'perfect', chance: true,
    utility: 'zero-sum', maxGameLength: 1000, rewardRange: [-1, 1], split: 'train',
  },
  cwm,
  renderState: render,
  renderObservation: render,
  scenarios: [
    {
      name: 'the game opens with a roll for player 0: 21 distinct outcomes',
      actions: [],
      expect: { terminal: false, currentPlayer: -1, rewards: [0, 0], legalActions: ALL_ROLLS, illegalActions: ['D_3_1', 'pass'] },
    },
    {
      name: 'opening 3-1: all 16 plays use both dice; one die alone or a pass is illegal',
      actions: ['D_1_3'],
      expect: {
        terminal: false, currentPlayer: 0,
        legalActions: [
          '24/21,24/23', '24/21,21/20', '24/21,8/7', '24/21,6/5', '13/10,24/23', '13/10,10/9', '13/10,8/7', '13/10,6/5',
          '8/5,24/23', '8/5,8/7', '8/5,6/5', '8/5,5/4', '6/3,24/23', '6/3,8/7', '6/3,6/5', '6/3,3/2',
        ],
        illegalActions: ['8/5', '6/5', 'pass', '13/12,13/10', '6/off,6/5'],
      },
    },
    {
      name: 'opening 6-6: four moves of six; 11 distinct plays (18/12 and 7/1 are blocked, no bearing off)',
      actions: ['D_6_6'],
      expect: {
        currentPlayer: 0,
        legalActions: [
          '24/18,24/18,13/7,13/7', '24/18,24/18,13/7,8/2', '24/18,24/18,8/2,8/2', '24/18,13/7,13/7,13/7',
          '24/18,13/7,13/7,8/2', '24/18,13/7,8/2,8/2', '24/18,8/2,8/2,8/2', '13/7,13/7,13/7,13/7',
          '13/7,13/7,13/7,8/2', '13/7,13/7,8/2,8/2', '13/7,8/2,8/2,8/2',
        ],
        illegalActions: ['24/18,24/18,18/12,18/12', '24/18,24/18,13/7,7/1'],
      },
    },
    {
      name: 'after a play the dice pass to the other player',
      actions: ['D_1_3', '8/5,6/5'],
      expect: { terminal: false, currentPlayer: -1, rewards: [0, 0], legalActions: ALL_ROLLS },
    },
    {
      name: 'hit checkers must re-enter first; entry on player 0\'s 6-point (3 checkers) is blocked, so 6-6 passes',
      actions: [...DOUBLE_HIT, 'D_6_6'],
      expect: { terminal: false, currentPlayer: 1, legalActions: ['pass'], illegalActions: ['12/18,12/18,12/18,12/18', 'bar/6'] },
    },
    {
      name: 'with two checkers on the bar and 2-5 both must enter, hitting the blot on 2',
      actions: [...DOUBLE_HIT, 'D_2_5'],
      expect: { currentPlayer: 1, legalActions: ['bar/5,bar/2'], illegalActions: ['bar/2,12/17', 'bar/5,12/14'] },
    },
    {
      name: 'with 2-6 only the 2 enters; the 6 is forfeited because the other checker is still on the bar',
      actions: [...DOUBLE_HIT, 'D_2_6'],
      expect: { currentPlayer: 1, legalActions: ['bar/2'], illegalActions: ['bar/2,12/18', 'bar/2,17/23'] },
    },
    {
      name: 'on doubles both bar checkers enter on point 1, then two more moves of one',
      actions: [...DOUBLE_HIT, 'D_1_1'],
      expect: {
        currentPlayer: 1,
        legalActions: [
          'bar/1,bar/1,1/2,1/2', 'bar/1,bar/1,1/2,2/3', 'bar/1,bar/1,1/2,17/18', 'bar/1,bar/1,1/2,19/20',
          'bar/1,bar/1,17/18,17/18', 'bar/1,bar/1,17/18,18/19', 'bar/1,bar/1,17/18,19/20', 'bar/1,bar/1,19/20,19/20',
          'bar/1,bar/1,19/20,20/21',
        ],
        illegalActions: ['bar/1,bar/1,12/13,12/13'],
      },
    },
    {
      name: 'the hit player 0 checker enters on 22 (with the 3) or 24 (with the 1) before anything else',
      actions: [...DOUBLE_HIT, 'D_2_6', 'bar/2', 'D_1_3'],
      expect: {
        currentPlayer: 0,
        legalActions: [
          'bar/22,24/23', 'bar/22,22/21', 'bar/22,10/9', 'bar/22,8/7', 'bar/22,6/5', 'bar/22,3/2',
          'bar/24,13/10', 'bar/24,10/7', 'bar/24,8/5', 'bar/24,6/3',
        ],
        illegalActions: ['8/5,6/5', 'bar/21'],
      },
    },
    {
      name: 'when either die can be played but not both, the higher die must be played',
      actions: [...ONE_DIE_ONLY, 'D_5_6'],
      expect: { currentPlayer: 0, legalActions: ['8/2'], illegalActions: ['8/3', 'pass'] },
    },
    {
      name: 'a double of which only one move is possible is played as that one move',
      actions: [...ONE_DIE_ONLY, 'D_5_5'],
      expect: { currentPlayer: 0, legalActions: ['8/3'], illegalActions: ['pass'] },
    },
    {
      name: 'bearing off: a 6 bears off from the 6-point; a 5 with checkers above and none on 5 moves 6/1',
      actions: [...RACE.slice(0, 20), 'D_5_6'],
      expect: { currentPlayer: 0, legalActions: ['6/off,6/1'], illegalActions: ['6/off,3/off', '6/off'] },
    },
    {
      name: 'bearing off from a lower point is allowed once no checker is on a higher point',
      actions: [...RACE.slice(0, 28), 'D_4_5'],
      expect: { currentPlayer: 0, legalActions: ['3/off,3/off'], illegalActions: ['2/off,2/off', '3/off,2/off'] },
    },
    {
      name: 'bearing off with 1-4: the 4 takes a checker off the highest point (3), the 1 moves inside',
      actions: [...RACE.slice(0, 28), 'D_1_4'],
      expect: { currentPlayer: 0, legalActions: ['3/off,3/2', '3/off,2/1'] },
    },
    {
      name: 'bearing off with 2-2: 2/off exactly, 3/1 inside, never 1/off while higher points are occupied',
      actions: [...RACE.slice(0, 28), 'D_2_2'],
      expect: {
        currentPlayer: 0,
        legalActions: ['3/1,3/1,3/1,2/off', '3/1,3/1,2/off,2/off', '3/1,2/off,2/off,2/off', '2/off,2/off,2/off,2/off'],
      },
    },
    {
      name: 'three checkers left and a double: three moves are all that can be played',
      actions: RACE.slice(0, 33),
      expect: { terminal: false, currentPlayer: 0, legalActions: ['2/off,2/off,2/off'] },
    },
    {
      name: 'bearing off the 15th checker wins: +1 for player 0, -1 for player 1',
      actions: RACE,
      expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], winner: 0, legalActions: [] },
    },
  ],
};
