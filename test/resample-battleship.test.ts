// battleship's resampleHistory draws from the exact posterior over hidden
// worlds under a uniformly random opponent. The only hidden thing is the
// opponent's fleet; every shot and its hit/miss result is public, so the
// posterior is uniform over the opponent fleets that agree with the player's
// hits and misses. The hand-computed posteriors below enumerate fleets
// independently of game.ts (cell triples); test/helpers/posterior.ts checks
// them against its own walk of the game tree, and the draws against both.

import { expect, it } from 'vitest';
import * as game from '../src/games/battleship/game.js';
import { describeResampleHistory, historyOf } from './helpers/posterior.js';

const name = (cell: number): string => `${Math.floor(cell / 4)}${cell % 4}`;

/** Every fleet of `player` as its placement action: [a, b] adjacent (a < b), c any other cell. */
function fleets(player: number): Array<{ action: string; cells: number[] }> {
  const list: Array<{ action: string; cells: number[] }> = [];
  for (let a = 0; a < 16; a++) {
    for (let b = a + 1; b < 16; b++) {
      const distance = Math.abs(Math.floor(a / 4) - Math.floor(b / 4)) + Math.abs((a % 4) - (b % 4));
      if (distance !== 1) continue;
      for (let c = 0; c < 16; c++) {
        if (c !== a && c !== b) {
          list.push({ action: `place_p${player}:${name(a)}_${name(b)}|${name(c)}`, cells: [a, b, c] });
        }
      }
    }
  }
  return list;
}

function cellOf(shot: string): number {
  const [, r, c] = shot.split('_');
  return Number(r) * 4 + Number(c);
}

/**
 * The posterior over player `hidden`'s fleet: uniform over the fleets with a
 * ship on every `hits` cell and none on any `misses` cell. A world is
 * `actions` with that player's placement (action `hidden`) replaced.
 */
function uniformOverFleets(actions: string[], hidden: number, hits: string[], misses: string[]): Record<string, number> {
  const hitCells = hits.map(cellOf);
  const missCells = misses.map(cellOf);
  const weights = new Map<string, number>();
  let total = 0;
  for (const f of fleets(hidden)) {
    if (!hitCells.every((c) => f.cells.includes(c)) || !missCells.every((c) => !f.cells.includes(c))) continue;
    const world = actions.map((a, i) => (i === hidden ? f.action : a)).join(',');
    weights.set(world, (weights.get(world) ?? 0) + 1);
    total += 1;
  }
  const exact: Record<string, number> = {};
  for (const [world, w] of weights) exact[world] = w / total;
  return exact;
}

const FLEETS = ['place_p0:00_01|33', 'place_p1:11_21|03'];

it('there are 336 fleets per player', () => {
  expect(fleets(0).length).toBe(336);
  expect(new Set(fleets(1).map((f) => f.action)).size).toBe(336);
});

describeResampleHistory('battleship resampleHistory posterior', game, {
  draws: 40000,
  tolerance: 0.01,
  seed: (index) => 500 + index,
  cases: [
    {
      name: 'player 0 at its first shot: any of player 1\'s 336 fleets',
      actions: FLEETS, player: 0,
      exact: uniformOverFleets(FLEETS, 1, [], []),
    },
    {
      // Player 0 hit (1,1) and missed (1,2); the result of its last shot, (1,0), is not in its history.
      name: 'player 0 after one hit and one miss, its history ending with its third shot',
      actions: [...FLEETS, 'fire_1_1', 'fire_0_0', 'fire_1_2', 'fire_3_3', 'fire_1_0'], player: 0,
      exact: uniformOverFleets([...FLEETS, 'fire_1_1', 'fire_0_0', 'fire_1_2', 'fire_3_3', 'fire_1_0'], 1, ['fire_1_1'], ['fire_1_2']),
    },
    {
      // Player 1 hit (0,0) and (0,1) and missed (1,0), (2,2); its last shot (0,2) is not yet answered.
      // Player 0's shots are visible but say nothing of player 0's fleet.
      name: 'player 1 after two hits and two misses',
      actions: [...FLEETS, 'fire_3_0', 'fire_0_0', 'fire_3_1', 'fire_1_0', 'fire_2_0', 'fire_0_1', 'fire_2_3', 'fire_2_2', 'fire_1_3', 'fire_0_2'], player: 1,
      exact: uniformOverFleets(
        [...FLEETS, 'fire_3_0', 'fire_0_0', 'fire_3_1', 'fire_1_0', 'fire_2_0', 'fire_0_1', 'fire_2_3', 'fire_2_2', 'fire_1_3', 'fire_0_2'],
        0, ['fire_0_0', 'fire_0_1'], ['fire_1_0', 'fire_2_2'],
      ),
    },
    {
      // The winning shot (0,2) is player 0's last decision: its result is not in the history.
      name: 'player 0 whose last shot sank the fleet: the history knows only the hits before it',
      actions: ['place_p0:30_31|33', 'place_p1:01_02|00', 'fire_0_0', 'fire_3_3', 'fire_0_1', 'fire_2_2', 'fire_0_2'], player: 0,
      exact: uniformOverFleets(
        ['place_p0:30_31|33', 'place_p1:01_02|00', 'fire_0_0', 'fire_3_3', 'fire_0_1', 'fire_2_2', 'fire_0_2'],
        1, ['fire_0_0', 'fire_0_1'], [],
      ),
    },
  ],
  indistinguishable: [
    {
      name: 'player 0 cannot tell player 1 fleets apart that agree with its shots',
      player: 0,
      plays: [
        [...FLEETS, 'fire_1_1', 'fire_0_0'],
        ['place_p0:00_01|33', 'place_p1:01_11|32', 'fire_1_1', 'fire_0_0'],
        ['place_p0:00_01|33', 'place_p1:10_11|22', 'fire_1_1', 'fire_0_0'],
      ],
    },
  ],
  unexplained: [
    {
      name: 'a history where player 0 scored a hit no fleet explains is rejected',
      player: 0,
      actions: [...FLEETS, 'fire_1_1', 'fire_0_0', 'fire_1_2'],
      // Record every cell as a hit of player 0: no fleet has 16 ship cells.
      replace: {
        step: 1,
        observation: {
          ...historyOf(game, [...FLEETS, 'fire_1_1', 'fire_0_0', 'fire_1_2'], 0)[1][0],
          shots: Array.from({ length: 16 }, (_, cell) => `${Math.floor(cell / 4)}_${cell % 4}:hit`),
        },
      },
    },
  ],
});
