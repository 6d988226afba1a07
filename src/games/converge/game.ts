// Converge as a GameCWM: on a 5x5 board Blue (player 0, moves first) and Red
// (player 1) each have two units; a turn moves one unit one step in any of the
// eight directions to an empty square. Moving next to enemy units stuns them
// for their owner's next turn. The first unit to step onto the centre (2,2)
// wins; after 50 turns without a winner the game is drawn. Stuns are kept as
// the paper's golden keeps them (a record per stunned square and the turn of
// the stun), so that observations separate what the golden's separate.
// Written in the contract's subset: pure functions over JSON state.

export type Action = string;

export interface State {
  /** Cells (row * 5 + col) of the four units: Blue's two, then Red's two. */
  units: number[];
  /**
   * Stun records [cell, turn], sorted by cell: the unit on `cell` was stunned
   * on that turn and may not move while `turns` is at most turn + 1 (its
   * owner's next turn). As in the paper's golden, expired records are dropped
   * only by the next step (not by a pass, nor by a winning step), so one may
   * linger for a while.
   */
  stuns: number[][];
  /** Player to move (0 or 1), or -4 once the game is over. */
  currentPlayer: number;
  /** 0 or 1 once a unit has reached the centre, else null. */
  winner: number | null;
  /** Turns taken so far (moves and passes). */
  turns: number;
}

/**
 * Both players see everything, as in the paper's golden: the board (which
 * player's unit stands on each cell, -1 for none; units of one side are not
 * told apart), the stun records, the player to move, the turn and the winner.
 */
export interface Observation {
  board: number[];
  stuns: number[][];
  currentPlayer: number;
  turns: number;
  winner: number | null;
}

const TERMINAL = -4;
const SIZE = 5;
const CELLS = 25;
const CENTER = 12;
const MAX_TURNS = 50;
const PASS = 'pass';

function buildNeighbours(): number[][] {
  const all: number[][] = [];
  for (let cell = 0; cell < CELLS; cell++) {
    const row = Math.floor(cell / SIZE);
    const col = cell - row * SIZE;
    const list: number[] = [];
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        const r = row + dr;
        const c = col + dc;
        if ((dr !== 0 || dc !== 0) && r >= 0 && r < SIZE && c >= 0 && c < SIZE) list.push(r * SIZE + c);
      }
    }
    all.push(list);
  }
  return all;
}

/** NEIGHBOURS[cell]: the up to eight adjacent cells, row-major. */
const NEIGHBOURS: number[][] = buildNeighbours();

function cellName(cell: number): string {
  const row = Math.floor(cell / SIZE);
  return `(${row},${cell - row * SIZE})`;
}

function buildMoveStrings(): string[] {
  const strings: string[] = [];
  for (let from = 0; from < CELLS; from++) {
    for (let to = 0; to < CELLS; to++) strings.push(`move ${cellName(from)} to ${cellName(to)}`);
  }
  return strings;
}

/** MOVE_STRINGS[from * 25 + to]: the action string moving a unit from `from` to `to`. */
const MOVE_STRINGS: string[] = buildMoveStrings();

function isAdjacent(a: number, b: number): boolean {
  const ra = Math.floor(a / SIZE);
  const rb = Math.floor(b / SIZE);
  const dr = ra - rb;
  const dc = (a - ra * SIZE) - (b - rb * SIZE);
  return (dr !== 0 || dc !== 0) && dr >= -1 && dr <= 1 && dc >= -1 && dc <= 1;
}

function isOccupied(units: number[], cell: number): boolean {
  return units[0] === cell || units[1] === cell || units[2] === cell || units[3] === cell;
}

/** Whether the unit on `cell` is stunned on the current turn. */
function isStunned(state: State, cell: number): boolean {
  for (let i = 0; i < state.stuns.length; i++) {
    if (state.stuns[i][0] === cell && state.turns <= state.stuns[i][1] + 1) return true;
  }
  return false;
}

/** The moves of `player` as [unit index, destination] pairs, in unit then row-major order. */
function moves(state: State, player: number): number[][] {
  const result: number[][] = [];
  for (let u = player * 2; u < player * 2 + 2; u++) {
    if (isStunned(state, state.units[u])) continue;
    const neighbours = NEIGHBOURS[state.units[u]];
    for (let i = 0; i < neighbours.length; i++) {
      if (!isOccupied(state.units, neighbours[i])) result.push([u, neighbours[i]]);
    }
  }
  return result;
}

export function getInitialState(): State {
  return { units: [0, 4, 20, 24], stuns: [], currentPlayer: 0, winner: null, turns: 0 };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'Blue' : 'Red';
}

export function getLegalActions(state: State): Action[] {
  const player = state.currentPlayer;
  if (player === TERMINAL) return [];
  const list = moves(state, player);
  if (list.length === 0) return [PASS];
  const actions: Action[] = [];
  for (let i = 0; i < list.length; i++) actions.push(MOVE_STRINGS[state.units[list[i][0]] * CELLS + list[i][1]]);
  return actions;
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the game is over; "${action}" cannot be played`);
  const list = moves(state, player);
  const turns = state.turns + 1;
  const next = turns >= MAX_TURNS ? TERMINAL : 1 - player;
  if (action === PASS) {
    if (list.length > 0) throw new Error(`"pass" is only allowed when no unit can move; ${getPlayerName(player)} has ${list.length} moves`);
    return { units: state.units, stuns: state.stuns, currentPlayer: next, winner: null, turns };
  }
  let chosen = -1;
  for (let i = 0; i < list.length; i++) {
    if (MOVE_STRINGS[state.units[list[i][0]] * CELLS + list[i][1]] === action) chosen = i;
  }
  if (chosen < 0) {
    throw new Error(`"${action}" is not a legal move for ${getPlayerName(player)}; expected "move (r1,c1) to (r2,c2)" for a non-stunned own unit stepping to an adjacent empty square (or "pass" when nothing can move)`);
  }
  const unit = list[chosen][0];
  const to = list[chosen][1];
  const units = state.units.slice();
  units[unit] = to;
  if (to === CENTER) return { units, stuns: state.stuns, currentPlayer: TERMINAL, winner: player, turns };
  // Stun the enemy units next to the destination (a new record replaces the cell's old one),
  // then drop the records that no longer stun anything this turn.
  const opponent = 1 - player;
  const stunnedCells: number[] = [];
  for (let u = opponent * 2; u < opponent * 2 + 2; u++) {
    if (isAdjacent(to, units[u])) stunnedCells.push(units[u]);
  }
  const stuns: number[][] = [];
  for (let cell = 0; cell < CELLS; cell++) {
    let turn = stunnedCells.indexOf(cell) >= 0 ? state.turns : -1;
    for (let i = 0; i < state.stuns.length && turn < 0; i++) {
      if (state.stuns[i][0] === cell && state.turns <= state.stuns[i][1] + 1) turn = state.stuns[i][1];
    }
    if (turn >= 0) stuns.push([cell, turn]);
  }
  return { units, stuns, currentPlayer: next, winner: null, turns };
}

export function getRewards(state: State): number[] {
  if (state.winner === null) return [0, 0];
  return state.winner === 0 ? [1, -1] : [-1, 1];
}

export function getObservations(state: State): Observation[] {
  const board: number[] = [];
  for (let cell = 0; cell < CELLS; cell++) {
    const at = state.units.indexOf(cell);
    board.push(at < 0 ? -1 : at < 2 ? 0 : 1);
  }
  const seen: Observation = { board, stuns: state.stuns, currentPlayer: state.currentPlayer, turns: state.turns, winner: state.winner };
  return [seen, seen];
}
