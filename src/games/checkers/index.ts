import type { GameDefinition } from '../../engine/game-definition.js';
import { renderGrid, toRows } from '../render.js';
import * as cwm from './game.js';

function renderBoard(board: string[], status: string, quietMoves: number): string {
  return [
    renderGrid(toRows(board, 8)),
    'r/b: red/black men, R/B: kings; red moves up, black moves down',
    `${status} (actions since the last capture: ${quietMoves} of 40)`,
  ].join('\n');
}

function outcome(winner: number | null): string {
  return winner !== null ? `${cwm.getPlayerName(winner)} wins` : 'draw (40 actions in a row without a capture)';
}

function render(state: cwm.State): string {
  const status = state.currentPlayer === -4 ? outcome(state.winner) : `${cwm.getPlayerName(state.currentPlayer)} to move`;
  return renderBoard(state.board, status, state.quietMoves);
}

function renderObservation(observation: cwm.Observation): string {
  return renderBoard(observation.board, observation.over ? outcome(observation.winner) : 'game on', observation.quietMoves);
}

/** The 40 quiet actions that end the draw scenario; the 44 before them contain the last capture. */
const DRAW_GAME = [
  'move_5_6_4_7', 'move_2_3_3_4', 'move_5_2_4_1', 'move_2_7_3_6', 'move_4_1_3_2', 'jump_2_1_4_3', 'jump_5_4_3_2',
  'move_3_4_4_5', 'move_6_3_5_4', 'jump_4_5_6_3', 'jump_7_4_5_2', 'move_3_6_4_5', 'move_5_0_4_1', 'move_1_2_2_3',
  'move_6_1_5_0', 'move_0_1_1_2', 'move_3_2_2_1', 'jump_1_0_3_2', 'move_6_5_5_6', 'move_1_2_2_1', 'jump_5_6_3_4_1_2',
  'move_2_1_3_0', 'jump_4_1_2_3', 'jump_1_4_3_2', 'move_7_0_6_1', 'jump_0_3_2_1', 'move_4_7_3_6', 'jump_2_5_4_7',
  'move_5_2_4_1', 'jump_3_0_5_2_7_0', 'move_7_2_6_3', 'move_1_6_2_7', 'move_6_3_5_2', 'move_3_2_4_3', 'jump_5_2_3_4',
  'move_0_5_1_6', 'move_3_4_2_5', 'jump_1_6_3_4', 'move_6_7_5_6', 'jump_4_7_6_5', 'jump_7_6_5_4', 'move_2_1_3_0',
  'move_5_4_4_3', 'jump_3_4_5_2',
  // From here on: 40 simple moves, no capture.
  'move_5_0_4_1', 'move_2_7_3_6', 'move_4_1_3_2', 'move_5_2_6_1', 'move_3_2_2_3', 'move_3_6_4_7', 'move_2_3_1_2',
  'move_0_7_1_6', 'move_1_2_0_1', 'move_4_7_5_6', 'move_0_1_1_0', 'move_1_6_2_7', 'move_1_0_0_1', 'move_3_0_4_1',
  'move_0_1_1_0', 'move_4_1_5_0', 'move_1_0_2_1', 'move_5_6_6_5', 'move_2_1_3_2', 'move_2_7_3_6', 'move_3_2_2_3',
  'move_3_6_4_7', 'move_2_3_1_4', 'move_6_5_7_4', 'move_1_4_0_3', 'move_6_1_7_2', 'move_0_3_1_2', 'move_4_7_5_6',
  'move_1_2_0_3', 'move_5_6_6_7', 'move_0_3_1_4', 'move_7_4_6_5', 'move_1_4_0_5', 'move_6_7_7_6', 'move_0_5_1_6',
  'move_7_0_6_1', 'move_1_6_2_5', 'move_6_5_5_4', 'move_2_5_3_6', 'move_6_1_7_0',
];

/** Red crowns a man with a double jump ending on row 0; a king could jump on from there. */
const CROWNING_JUMP = [
  'move_5_6_4_7', 'move_2_1_3_0', 'move_6_7_5_6', 'move_2_5_3_6', 'jump_4_7_2_5', 'jump_1_4_3_6', 'move_7_6_6_7',
  'move_2_3_3_4', 'move_5_6_4_7', 'move_0_3_1_4',
];

/** Leads to black's forced choice between a single and a double jump. */
const TWO_JUMPS = ['move_5_0_4_1', 'move_2_3_3_4', 'move_5_4_4_5', 'move_2_1_3_0', 'jump_4_5_2_3'];

/** Red leaves black with men that cannot move; one more red move that keeps them blocked wins. */
const BLOCKADE = [
  'move_5_4_4_5', 'move_2_3_3_2', 'move_6_5_5_4', 'move_2_5_3_4', 'jump_4_5_2_3', 'jump_1_2_3_4', 'move_5_6_4_5',
  'jump_3_4_5_6', 'jump_6_7_4_5', 'move_2_7_3_6', 'jump_4_5_2_7', 'move_1_4_2_5', 'move_5_4_4_3', 'jump_3_2_5_4',
  'jump_6_3_4_5', 'move_0_5_1_4', 'jump_2_7_0_5', 'move_2_5_3_6', 'jump_4_5_2_7', 'move_0_1_1_2', 'jump_0_5_2_3_0_1',
  'move_0_3_1_2', 'jump_0_1_2_3', 'move_2_1_3_2', 'jump_2_3_4_1', 'move_0_7_1_6', 'jump_2_7_0_5', 'move_1_0_2_1',
  'move_7_4_6_5', 'move_2_1_3_0',
];

/** Black crowns a man, jumps back up with the new king, and red steps aside. */
const KING_BACK = [
  'move_5_4_4_5', 'move_2_5_3_6', 'move_6_3_5_4', 'move_2_3_3_2', 'move_5_4_4_3', 'jump_3_2_5_4', 'jump_6_5_4_3',
  'jump_3_6_5_4', 'move_7_2_6_3', 'jump_5_4_7_2', 'move_5_0_4_1', 'jump_7_2_5_0', 'move_5_6_4_7',
];

/** Red crowns a man with a double jump ending on (0, 5); black steps to (3, 6). */
const RED_KING = [
  'move_5_0_4_1', 'move_2_1_3_2', 'move_6_1_5_0', 'move_2_3_3_4', 'jump_4_1_2_3', 'jump_1_4_3_2', 'move_5_2_4_1',
  'move_0_5_1_4', 'jump_4_1_2_3_0_5', 'move_2_7_3_6',
];

export const checkers: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'checkers', title: 'Checkers', players: 2, information: 'perfect', chance: false,
    // At most 12 + 11 capturing actions; at most 39 quiet actions before each of them and 40 after the last.
    utility: 'zero-sum', maxGameLength: 23 * 39 + 23 + 40, rewardRange: [-1, 1], split: 'train',
  },
  cwm,
  renderState: render,
  renderObservation,
  scenarios: [
    {
      name: 'opening: red moves first, with seven simple moves from row 5',
      actions: [],
      expect: {
        terminal: false, currentPlayer: 0, rewards: [0, 0],
        legalActions: ['move_5_0_4_1', 'move_5_2_4_1', 'move_5_2_4_3', 'move_5_4_4_3', 'move_5_4_4_5', 'move_5_6_4_5', 'move_5_6_4_7'],
        illegalActions: ['move_2_1_3_0', 'move_5_1_4_2', 'jump_5_2_3_0', 'move_5_0_4_1_3_2'],
      },
    },
    {
      name: 'a capture is forced: red must jump and may not make a simple move',
      actions: ['move_5_2_4_3', 'move_2_5_3_4'],
      expect: { terminal: false, currentPlayer: 0, legalActions: ['jump_4_3_2_5'], illegalActions: ['move_5_0_4_1', 'move_4_3_3_2'] },
    },
    {
      name: 'black must recapture the jumping man and may choose either of two jumps',
      actions: ['move_5_2_4_3', 'move_2_5_3_4', 'jump_4_3_2_5'],
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0], legalActions: ['jump_1_4_3_6', 'jump_1_6_3_4'] },
    },
    {
      name: 'a multi-jump is one action and must be completed; a shorter capture by another piece stays legal',
      actions: TWO_JUMPS,
      expect: {
        terminal: false, currentPlayer: 1,
        legalActions: ['jump_1_2_3_4', 'jump_1_4_3_2_5_0'], illegalActions: ['jump_1_4_3_2', 'move_2_5_3_4'],
      },
    },
    {
      name: 'a double jump removes both jumped men and hands the turn over',
      actions: [...TWO_JUMPS, 'jump_1_4_3_2_5_0'],
      expect: {
        terminal: false, currentPlayer: 0,
        legalActions: ['move_5_2_4_1', 'move_5_2_4_3', 'move_5_6_4_5', 'move_5_6_4_7', 'move_6_3_5_4', 'move_6_5_5_4'],
      },
    },
    {
      name: 'a man that reaches the far row by jumping is crowned and its move ends there',
      actions: CROWNING_JUMP,
      expect: {
        terminal: false, currentPlayer: 0,
        legalActions: ['jump_4_7_2_5_0_3'], illegalActions: ['jump_4_7_2_5', 'jump_4_7_2_5_0_3_2_1'],
      },
    },
    {
      name: 'the new king may move backwards on its next turn; men still may not',
      actions: [...CROWNING_JUMP, 'jump_4_7_2_5_0_3', 'move_1_2_2_1'],
      expect: {
        terminal: false, currentPlayer: 0,
        legalActions: [
          'move_0_3_1_2', 'move_0_3_1_4', 'move_5_0_4_1', 'move_5_2_4_1', 'move_5_2_4_3', 'move_5_4_4_3', 'move_5_4_4_5',
          'move_6_5_5_6', 'move_6_7_5_6',
        ],
      },
    },
    {
      name: 'after a sequence\'s first jump every later jump goes forward only, kings included: the red king stops on (2, 7)',
      actions: RED_KING,
      expect: { terminal: false, currentPlayer: 0, legalActions: ['jump_0_5_2_7'], illegalActions: ['jump_0_5_2_7_4_5', 'jump_0_5_2_7_4_5_2_3'] },
    },
    {
      name: 'a king may open a multi-jump backwards and go on forwards',
      actions: KING_BACK,
      expect: { terminal: false, currentPlayer: 1, legalActions: ['jump_5_0_3_2_5_4'] },
    },
    {
      name: 'the king\'s double jump removes both jumped men',
      actions: [...KING_BACK, 'jump_5_0_3_2_5_4'],
      expect: {
        terminal: false, currentPlayer: 0,
        legalActions: ['move_4_7_3_6', 'move_5_2_4_1', 'move_5_2_4_3', 'move_6_7_5_6', 'move_7_0_6_1', 'move_7_4_6_3', 'move_7_4_6_5', 'move_7_6_6_5'],
      },
    },
    {
      name: 'red wins when black still has men but none of them can move',
      actions: [...BLOCKADE, 'move_6_5_5_6'],
      expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], winner: 0, legalActions: [] },
    },
    {
      name: 'a red move that opens a jump for a blocked black man does not win; black must take it',
      actions: [...BLOCKADE, 'move_5_2_4_3'],
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0], legalActions: ['jump_3_0_5_2'] },
    },
    {
      name: '39 actions in a row without a capture do not end the game',
      actions: DRAW_GAME.slice(0, DRAW_GAME.length - 1),
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0] },
    },
    {
      name: 'the 40th action in a row without a capture ends the game in a draw',
      actions: DRAW_GAME,
      expect: { terminal: true, currentPlayer: -4, rewards: [0, 0], winner: null, legalActions: [] },
    },
  ],
};
