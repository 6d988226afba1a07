import type { GameDefinition } from '../../engine/game-definition.js';
import { renderGrid, toRows } from '../render.js';
import * as cwm from './game.js';

function pointName(point: number): string {
  return `place_${Math.floor(point / 9)}_${point % 9}`;
}

function scoreLine(state: cwm.State): string {
  const [black, white] = cwm.scores(state);
  return `Black ${black}, White ${white} (komi 6.5 included); captures: Black ${state.captures[0]}, White ${state.captures[1]}`;
}

function render(state: cwm.State): string {
  let status: string;
  if (state.currentPlayer === -4) {
    const winner = cwm.getRewards(state)[0] > 0 ? 0 : 1;
    status = `game over after ${state.moves} actions: ${scoreLine(state)}; ${cwm.getPlayerName(winner)} wins`;
  } else {
    const notes = [`move ${state.moves + 1}`, scoreLine(state)];
    if (state.passes > 0) notes.push('the opponent just passed');
    const banned = cwm.koBans(state);
    if (banned.length > 0) notes.push(`ko: ${banned.join(', ')} would read as the board before the last action`);
    status = `${cwm.getPlayerName(state.currentPlayer)} (${state.currentPlayer === 0 ? 'B' : 'W'}) to move; ${notes.join('; ')}`;
  }
  return `${renderGrid(toRows(state.board, 9))}\n${status}`;
}

function renderObservation(observation: cwm.Observation): string {
  const passes = observation.passes >= 2 ? 'game over (two passes)' : observation.passes === 1 ? 'the last action was a pass' : '';
  const captures = `captures: Black ${observation.captures[0]}, White ${observation.captures[1]}`;
  return `${renderGrid(toRows(observation.board, 9))}\n${[captures, passes].filter((x) => x !== '').join('; ')}`;
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

/**
 * A random game (found by the agreement check against the paper's golden) where White's (8,6)
 * takes the black stone on (8,5). Black's (8,8) would take White's (7,8) and leave a board
 * different from the one before White's move, but whose stones read the same in row-major order.
 */
const GOLDEN_KO = [
  'place_8_1', 'place_0_1', 'place_0_3', 'place_7_1', 'place_1_5', 'place_4_7', 'place_2_3', 'place_5_5', 'place_3_1',
  'place_4_3', 'place_5_1', 'place_1_6', 'place_3_2', 'place_6_6', 'place_0_8', 'place_7_0', 'place_7_7', 'place_5_3',
  'place_5_0', 'place_3_5', 'place_8_0', 'place_1_3', 'place_7_3', 'place_4_5', 'place_6_0', 'place_1_0', 'place_6_8',
  'place_8_2', 'place_4_1', 'place_7_5', 'place_0_5', 'place_8_4', 'place_4_0', 'place_3_4', 'place_6_4', 'place_7_2',
  'place_5_7', 'place_3_7', 'place_4_2', 'place_6_1', 'place_2_7', 'place_2_4', 'place_8_5', 'place_5_4', 'place_7_4',
  'place_0_0', 'place_2_1', 'place_4_4', 'pass', 'place_6_2', 'pass', 'place_7_8', 'place_5_2', 'place_2_6', 'place_3_8',
  'place_1_7', 'place_2_8', 'place_2_5', 'place_8_7', 'place_8_6',
];

export const go: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'go', title: 'Go (9x9)', players: 2, information: 'perfect', chance: false,
    // Our added cap (the golden has none): see MAX_MOVES in game.ts.
    utility: 'zero-sum', maxGameLength: 1000, rewardRange: [-1, 1], split: 'train', verifyTimeScale: 3,
  },
  cwm,
  renderState: render,
  renderObservation,
  scenarios: [
    {
      name: 'opening: Black moves first and may play any of the 81 points or pass; on the empty board komi has White ahead',
      actions: [],
      expect: { terminal: false, currentPlayer: 0, rewards: [-1, 1], legalActions: [...ALL_POINTS, 'pass'] },
    },
    {
      name: 'a corner stone is captured; re-entering the point would be suicide for White but is legal for Black',
      actions: ['place_0_1', 'place_0_0', 'place_1_0'],
      expect: {
        terminal: false, currentPlayer: 1, rewards: [1, -1],
        illegalActions: ['place_0_0', 'place_0_1', 'place_1_0'],
      },
    },
    {
      name: 'the captured point is empty again: Black may fill it after White passes',
      actions: ['place_0_1', 'place_0_0', 'place_1_0', 'pass', 'place_0_0'],
      expect: { terminal: false, currentPlayer: 1, rewards: [1, -1], illegalActions: ['place_0_0'] },
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
      expect: { terminal: false, currentPlayer: 0, rewards: [-1, 1], illegalActions: ['place_1_2', 'place_1_1'] },
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
      name: 'the golden\'s ko test reads only the stones: White\'s capture on (8,6) makes Black\'s capture on (8,8) read as the board before it',
      actions: GOLDEN_KO,
      expect: { terminal: false, currentPlayer: 0, illegalActions: ['place_8_8'] },
    },
    {
      name: 'two passes on the empty board end the game: White wins on komi',
      actions: ['pass', 'pass'],
      expect: { terminal: true, currentPlayer: -4, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
    {
      name: 'a pass, a move and a pass do not end the game; the rewards already follow the area score (White\'s lone stone)',
      actions: ['pass', 'place_4_4', 'pass'],
      expect: { terminal: false, currentPlayer: 1, rewards: [-1, 1] },
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
