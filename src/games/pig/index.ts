import type { GameDefinition } from '../../engine/game-definition.js';
import { renderFields } from '../render.js';
import * as cwm from './game.js';

/** One roll of the die: the player's "roll" followed by the face. */
function rolls(...faces: string[]): string[] {
  const actions: string[] = [];
  for (const face of faces) actions.push('roll', face);
  return actions;
}

/** `count` rolls that all show `face`. */
function repeatRolls(count: number, face: string): string[] {
  return rolls(...Array.from({ length: count }, () => face));
}

/** The winner, read from what any player sees: the holder who reached 100. */
function winnerOf(view: cwm.Observation): number | null {
  return view.currentPlayer === -4 && view.scores[view.turnPlayer] >= 100 ? view.turnPlayer : null;
}

function status(view: cwm.Observation): string {
  const winner = winnerOf(view);
  if (winner !== null) return `game over: ${cwm.getPlayerName(winner)} wins`;
  if (view.currentPlayer === -4) return 'game over: draw (action limit reached)';
  if (view.currentPlayer === -1) return `die rolling for ${cwm.getPlayerName(view.turnPlayer)}`;
  return `${cwm.getPlayerName(view.currentPlayer)} to choose roll${view.turnTotal > 0 ? ' or hold' : ''}`;
}

function fields(view: cwm.Observation): Array<[string, string]> {
  return [
    [cwm.getPlayerName(0), `${view.scores[0]} banked${view.turnPlayer === 0 ? ' (on turn)' : ''}`],
    [cwm.getPlayerName(1), `${view.scores[1]} banked${view.turnPlayer === 1 ? ' (on turn)' : ''}`],
    ['turn total', String(view.turnTotal)],
  ];
}

function render(state: cwm.State): string {
  return renderFields([...fields(state), ['actions', `${state.actionCount} of 1000`], ['status', status(state)]]);
}

function renderObservation(observation: cwm.Observation): string {
  return renderFields([...fields(observation), ['status', status(observation)]]);
}

export const pig: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'pig', title: 'Pig', players: 2, information: 'perfect', chance: true,
    utility: 'zero-sum', maxGameLength: 1000, rewardRange: [-1, 1], split: 'train',
  },
  cwm,
  renderState: render,
  renderObservation,
  scenarios: [
    {
      name: 'opening: player 0 has a turn total of 0 and may only roll',
      actions: [],
      expect: { terminal: false, currentPlayer: 0, legalActions: ['roll'], illegalActions: ['hold'] },
    },
    {
      name: 'after a roll the die is a chance node with the six faces as outcomes',
      actions: ['roll'],
      expect: {
        terminal: false, currentPlayer: -1,
        legalActions: ['1', '2', '3', '4', '5', '6'], illegalActions: ['roll', 'hold'],
      },
    },
    {
      name: 'rolling 2-6 keeps the turn and makes hold legal',
      actions: ['roll', '5'],
      expect: { terminal: false, currentPlayer: 0, legalActions: ['roll', 'hold'], rewards: [0, 0] },
    },
    {
      name: 'rolling a 1 loses the turn total and passes the turn; the next player may only roll',
      actions: [...rolls('6', '5', '1')],
      expect: { terminal: false, currentPlayer: 1, legalActions: ['roll'], illegalActions: ['hold'], rewards: [0, 0] },
    },
    {
      name: 'hold banks the turn total and passes the turn (the example: 5, 4, hold)',
      actions: [...rolls('5', '4'), 'hold'],
      expect: { terminal: false, currentPlayer: 1, legalActions: ['roll'], rewards: [0, 0] },
    },
    {
      name: 'a turn total of 100 or more does not win until it is banked',
      actions: repeatRolls(17, '6'),
      expect: { terminal: false, currentPlayer: 0, legalActions: ['roll', 'hold'], rewards: [0, 0] },
    },
    {
      name: 'a 1 after a turn total of 102 loses it all',
      actions: [...repeatRolls(17, '6'), ...rolls('1'), ...rolls('1'), ...rolls('2'), 'hold'],
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0] },
    },
    {
      name: 'banking exactly 100 wins at once',
      actions: [...repeatRolls(16, '6'), ...rolls('4'), 'hold'],
      expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], winner: 0, legalActions: [] },
    },
    {
      name: 'banking 99 does not win; banked points carry over and a later hold above 100 wins',
      actions: [...repeatRolls(16, '6'), ...rolls('3'), 'hold', ...rolls('1'), ...rolls('2'), 'hold'],
      expect: { terminal: true, rewards: [1, -1], winner: 0, legalActions: [] },
    },
    {
      name: 'after banking 99 the game goes on with player 1',
      actions: [...repeatRolls(16, '6'), ...rolls('3'), 'hold'],
      expect: { terminal: false, currentPlayer: 1, legalActions: ['roll'], rewards: [0, 0] },
    },
    {
      name: 'player 1 wins by banking 102 in one turn',
      actions: [...rolls('1'), ...repeatRolls(17, '6'), 'hold'],
      expect: { terminal: true, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
    {
      name: 'the game is not over after 999 actions',
      actions: [...repeatRolls(499, '1'), 'roll'],
      expect: { terminal: false, currentPlayer: -1 },
    },
    {
      name: 'after 1000 actions without a winner the game ends in a draw',
      actions: repeatRolls(500, '1'),
      expect: { terminal: true, currentPlayer: -4, rewards: [0, 0], winner: null, legalActions: [] },
    },
    {
      name: 'a winning hold as the 1000th action is a win, not a draw',
      actions: [...rolls('2'), 'hold', ...repeatRolls(481, '1'), ...repeatRolls(17, '6'), 'hold'],
      expect: { terminal: true, rewards: [1, -1], winner: 0 },
    },
  ],
};
