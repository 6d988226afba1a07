import type { GameDefinition } from '../../engine/game-definition.js';
import * as cwm from './game.js';

/** The triangle, apex on top; a cell is "<row>,<col>" with col counted from the left of its row. */
function render(state: cwm.State): string {
  const lines = ['row  (cell "<row>,<col>", col from the left of the row)'];
  let cell = 0;
  for (let row = 0; row < 4; row++) {
    const cells = state.board.slice(cell, cell + row + 1);
    cell += row + 1;
    lines.push(` ${row}   ${' '.repeat(3 - row)}${cells.join(' ')}`);
  }
  let status: string;
  if (state.winner !== null) status = `${cwm.getPlayerName(state.winner)} wins`;
  else if (state.currentPlayer === -4) status = 'game over';
  else status = `${cwm.getPlayerName(state.currentPlayer)} (${state.currentPlayer === 0 ? 'B' : 'W'}) to move`;
  lines.push(`${status} (${state.moves} stones played)`);
  return lines.join('\n');
}

const ALL_CELLS = ['0,0', '1,0', '1,1', '2,0', '2,1', '2,2', '3,0', '3,1', '3,2', '3,3'];

/** The rules' example game: Black's group on cells 2, 3, 4 and 7 of the rules' numbering. */
const EXAMPLE = ['2,1', '1,0', '3,1', '2,2', '2,0', '3,2', '1,1'];

export const y: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'y', title: 'Y (4 cells per side)', players: 2, information: 'perfect', chance: false,
    utility: 'zero-sum', maxGameLength: 10, rewardRange: [-1, 1], split: 'eval',
  },
  cwm,
  renderState: render,
  renderObservation: render,
  scenarios: [
    {
      name: 'opening: Black may play any of the ten cells; names off the triangle are not cells',
      actions: [],
      expect: {
        terminal: false, currentPlayer: 0, rewards: [0, 0], legalActions: ALL_CELLS,
        illegalActions: ['0,1', '1,2', '4,0', '3,4', '-1,0', '0, 0', '00'],
      },
    },
    {
      name: 'an occupied cell cannot be played again; turns alternate',
      actions: ['2,1'],
      expect: { terminal: false, currentPlayer: 1, illegalActions: ['2,1'] },
    },
    {
      name: 'the rules\' example: one move before the end nobody has touched all three sides',
      actions: EXAMPLE.slice(0, 6),
      expect: { terminal: false, currentPlayer: 0, rewards: [0, 0] },
    },
    {
      name: 'the rules\' example: Black\'s seventh-ply stone joins a group touching all three sides',
      actions: EXAMPLE,
      expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], winner: 0, legalActions: [] },
    },
    {
      name: 'the apex touches both upper sides: Black wins down the left side from it',
      actions: ['0,0', '1,1', '1,0', '2,2', '2,0', '3,3', '3,0'],
      expect: { terminal: true, rewards: [1, -1], winner: 0 },
    },
    {
      name: 'a group touching two sides only is not a win',
      actions: ['0,0', '3,0', '1,1', '3,1', '2,2'],
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0] },
    },
    {
      name: 'White wins along the bottom row (its end cells are corners)',
      actions: ['0,0', '3,0', '1,1', '3,1', '2,1', '3,2', '2,2', '3,3'],
      expect: { terminal: true, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
    {
      name: 'the bottom-left corner counts for the left and bottom sides',
      actions: ['3,0', '0,0', '3,1', '1,0', '2,1', '1,1', '2,2'],
      expect: { terminal: true, rewards: [1, -1], winner: 0 },
    },
    {
      name: 'a game that fills the board is still won: White\'s bottom row on the tenth stone',
      actions: ['1,1', '3,2', '2,0', '3,3', '2,2', '1,0', '2,1', '3,0', '0,0', '3,1'],
      expect: { terminal: true, currentPlayer: -4, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
  ],
};
