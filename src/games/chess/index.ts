import type { GameDefinition } from '../../engine/game-definition.js';
import { chessSquareName, renderChessBoard } from '../render.js';
import * as cwm from './game.js';

const FILES = 'abcdefgh';

/** The square's name, e.g. "e4". */
const squareName = (square: number): string => chessSquareName(square, FILES);

/** Rank 8 at the top, White's pieces in capitals, files under the board. */
const renderBoard = (board: string): string => renderChessBoard(board, FILES);

function details(position: cwm.Observation): string {
  const rights = position.castling.replace(/-/g, '');
  return [
    `castling ${rights.length > 0 ? rights : '-'}`,
    `en passant ${position.enPassant >= 0 ? squareName(position.enPassant) : '-'}`,
    `halfmove clock ${position.halfmoveClock}/50`,
  ].join(', ');
}

function render(state: cwm.State): string {
  let status: string;
  if (state.currentPlayer === -4) {
    status = state.winner !== null
      ? `${cwm.getPlayerName(state.winner)} wins by checkmate`
      : `draw by ${state.result}`;
  } else {
    status = `${cwm.getPlayerName(state.currentPlayer)} to move${state.inCheck ? ', in check' : ''}`;
  }
  return `${renderBoard(state.board)}\n${status} (${details(state)})`;
}

function renderObservation(observation: cwm.Observation): string {
  return `${renderBoard(observation.board)}\n${details(observation)}`;
}

/**
 * White's h1 rook travels to a3 while the a1 rook stays home, and b1, c1, d1 empty: O-O-O is
 * legal here. Black shuffles a knight.
 */
const ROOK_ON_THE_A_FILE = [
  'P_h2_h4', 'N_g8_f6', 'R_h1_h3', 'N_f6_g8', 'R_h3_a3', 'N_g8_f6', 'P_d2_d3', 'N_f6_g8', 'B_c1_e3', 'N_g8_f6',
  'Q_d1_d2', 'N_f6_g8', 'N_b1_c3', 'N_g8_f6',
];

const FOOLS_MATE = ['P_f2_f3', 'P_e7_e5', 'P_g2_g4', 'Q_d8_h4'];
const KNIGHT_SHUFFLE = ['N_g1_f3', 'N_g8_f6', 'N_f3_g1', 'N_f6_g8'];
const FIFTY_QUIET_PLIES: string[] = [];
for (let i = 0; i < 12; i++) FIFTY_QUIET_PLIES.push(...KNIGHT_SHUFFLE);
FIFTY_QUIET_PLIES.push(...KNIGHT_SHUFFLE.slice(0, 2));
/** A capture-heavy game whose last move (Bishop takes the last pawn) leaves White K against Black K+B. */
const DOWN_TO_KING_AND_BISHOP = [
  'P_g2_g4', 'P_g7_g6', 'P_d2_d4', 'P_h7_h5', 'P_g4_h5', 'R_h8_h5', 'N_g1_f3', 'R_h5_h2', 'R_h1_h2', 'P_e7_e5',
  'N_f3_e5', 'N_g8_h6', 'R_h2_h6', 'B_f8_h6', 'B_c1_h6', 'Q_d8_f6', 'N_e5_g6', 'P_f7_g6', 'B_h6_f8', 'K_e8_f8',
  'Q_d1_c1', 'Q_f6_d4', 'Q_c1_g5', 'Q_d4_f2', 'K_e1_f2', 'K_f8_f7', 'Q_g5_g6', 'K_f7_g6', 'K_f2_g3', 'K_g6_h5',
  'P_b2_b4', 'N_b8_a6', 'P_c2_c3', 'N_a6_b4', 'P_c3_b4', 'K_h5_g5', 'N_b1_c3', 'P_b7_b6', 'B_f1_h3', 'P_b6_b5',
  'N_c3_b5', 'P_c7_c6', 'N_b5_a7', 'R_a8_a7', 'B_h3_d7', 'B_c8_d7', 'R_a1_f1', 'R_a7_a2', 'R_f1_f3', 'R_a2_e2',
  'R_f3_f8', 'P_c6_c5', 'P_b4_c5', 'R_e2_e8', 'R_f8_e8', 'B_d7_e8', 'P_c5_c6', 'B_e8_c6',
];

export const chess: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'chess', title: 'Chess', players: 2, information: 'perfect', chance: false,
    // 126 irreversible plies at most (16 pawns x 6 steps, 30 captures), at most 49 quiet plies
    // before each and 50 after the last: 126 + 126 * 49 + 50.
    utility: 'zero-sum', maxGameLength: 6350, rewardRange: [-1, 1], split: 'train', verifyTimeScale: 4,
  },
  cwm,
  renderState: render,
  renderObservation,
  scenarios: [
    {
      name: 'opening: White has the 16 pawn moves and 4 knight moves',
      actions: [],
      expect: {
        terminal: false, currentPlayer: 0,
        legalActions: [
          'P_a2_a3', 'P_a2_a4', 'P_b2_b3', 'P_b2_b4', 'P_c2_c3', 'P_c2_c4', 'P_d2_d3', 'P_d2_d4',
          'P_e2_e3', 'P_e2_e4', 'P_f2_f3', 'P_f2_f4', 'P_g2_g3', 'P_g2_g4', 'P_h2_h3', 'P_h2_h4',
          'N_b1_a3', 'N_b1_c3', 'N_g1_f3', 'N_g1_h3',
        ],
        illegalActions: ['P_e2_e5', 'N_g1_e2', 'K_e1_e2', 'O-O', 'P_e7_e5'],
      },
    },
    {
      name: "fool's mate: Black checkmates on move two",
      actions: FOOLS_MATE,
      expect: { terminal: true, currentPlayer: -4, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
    {
      name: "scholar's mate: White's queen takes f7 with the bishop's support",
      actions: ['P_e2_e4', 'P_e7_e5', 'B_f1_c4', 'N_b8_c6', 'Q_d1_h5', 'N_g8_f6', 'Q_h5_f7'],
      expect: { terminal: true, rewards: [1, -1], winner: 0, legalActions: [] },
    },
    {
      name: 'a check must be answered: after 1. e4 f5 2. Qh5+ only g6 blocks',
      actions: ['P_e2_e4', 'P_f7_f5', 'Q_d1_h5'],
      expect: { terminal: false, currentPlayer: 1, legalActions: ['P_g7_g6'] },
    },
    {
      name: 'a knight pinned to its king by a bishop cannot move',
      actions: ['P_e2_e4', 'P_d7_d6', 'P_d2_d4', 'N_b8_d7', 'B_f1_b5'],
      expect: { currentPlayer: 1, illegalActions: ['N_d7_f6', 'N_d7_b6', 'N_d7_c5', 'N_d7_e5', 'N_d7_b8'] },
    },
    {
      name: 'en passant right after the double step: e5 takes d6 and removes the d5 pawn',
      actions: ['P_e2_e4', 'P_a7_a6', 'P_e4_e5', 'P_d7_d5', 'P_e5_d6', 'P_c7_d6'],
      // Black's c7 pawn recaptures on d6; the captured d5 pawn is gone, so d5 is empty again.
      expect: { currentPlayer: 0, illegalActions: ['P_d5_d4', 'P_e5_e6', 'P_e5_d6'] },
    },
    {
      name: 'en passant expires when not taken at once',
      actions: ['P_e2_e4', 'P_a7_a6', 'P_e4_e5', 'P_d7_d5', 'P_h2_h3', 'P_h7_h6'],
      expect: { currentPlayer: 0, illegalActions: ['P_e5_d6'] },
    },
    {
      name: 'king-side castling is legal once f1 and g1 are clear; the king never steps two squares by name',
      actions: ['P_e2_e4', 'P_e7_e5', 'N_g1_f3', 'N_b8_c6', 'B_f1_c4', 'B_f8_c5', 'O-O', 'B_c5_f2'],
      // Bxf2+ checks the king on g1; the rook castled to f1 can take back, or the king takes or steps to h1.
      expect: { currentPlayer: 0, legalActions: ['R_f1_f2', 'K_g1_f2', 'K_g1_h1'], illegalActions: ['O-O', 'K_e1_f2'] },
    },
    {
      name: 'castling is not possible through an attacked square (the a6 bishop covers f1 and e2)',
      actions: ['P_e2_e4', 'P_b7_b6', 'N_g1_f3', 'B_c8_a6', 'P_g2_g3', 'N_b8_c6', 'B_f1_g2', 'N_g8_f6'],
      expect: { currentPlayer: 0, illegalActions: ['O-O', 'K_e1_f1', 'K_e1_e2', 'K_e1_g1'] },
    },
    {
      name: 'a king that has moved and come back has lost its castling rights',
      actions: ['P_e2_e4', 'P_e7_e5', 'N_g1_f3', 'N_b8_c6', 'B_f1_c4', 'B_f8_c5', 'K_e1_e2', 'N_g8_f6', 'K_e2_e1', 'P_d7_d6'],
      expect: { currentPlayer: 0, illegalActions: ['O-O'] },
    },
    {
      name: 'any rook leaving the a-file loses the queen-side castling right (the paper\'s golden), even the h1 rook',
      actions: [...ROOK_ON_THE_A_FILE, 'R_a3_b3', 'N_f6_g8'],
      expect: { terminal: false, currentPlayer: 0, illegalActions: ['O-O-O', 'O-O'] },
    },
    {
      name: 'queen-side castling puts the king on c8 and the rook on d8',
      actions: ['P_e2_e4', 'P_d7_d5', 'P_d2_d4', 'N_b8_c6', 'N_b1_c3', 'B_c8_e6', 'N_g1_f3', 'Q_d8_d7', 'B_f1_d3', 'O-O-O', 'P_h2_h3'],
      expect: { currentPlayer: 1, illegalActions: ['O-O', 'O-O-O', 'K_e8_d8', 'R_a8_b8'] },
    },
    {
      name: 'promotion: the h7 pawn may only take the g8 knight, and must name a piece',
      actions: ['P_h2_h4', 'P_g7_g5', 'P_h4_g5', 'P_h7_h6', 'P_g5_h6', 'P_e7_e6', 'P_h6_h7', 'P_e6_e5'],
      expect: { currentPlayer: 0, illegalActions: ['P_h7_h8_Q', 'P_h7_g8', 'P_h7_h8', 'P_h7_g8_K', 'P_h7_g8_P'] },
    },
    {
      name: 'under-promotion to a knight, which the h8 rook can then take',
      actions: ['P_h2_h4', 'P_g7_g5', 'P_h4_g5', 'P_h7_h6', 'P_g5_h6', 'P_e7_e6', 'P_h6_h7', 'P_e6_e5', 'P_h7_g8_N', 'R_h8_g8'],
      expect: { currentPlayer: 0, terminal: false, rewards: [0, 0] },
    },
    {
      name: "Loyd's ten-move stalemate: Black has no legal move and is not in check",
      actions: [
        'P_e2_e3', 'P_a7_a5', 'Q_d1_h5', 'R_a8_a6', 'Q_h5_a5', 'P_h7_h5', 'P_h2_h4', 'R_a6_h6', 'Q_a5_c7', 'P_f7_f6',
        'Q_c7_d7', 'K_e8_f7', 'Q_d7_b7', 'Q_d8_d3', 'Q_b7_b8', 'Q_d3_h7', 'Q_b8_c8', 'K_f7_g6', 'Q_c8_e6',
      ],
      expect: { terminal: true, currentPlayer: -4, rewards: [0, 0], winner: null, legalActions: [] },
    },
    {
      name: 'quiet-move rule: 49 plies without a pawn move or capture leave the game running',
      actions: FIFTY_QUIET_PLIES.slice(0, 49),
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0] },
    },
    {
      name: 'quiet-move rule: the 50th ply without a pawn move or capture draws (the paper\'s golden: 50 plies, not 100)',
      actions: FIFTY_QUIET_PLIES,
      expect: { terminal: true, rewards: [0, 0], winner: null, legalActions: [] },
    },
    {
      name: 'insufficient material: taking the last pawn to leave king and bishop against king draws',
      actions: DOWN_TO_KING_AND_BISHOP,
      expect: { terminal: true, rewards: [0, 0], winner: null, legalActions: [] },
    },
    {
      name: 'the same game one ply earlier (a pawn still on the board) goes on',
      actions: DOWN_TO_KING_AND_BISHOP.slice(0, -1),
      expect: { terminal: false, currentPlayer: 1 },
    },
  ],
};
