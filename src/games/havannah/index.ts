import type { GameDefinition } from '../../engine/game-definition.js';
import * as cwm from './game.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRS';

/** The board as a hexagon: each row with its number, its first and its last column letter. */
function render(state: cwm.State): string {
  const lines = ['cell = <column letter><row number>; each row runs left to right from the letter on its left to the letter on its right'];
  let cell = 0;
  for (let y = 0; y < 19; y++) {
    const first = Math.max(0, 9 - y);
    const last = Math.min(18, 27 - y);
    const cells: string[] = [];
    for (let x = first; x <= last; x++) {
      cells.push(state.board[cell]);
      cell++;
    }
    lines.push(`${String(y + 1).padStart(2)} ${LETTERS[first]} ${' '.repeat(Math.abs(9 - y))}${cells.join(' ')} ${LETTERS[last]}`);
  }
  let status: string;
  if (state.winner !== null) status = `${cwm.getPlayerName(state.winner)} wins`;
  else if (state.currentPlayer === -4) status = 'draw: 150 stones without a ring or a bridge';
  else status = `${cwm.getPlayerName(state.currentPlayer)} (${state.currentPlayer === 0 ? 'B' : 'W'}) to move`;
  lines.push(`${status} (${state.moves} stones played of at most 150; B = P1, W = P2)`);
  return lines.join('\n');
}

/** Every cell name, row by row: column x and row y (both from 0) exist when 9 <= x + y <= 27. */
const ALL_CELLS: string[] = [];
for (let y = 0; y < 19; y++) {
  for (let x = 0; x < 19; x++) {
    if (x + y >= 9 && x + y <= 27) ALL_CELLS.push(`${LETTERS[x]}${y + 1}`);
  }
}

/** Interleaves P1's and P2's moves, P1 first. */
function alternate(p1: string[], p2: string[]): string[] {
  const actions: string[] = [];
  for (let i = 0; i < p1.length; i++) {
    actions.push(p1[i]);
    if (i < p2.length) actions.push(p2[i]);
  }
  return actions;
}

/** The six neighbours of J10 (the centre). */
const AROUND_J10 = ['K10', 'K9', 'J9', 'I10', 'I11', 'J11'];
const FAR = ['A12', 'A14', 'A16', 'R3', 'P2', 'Q6', 'S5'];
const COLUMN_S = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', 'S10'];
const COLUMN_J = ['J5', 'J6', 'J7', 'J8', 'J9', 'J10', 'J11', 'J12', 'J13'];

/** A game of uniformly random moves in which nobody makes a ring or a bridge within 150 stones. */
const NO_WINNER = (
  'H11 J10 G9 A17 Q10 N12 I14 D11 N10 G10 R5 R11 N1 C12 N2 K5 E10 J11 M4 M14 B17 G16 J18 D18 N11 J3 O5 H8 H18 G7 '
  + 'O12 L16 G17 P4 A15 D13 I2 Q3 S8 P1 F13 G12 L5 D17 B14 A13 Q11 C19 N5 G4 M16 E14 D7 I3 K12 S10 S5 K10 Q12 N13 '
  + 'I17 H14 B9 H10 C18 Q6 N6 L15 Q5 L10 H3 L7 G13 M8 N9 K2 F18 C14 I6 H9 R3 F12 E17 J4 Q9 H17 Q4 P11 J9 I10 '
  + 'S4 H19 N3 K15 I15 K11 Q8 E11 I8 L11 B18 S3 K16 O9 R6 M5 M7 M6 F5 O13 Q7 H12 H6 J1 K9 L8 F7 I9 L17 E16 '
  + 'L12 S9 L13 R1 P7 G14 A12 I16 K17 D16 J5 C15 K8 M10 D12 O8 S2 E6 B10 L2 R7 G15 O4 E19 R4 J14 F6 H4 J12 J6'
).split(' ');

export const havannah: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'havannah', title: 'Havannah (10 per side)', players: 2, information: 'perfect', chance: false,
    utility: 'zero-sum', maxGameLength: 150, rewardRange: [-1, 1], split: 'train', verifyTimeScale: 3,
  },
  cwm,
  renderState: render,
  renderObservation: render,
  scenarios: [
    {
      name: 'opening: P1 may play any of the 271 cells; names off the hexagon are not cells',
      actions: [],
      expect: {
        terminal: false, currentPlayer: 0, rewards: [0, 0], legalActions: ALL_CELLS,
        illegalActions: ['A1', 'I1', 'S19', 'K19', 'T10', 'J20', 'J0', 'j10'],
      },
    },
    {
      name: 'an occupied cell cannot be played again; turns alternate',
      actions: ['J10'],
      expect: { terminal: false, currentPlayer: 1, illegalActions: ['J10'] },
    },
    {
      name: 'bridge: P1 links corners S1 and S10 down column S and wins at once',
      actions: alternate(COLUMN_S, COLUMN_J),
      expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], winner: 0, legalActions: [] },
    },
    {
      name: 'a chain from corner S1 along an edge that reaches no second corner is not a win',
      actions: alternate(COLUMN_S.slice(0, 9), COLUMN_J),
      expect: { terminal: false, currentPlayer: 0, rewards: [0, 0] },
    },
    {
      name: 'bridge: P2 links corners A19 and J19 along row 19 and wins',
      actions: alternate(
        ['K3', 'K4', 'K5', 'K6', 'K7', 'K8', 'K9', 'K10', 'K11', 'K12'],
        ['A19', 'B19', 'C19', 'D19', 'E19', 'F19', 'G19', 'H19', 'I19', 'J19'],
      ),
      expect: { terminal: true, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
    {
      name: 'ring: six stones around an empty cell win at once',
      actions: alternate(AROUND_J10, FAR.slice(0, 5)),
      expect: { terminal: true, rewards: [1, -1], winner: 0, legalActions: [] },
    },
    {
      name: 'ring: a loop around an opponent stone also wins',
      actions: alternate(AROUND_J10, ['J10', 'A12', 'A14', 'A16', 'R3']),
      expect: { terminal: true, rewards: [1, -1], winner: 0 },
    },
    {
      name: 'no ring: a solid cluster of seven stones encloses no cell',
      actions: alternate(['J10', ...AROUND_J10], FAR.slice(0, 6)),
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0] },
    },
    {
      name: 'ring: eight stones around two adjacent cells win',
      actions: alternate(['K9', 'J9', 'I10', 'I11', 'J11', 'K11', 'L10', 'L9'], FAR),
      expect: { terminal: true, rewards: [1, -1], winner: 0 },
    },
    {
      name: 'ring: a loop may run along the rim and through corner J1 around the inner cell J2',
      actions: alternate(['K2', 'K1', 'J1', 'I2', 'I3', 'J3'], FAR.slice(0, 5)),
      expect: { terminal: true, rewards: [1, -1], winner: 0 },
    },
    {
      name: 'no ring: stones around a rim cell do not enclose it',
      actions: alternate(['L1', 'J1', 'K2'], ['J10', 'J12']),
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0] },
    },
    {
      name: 'one stone before the move limit the game goes on',
      actions: NO_WINNER.slice(0, 149),
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0] },
    },
    {
      name: 'the 150th stone without a ring or a bridge ends the game drawn',
      actions: NO_WINNER,
      expect: { terminal: true, currentPlayer: -4, rewards: [0, 0], winner: null, legalActions: [] },
    },
  ],
};
