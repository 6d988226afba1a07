// quadranto's resampleHistory draws the opponent's placement and moves from
// the exact posterior under a uniformly random opponent: each placement has
// probability 1/4 and each opponent move 1/|legal moves from its cell| (a
// corner cell has 3 legal actions, an edge cell 4, an inner cell 5), and only
// plays whose quadrant observations match are kept. The posteriors below are
// worked out by hand; test/helpers/posterior.ts checks them against a walk of
// the whole game tree and the resampled frequencies against both.

import * as game from '../src/games/quadranto/game.js';
import { describeResampleHistory } from './helpers/posterior.js';

const play = (...actions: string[]): string => actions.join(',');

// Player 1's view after player 0 moved once and stayed in the top-left
// quadrant: start (0,0) has 3 legal moves, all staying; (0,1) and (1,0) have
// 4, of which 3 stay; (1,1) has 5, of which 3 stay. Total weight
// 3/12 + 3/16 + 3/16 + 3/20 = 31/40.
const z3 = 31 / 40;
const afterOneMove: Record<string, number> = {};
for (const m of ['Down', 'Right', 'Stay']) afterOneMove[play('place_p0:0,0', 'place_p1:3,3', m)] = (1 / 12) / z3;
for (const m of ['Down', 'Left', 'Stay']) afterOneMove[play('place_p0:0,1', 'place_p1:3,3', m)] = (1 / 16) / z3;
for (const m of ['Up', 'Right', 'Stay']) afterOneMove[play('place_p0:1,0', 'place_p1:3,3', m)] = (1 / 16) / z3;
for (const m of ['Up', 'Left', 'Stay']) afterOneMove[play('place_p0:1,1', 'place_p1:3,3', m)] = (1 / 20) / z3;

// The example game seen by player 0 at its third decision (player 0 moved
// Right and Down within the top-left quadrant): player 1 stayed in the
// bottom-right quadrant for two moves. Each path (start, move 1, move 2) has
// weight 1/4 x 1/legal(start) x 1/legal(cell after move 1); legal moves in that
// quadrant: (2,2) has 5, (2,3) and (3,2) have 4, (3,3) has 3.
const BOTTOM_RIGHT: Record<string, { legal: number; moves: Record<string, string> }> = {
  '2,2': { legal: 5, moves: { Stay: '2,2', Right: '2,3', Down: '3,2' } },
  '2,3': { legal: 4, moves: { Stay: '2,3', Left: '2,2', Down: '3,3' } },
  '3,2': { legal: 4, moves: { Stay: '3,2', Up: '2,2', Right: '3,3' } },
  '3,3': { legal: 3, moves: { Stay: '3,3', Up: '2,3', Left: '3,2' } },
};
const examplePaths: Array<[string, number]> = [];
for (const [start, first] of Object.entries(BOTTOM_RIGHT)) {
  for (const [m1, cell] of Object.entries(first.moves)) {
    for (const m2 of Object.keys(BOTTOM_RIGHT[cell].moves)) {
      examplePaths.push([play('place_p0:0,0', `place_p1:${start}`, 'Right', m1, 'Down', m2), (1 / 4) * (1 / first.legal) * (1 / BOTTOM_RIGHT[cell].legal)]);
    }
  }
}
const exampleTotal = examplePaths.reduce((sum, path) => sum + path[1], 0);
const example: Record<string, number> = {};
for (const [world, w] of examplePaths) example[world] = w / exampleTotal;

describeResampleHistory('quadranto resampleHistory posterior', game, {
  draws: 40000,
  tolerance: 0.01,
  seed: (index) => 800 + index,
  cases: [
    {
      name: 'player 0 right after both placements: player 1 is on any bottom-right cell',
      actions: ['place_p0:0,0', 'place_p1:3,3'], player: 0,
      exact: {
        [play('place_p0:0,0', 'place_p1:2,2')]: 0.25,
        [play('place_p0:0,0', 'place_p1:2,3')]: 0.25,
        [play('place_p0:0,0', 'place_p1:3,2')]: 0.25,
        [play('place_p0:0,0', 'place_p1:3,3')]: 0.25,
      },
    },
    {
      // Only (2,2) Up (weight 1/4 x 1/5) and (2,3) Up (1/4 x 1/4) reach the top-right quadrant.
      name: 'player 0 sees player 1 enter the top-right quadrant',
      actions: ['place_p0:0,0', 'place_p1:2,2', 'Stay', 'Up'], player: 0,
      exact: {
        [play('place_p0:0,0', 'place_p1:2,2', 'Stay', 'Up')]: 4 / 9,
        [play('place_p0:0,0', 'place_p1:2,3', 'Stay', 'Up')]: 5 / 9,
      },
    },
    {
      name: 'player 1 after player 0 moved within its quadrant',
      actions: ['place_p0:0,0', 'place_p1:3,3', 'Right'], player: 1,
      exact: afterOneMove,
    },
    {
      name: 'player 0 at its third decision of the example game',
      actions: ['place_p0:0,0', 'place_p1:3,3', 'Right', 'Up', 'Down', 'Left'], player: 0,
      exact: example,
    },
  ],
  indistinguishable: [
    {
      name: 'player 0 cannot see where in the bottom-right quadrant player 1 starts',
      player: 0,
      plays: [['place_p0:0,0', 'place_p1:3,3'], ['place_p0:0,0', 'place_p1:2,2']],
    },
    {
      name: 'player 1 cannot tell a move within a quadrant from staying',
      player: 1,
      plays: [['place_p0:0,0', 'place_p1:3,3', 'Right'], ['place_p0:0,0', 'place_p1:3,3', 'Stay']],
    },
  ],
  unexplained: [
    {
      name: 'player 1 cannot jump from the bottom-right to the top-left quadrant in one move',
      player: 0,
      actions: ['place_p0:0,0', 'place_p1:3,3', 'Stay', 'Up'],
      replace: {
        step: 1,
        observation: {
          player: 0, myLocation: [0, 0], opponentQuadrant: 'Top-Left',
        },
      },
    },
  ],
});
