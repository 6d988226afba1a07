import type { GameDefinition } from '../../engine/game-definition.js';
import { renderGrid, toRows } from '../render.js';
import * as cwm from './game.js';

function pointName(point: number): string {
  return `place_${Math.floor(point / 9)}_${point % 9}`;
}

function render(state: cwm.State): string {
  let status: string;
  if (state.winner !== null && state.score !== null) {
    status = `game over after ${state.moves} actions: Black ${state.score[0]}, White ${state.score[1]} (komi 6.5 included); `
      + `${cwm.getPlayerName(state.winner)} wins`;
  } else {
    const notes = [`move ${state.moves + 1} of at most 162`];
    if (state.passes > 0) notes.push('the opponent just passed');
    if (state.koPoint >= 0) notes.push(`ko: ${pointName(state.koPoint)} is forbidden this turn`);
    status = `${cwm.getPlayerName(state.currentPlayer)} (${state.currentPlayer === 0 ? 'B' : 'W'}) to move; ${notes.join('; ')}`;
  }
  return `${renderGrid(toRows(state.board, 9))}\n${status}`;
}

const ALL_POINTS: string[] = [];
for (let point = 0; point < 81; point++) ALL_POINTS.push(pointName(point));

/** Black walls off column 4, White column 2 (alternating, Black first), then both pass. */
const WALLS: string[] = [];
for (let row = 0; row < 9; row++) WALLS.push(`place_${row}_4`, `place_${row}_2`);

/** Builds a simple ko: White's last move captures the black stone at (1,2) from (1,1). */
const KO = [
  'place_0_1', 'place_0_2', 'place_1_0', 'place_1_3', 'place_2_1', 'place_2_2', 'place_1_2', 'place_1_1',
];

export const go: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'go', title: 'Go (9x9)', players: 2, information: 'perfect', chance: false,
    utility: 'zero-sum', maxGameLength: 162, rewardRange: [-1, 1], split: 'train',
  },
  cwm,
  renderState: render,
  renderObservation: render,
  scenarios: [
    {
      name: 'opening: Black moves first and may play any of the 81 points or pass',
      actions: [],
      expect: { terminal: false, currentPlayer: 0, rewards: [0, 0], legalActions: [...ALL_POINTS, 'pass'] },
    },
    {
      name: 'a corner stone is captured; re-entering the point would be suicide for White but is legal for Black',
      actions: ['place_0_1', 'place_0_0', 'place_1_0'],
      expect: {
        terminal: false, currentPlayer: 1, rewards: [0, 0],
        illegalActions: ['place_0_0', 'place_0_1', 'place_1_0'],
      },
    },
    {
      name: 'the captured point is empty again: Black may fill it after White passes',
      actions: ['place_0_1', 'place_0_0', 'place_1_0', 'pass', 'place_0_0'],
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0], illegalActions: ['place_0_0'] },
    },
    {
      name: 'suicide of a two-stone group is illegal when it captures nothing',
      actions: ['place_0_2', 'place_0_0', 'place_1_1', 'place_0_1', 'place_2_0'],
      expect: { terminal: false, currentPlayer: 1, illegalActions: ['place_1_0'] },
    },
    {
      name: 'Black captures the two white stones by taking their last liberty; the points are free again',
      actions: ['place_0_2', 'place_0_0', 'place_1_1', 'place_0_1', 'place_2_0', 'pass', 'place_1_0', 'place_0_1'],
      expect: { terminal: false, currentPlayer: 0 },
    },
    {
      name: 'ko: a stone with no liberties of its own captures, and Black may not retake at once',
      actions: KO,
      expect: { terminal: false, currentPlayer: 0, rewards: [0, 0], illegalActions: ['place_1_2', 'place_1_1'] },
    },
    {
      name: 'ko: after an exchange elsewhere Black may retake, and then White may not retake at once',
      actions: [...KO, 'place_8_8', 'place_8_7', 'place_1_2'],
      expect: { terminal: false, currentPlayer: 1, illegalActions: ['place_1_1'] },
    },
    {
      name: 'ko: the ban lasts one turn: Black passes, White plays elsewhere, then Black may retake',
      actions: [...KO, 'pass', 'place_5_5', 'place_1_2'],
      expect: { terminal: false, currentPlayer: 1, illegalActions: ['place_1_1'] },
    },
    {
      name: 'two passes on the empty board end the game: White wins on komi',
      actions: ['pass', 'pass'],
      expect: { terminal: true, currentPlayer: -4, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
    {
      name: 'a pass, a move and a pass do not end the game',
      actions: ['pass', 'place_4_4', 'pass'],
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0] },
    },
    {
      name: 'area scoring: a lone black stone owns every empty point, so Black wins 81 to 6.5',
      actions: ['place_4_4', 'pass', 'pass'],
      expect: { terminal: true, rewards: [1, -1], winner: 0, legalActions: [] },
    },
    {
      name: 'area scoring: shared empty points are neutral, so one stone each is won by komi',
      actions: ['place_4_4', 'place_4_5', 'pass', 'pass'],
      expect: { terminal: true, rewards: [-1, 1], winner: 1 },
    },
    {
      name: 'area scoring with walls: Black 45 beats White 27 + 6.5',
      actions: [...WALLS, 'pass', 'pass'],
      expect: { terminal: true, rewards: [1, -1], winner: 0, legalActions: [] },
    },
  ],
};
