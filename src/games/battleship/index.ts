import type { GameDefinition } from '../../engine/game-definition.js';
import { renderGrid, toRows } from '../render.js';
import * as cwm from './game.js';

const LEGEND = 'legend: 2 two-cell ship, 1 one-cell ship, X hit, o miss, . open water (or not fired at)';

/** A player's own waters: its fleet with the opponent's shots marked on it. */
function ownWaters(fleet: string, incoming: string): string {
  const cells: string[] = [];
  for (let i = 0; i < 16; i++) {
    const mark = incoming[i];
    cells.push(mark === 'x' ? 'X' : mark === 'o' ? 'o' : fleet[i]);
  }
  return renderGrid(toRows(cells, 4));
}

/** Shots at the opponent: X hit, o miss, . not fired at. */
function targetWaters(shots: string): string {
  const cells: string[] = [];
  for (let i = 0; i < 16; i++) cells.push(shots[i] === 'x' ? 'X' : shots[i]);
  return renderGrid(toRows(cells, 4));
}

function status(currentPlayer: number, winner: number | null): string {
  if (currentPlayer === -1) return 'ships are being placed';
  if (currentPlayer === -4) return `game over: ${winner === null ? 'nobody' : cwm.getPlayerName(winner)} sank the whole opposing fleet`;
  return `${cwm.getPlayerName(currentPlayer)} to fire`;
}

function hitCount(shots: string): number {
  let hits = 0;
  for (let i = 0; i < shots.length; i++) if (shots[i] === 'x') hits++;
  return hits;
}

function renderState(state: cwm.State): string {
  const sections: string[] = [];
  for (let p = 0; p < 2; p++) {
    const placed = state.placed < 2 * (p + 1) ? ' (fleet not fully placed yet)' : '';
    sections.push(`${cwm.getPlayerName(p)} waters${placed}, ${hitCount(state.shots[1 - p])}/3 ship cells hit:\n${ownWaters(state.fleets[p], state.shots[1 - p])}`);
  }
  sections.push(LEGEND, `Status: ${status(state.currentPlayer, state.winner)}`);
  return sections.join('\n\n');
}

function renderObservation(obs: cwm.Observation, player: number): string {
  const placed = obs.fleet.includes('1') ? '' : ' (fleet not fully placed yet)';
  return [
    `You are ${cwm.getPlayerName(player)}.`,
    `Your waters${placed}, ${hitCount(obs.incoming)}/3 of your ship cells hit:\n${ownWaters(obs.fleet, obs.incoming)}`,
    `Your shots at the opponent, ${hitCount(obs.shots)}/3 of its ship cells hit:\n${targetWaters(obs.shots)}`,
    LEGEND,
    `Status: ${status(obs.currentPlayer, obs.winner)}`,
  ].join('\n\n');
}

// ---- scenario data ---------------------------------------------------------

const CELL_NAMES: string[] = [];
for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) CELL_NAMES.push(`${r}_${c}`);
const ALL_SHOTS = CELL_NAMES.map((name) => `fire_${name}`);

/** The 24 places of a two-cell ship, listed independently of game.ts: horizontal ones, then vertical ones. */
function ship2Placements(player: number): string[] {
  const list: string[] = [];
  for (const [dr, dc] of [[0, 1], [1, 0]]) {
    for (let r = 0; r + dr < 4; r++) {
      for (let c = 0; c + dc < 4; c++) list.push(`p${player}:ship2:${r}_${c}-${r + dr}_${c + dc}`);
    }
  }
  return list;
}

/** The one-cell ship's places: every cell but the two taken. */
function ship1Placements(player: number, taken: string[]): string[] {
  return CELL_NAMES.filter((name) => !taken.includes(name)).map((name) => `p${player}:ship1:${name}`);
}

// Player 0: two-cell ship on (0,0)-(0,1), one-cell ship on (3,3).
// Player 1: two-cell ship on (1,1)-(2,1), one-cell ship on (0,3).
const FLEETS = ['p0:ship2:0_0-0_1', 'p0:ship1:3_3', 'p1:ship2:1_1-2_1', 'p1:ship1:0_3'];

/** The longest game: player 0 fires row by row but saves (0,3), player 1's last ship cell, for its 16th shot;
 * player 1 fires row by row at everything except (3,3), player 0's one-cell ship, never sinking it. */
function longestGame(): string[] {
  const p0 = ALL_SHOTS.filter((a) => a !== 'fire_0_3').concat(['fire_0_3']);
  const p1 = ALL_SHOTS.filter((a) => a !== 'fire_3_3');
  const actions = FLEETS.slice();
  for (let i = 0; i < 16; i++) {
    actions.push(p0[i]);
    if (i < 15) actions.push(p1[i]);
  }
  return actions;
}

export const battleship: GameDefinition<cwm.State, cwm.Observation> = {
  info: {
    id: 'battleship', title: 'Battleship', players: 2, information: 'imperfect', chance: true,
    utility: 'zero-sum', maxGameLength: 35, rewardRange: [-1, 1], split: 'train',
  },
  cwm,
  renderState,
  renderObservation,
  scenarios: [
    {
      name: 'chance first places player 0\'s two-cell ship: 24 places, no shot yet',
      actions: [],
      expect: { terminal: false, currentPlayer: -1, legalActions: ship2Placements(0), illegalActions: ['fire_0_0', 'p1:ship2:1_1-2_1', 'p0:ship1:3_3'] },
    },
    {
      name: 'then player 0\'s one-cell ship on any of the 14 cells the two-cell ship left free',
      actions: ['p0:ship2:0_0-0_1'],
      expect: { currentPlayer: -1, legalActions: ship1Placements(0, ['0_0', '0_1']), illegalActions: ['p0:ship1:0_0', 'p0:ship1:0_1'] },
    },
    {
      name: 'then player 1\'s two ships the same way',
      actions: ['p0:ship2:0_0-0_1', 'p0:ship1:3_3'],
      expect: { currentPlayer: -1, legalActions: ship2Placements(1), illegalActions: ['p0:ship2:0_0-0_1'] },
    },
    {
      name: 'player 1\'s one-cell ship avoids only its own two-cell ship (the seas are separate)',
      actions: ['p0:ship2:0_0-0_1', 'p0:ship1:3_3', 'p1:ship2:1_1-2_1'],
      expect: { currentPlayer: -1, legalActions: ship1Placements(1, ['1_1', '2_1']), illegalActions: ['p1:ship1:1_1', 'p1:ship1:2_1'] },
    },
    {
      name: 'a two-cell ship may not bend diagonally, wrap round a row or leave the board',
      actions: [],
      expect: { illegalActions: ['p0:ship2:0_0-1_1', 'p0:ship2:0_3-1_0', 'p0:ship2:0_0-0_2', 'p0:ship2:3_3-3_4', 'p0:ship2:0_1-0_0'] },
    },
    {
      name: 'once both fleets are placed, player 0 fires first at any of the 16 cells',
      actions: FLEETS,
      expect: { currentPlayer: 0, legalActions: ALL_SHOTS, rewards: [0, 0] },
    },
    {
      name: 'a hit does not earn another shot: the turn passes to player 1',
      actions: [...FLEETS, 'fire_1_1'],
      expect: { terminal: false, currentPlayer: 1, legalActions: ALL_SHOTS },
    },
    {
      name: 'a player may not fire at the same cell twice',
      actions: [...FLEETS, 'fire_1_1', 'fire_3_3'],
      expect: { currentPlayer: 0, legalActions: ALL_SHOTS.filter((a) => a !== 'fire_1_1'), illegalActions: ['fire_1_1'] },
    },
    {
      name: 'sinking one ship is not enough: after sinking the two-cell ship the game goes on',
      actions: [...FLEETS, 'fire_1_1', 'fire_2_2', 'fire_2_1'],
      expect: { terminal: false, currentPlayer: 1, rewards: [0, 0] },
    },
    {
      name: 'player 0 hits all three cells of player 1\'s fleet first and wins',
      actions: [...FLEETS, 'fire_1_1', 'fire_0_0', 'fire_2_1', 'fire_0_1', 'fire_0_3'],
      expect: { terminal: true, currentPlayer: -4, rewards: [1, -1], winner: 0, legalActions: [] },
    },
    {
      name: 'player 1 wins after player 0 misses three times',
      actions: [...FLEETS, 'fire_3_0', 'fire_0_0', 'fire_3_1', 'fire_0_1', 'fire_3_2', 'fire_3_3'],
      expect: { terminal: true, rewards: [-1, 1], winner: 1, legalActions: [] },
    },
    {
      name: 'the longest game: 4 ship placements, 16 shots by player 0 and 15 by player 1 (35 actions)',
      actions: longestGame(),
      expect: { terminal: true, rewards: [1, -1], winner: 0 },
    },
  ],
};
