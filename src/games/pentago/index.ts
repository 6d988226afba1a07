import type { GameDefinition } from '../../engine/game-definition.js';
import * as cwm from './game.js';

function render(state: cwm.State): string {
  const lines = ['    0 1 2   3 4 5'];
  for (let r = 0; r < 6; r++) {
    if (r === 3) lines.push('    ------+------');
    const row = state.board.slice(r * 6, r * 6 + 6);
    lines.push(` ${r}  ${row.slice(0, 3).join(' ')} | ${row.slice(3).join(' ')}`);
  }
  lines.push('quadrants: 0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right');
  const status = state.winner !== null ? `${cwm.getPlayerName(state.winner)} wins`
    : state.currentPlayer === -4 ? 'draw' : `${cwm.getPlayerName(state.currentPlayer)} to move`;
  lines.push(`${status} (${state.moves} marble${state.moves === 1 ? '' : 's'} placed)`);
  return lines.join('\n');
}

/** Every action of `mark` that places on one of `cells` (given as [row, col]) in action order. */
function placements(mark: string, cells: Array<[number, number]>): string[] {
  const actions: string[] = [];
  for (const [r, c] of cells) {
    for (let q = 0; q < 4; q++) {
      for (const dir of ['CW', 'CCW']) actions.push(`${mark}(${r},${c})_rotate_${q}_${dir}`);
    }
  }
  return actions;
}

/** All 36 cells except the listed ones. */
function cellsExcept(...taken: Array<[number, number]>): Array<[number, number]> {
  const cells: Array<[number, number]> = [];
  for (let r = 0; r < 6; r++) {
    for (let c = 0; c < 6; c++) {
      if (!taken.some(([tr, tc]) => tr === r && tc === c)) cells.push([r, c]);
    }
  }
  return cells;
}

/** x holds column 0 of quadrant 0 plus (0,3); o holds three cells on row 5; the quadrant 3 turns change nothing. */
const COLUMN_SETUP = [
  'x(0,0)_rotate_3_CW', 'o(5,0)_rotate_3_CW', 'x(1,0)_rotate_3_CW', 'o(5,1)_rotate_3_CW',
  'x(2,0)_rotate_3_CW', 'o(5,2)_rotate_3_CW', 'x(0,3)_rotate_3_CW', 'o(4,0)_rotate_3_CW',
];

const FULL_BOARD_DRAW = [
  'x(1,1)_rotate_3_CW', 'o(4,4)_rotate_3_CCW', 'x(2,5)_rotate_1_CCW', 'o(3,0)_rotate_3_CW', 'x(5,4)_rotate_3_CCW',
  'o(2,4)_rotate_1_CCW', 'x(1,3)_rotate_3_CW', 'o(0,4)_rotate_3_CW', 'x(5,2)_rotate_1_CW', 'o(1,4)_rotate_1_CW',
  'x(0,0)_rotate_0_CW', 'o(3,5)_rotate_2_CCW', 'x(1,0)_rotate_1_CW', 'o(4,1)_rotate_0_CCW', 'x(1,5)_rotate_0_CW',
  'o(2,1)_rotate_2_CW', 'x(2,0)_rotate_2_CW', 'o(3,0)_rotate_0_CW', 'x(0,3)_rotate_0_CW', 'o(2,1)_rotate_2_CW',
  'x(5,5)_rotate_3_CCW', 'o(2,5)_rotate_0_CW', 'x(3,4)_rotate_2_CW', 'o(5,5)_rotate_2_CCW', 'x(0,1)_rotate_3_CW',
  'o(0,2)_rotate_0_CW', 'x(4,2)_rotate_2_CW', 'o(4,2)_rotate_3_CW', 'x(3,5)_rotate_1_CW', 'o(4,0)_rotate_2_CW',
  'x(0,0)_rotate_1_CW', 'o(4,2)_rotate_3_CCW', 'x(3,4)_rotate_1_CCW', 'o(3,2)_rotate_2_CW', 'x(5,4)_rotate_3_CCW',
  'o(2,5)_rotate_0_CCW',
];

export const pentago: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'pentago', title: 'Pentago', players: 2, information: 'perfect', chance: false,
    utility: 'zero-sum', maxGameLength: 36, rewardRange: [-1, 1], split: 'train',
  },
  cwm,
  renderState: render,
  renderObservation: render,
  scenarios: [
    {
      name: 'opening: x places on any of the 36 cells and turns any quadrant either way (288 actions)',
      actions: [],
      expect: {
        terminal: false, currentPlayer: 0, rewards: [0, 0], legalActions: placements('x', cellsExcept()),
        illegalActions: ['o(0,0)_rotate_0_CW', 'x(6,0)_rotate_0_CW', 'x(0,0)_rotate_4_CW', 'x(0,0)', 'x(0,0)_rotate_0_cw'],
      },
    },
    {
      name: 'the turn moves the new marble: x on (0,0) then quadrant 0 clockwise leaves it on (0,2)',
      actions: ['x(0,0)_rotate_0_CW'],
      expect: {
        terminal: false, currentPlayer: 1, legalActions: placements('o', cellsExcept([0, 2])),
        illegalActions: ['o(0,2)_rotate_1_CW', 'x(0,0)_rotate_0_CW'],
      },
    },
    {
      name: 'x wins with five in a row along the top row',
      actions: [
        'x(0,0)_rotate_3_CW', 'o(3,0)_rotate_3_CW', 'x(0,1)_rotate_3_CW', 'o(4,0)_rotate_3_CW', 'x(0,2)_rotate_3_CW',
        'o(5,0)_rotate_3_CW', 'x(0,3)_rotate_3_CW', 'o(3,1)_rotate_3_CW', 'x(0,4)_rotate_3_CW',
      ],
      expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], winner: 0, legalActions: [] },
    },
    {
      name: 'the five is checked after the turn: turning quadrant 0 clockwise lifts x\'s column onto the top row',
      actions: [...COLUMN_SETUP, 'x(0,4)_rotate_0_CW'],
      expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], winner: 0 },
    },
    {
      name: 'the same placement with a counter-clockwise turn puts the column on row 2: no five',
      actions: [...COLUMN_SETUP, 'x(0,4)_rotate_0_CCW'],
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0] },
    },
    {
      name: 'a five made by the placement but broken by the turn does not count',
      actions: [
        'x(0,0)_rotate_3_CW', 'o(5,0)_rotate_3_CW', 'x(0,1)_rotate_3_CW', 'o(5,1)_rotate_3_CW', 'x(0,2)_rotate_3_CW',
        'o(5,2)_rotate_3_CW', 'x(0,3)_rotate_3_CW', 'o(4,0)_rotate_3_CW', 'x(0,4)_rotate_0_CW',
      ],
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0] },
    },
    {
      name: 'a turn that completes only the opponent\'s five makes the opponent win',
      actions: [
        'x(5,0)_rotate_3_CW', 'o(0,0)_rotate_3_CW', 'x(5,1)_rotate_3_CW', 'o(1,0)_rotate_3_CW', 'x(5,2)_rotate_3_CW',
        'o(2,0)_rotate_3_CW', 'x(4,0)_rotate_3_CW', 'o(0,3)_rotate_3_CW', 'x(4,1)_rotate_3_CW', 'o(0,4)_rotate_3_CW',
        'x(4,2)_rotate_0_CW',
      ],
      expect: { terminal: true, currentPlayer: -4, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
    {
      name: 'a turn that completes a five for both players is a draw',
      actions: [
        'x(0,0)_rotate_2_CW', 'o(0,1)_rotate_2_CW', 'x(1,0)_rotate_2_CW', 'o(1,1)_rotate_2_CW', 'x(2,0)_rotate_2_CW',
        'o(2,1)_rotate_2_CW', 'x(0,3)_rotate_2_CW', 'o(1,3)_rotate_2_CW', 'x(0,4)_rotate_2_CW', 'o(1,4)_rotate_2_CW',
        'x(4,4)_rotate_0_CW',
      ],
      expect: { terminal: true, currentPlayer: -4, rewards: [0, 0], winner: null, legalActions: [] },
    },
    {
      name: 'x wins on a short diagonal from (0,1) to (4,5)',
      actions: [
        'x(0,1)_rotate_2_CW', 'o(0,4)_rotate_2_CW', 'x(1,2)_rotate_2_CCW', 'o(0,5)_rotate_2_CW', 'x(2,3)_rotate_2_CW',
        'o(1,4)_rotate_2_CW', 'x(3,4)_rotate_2_CW', 'o(1,5)_rotate_2_CW', 'x(4,5)_rotate_2_CW',
      ],
      expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], winner: 0 },
    },
    {
      name: 'with 35 marbles down and no five, o places the last marble',
      actions: FULL_BOARD_DRAW.slice(0, 35),
      expect: { terminal: false, currentPlayer: 1, legalActions: placements('o', [[2, 5]]) },
    },
    {
      name: 'a full board without a five is a draw',
      actions: FULL_BOARD_DRAW,
      expect: { terminal: true, currentPlayer: -4, rewards: [0, 0], winner: null, legalActions: [] },
    },
  ],
};
