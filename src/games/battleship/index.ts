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

/** A shot log (["1_2:hit", ...]) as a 16-character board: 'x' hit, 'o' miss, '.' not fired at. */
function boardOf(log: string[]): string {
  const cells: string[] = [];
  for (let i = 0; i < 16; i++) cells.push('.');
  for (const entry of log) {
    const [cell, result] = entry.split(':');
    const [r, c] = cell.split('_').map(Number);
    cells[r * 4 + c] = result === 'hit' ? 'x' : 'o';
  }
  return cells.join('');
}

function renderState(state: cwm.State): string {
  const sections: string[] = [];
  for (let p = 0; p < 2; p++) {
    const placed = state.placed <= p ? ' (fleet not placed yet)' : '';
    sections.push(`${cwm.getPlayerName(p)} waters${placed}, ${hitCount(state.shots[1 - p])}/3 ship cells hit:\n${ownWaters(state.fleets[p], state.shots[1 - p])}`);
  }
  sections.push(LEGEND, `Status: ${status(state.currentPlayer, state.winner)}`);
  return sections.join('\n\n');
}

function renderObservation(obs: cwm.Observation, player: number): string {
  if (obs.fleet === null) return `You are ${cwm.getPlayerName(player)}.\n\nStatus: ${status(-1, null)}`;
  const incoming = boardOf(obs.incoming);
  const shots = boardOf(obs.shots);
  const over = obs.opponentFleet !== null;
  const toFire = obs.shots.length === obs.incoming.length ? 0 : 1;
  const sections = [
    `You are ${cwm.getPlayerName(player)}.`,
    `Your waters, ${hitCount(incoming)}/3 of your ship cells hit:\n${ownWaters(obs.fleet, incoming)}`,
    `Your shots at the opponent, ${hitCount(shots)}/3 of its ship cells hit:\n${targetWaters(shots)}`,
  ];
  if (obs.opponentFleet !== null) sections.push(`The opponent's waters:\n${ownWaters(obs.opponentFleet, shots)}`);
  sections.push(LEGEND, `Status: ${status(over ? -4 : toFire, obs.winner)}`);
  return sections.join('\n\n');
}

// ---- scenario data ---------------------------------------------------------

const CELL_NAMES: string[] = [];
for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) CELL_NAMES.push(`${r}_${c}`);
const ALL_SHOTS = CELL_NAMES.map((name) => `fire_${name}`);

/** Every fleet, listed independently of game.ts: the two-cell ship's cells (horizontal ones, then vertical ones), then the one-cell ship's. */
function fleetPlacements(player: number): string[] {
  const list: string[] = [];
  for (const [dr, dc] of [[0, 1], [1, 0]]) {
    for (let r = 0; r + dr < 4; r++) {
      for (let c = 0; c + dc < 4; c++) {
        for (let r1 = 0; r1 < 4; r1++) {
          for (let c1 = 0; c1 < 4; c1++) {
            if ((r1 === r && c1 === c) || (r1 === r + dr && c1 === c + dc)) continue;
            list.push(`place_p${player}:${r}${c}_${r + dr}${c + dc}|${r1}${c1}`);
          }
        }
      }
    }
  }
  return list;
}

// Player 0: two-cell ship on (0,0)-(0,1), one-cell ship on (3,3).
// Player 1: two-cell ship on (1,1)-(2,1), one-cell ship on (0,3).
const FLEETS = ['place_p0:00_01|33', 'place_p1:11_21|03'];

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
    utility: 'zero-sum', maxGameLength: 33, rewardRange: [-1, 1], split: 'train', verifyTimeScale: 2,
  },
  cwm,
  renderState,
  renderObservation,
  scenarios: [
    {
      name: 'chance first places player 0\'s whole fleet in one step: 336 fleets (24 places for the two-cell ship, 14 cells left for the other)',
      actions: [],
      expect: { terminal: false, currentPlayer: -1, legalActions: fleetPlacements(0), illegalActions: ['fire_0_0', 'place_p1:11_21|03'] },
    },
    {
      name: 'then player 1\'s fleet the same way (the seas are separate: it may use the cells of player 0\'s ships)',
      actions: ['place_p0:00_01|33'],
      expect: { currentPlayer: -1, legalActions: fleetPlacements(1), illegalActions: ['place_p0:00_01|33'] },
    },
    {
      name: 'a two-cell ship may not bend diagonally, wrap round a row, leave the board or be named backwards; ships may not overlap',
      actions: [],
      expect: { illegalActions: ['place_p0:00_11|22', 'place_p0:03_10|22', 'place_p0:00_02|22', 'place_p0:33_34|22', 'place_p0:01_00|22', 'place_p0:00_01|01'] },
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
      name: 'the longest game: 2 fleet placements, 16 shots by player 0 and 15 by player 1 (33 actions)',
      actions: longestGame(),
      expect: { terminal: true, rewards: [1, -1], winner: 0 },
    },
  ],
};
