import type { GameDefinition } from '../../engine/game-definition.js';
import * as cwm from './game.js';

const FILES = 'abcdefgh';

function render(state: cwm.State): string {
  const lines: string[] = [];
  for (let rank = 8; rank >= 1; rank--) {
    lines.push(`${rank}  ${state.board.slice((rank - 1) * 8, rank * 8).join(' ')}`);
  }
  lines.push(`   ${FILES.split('').join(' ')}`);
  const status = state.winner !== null ? `${cwm.getPlayerName(state.winner)} wins`
    : `${cwm.getPlayerName(state.currentPlayer)} to move`;
  lines.push(`W: white (moves up), B: black (moves down); ${status}`);
  return lines.join('\n');
}

/** Every white first move: each rank-2 piece straight ahead and to each diagonal on the board. */
function openingMoves(): string[] {
  const moves: string[] = [];
  for (let f = 0; f < 8; f++) {
    for (let df = -1; df <= 1; df++) {
      if (f + df >= 0 && f + df < 8) moves.push(`${FILES[f]}2-${FILES[f + df]}3`);
    }
  }
  return moves;
}

/** Black's reply moves mirror white's: each rank-7 piece to rank 6. */
function blackOpeningMoves(): string[] {
  return openingMoves().map((m) => `${m[0]}7-${m[3]}6`);
}

export const breakthrough: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'breakthrough', title: 'Breakthrough', players: 2, information: 'perfect', chance: false,
    // Every action moves a piece one rank forward: at most 8 * 6 + 8 * 5 such moves per side
    // before a piece would stand on the far rank, plus the winning move.
    utility: 'zero-sum', maxGameLength: 2 * (8 * 6 + 8 * 5) + 1, rewardRange: [-1, 1], split: 'train',
  },
  cwm,
  renderState: render,
  renderObservation: render,
  scenarios: [
    {
      name: 'opening: white moves first with 22 moves from rank 2',
      actions: [],
      expect: {
        terminal: false, currentPlayer: 0, rewards: [0, 0], legalActions: openingMoves(),
        illegalActions: ['e7-e6', 'e1-e2', 'e1-d2', 'e2-e4', 'e2xd3', 'e2-e1'],
      },
    },
    {
      name: 'black replies with its own 22 moves towards rank 1',
      actions: ['e2-e3'],
      expect: { terminal: false, currentPlayer: 1, legalActions: blackOpeningMoves(), illegalActions: ['e3-e4', 'e7-e8'] },
    },
    {
      name: 'capturing is optional: white may take on d5 or make any step',
      actions: ['e2-e3', 'd7-d6', 'e3-e4', 'd6-d5'],
      expect: {
        terminal: false, currentPlayer: 0,
        legalActions: [
          ...openingMoves().filter((m) => !m.startsWith('e2')), 'd1-e2', 'e1-e2', 'f1-e2', 'e4-e5', 'e4-f5', 'e4xd5',
        ],
        illegalActions: ['e4-d5', 'e4xe5', 'e4xf5'],
      },
    },
    {
      name: 'black steps on past a white piece it could take, and the game goes on',
      actions: ['a2-a3', 'h7-h6', 'a3-a4', 'h6-h5', 'a4-a5', 'h5-h4', 'a5-a6', 'h4-h3'],
      expect: { terminal: false, currentPlayer: 0, rewards: [0, 0], illegalActions: ['a6-b7', 'a6xa7', 'g2-h3'] },
    },
    {
      name: 'straight ahead never captures: black may take e6 only diagonally',
      actions: ['e2-e3', 'a7-a6', 'e3-e4', 'a6-a5', 'e4-e5', 'a5-a4', 'e5-e6'],
      expect: { terminal: false, currentPlayer: 1, illegalActions: ['e7-e6', 'e7xe6', 'd7-e6', 'a4-a5'] },
    },
    {
      name: 'white wins by moving onto rank 8',
      actions: [
        'c2-b3', 'e7-e6', 'c1-c2', 'd8-e7', 'f2-e3', 'e7-d6', 'e3-d4', 'd6-e5', 'd4xe5', 'g7-g6', 'g2-h3', 'g6-f5',
        'h1-g2', 'c7-d6', 'e5xd6', 'b8-c7', 'd6xc7', 'f5-e4', 'c7-b8',
      ],
      expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], winner: 0, legalActions: [] },
    },
    {
      name: 'a white piece on rank 7 has not won yet',
      actions: [
        'c2-b3', 'e7-e6', 'c1-c2', 'd8-e7', 'f2-e3', 'e7-d6', 'e3-d4', 'd6-e5', 'd4xe5', 'g7-g6', 'g2-h3', 'g6-f5',
        'h1-g2', 'c7-d6', 'e5xd6', 'b8-c7', 'd6xc7',
      ],
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0] },
    },
    {
      name: 'black wins by moving onto rank 1',
      actions: [
        'd2-d3', 'c7-c6', 'c1-d2', 'e7-d6', 'a2-a3', 'b7-b6', 'g2-f3', 'b8-b7', 'f2-g3', 'c6-b5', 'g3-g4', 'f7-f6',
        'g1-g2', 'd6-d5', 'g4-g5', 'f6xg5', 'f3-f4', 'g5xf4', 'a3-a4', 'b5xa4', 'd2-e3', 'f4xe3', 'b2-b3', 'a4xb3',
        'c2xb3', 'e8-e7', 'b3-c4', 'd5xc4', 'd3xc4', 'd7-e6', 'c4-c5', 'b6xc5', 'g2-h3', 'c8-c7', 'e2-d3', 'e6-f5',
        'e1-f2', 'e3xf2', 'h2-g3', 'f2-e1',
      ],
      expect: { terminal: true, currentPlayer: -4, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
    {
      name: 'black captures white\'s last piece: white cannot move and loses',
      actions: [
        'g2-f3', 'g7-f6', 'b2-a3', 'b7-a6', 'b1-b2', 'c7-d6', 'd2-d3', 'a6-b5', 'd1-d2', 'f7-g6', 'e2-e3', 'g8-g7',
        'e3-d4', 'f6-f5', 'd4-e5', 'd6xe5', 'b2-c3', 'g7-f6', 'f3-g4', 'f5xg4', 'c3-d4', 'e5xd4', 'a2-b3', 'd8-c7',
        'b3-b4', 'g6-f5', 'b4-c5', 'e8-f7', 'c5-c6', 'd7xc6', 'd2-c3', 'd4xc3', 'a3-b4', 'a7-b6', 'e1-d2', 'c3xd2',
        'c1xd2', 'c8-b7', 'b4-a5', 'b6xa5', 'c2-c3', 'c7-d6', 'a1-a2', 'e7-e6', 'a2-b3', 'f6-g5', 'c3-d4', 'b5-b4',
        'd3-e4', 'f5xe4', 'f1-g2', 'c6-b5', 'f2-g3', 'g4-h3', 'g2xh3', 'g5-g4', 'h3xg4', 'b7-a6', 'd4-d5', 'e6xd5',
        'd2-c3', 'b4xc3', 'b3-c4', 'd5xc4', 'g1-f2', 'f7-g6', 'f2-f3', 'e4xf3', 'g3-f4', 'a8-b7', 'h2-g3', 'h7-h6',
        'f4-g5', 'h6xg5', 'g4-h5', 'g6xh5', 'h1-g2', 'f3xg2', 'g3-h4', 'g5xh4',
      ],
      expect: { terminal: true, currentPlayer: -4, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
  ],
};
