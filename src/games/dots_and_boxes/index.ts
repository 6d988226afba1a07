import type { GameDefinition } from '../../engine/game-definition.js';
import * as cwm from './game.js';

/**
 * The grid as text: `+` dots, `---` and `|` drawn lines, and each claimed box
 * marked with its owner's number. Column numbers of the dots on top, row
 * numbers on the left.
 */
function renderBoard(state: cwm.State): string {
  const out: string[] = ['   0   1   2'];
  for (let r = 0; r < 3; r++) {
    let dots = `${r}  +`;
    for (let c = 0; c < 2; c++) dots += `${state.lines[2 * r + c] ? '---' : '   '}+`;
    out.push(dots);
    if (r === 2) break;
    let middle = '   ';
    for (let c = 0; c < 3; c++) {
      middle += state.lines[6 + 3 * r + c] ? '|' : ' ';
      if (c < 2) {
        const owner = state.owners[2 * r + c];
        middle += owner < 0 ? '   ' : ` ${owner} `;
      }
    }
    out.push(middle.trimEnd());
  }
  return out.join('\n');
}

function render(state: cwm.State): string {
  const score = `boxes: ${cwm.getPlayerName(0)} ${state.scores[0]}, ${cwm.getPlayerName(1)} ${state.scores[1]}`;
  let status: string;
  if (state.currentPlayer === -4) {
    const rewards = cwm.getRewards(state);
    status = rewards[0] > 0 ? `game over: ${cwm.getPlayerName(0)} wins`
      : rewards[1] > 0 ? `game over: ${cwm.getPlayerName(1)} wins` : 'game over: draw';
  } else {
    status = `${cwm.getPlayerName(state.currentPlayer)} to move; undrawn: ${cwm.getLegalActions(state).join(' ')}`;
  }
  return `${renderBoard(state)}\n${score}\n${status}`;
}

// Opening lines used by several scenarios. After TWO_AT_ONCE player 0 has
// just closed both top boxes with v_0_1 and moves again; after RING the
// outer border is drawn, every box has two sides and player 0 is to move.
const TWO_AT_ONCE = ['h_0_0', 'h_1_0', 'v_0_0', 'h_0_1', 'h_1_1', 'v_0_2', 'v_0_1'];
const RING = ['h_0_0', 'h_0_1', 'h_2_0', 'h_2_1', 'v_0_0', 'v_0_2', 'v_1_0', 'v_1_2'];

export const dotsAndBoxes: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'dots_and_boxes', title: 'Dots and Boxes', players: 2, information: 'perfect', chance: false,
    utility: 'zero-sum', maxGameLength: 12, rewardRange: [-1, 1], split: 'train',
  },
  cwm,
  renderState: render,
  renderObservation: render,
  scenarios: [
    {
      name: 'opening: player 0 may draw any of the 12 lines',
      actions: [],
      expect: {
        terminal: false, currentPlayer: 0,
        legalActions: ['h_0_0', 'h_0_1', 'h_1_0', 'h_1_1', 'h_2_0', 'h_2_1',
          'v_0_0', 'v_0_1', 'v_0_2', 'v_1_0', 'v_1_1', 'v_1_2'],
      },
    },
    {
      name: 'a line that closes no box passes the turn, and a drawn line cannot be drawn again',
      actions: ['h_0_0'],
      expect: { terminal: false, currentPlayer: 1, illegalActions: ['h_0_0'], rewards: [0, 0] },
    },
    {
      name: 'a third side does not close a box: the turn still passes',
      actions: ['h_0_0', 'h_1_0', 'v_0_0'],
      expect: { terminal: false, currentPlayer: 1 },
    },
    {
      name: 'one line closing two boxes at once gives the mover another turn',
      actions: TWO_AT_ONCE,
      expect: {
        terminal: false, currentPlayer: 0, rewards: [1, -1],
        legalActions: ['h_2_0', 'h_2_1', 'v_1_0', 'v_1_1', 'v_1_2'],
      },
    },
    {
      name: 'extra turns chain: player 1 closes a box, then another, and moves a third time',
      actions: ['h_0_0', 'h_0_1', 'v_0_0', 'v_0_2', 'h_1_0', 'v_0_1', 'h_1_1'],
      expect: { terminal: false, currentPlayer: 1 },
    },
    {
      name: 'after the chain, a line that closes nothing hands the turn back',
      actions: ['h_0_0', 'h_0_1', 'v_0_0', 'v_0_2', 'h_1_0', 'v_0_1', 'h_1_1', 'h_2_0'],
      expect: { terminal: false, currentPlayer: 0 },
    },
    {
      name: 'player 1 wins 3-1; player 0 closing the last box with the last line ends the game',
      actions: ['h_0_0', 'h_0_1', 'v_0_0', 'v_0_2', 'h_1_0', 'v_0_1', 'h_1_1', 'h_2_0',
        'v_1_0', 'v_1_1', 'h_2_1', 'v_1_2'],
      expect: { terminal: true, currentPlayer: -4, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
    {
      name: 'player 0 wins 3-1',
      actions: [...TWO_AT_ONCE, 'v_1_1', 'h_2_0', 'v_1_0', 'h_2_1', 'v_1_2'],
      expect: { terminal: true, rewards: [1, -1], winner: 0, legalActions: [] },
    },
    {
      name: 'two boxes each is a draw',
      actions: [...TWO_AT_ONCE, 'h_2_0', 'h_2_1', 'v_1_0', 'v_1_1', 'v_1_2'],
      expect: { terminal: true, currentPlayer: -4, rewards: [0, 0], winner: null, legalActions: [] },
    },
    {
      name: 'player 1 takes all four boxes in one chain, the last line closing two',
      actions: [...RING, 'h_1_0', 'v_0_1', 'h_1_1', 'v_1_1'],
      expect: { terminal: true, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
    {
      name: 'one line before the end the game is still on',
      actions: [...RING, 'h_1_0', 'v_0_1', 'h_1_1'],
      expect: { terminal: false, currentPlayer: 1, legalActions: ['v_1_1'] },
    },
    {
      name: 'player 0 takes all four boxes in a chain of four extra turns',
      actions: ['h_0_0', 'h_0_1', 'h_2_0', 'h_2_1', 'v_0_0', 'v_0_2', 'v_1_0', 'h_1_0', 'v_0_1', 'h_1_1', 'v_1_1', 'v_1_2'],
      expect: { terminal: true, rewards: [1, -1], winner: 0 },
    },
  ],
};
