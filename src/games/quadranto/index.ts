import type { GameDefinition } from '../../engine/game-definition.js';
import type { Scenario } from '../../engine/scenario.js';
import { type Fields, renderFields, renderGrid } from '../render.js';
import * as cwm from './game.js';

const QUADRANT_CELLS: Record<string, number[][]> = {
  'Top-Left': [[0, 0], [0, 1], [1, 0], [1, 1]],
  'Top-Right': [[0, 2], [0, 3], [1, 2], [1, 3]],
  'Bottom-Left': [[2, 0], [2, 1], [3, 0], [3, 1]],
  'Bottom-Right': [[2, 2], [2, 3], [3, 2], [3, 3]],
};

function emptyGrid(): string[][] {
  return [0, 1, 2, 3].map(() => ['.', '.', '.', '.']);
}

function status(currentPlayer: number, winner: number | null, moves: number): string {
  if (currentPlayer === -1) return 'placing the players';
  if (currentPlayer === -4) return winner === null ? `draw: no catch in ${moves} moves` : `player ${winner} caught the other and wins`;
  return `player ${currentPlayer} to move (${moves} of 20 moves made)`;
}

function renderState(state: cwm.State): string {
  const grid = emptyGrid();
  for (let p = 0; p < 2; p++) {
    const cell = state.cells[p];
    if (cell >= 0) grid[Math.floor(cell / 4)][cell % 4] = state.winner !== null && state.cells[0] === state.cells[1] ? '*' : String(p);
  }
  const fields: Fields = [['Moves', `${state.moves} / 20`], ['Status', status(state.currentPlayer, state.winner, state.moves)]];
  return `${renderGrid(grid)}\n(0 = player 0, 1 = player 1, * = caught)\n${renderFields(fields)}`;
}

function renderObservation(obs: cwm.Observation, player: number): string {
  const grid = emptyGrid();
  if (obs.opponentQuadrant !== null) {
    for (const [r, c] of QUADRANT_CELLS[obs.opponentQuadrant]) grid[r][c] = '?';
  }
  if (obs.myLocation !== null) {
    const [r, c] = obs.myLocation;
    grid[r][c] = '@';
  }
  const fields: Fields = [
    ['You are', `player ${player}`],
    ['Your location', obs.myLocation === null ? 'not placed yet' : `(${obs.myLocation[0]},${obs.myLocation[1]})`],
    ['Opponent quadrant', obs.opponentQuadrant ?? 'not placed yet'],
  ];
  return `${renderGrid(grid)}\n(@ = you, ? = the opponent's quadrant)\n${renderFields(fields)}`;
}

const stays = (n: number): string[] => Array.from({ length: n }, () => 'Stay');

const scenarios: Scenario[] = [
  {
    name: 'chance first places player 0 on one of the four top-left cells',
    actions: [],
    expect: {
      terminal: false, currentPlayer: -1,
      legalActions: ['place_p0:0,0', 'place_p0:0,1', 'place_p0:1,0', 'place_p0:1,1'],
    },
  },
  {
    name: 'then player 1 on one of the four bottom-right cells',
    actions: ['place_p0:1,0'],
    expect: {
      currentPlayer: -1,
      legalActions: ['place_p1:2,2', 'place_p1:2,3', 'place_p1:3,2', 'place_p1:3,3'],
      illegalActions: ['place_p0:0,0', 'place_p1:0,0'],
    },
  },
  {
    name: 'player 0 moves first; from a corner, moves off the board are not actions',
    actions: ['place_p0:0,0', 'place_p1:3,3'],
    expect: { terminal: false, currentPlayer: 0, legalActions: ['Down', 'Right', 'Stay'], illegalActions: ['Up', 'Left'] },
  },
  {
    name: 'from an inner cell all five actions are legal',
    actions: ['place_p0:1,1', 'place_p1:3,3'],
    expect: { currentPlayer: 0, legalActions: ['Up', 'Down', 'Left', 'Right', 'Stay'] },
  },
  {
    name: 'the example game: player 1 moves onto player 0 at (1,2) and wins',
    actions: ['place_p0:0,0', 'place_p1:3,3', 'Right', 'Up', 'Down', 'Left', 'Right', 'Up'],
    expect: { terminal: true, currentPlayer: -4, rewards: [-1, 1], winner: 1, legalActions: [] },
  },
  {
    name: 'player 0 moves onto player 1 across the quadrant border and wins',
    actions: ['place_p0:1,1', 'place_p1:2,2', 'Right', 'Stay', 'Down'],
    expect: { terminal: true, rewards: [1, -1], winner: 0 },
  },
  {
    name: 'a player who stays still is caught when the opponent moves onto them',
    actions: ['place_p0:1,1', 'place_p1:2,2', 'Stay', 'Up', 'Stay', 'Left'],
    expect: { terminal: true, rewards: [-1, 1], winner: 1 },
  },
  {
    name: 'after 19 moves without a catch the game goes on (player 1 makes the 20th)',
    actions: ['place_p0:0,0', 'place_p1:3,3', ...stays(19)],
    expect: { terminal: false, currentPlayer: 1, rewards: [0, 0] },
  },
  {
    name: '20 moves without a catch end in a draw',
    actions: ['place_p0:0,0', 'place_p1:3,3', ...stays(20)],
    expect: { terminal: true, currentPlayer: -4, rewards: [0, 0], winner: null, legalActions: [] },
  },
  {
    name: 'a catch on the 20th move is a win, not a draw',
    actions: ['place_p0:1,1', 'place_p1:2,2', ...stays(18), 'Right', 'Up'],
    expect: { terminal: true, rewards: [-1, 1], winner: 1 },
  },
];

export const quadranto: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'quadranto', title: 'Quadranto', players: 2, information: 'imperfect', chance: true,
    utility: 'zero-sum', maxGameLength: 22, rewardRange: [-1, 1], split: 'eval',
  },
  cwm,
  renderState,
  renderObservation,
  scenarios,
};
