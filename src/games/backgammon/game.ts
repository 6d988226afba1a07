// Backgammon as a GameCWM, as the paper's reference plays it. Player 0 moves
// from point 24 towards point 1 and bears off from points 1-6; player 1 moves
// from point 1 towards point 24 and bears off from points 19-24. Every turn
// starts with a chance node rolling two dice: 21 listed outcomes
// "D_<low>_<high>", equally likely as the reference samples them; a roll
// written high first ("D_6_5") is accepted too. Who moves after a roll is the
// reference's rule: while no checker is on the bar or borne off, player 0
// when the first die is at least the second, else player 1; after that,
// player 0 every time. A play is one action listing its moves in the order
// played ("13/7,7/2"); every order of the dice is tried, a die with no move
// at its turn is skipped, and each distinct string is a legal play ("pass"
// when there is none). Bearing off 15 checkers wins (+1 / -1); a game still
// running after 1000 actions (chance included) stops as a draw (0 / 0), so
// every game is finite. Written in the contract's subset: pure functions over
// JSON state.

export type Action = string;

export interface State {
  /** Points 1..24 at indices 0..23: >0 = that many of player 0's checkers, <0 = player 1's. */
  board: number[];
  /** Checkers on the bar: [player 0, player 1]. */
  bar: number[];
  /** Checkers borne off: [player 0, player 1]. */
  off: number[];
  /** The roll being played, as rolled ([6, 5] for "D_6_5"); [] while the dice are rolling. */
  dice: number[];
  /** 0 or 1 to play, -1 while the dice roll, -4 once the game is over. */
  currentPlayer: number;
  /** 0 or 1 once a player has borne off all 15 checkers, else null. */
  winner: number | null;
  /** Actions taken so far, chance included. */
  actionCount: number;
}

/** Everything but the action count, which only matters at the 1000-action limit. */
export interface Observation {
  board: number[];
  bar: number[];
  off: number[];
  dice: number[];
  currentPlayer: number;
}

const CHANCE = -1;
const TERMINAL = -4;
const CHECKERS = 15;
const HORIZON = 1000;
const PASS = 'pass';

function buildRolls(): Action[] {
  const rolls: Action[] = [];
  for (let low = 1; low <= 6; low++) {
    for (let high = low; high <= 6; high++) rolls.push(`D_${low}_${high}`);
  }
  return rolls;
}

/** The 21 listed chance outcomes, "D_<low>_<high>" with low <= high. */
const ROLLS: Action[] = buildRolls();

/** A position while a play is searched: copies, changed in place by `move`. */
interface Position {
  board: number[];
  bar: number[];
  off: number[];
}

/** Checkers of `player` on point p (1..24). */
function own(board: number[], player: number, p: number): number {
  const count = board[p - 1];
  return player === 0 ? (count > 0 ? count : 0) : (count < 0 ? -count : 0);
}

/** Whether `player` may land on point p: fewer than two opposing checkers there. */
function open(board: number[], player: number, p: number): boolean {
  return own(board, 1 - player, p) < 2;
}

/** Whether all of `player`'s checkers are home (none on the bar). */
function allHome(position: Position, player: number): boolean {
  if (position.bar[player] > 0) return false;
  for (let p = 1; p <= 24; p++) {
    const home = player === 0 ? p <= 6 : p >= 19;
    if (!home && own(position.board, player, p) > 0) return false;
  }
  return true;
}

/** Whether no checker of `player` stands farther from the end than point p (p inside home). */
function rearmost(board: number[], player: number, p: number): boolean {
  if (player === 0) {
    for (let q = p + 1; q <= 6; q++) if (own(board, 0, q) > 0) return false;
  } else {
    for (let q = 19; q < p; q++) if (own(board, 1, q) > 0) return false;
  }
  return true;
}

/** The single moves `player` can make with `die`, as "FROM/TO" strings. */
function singleMoves(position: Position, player: number, die: number): string[] {
  const board = position.board;
  if (position.bar[player] > 0) {
    const entry = player === 1 ? die : 25 - die;
    return open(board, player, entry) ? [`bar/${entry}`] : [];
  }
  const moves: string[] = [];
  const bearing = allHome(position, player);
  const step = player === 0 ? -die : die;
  for (let p = 1; p <= 24; p++) {
    if (own(board, player, p) === 0) continue;
    const to = p + step;
    if (to < 1 || to > 24) {
      const exact = to === 0 || to === 25;
      if (bearing && (exact || rearmost(board, player, p))) moves.push(`${p}/off`);
      continue;
    }
    if (open(board, player, to)) moves.push(`${p}/${to}`);
  }
  return moves;
}

/** Plays one "FROM/TO" move on `position` (in place); a single opposing checker is hit. */
function move(position: Position, player: number, text: string): void {
  const slash = text.indexOf('/');
  const from = text.slice(0, slash);
  const to = text.slice(slash + 1);
  const sign = player === 0 ? 1 : -1;
  if (from === 'bar') position.bar[player] -= 1;
  else position.board[Number(from) - 1] -= sign;
  if (to === 'off') {
    position.off[player] += 1;
    return;
  }
  const at = Number(to) - 1;
  if (position.board[at] === -sign) {
    position.board[at] = 0;
    position.bar[1 - player] += 1;
  }
  position.board[at] += sign;
}

function copyPosition(position: Position): Position {
  return { board: position.board.slice(), bar: position.bar.slice(), off: position.off.slice() };
}

/** The distinct orders in which the dice can be played. */
function diceOrders(dice: number[]): number[][] {
  if (dice[0] === dice[1]) return [[dice[0], dice[0], dice[0], dice[0]]];
  return [[dice[0], dice[1]], [dice[1], dice[0]]];
}

/** Adds to `plays` every move sequence from `position` with the dice `order[depth..]`. */
function search(position: Position, player: number, order: number[], depth: number, moves: string[], plays: string[], seen: Record<string, boolean>): void {
  if (depth === order.length) {
    if (moves.length === 0) return;
    const text = moves.join(',');
    if (seen[text] !== true) {
      seen[text] = true;
      plays.push(text);
    }
    return;
  }
  const options = singleMoves(position, player, order[depth]);
  // A die is skipped only when it has no move at its turn.
  if (options.length === 0) search(position, player, order, depth + 1, moves, plays, seen);
  for (let i = 0; i < options.length; i++) {
    const next = copyPosition(position);
    move(next, player, options[i]);
    search(next, player, order, depth + 1, moves.concat([options[i]]), plays, seen);
  }
}

/** The legal plays of `player` with `dice`, as action strings. */
function findPlays(position: Position, player: number, dice: number[]): string[] {
  const plays: string[] = [];
  const seen: Record<string, boolean> = {};
  const orders = diceOrders(dice);
  for (let i = 0; i < orders.length; i++) search(position, player, orders[i], 0, [], plays, seen);
  return plays.length === 0 ? [PASS] : plays;
}

/** Whether `text` is one of the plays `findPlays` lists, checked move by move for each order of the dice. */
function isLegalPlay(position: Position, player: number, dice: number[], text: string): boolean {
  const orders = diceOrders(dice);
  if (text === PASS) {
    for (let i = 0; i < orders.length; i++) {
      for (let d = 0; d < orders[i].length; d++) if (singleMoves(position, player, orders[i][d]).length > 0) return false;
    }
    return true;
  }
  const moves = text.split(',');
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i];
    const current = copyPosition(position);
    let next = 0;
    let fits = true;
    for (let d = 0; d < order.length && fits; d++) {
      const options = singleMoves(current, player, order[d]);
      if (options.length === 0) continue;
      if (next < moves.length && options.indexOf(moves[next]) >= 0) {
        move(current, player, moves[next]);
        next++;
      } else {
        fits = false;
      }
    }
    if (fits && next === moves.length) return true;
  }
  return false;
}

/** [first, second] of a roll "D_<a>_<b>" with 1 <= a, b <= 6 in either order, else null. */
function parseRoll(action: Action): number[] | null {
  if (action.length !== 5 || action.charAt(0) !== 'D' || action.charAt(1) !== '_' || action.charAt(3) !== '_') return null;
  const first = '123456'.indexOf(action.charAt(2)) + 1;
  const second = '123456'.indexOf(action.charAt(4)) + 1;
  return first > 0 && second > 0 ? [first, second] : null;
}

export function getInitialState(): State {
  const board: number[] = [];
  for (let i = 0; i < 24; i++) board.push(0);
  board[23] = 2;
  board[12] = 5;
  board[7] = 3;
  board[5] = 5;
  board[0] = -2;
  board[11] = -5;
  board[16] = -3;
  board[18] = -5;
  return { board, bar: [0, 0], off: [0, 0], dice: [], currentPlayer: CHANCE, winner: null, actionCount: 0 };
}

export function getCurrentPlayer(state: State): number {
  return state.currentPlayer;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'Player 0' : 'Player 1';
}

export function getLegalActions(state: State): Action[] {
  const player = state.currentPlayer;
  if (player === TERMINAL) return [];
  if (player === CHANCE) return ROLLS.slice();
  return findPlays(state, player, state.dice);
}

export function getChanceOutcomes(state: State): Array<[Action, number]> {
  if (state.currentPlayer !== CHANCE) return [];
  const outcomes: Array<[Action, number]> = [];
  for (let i = 0; i < ROLLS.length; i++) outcomes.push([ROLLS[i], 1 / ROLLS.length]);
  return outcomes;
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the game is over; "${action}" cannot be played`);
  const count = state.actionCount + 1;
  if (player === CHANCE) {
    const dice = parseRoll(action);
    if (dice === null) throw new Error(`"${action}" is not a dice roll; the chance outcomes are "D_<die>_<die>" with dice 1 to 6, e.g. "D_3_5"`);
    if (count >= HORIZON) return { ...state, dice: [], currentPlayer: TERMINAL, actionCount: count };
    // The reference's turn rule: the dice pick the mover until a checker is on the bar or borne off.
    const untouched = state.bar[0] + state.bar[1] + state.off[0] + state.off[1] === 0;
    const mover = untouched && dice[0] < dice[1] ? 1 : 0;
    return { ...state, dice, currentPlayer: mover, actionCount: count };
  }
  if (!isLegalPlay(state, player, state.dice, action)) {
    const plays = findPlays(state, player, state.dice);
    const shown = plays.length > 12 ? `${plays.slice(0, 12).join('" "')}" ... (${plays.length} in all)` : `${plays.join('" "')}"`;
    throw new Error(`"${action}" is not a legal play for ${getPlayerName(player)} with dice ${state.dice[0]}-${state.dice[1]}; a play lists its moves as "FROM/TO" joined by commas, in the order played; legal plays: "${shown}`);
  }
  const next = copyPosition(state);
  const moves = action === PASS ? [] : action.split(',');
  for (let k = 0; k < moves.length; k++) move(next, player, moves[k]);
  if (next.off[player] >= CHECKERS) {
    // The winning roll stays on show, as in the reference.
    return { ...next, dice: state.dice, currentPlayer: TERMINAL, winner: player, actionCount: count };
  }
  return { ...next, dice: [], currentPlayer: count >= HORIZON ? TERMINAL : CHANCE, winner: null, actionCount: count };
}

export function getRewards(state: State): number[] {
  if (state.winner === null) return [0, 0];
  return state.winner === 0 ? [1, -1] : [-1, 1];
}

export function getObservations(state: State): Observation[] {
  const observation: Observation = {
    board: state.board.slice(), bar: state.bar.slice(), off: state.off.slice(), dice: state.dice.slice(), currentPlayer: state.currentPlayer,
  };
  return [observation, observation];
}
