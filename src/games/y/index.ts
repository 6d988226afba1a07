import type { GameDefinition } from '../../engine/game-definition.js';
import * as cwm from './game.js';

/**
 * The triangle as rows y = 0 (top, 5 cells) to y = 4 (bottom, 1 cell), each
 * row shifted half a cell to the right of the one above, so the diagonal
 * neighbours (x+1, y-1) and (x-1, y+1) sit beside each other on screen.
 */
function render(state: cwm.State): string {
  const lines = ['y    cells "x,y", x from the left of the row; sides x = 0 (left end), y = 0 (top row), x + y = 4 (right end)'];
  let cell = 0;
  for (let y = 0; y < 5; y++) {
    const cells = state.board.slice(cell, cell + 5 - y);
    cell += 5 - y;
    lines.push(` ${y}   ${' '.repeat(y)}${cells.join(' ')}`);
  }
  let status: string;
  if (state.winner !== null) status = `${cwm.getPlayerName(state.winner)} wins`;
  else if (state.currentPlayer === -4) status = 'game over';
  else status = `${cwm.getPlayerName(state.currentPlayer)} (${state.currentPlayer === 0 ? 'B' : 'W'}) to move`;
  lines.push(`${status} (${state.moves} stones played)`);
  return lines.join('\n');
}

const ALL_CELLS = [
  '0,0', '1,0', '2,0', '3,0', '4,0', '0,1', '1,1', '2,1', '3,1', '0,2', '1,2', '2,2', '0,3', '1,3', '0,4',
];

/** Black runs the y = 0 side from corner 0,0 to corner 4,0; White builds along x = 0 and x + y = 4 but never reaches y = 0. */
const TOP_SIDE = ['0,0', '0,2', '1,0', '0,3', '2,0', '0,4', '3,0', '1,3', '4,0'];

export const y: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'y', title: 'Y (5 cells per side)', players: 2, information: 'perfect', chance: false,
    utility: 'zero-sum', maxGameLength: 15, rewardRange: [-1, 1], split: 'eval',
  },
  cwm,
  renderState: render,
  renderObservation: render,
  scenarios: [
    {
      name: 'opening: Black may play any of the 15 cells; names off the triangle are not cells',
      actions: [],
      expect: {
        terminal: false, currentPlayer: 0, rewards: [0, 0], legalActions: ALL_CELLS,
        illegalActions: ['5,0', '0,5', '3,2', '2,3', '-1,0', '0, 0', '00', '1.0'],
      },
    },
    {
      name: 'an occupied cell cannot be played again; turns alternate',
      actions: ['2,1'],
      expect: { terminal: false, currentPlayer: 1, illegalActions: ['2,1'] },
    },
    {
      name: 'a chain along one side that has reached only two sides is not a win',
      actions: TOP_SIDE.slice(0, 8),
      expect: { terminal: false, currentPlayer: 0, rewards: [0, 0] },
    },
    {
      name: 'Black wins along the y = 0 side: its end cells are corners, which touch two sides each',
      actions: TOP_SIDE,
      expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], winner: 0, legalActions: [] },
    },
    {
      name: 'five stones through the middle win: 0,2 and 1,1 are neighbours (x+1, y-1), as are 1,1 and 1,0',
      actions: ['1,1', '0,4', '0,2', '1,3', '1,0', '4,0', '2,1', '0,3', '2,2'],
      expect: { terminal: true, rewards: [1, -1], winner: 0 },
    },
    {
      name: 'cells one step along (x+1, y+1) do not touch: 0,0, 1,1 and 2,2 form no group',
      actions: ['0,0', '0,4', '1,1', '1,3', '2,2'],
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0] },
    },
    {
      name: 'White wins down the x = 0 side from corner 0,0 to corner 0,4',
      actions: ['1,1', '0,0', '2,1', '0,1', '1,2', '0,2', '3,0', '0,3', '4,0', '0,4'],
      expect: { terminal: true, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
    {
      name: 'a game that fills the board is still won: Black\'s fifteenth stone',
      actions: ['2,0', '1,2', '0,4', '1,0', '1,1', '3,0', '0,3', '1,3', '2,1', '2,2', '3,1', '4,0', '0,0', '0,2', '0,1'],
      expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], winner: 0, legalActions: [] },
    },
  ],
};
