import type { GameDefinition } from '../../engine/game-definition.js';
import { chessSquareName, renderChessBoard } from '../render.js';
import * as cwm from './game.js';

const FILES = 'abcde';

/** The square's name, e.g. "e4". */
const squareName = (square: number): string => chessSquareName(square, FILES);

/** Rank 5 at the top, White's pieces in capitals, files under the board. */
const renderBoard = (board: string): string => renderChessBoard(board, FILES);

function details(position: cwm.Observation): string {
  return [
    `en passant ${position.enPassant >= 0 ? squareName(position.enPassant) : '-'}`,
    `halfmove clock ${position.halfmoveClock}/100`,
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

const KNIGHT_SHUFFLE = ['N_b1_a3', 'N_b5_c3', 'N_a3_b1', 'N_c3_b5'];
const HUNDRED_QUIET_PLIES: string[] = [];
for (let i = 0; i < 25; i++) HUNDRED_QUIET_PLIES.push(...KNIGHT_SHUFFLE);
/** d3 is taken by the e-pawn, which clears the e-file for White's double step e2-e4 beside Black's d4 pawn. */
const DOUBLE_STEP = ['P_d2_d3', 'P_e4_d3', 'P_e2_e4'];
/** White's b-pawn double-steps to b4 and stands one step from promotion. */
const PROMOTION_READY = ['N_b1_c3', 'P_b4_c3', 'P_b2_b4', 'P_e4_e3'];

export const genChess: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'gen_chess', title: 'Gardner Minichess (5x5)', players: 2, information: 'perfect', chance: false,
    // 48 irreversible plies at most (10 pawns x 3 steps, 18 captures), at most 99 quiet plies
    // before each and 100 after the last: 48 + 48 * 99 + 100.
    utility: 'zero-sum', maxGameLength: 4900, rewardRange: [-1, 1], split: 'eval',
  },
  cwm,
  renderState: render,
  renderObservation,
  scenarios: [
    {
      name: 'opening: five single pawn steps and two knight moves; the pawns cannot double-step into Black\'s pawns',
      actions: [],
      expect: {
        terminal: false, currentPlayer: 0,
        legalActions: ['P_a2_a3', 'P_b2_b3', 'P_c2_c3', 'P_d2_d3', 'P_e2_e3', 'N_b1_a3', 'N_b1_c3'],
        illegalActions: ['P_e2_e4', 'P_a2_a4', 'N_b1_d2', 'O-O', 'P_e4_e3'],
      },
    },
    {
      name: 'Black answers 1. e3 with four pawn steps, the capture d4xe3 and two knight moves',
      actions: ['P_e2_e3'],
      expect: {
        currentPlayer: 1,
        legalActions: ['P_a4_a3', 'P_b4_b3', 'P_c4_c3', 'P_d4_d3', 'P_d4_e3', 'N_b5_a3', 'N_b5_c3'],
      },
    },
    {
      name: 'a pawn double-steps from its start rank when both squares are empty, allowing en passant',
      actions: DOUBLE_STEP,
      expect: {
        currentPlayer: 1,
        legalActions: ['P_d3_d2', 'P_d3_c2', 'P_a4_a3', 'P_b4_b3', 'P_c4_c3', 'P_d4_e3', 'N_b5_a3', 'N_b5_c3', 'Q_d5_e4', 'K_e5_e4'],
      },
    },
    {
      name: 'en passant removes the pawn that double-stepped',
      actions: [...DOUBLE_STEP, 'P_d4_e3'],
      expect: { currentPlayer: 0, terminal: false, illegalActions: ['P_e4_e5_Q', 'P_e4_d5_Q', 'P_e2_e3'] },
    },
    {
      name: 'en passant is lost if not taken at once',
      actions: [...DOUBLE_STEP, 'P_a4_a3', 'P_b2_a3'],
      expect: { currentPlayer: 1, illegalActions: ['P_d4_e3'] },
    },
    {
      name: 'a pawn on the fourth rank promotes only by capturing, and must name Q, R, B or N',
      actions: PROMOTION_READY,
      expect: {
        currentPlayer: 0,
        legalActions: [
          'R_a1_b1', 'B_c1_b2', 'B_c1_a3', 'P_a2_a3', 'P_d2_d3', 'P_d2_c3', 'P_d2_e3',
          'P_b4_a5_Q', 'P_b4_a5_R', 'P_b4_a5_B', 'P_b4_a5_N', 'P_b4_c5_Q', 'P_b4_c5_R', 'P_b4_c5_B', 'P_b4_c5_N',
        ],
        illegalActions: ['P_b4_b5_Q', 'P_b4_a5', 'P_b4_c5_K'],
      },
    },
    {
      name: 'under-promotion to a knight by capturing the a5 rook',
      actions: [...PROMOTION_READY, 'P_b4_a5_N'],
      expect: { currentPlayer: 1, terminal: false, rewards: [0, 0], illegalActions: ['R_a5_a1'] },
    },
    {
      name: 'a knight check on e1 that only the queen can answer',
      actions: ['N_b1_c3', 'N_b5_a3', 'R_a1_b1', 'N_a3_c2'],
      expect: { currentPlayer: 0, legalActions: ['Q_d1_c2'] },
    },
    {
      name: 'a pawn pinned to its king by a bishop may not step off the diagonal, but may take the pinner',
      actions: ['P_a2_a3', 'P_b4_b3', 'P_c2_b3', 'B_c5_b4', 'P_e2_e3', 'B_b4_c3'],
      expect: { currentPlayer: 0, illegalActions: ['P_d2_d3'] },
    },
    {
      name: 'White mates in three: the queen takes d5, guarded by the c3 knight',
      actions: ['N_b1_c3', 'P_e4_e3', 'P_d2_e3', 'P_d4_e3', 'Q_d1_d5'],
      expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], winner: 0, legalActions: [] },
    },
    {
      name: 'a pawn gives checkmate to a king that walked out',
      actions: ['N_b1_a3', 'P_e4_e3', 'N_a3_c4', 'K_e5_e4', 'P_d2_d3'],
      expect: { terminal: true, rewards: [1, -1], winner: 0 },
    },
    {
      name: 'Black mates along the first rank',
      actions: ['N_b1_c3', 'N_b5_c3', 'P_d2_c3', 'P_b4_c3', 'Q_d1_d4', 'Q_d5_d4', 'P_b2_c3', 'Q_d4_c3', 'B_c1_d2', 'Q_c3_a1', 'B_d2_c1', 'Q_a1_c1'],
      expect: { terminal: true, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
    {
      name: 'stalemate: Black is not in check and every piece is blocked',
      actions: ['P_a2_a3', 'N_b5_a3', 'N_b1_a3', 'P_b4_a3', 'P_b2_a3', 'B_c5_a3', 'B_c1_a3', 'P_c4_c3', 'P_d2_c3', 'P_d4_c3', 'Q_d1_d5', 'R_a5_d5', 'P_e2_e3', 'R_d5_d1', 'R_a1_d1'],
      expect: { terminal: true, currentPlayer: -4, rewards: [0, 0], winner: null, legalActions: [] },
    },
    {
      name: 'insufficient material: the king takes the last rook, leaving king against king',
      actions: [
        'P_c2_c3', 'N_b5_c3', 'P_d2_c3', 'P_b4_c3', 'Q_d1_d4', 'Q_d5_d4', 'P_b2_c3', 'Q_d4_c3', 'N_b1_c3', 'P_a4_a3',
        'N_c3_e4', 'K_e5_e4', 'B_c1_a3', 'R_a5_a3', 'R_a1_c1', 'R_a3_a2', 'R_c1_c4', 'B_c5_d4', 'R_c4_d4', 'K_e4_d4',
        'K_e1_d1', 'R_a2_e2', 'K_d1_e2',
      ],
      expect: { terminal: true, rewards: [0, 0], winner: null, legalActions: [] },
    },
    {
      name: 'fifty-move rule: 99 quiet plies leave the game running',
      actions: HUNDRED_QUIET_PLIES.slice(0, 99),
      expect: { terminal: false, currentPlayer: 1 },
    },
    {
      name: 'fifty-move rule: the 100th ply without a pawn move or capture draws',
      actions: HUNDRED_QUIET_PLIES,
      expect: { terminal: true, rewards: [0, 0], winner: null, legalActions: [] },
    },
  ],
};
