// Backgammon as a GameCWM. Player 0 moves from point 24 towards point 1 and
// bears off from points 1-6; player 1 moves from point 1 towards point 24 and
// bears off from points 19-24. Every turn starts with a chance node rolling two
// dice (21 outcomes "D_<low>_<high>": doubles 1/36, others 2/36); the player then
// makes one action that plays the whole roll ("8/5,6/5"), or "pass" when no die
// can be used. A play must use as many dice as possible (four on doubles) and,
// when only one of two different dice can be used, the higher one if it can.
// Plays that leave the same position are listed once. The first player to bear
// off all 15 checkers wins (+1 / -1); a game still running after 1000 actions
// (chance included) stops as a draw (0 / 0), so every game is finite.
// Written in the contract's subset: pure functions over JSON state.

export type Action = string;

export interface State {
  /** Points 1..24 at indices 0..23: >0 = that many of player 0's checkers, <0 = player 1's. */
  board: number[];
  /** Checkers on the bar: [player 0, player 1]. */
  bar: number[];
  /** Checkers borne off: [player 0, player 1]. */
  off: number[];
  /** The roll being played, [low, high]; [] while the dice are rolling. */
  dice: number[];
  /** Whose turn it is (0 or 1), also while the dice roll for that turn. */
  turnPlayer: number;
  /** 0 or 1 to play, -1 while the dice roll, -4 once the game is over. */
  currentPlayer: number;
  /** 0 or 1 once a player has borne off all 15 checkers, else null. */
  winner: number | null;
  /** Actions taken so far, chance included. */
  actionCount: number;
  /** The legal plays for `dice` (derived from the rest; [] while rolling and at the end). */
  plays: string[];
}

/** Perfect information: every player sees the whole state. */
export type Observation = State;

const CHANCE = -1;
const TERMINAL = -4;
const CHECKERS = 15;
const HORIZON = 1000;
const BAR = 25;
const PASS = 'pass';

function buildRolls(): Action[] {
  const rolls: Action[] = [];
  for (let low = 1; low <= 6; low++) {
    for (let high = low; high <= 6; high++) rolls.push(`D_${low}_${high}`);
  }
  return rolls;
}

/** The 21 chance outcomes, "D_<low>_<high>" with low <= high. */
const ROLLS: Action[] = buildRolls();
/** ROLL_DICE[i]: [low, high] of ROLLS[i]. */
const ROLL_DICE: number[][] = ROLLS.map((roll) => [Number(roll.charAt(2)), Number(roll.charAt(4))]);
const ROLL_PROBABILITIES: number[] = ROLL_DICE.map((dice) => (dice[0] === dice[1] ? 1 / 36 : 2 / 36));

/** The absolute point (1..24) of the mover's relative index r (1..24). */
function pointOf(player: number, r: number): number {
  return player === 0 ? r : 25 - r;
}

function buildMoveStrings(player: number): string[] {
  const strings: string[] = [];
  for (let from = 0; from <= BAR; from++) {
    for (let to = 0; to <= BAR; to++) {
      const a = from === BAR ? 'bar' : String(pointOf(player, from));
      const b = to === 0 ? 'off' : String(pointOf(player, to));
      strings.push(`${a}/${b}`);
    }
  }
  return strings;
}

/**
 * MOVE_STRINGS[player][from * 26 + to]: "FROM/TO" for a move in that player's
 * relative numbering: 1..24 = distance from bearing off (player 0: the point
 * number; player 1: 25 - the point number), 25 = the bar, 0 = off.
 */
const MOVE_STRINGS: string[][] = [buildMoveStrings(0), buildMoveStrings(1)];

function buildMoveCodes(player: number): Record<string, number> {
  const codes: Record<string, number> = {};
  const strings = MOVE_STRINGS[player];
  for (let code = 0; code < strings.length; code++) codes[strings[code]] = code;
  return codes;
}

/** MOVE_CODES[player]["FROM/TO"]: from * 26 + to, the inverse of MOVE_STRINGS. */
const MOVE_CODES: Array<Record<string, number>> = [buildMoveCodes(0), buildMoveCodes(1)];

function buildWeights(low: number, high: number, scale: number): number[] {
  const weights: number[] = [];
  for (let r = 0; r <= BAR; r++) weights.push(0);
  let value = scale;
  for (let r = low; r < high; r++) {
    weights[r] = value;
    value *= 9;
  }
  return weights;
}

function buildHitWeights(): number[] {
  const weights: number[] = [];
  let value = 3486784401; // 9^10
  for (let i = 0; i < CHECKERS; i++) {
    weights.push(value);
    value *= 2;
  }
  return weights;
}

// Exact position keys. During one turn each relative index changes by -4..+4,
// so the change of the mover's checkers is a balanced base-9 number: slots
// 0-15 in the first key (< 9^16 < 2^53), slots 16-25 in the second, plus the
// opponent's blots hit (each blot one binary digit above 9^10) in the second.
const KEY_WEIGHTS_A: number[] = buildWeights(0, 16, 1);
const KEY_WEIGHTS_B: number[] = buildWeights(16, BAR + 1, 1);
const HIT_WEIGHTS: number[] = buildHitWeights();

/** Working data of the move generator (a local object, mutated only inside `findPlays`). */
interface Search {
  /** Mover's checkers by relative index: 1..24 points, 25 bar, 0 borne off. */
  mine: number[];
  /** Opponent's checkers by the mover's relative index 1..24. */
  opp: number[];
  /** For each relative point holding a single opponent checker at the start, its blot number (else -1). */
  blot: number[];
  /** Mover's checkers still outside the home board (relative 7..25). */
  outside: number;
  /** The two halves of the current position's key. */
  keyA: number;
  keyB: number;
  /** The dice in the order this pass of the search plays them. */
  order: number[];
  doubles: boolean;
  /** Current sequence as [from, to, hit] triples; `size` entries are in use. */
  path: number[];
  size: number;
  /** Most dice used by any sequence found so far. */
  best: number;
  /** Distinct positions reached with `best` dice: one sequence ([from, to] pairs) each, its first die and key. */
  leaves: number[][];
  leafDie: number[];
  leafKeyA: number[];
  leafKeyB: number[];
}

function record(search: Search, used: number): void {
  if (used < search.best) return;
  if (used > search.best) {
    search.best = used;
    search.leaves = [];
    search.leafDie = [];
    search.leafKeyA = [];
    search.leafKeyB = [];
  }
  const keyA = search.keyA;
  const keyB = search.keyB;
  const keysA = search.leafKeyA;
  const keysB = search.leafKeyB;
  for (let i = 0; i < keysA.length; i++) {
    if (keysA[i] === keyA && keysB[i] === keyB) return;
  }
  const moves: number[] = [];
  for (let i = 0; i < search.size; i += 3) moves.push(search.path[i], search.path[i + 1]);
  search.leaves.push(moves);
  search.leafDie.push(used > 0 ? search.order[0] : 0);
  keysA.push(keyA);
  keysB.push(keyB);
}

function move(search: Search, from: number, to: number): void {
  const mine = search.mine;
  mine[from] -= 1;
  mine[to] += 1;
  search.keyA += KEY_WEIGHTS_A[to] - KEY_WEIGHTS_A[from];
  search.keyB += KEY_WEIGHTS_B[to] - KEY_WEIGHTS_B[from];
  let hit = 0;
  if (to > 0 && search.opp[to] === 1) {
    search.opp[to] = 0;
    search.keyB += HIT_WEIGHTS[search.blot[to]];
    hit = 1;
  }
  if (from >= 7 && to < 7) search.outside -= 1;
  const path = search.path;
  const size = search.size;
  path[size] = from;
  path[size + 1] = to;
  path[size + 2] = hit;
  search.size = size + 3;
}

function undo(search: Search): void {
  const path = search.path;
  const size = search.size - 3;
  search.size = size;
  const from = path[size];
  const to = path[size + 1];
  search.mine[from] += 1;
  search.mine[to] -= 1;
  search.keyA -= KEY_WEIGHTS_A[to] - KEY_WEIGHTS_A[from];
  search.keyB -= KEY_WEIGHTS_B[to] - KEY_WEIGHTS_B[from];
  if (path[size + 2] === 1) {
    search.opp[to] = 1;
    search.keyB -= HIT_WEIGHTS[search.blot[to]];
  }
  if (from >= 7 && to < 7) search.outside += 1;
}

/**
 * Depth-first search over the dice in `search.order`. With doubles, sources
 * never increase along a sequence (any legal order of same-die moves can be
 * sorted back-most first and stays legal with the same result), which keeps
 * the search small; with two different dice both orders are searched.
 */
function extend(search: Search, depth: number, maxFrom: number): void {
  if (depth === search.order.length) {
    record(search, depth);
    return;
  }
  const die = search.order[depth];
  const mine = search.mine;
  let moved = false;
  if (mine[BAR] > 0) {
    const entry = BAR - die;
    if (maxFrom === BAR && search.opp[entry] < 2) {
      move(search, BAR, entry);
      extend(search, depth + 1, BAR);
      undo(search);
      moved = true;
    }
  } else {
    const top = search.doubles && maxFrom < 24 ? maxFrom : 24;
    for (let from = top; from >= 1; from--) {
      if (mine[from] === 0) continue;
      let to = from - die;
      if (to >= 1) {
        if (search.opp[to] >= 2) continue;
      } else {
        if (search.outside > 0) continue;
        if (to < 0) {
          let higher = false;
          for (let k = from + 1; k <= 6; k++) {
            if (mine[k] > 0) higher = true;
          }
          if (higher) continue;
        }
        to = 0;
      }
      move(search, from, to);
      extend(search, depth + 1, from);
      undo(search);
      moved = true;
    }
  }
  if (!moved) record(search, depth);
}

/** The legal plays of `player` with the roll [low, high], as action strings. */
function findPlays(board: number[], bar: number[], off: number[], player: number, low: number, high: number): string[] {
  const mine: number[] = [];
  const opp: number[] = [];
  const blot: number[] = [];
  let outside = bar[player];
  let blots = 0;
  for (let r = 0; r <= BAR; r++) {
    mine.push(0);
    opp.push(0);
    blot.push(-1);
  }
  for (let r = 1; r <= 24; r++) {
    const count = player === 0 ? board[r - 1] : -board[24 - r];
    if (count > 0) {
      mine[r] = count;
      if (r >= 7) outside += count;
    } else if (count < 0) {
      opp[r] = -count;
      if (count === -1) {
        blot[r] = blots;
        blots += 1;
      }
    }
  }
  mine[BAR] = bar[player];
  mine[0] = off[player];
  const doubles = low === high;
  const search: Search = {
    mine, opp, blot, outside, keyA: 0, keyB: 0, order: doubles ? [low, low, low, low] : [high, low], doubles,
    path: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], size: 0, best: 0, leaves: [], leafDie: [], leafKeyA: [], leafKeyB: [],
  };
  extend(search, 0, BAR);
  if (!doubles) {
    search.order = [low, high];
    extend(search, 0, BAR);
  }
  if (search.best === 0) return [PASS];
  // Only one of two different dice can be used: the higher one if it can be.
  let needHigh = false;
  if (!doubles && search.best === 1) {
    for (let i = 0; i < search.leafDie.length; i++) {
      if (search.leafDie[i] === high) needHigh = true;
    }
  }
  const strings = MOVE_STRINGS[player];
  const plays: string[] = [];
  for (let i = 0; i < search.leaves.length; i++) {
    if (needHigh && search.leafDie[i] !== high) continue;
    const moves = search.leaves[i];
    let text = strings[moves[0] * 26 + moves[1]];
    for (let k = 2; k < moves.length; k += 2) text += `,${strings[moves[k] * 26 + moves[k + 1]]}`;
    plays.push(text);
  }
  return plays;
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
  return {
    board, bar: [0, 0], off: [0, 0], dice: [], turnPlayer: 0, currentPlayer: CHANCE,
    winner: null, actionCount: 0, plays: [],
  };
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
  return state.plays.slice();
}

export function getChanceOutcomes(state: State): Array<[Action, number]> {
  if (state.currentPlayer !== CHANCE) return [];
  const outcomes: Array<[Action, number]> = [];
  for (let i = 0; i < ROLLS.length; i++) outcomes.push([ROLLS[i], ROLL_PROBABILITIES[i]]);
  return outcomes;
}

export function applyAction(state: State, action: Action): State {
  const player = state.currentPlayer;
  if (player === TERMINAL) throw new Error(`the game is over; "${action}" cannot be played`);
  const count = state.actionCount + 1;
  if (player === CHANCE) {
    const roll = ROLLS.indexOf(action);
    if (roll < 0) throw new Error(`"${action}" is not a dice roll; the chance outcomes are "D_<low>_<high>" with 1 <= low <= high <= 6, e.g. "D_3_5"`);
    const dice = ROLL_DICE[roll];
    if (count >= HORIZON) {
      return { ...state, dice: [], currentPlayer: TERMINAL, actionCount: count, plays: [] };
    }
    const plays = findPlays(state.board, state.bar, state.off, state.turnPlayer, dice[0], dice[1]);
    return { ...state, dice, currentPlayer: state.turnPlayer, actionCount: count, plays };
  }
  const index = state.plays.indexOf(action);
  if (index < 0) {
    const shown = state.plays.length > 12 ? `${state.plays.slice(0, 12).join('" "')}" ... (${state.plays.length} in all)` : `${state.plays.join('" "')}"`;
    throw new Error(`"${action}" is not a legal play for ${getPlayerName(player)} with dice ${state.dice[0]}-${state.dice[1]}; a play lists every die's move as "FROM/TO" joined by commas, in the listed order; legal plays: "${shown}`);
  }
  const board = state.board.slice();
  const bar = state.bar.slice();
  const off = state.off.slice();
  const sign = player === 0 ? 1 : -1;
  // The play is legal, so each of its comma-separated moves is a known "FROM/TO" string.
  const moves = action === PASS ? [] : action.split(',');
  for (let k = 0; k < moves.length; k++) {
    const code = MOVE_CODES[player][moves[k]];
    const from = Math.floor(code / 26);
    const to = code - from * 26;
    if (from === BAR) bar[player] -= 1;
    else board[pointOf(player, from) - 1] -= sign;
    if (to === 0) {
      off[player] += 1;
    } else {
      const at = pointOf(player, to) - 1;
      if (board[at] === -sign) {
        board[at] = 0;
        bar[1 - player] += 1;
      }
      board[at] += sign;
    }
  }
  if (off[player] === CHECKERS) {
    return { board, bar, off, dice: [], turnPlayer: player, currentPlayer: TERMINAL, winner: player, actionCount: count, plays: [] };
  }
  return {
    board, bar, off, dice: [], turnPlayer: 1 - player, currentPlayer: count >= HORIZON ? TERMINAL : CHANCE,
    winner: null, actionCount: count, plays: [],
  };
}

export function getRewards(state: State): number[] {
  if (state.winner === null) return [0, 0];
  return state.winner === 0 ? [1, -1] : [-1, 1];
}

export function getObservations(state: State): Observation[] {
  return [state, state];
}
