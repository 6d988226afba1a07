import type { GameDefinition } from '../../engine/game-definition.js';
import { renderGrid, toRows } from '../render.js';
import * as cwm from './game.js';

/** "B"/"R" for Blue's and Red's units (lower case while stunned), "+" for the empty centre. */
function render(position: cwm.Observation): string {
  const cells: string[] = position.board.map((owner, cell) => {
    if (owner < 0) return cell === 12 ? '+' : '.';
    const mark = owner === 0 ? 'B' : 'R';
    const stunned = position.stuns.some(([at, turn]) => at === cell && position.turns <= turn + 1);
    return stunned ? mark.toLowerCase() : mark;
  });
  const status = position.winner !== null ? `${cwm.getPlayerName(position.winner)} wins`
    : position.currentPlayer === -4 ? 'draw (turn limit reached)' : `${cwm.getPlayerName(position.currentPlayer)} to move`;
  return `${renderGrid(toRows(cells, 5))}\n${status} (turn ${position.turns} of 50; lower case = stunned)`;
}

/** Blue and Red step a unit back and forth on their home rows, far from each other: `count` turns. */
function shuffle(count: number): string[] {
  const cycle = ['move (0,0) to (0,1)', 'move (4,0) to (4,1)', 'move (0,1) to (0,0)', 'move (4,1) to (4,0)'];
  return Array.from({ length: count }, (_, i) => cycle[i % 4]);
}

/** Blue stuns both Red units at once: (2,1) touches (3,0) and (3,2). */
const DOUBLE_STUN = [
  'move (0,0) to (1,1)', 'move (4,0) to (3,0)', 'move (0,4) to (0,3)', 'move (4,4) to (3,3)',
  'move (0,3) to (0,2)', 'move (3,3) to (3,2)', 'move (1,1) to (2,1)',
];

/** Blue steps next to Red's unit at (3,0), stunning it. */
const STUN = ['move (0,0) to (1,0)', 'move (4,0) to (3,0)', 'move (1,0) to (2,0)'];

export const converge: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'converge', title: 'Converge', players: 2, information: 'perfect', chance: false,
    utility: 'zero-sum', maxGameLength: 50, rewardRange: [-1, 1], split: 'eval',
  },
  cwm,
  renderState: (state) => render(cwm.getObservations(state)[0]),
  renderObservation: render,
  scenarios: [
    {
      name: 'opening: Blue moves first, each corner unit has three steps, and pass is not allowed',
      actions: [],
      expect: {
        terminal: false, currentPlayer: 0, rewards: [0, 0],
        legalActions: [
          'move (0,0) to (0,1)', 'move (0,0) to (1,0)', 'move (0,0) to (1,1)',
          'move (0,4) to (0,3)', 'move (0,4) to (1,3)', 'move (0,4) to (1,4)',
        ],
        illegalActions: ['pass', 'move (4,0) to (3,0)', 'move (0,0) to (2,2)'],
      },
    },
    {
      name: 'Blue wins by stepping onto the centre',
      actions: ['move (0,0) to (1,1)', 'move (4,4) to (3,3)', 'move (1,1) to (2,2)'],
      expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], winner: 0, legalActions: [] },
    },
    {
      name: 'Red wins by stepping onto the centre',
      actions: ['move (0,0) to (0,1)', 'move (4,0) to (3,1)', 'move (0,1) to (0,0)', 'move (3,1) to (2,2)'],
      expect: { terminal: true, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
    {
      name: 'a unit moved next to an enemy unit stuns it: Red may only move its other unit',
      actions: STUN,
      expect: {
        terminal: false, currentPlayer: 1,
        legalActions: ['move (4,4) to (3,3)', 'move (4,4) to (3,4)', 'move (4,4) to (4,3)'],
        illegalActions: ['move (3,0) to (3,1)', 'pass'],
      },
    },
    {
      name: 'a stun lasts one turn: after Red\'s turn its unit at (3,0) moves again',
      actions: [...STUN, 'move (4,4) to (3,4)', 'move (0,4) to (0,3)'],
      expect: {
        terminal: false, currentPlayer: 1,
        legalActions: [
          'move (3,0) to (2,1)', 'move (3,0) to (3,1)', 'move (3,0) to (4,0)', 'move (3,0) to (4,1)',
          'move (3,4) to (2,3)', 'move (3,4) to (2,4)', 'move (3,4) to (3,3)', 'move (3,4) to (4,3)', 'move (3,4) to (4,4)',
        ],
      },
    },
    {
      name: 'Red stuns Blue\'s unit beside the centre, so Blue cannot win this turn',
      actions: ['move (0,4) to (0,3)', 'move (4,0) to (3,0)', 'move (0,0) to (1,1)', 'move (3,0) to (2,0)'],
      expect: {
        terminal: false, currentPlayer: 0,
        legalActions: [
          'move (0,3) to (0,2)', 'move (0,3) to (0,4)', 'move (0,3) to (1,2)', 'move (0,3) to (1,3)', 'move (0,3) to (1,4)',
        ],
        illegalActions: ['move (1,1) to (2,2)'],
      },
    },
    {
      name: 'with both units stunned Red must pass, even with a unit beside the centre',
      actions: DOUBLE_STUN,
      expect: { terminal: false, currentPlayer: 1, legalActions: ['pass'], illegalActions: ['move (3,2) to (2,2)'] },
    },
    {
      name: 'after Red\'s pass Blue wins; units never move onto occupied squares',
      actions: [...DOUBLE_STUN, 'pass'],
      expect: {
        terminal: false, currentPlayer: 0,
        illegalActions: ['move (2,1) to (3,0)', 'move (2,1) to (3,2)', 'pass'],
      },
    },
    {
      name: 'Blue then steps onto the centre and wins',
      actions: [...DOUBLE_STUN, 'pass', 'move (2,1) to (2,2)'],
      expect: { terminal: true, rewards: [1, -1], winner: 0 },
    },
    {
      name: 'a unit cannot step onto its own partner',
      actions: ['move (0,4) to (0,3)', 'move (4,4) to (4,3)', 'move (0,3) to (0,2)', 'move (4,3) to (4,4)', 'move (0,2) to (0,1)', 'move (4,4) to (4,3)'],
      expect: { terminal: false, currentPlayer: 0, illegalActions: ['move (0,0) to (0,1)', 'move (0,1) to (0,0)'] },
    },
    {
      name: 'after 49 turns without a winner the game goes on',
      actions: shuffle(49),
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0] },
    },
    {
      name: 'after 50 turns without a winner the game is a draw',
      actions: shuffle(50),
      expect: { terminal: true, currentPlayer: -4, rewards: [0, 0], winner: null, legalActions: [] },
    },
  ],
};
