// Backgammon: legal-play counts and play lists cross-checked against an
// independent, deliberately naive move generator written only in this file.
// The naive generator works on absolute point numbers, tries every order of
// the dice and every checker (no pruning), applies the dice rules literally
// (use as many dice as possible; if only one of two different dice can be
// used, the higher one when possible), groups the sequences by the position
// they reach, and names each group by the documented canonical order. Both
// generators must produce exactly the same play strings and positions.

import { describe, expect, it } from 'vitest';
import * as bg from '../src/games/backgammon/game.js';
import { backgammon } from '../src/games/backgammon/index.js';

// ---------------------------------------------------------------- naive model

interface Position {
  board: number[]; // 24 points, + = player 0, - = player 1 (same convention as the game)
  bar: number[];
  off: number[];
}

interface Step {
  from: number | 'bar';
  to: number | 'off';
  die: number;
}

function clone(pos: Position): Position {
  return { board: pos.board.slice(), bar: pos.bar.slice(), off: pos.off.slice() };
}

function ownAt(pos: Position, player: number, point: number): number {
  const v = pos.board[point - 1];
  return player === 0 ? Math.max(v, 0) : Math.max(-v, 0);
}

function oppAt(pos: Position, player: number, point: number): number {
  return ownAt(pos, 1 - player, point);
}

function isHome(player: number, point: number): boolean {
  return player === 0 ? point >= 1 && point <= 6 : point >= 19 && point <= 24;
}

/** Every single move of one die for `player`, straight from the rules. */
function singleMoves(pos: Position, player: number, die: number): Step[] {
  if (pos.bar[player] > 0) {
    const entry = player === 0 ? 25 - die : die;
    return oppAt(pos, player, entry) < 2 ? [{ from: 'bar', to: entry, die }] : [];
  }
  let allHome = true;
  for (let point = 1; point <= 24; point++) {
    if (ownAt(pos, player, point) > 0 && !isHome(player, point)) allHome = false;
  }
  const steps: Step[] = [];
  for (let point = 1; point <= 24; point++) {
    if (ownAt(pos, player, point) === 0) continue;
    const target = player === 0 ? point - die : point + die;
    if (target >= 1 && target <= 24) {
      if (oppAt(pos, player, target) < 2) steps.push({ from: point, to: target, die });
      continue;
    }
    if (!allHome) continue;
    const distance = player === 0 ? point : 25 - point;
    if (die === distance) {
      steps.push({ from: point, to: 'off', die });
    } else if (die > distance) {
      // Over-bearing: only from the rearmost occupied point.
      let farther = false;
      for (let other = 1; other <= 24; other++) {
        const fartherOut = player === 0 ? other > point : other < point;
        if (fartherOut && ownAt(pos, player, other) > 0) farther = true;
      }
      if (!farther) steps.push({ from: point, to: 'off', die });
    }
  }
  return steps;
}

function applyStep(pos: Position, player: number, step: Step): Position {
  const next = clone(pos);
  const sign = player === 0 ? 1 : -1;
  if (step.from === 'bar') next.bar[player]--;
  else next.board[step.from - 1] -= sign;
  if (step.to === 'off') {
    next.off[player]++;
  } else {
    if (oppAt(next, player, step.to) === 1) {
      next.board[step.to - 1] = 0;
      next.bar[1 - player]++;
    }
    next.board[step.to - 1] += sign;
  }
  return next;
}

function stepText(step: Step): string {
  return `${step.from}/${step.to}`;
}

/** How far back a move's source is, for the canonical order: the bar is farthest. */
function backness(player: number, step: Step): number {
  if (step.from === 'bar') return 25;
  return player === 0 ? step.from : 25 - step.from;
}

/** Negative when sequence a ranks before b in the documented canonical order. */
function compareSequences(player: number, high: number, a: Step[], b: Step[]): number {
  const rankA = a.length > 0 && a[0].die === high ? 0 : 1;
  const rankB = b.length > 0 && b[0].die === high ? 0 : 1;
  if (rankA !== rankB) return rankA - rankB;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const diff = backness(player, b[i]) - backness(player, a[i]);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Canonical play string -> resulting position (JSON), by brute force. */
function naivePlays(pos: Position, player: number, d1: number, d2: number): Map<string, string> {
  const dice = d1 === d2 ? [d1, d1, d1, d1] : [d1, d2];
  const high = Math.max(d1, d2);
  const leaves: Array<{ steps: Step[]; pos: Position }> = [];
  const walk = (current: Position, remaining: number[], steps: Step[]) => {
    let any = false;
    const tried = new Set<number>();
    for (let i = 0; i < remaining.length; i++) {
      if (tried.has(remaining[i])) continue;
      tried.add(remaining[i]);
      const rest = remaining.slice(0, i).concat(remaining.slice(i + 1));
      for (const step of singleMoves(current, player, remaining[i])) {
        any = true;
        walk(applyStep(current, player, step), rest, [...steps, step]);
      }
    }
    if (!any) leaves.push({ steps, pos: current });
  };
  walk(pos, dice, []);
  const most = Math.max(...leaves.map((leaf) => leaf.steps.length));
  let kept = leaves.filter((leaf) => leaf.steps.length === most);
  if (d1 !== d2 && most === 1 && kept.some((leaf) => leaf.steps[0].die === high)) {
    kept = kept.filter((leaf) => leaf.steps[0].die === high);
  }
  if (most === 0) return new Map([['pass', JSON.stringify(pos)]]);
  const best = new Map<string, Step[]>();
  for (const leaf of kept) {
    const key = JSON.stringify(leaf.pos);
    const current = best.get(key);
    if (current === undefined || compareSequences(player, high, leaf.steps, current) < 0) best.set(key, leaf.steps);
  }
  const plays = new Map<string, string>();
  for (const [key, steps] of best) plays.set(steps.map(stepText).join(','), key);
  return plays;
}

/** Applies a play string with the naive rules (parsing it), without checking legality. */
function naiveApplyText(pos: Position, player: number, play: string): Position {
  if (play === 'pass') return clone(pos);
  let current = pos;
  for (const part of play.split(',')) {
    const [from, to] = part.split('/');
    current = applyStep(current, player, {
      from: from === 'bar' ? 'bar' : Number(from), to: to === 'off' ? 'off' : Number(to), die: 0,
    });
  }
  return current;
}

// ---------------------------------------------------------------- helpers on the GameCWM

const INITIAL: Position = (() => {
  const s = bg.getInitialState();
  return { board: s.board, bar: s.bar, off: s.off };
})();

/** A GameCWM state at the chance node of `player`'s turn in position `pos`. */
function chanceState(pos: Position, player: number, actionCount = 0): bg.State {
  return {
    board: pos.board.slice(), bar: pos.bar.slice(), off: pos.off.slice(), dice: [], turnPlayer: player,
    currentPlayer: -1, winner: null, actionCount, plays: [],
  };
}

function positionOf(state: bg.State): Position {
  return { board: state.board, bar: state.bar, off: state.off };
}

/** The GameCWM's plays for `roll` in `pos`: play string -> resulting position (JSON). */
function cwmPlays(pos: Position, player: number, roll: string): Map<string, string> {
  const rolled = bg.applyAction(chanceState(pos, player), roll);
  const plays = new Map<string, string>();
  for (const play of bg.getLegalActions(rolled)) {
    plays.set(play, JSON.stringify(positionOf(bg.applyAction(rolled, play))));
  }
  return plays;
}

function rollDice(roll: string): [number, number] {
  const [, a, b] = roll.split('_');
  return [Number(a), Number(b)];
}

function expectSame(pos: Position, player: number, roll: string): number {
  const [d1, d2] = rollDice(roll);
  const mine = cwmPlays(pos, player, roll);
  const naive = naivePlays(pos, player, d1, d2);
  expect([...mine.keys()].sort(), `plays for ${roll} in ${JSON.stringify(pos)}`).toEqual([...naive.keys()].sort());
  for (const [play, result] of naive) expect(mine.get(play), `${play} in ${JSON.stringify(pos)}`).toBe(result);
  return mine.size;
}

/** Builds a position from "point:count" lists (counts positive = player 0, negative = player 1). */
function position(points: Record<number, number>, bar: number[] = [0, 0], off?: number[]): Position {
  const board = Array.from({ length: 24 }, (_, i) => points[i + 1] ?? 0);
  const on0 = board.filter((v) => v > 0).reduce((a, b) => a + b, 0) + bar[0];
  const on1 = -board.filter((v) => v < 0).reduce((a, b) => a + b, 0) + bar[1];
  return { board, bar, off: off ?? [15 - on0, 15 - on1] };
}

const ROLLS = bg.getLegalActions(bg.getInitialState());

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------- tests

describe('backgammon chance', () => {
  it('has the 21 distinct rolls with their true probabilities (doubles 1/36, others 2/36)', () => {
    const outcomes = bg.getChanceOutcomes(bg.getInitialState());
    const expected = new Map<string, number>();
    for (let a = 1; a <= 6; a++) {
      for (let b = 1; b <= 6; b++) {
        const key = `D_${Math.min(a, b)}_${Math.max(a, b)}`;
        expected.set(key, (expected.get(key) ?? 0) + 1 / 36);
      }
    }
    expect(outcomes.length).toBe(21);
    expect(new Set(outcomes.map(([a]) => a))).toEqual(new Set(expected.keys()));
    for (const [action, p] of outcomes) expect(p).toBeCloseTo(expected.get(action)!, 12);
    expect(outcomes.reduce((sum, [, p]) => sum + p, 0)).toBeCloseTo(1, 12);
    expect(ROLLS.slice().sort()).toEqual([...expected.keys()].sort());
  });
});

/** Derived counts of distinct legal plays from the starting position (identical for both players by symmetry). */
const OPENING_COUNTS: Record<string, number> = {
  D_1_1: 42, D_1_2: 15, D_1_3: 16, D_1_4: 14, D_1_5: 8, D_1_6: 10,
  D_2_2: 75, D_2_3: 17, D_2_4: 18, D_2_5: 8, D_2_6: 14,
  D_3_3: 73, D_3_4: 17, D_3_5: 9, D_3_6: 14,
  D_4_4: 52, D_4_5: 9, D_4_6: 14,
  D_5_5: 4, D_5_6: 7,
  D_6_6: 11,
};

describe('backgammon legal-play counts', () => {
  it('opening position: every roll, both players, agrees with the naive generator and the derived counts', () => {
    const counts: Record<string, number> = {};
    for (const roll of ROLLS) {
      counts[roll] = expectSame(INITIAL, 0, roll);
      expect(expectSame(INITIAL, 1, roll)).toBe(counts[roll]);
    }
    expect(counts).toEqual(OPENING_COUNTS);
  });

  it('hand-checked opening plays: 3-1 has 16, 6-6 has 11, 5-5 has 4', () => {
    // 3-1: one checker 4 pips (24, 13, 8 or 6 -> 4 plays) or a 3 from {24,13,8,6} with a 1 from
    // {24,8,6} (13/12 is blocked): 4 + 12 = 16. 6-6: 24/18 x a, 13/7 x b, 8/2 x c with a+b+c = 4,
    // a <= 2, c <= 3 (18/12 and 7/1 are blocked): 11. 5-5: only 13/8 and 8/3 are open (24/19 and
    // 6/1 are blocked, 3/off is not allowed yet): a moves 13/8 and 4-a moves 8/3 with 4-a <= 3 + a.
    expect(cwmPlays(INITIAL, 0, 'D_1_3').size).toBe(16);
    expect(cwmPlays(INITIAL, 0, 'D_6_6').size).toBe(11);
    expect([...cwmPlays(INITIAL, 0, 'D_5_5').keys()].sort()).toEqual([
      '13/8,13/8,13/8,13/8', '13/8,13/8,13/8,8/3', '13/8,13/8,8/3,8/3', '13/8,8/3,8/3,8/3',
    ]);
  });
});

describe('backgammon constructed positions (hand-checked, and against the naive generator)', () => {
  const cases: Array<{ name: string; pos: Position; player: number; roll: string; plays: string[] }> = [
    {
      name: 'both dice only in one order: 10/4 is blocked, so 3 first then 6 (10/7,7/1)',
      pos: position({ 10: 1, 1: 14, 4: -2, 24: -13 }), player: 0, roll: 'D_3_6', plays: ['10/7,7/1'],
    },
    {
      name: 'neither die can move the outside checker and bearing off is not allowed: pass',
      pos: position({ 10: 1, 1: 14, 4: -2, 7: -2, 24: -11 }), player: 0, roll: 'D_3_6', plays: ['pass'],
    },
    {
      name: 'the higher die is unplayable before and after the lower: the lower die alone',
      pos: position({ 10: 1, 1: 14, 4: -2, 2: -2, 24: -11 }), player: 0, roll: 'D_2_6', plays: ['10/8'],
    },
    {
      name: 'entering checker is outside home, so no bearing off this turn',
      pos: position({ 6: 14, 12: -15 }, [1, 0]), player: 0, roll: 'D_5_6', plays: ['bar/19,19/14', 'bar/19,6/1'],
    },
    {
      name: 'player 1 bears off its last three checkers with 6-6 (over-bearing from 20, then 22)',
      pos: position({ 20: -2, 22: -1, 1: 15 }), player: 1, roll: 'D_6_6', plays: ['20/off,20/off,22/off'],
    },
    {
      name: 'player 1 over-bears only from its rearmost point: 6 takes 21 off; or 1 first (21/22) and the 6 takes 22 off',
      pos: position({ 21: -1, 23: -2, 1: 15 }), player: 1, roll: 'D_1_6', plays: ['21/off,23/24', '21/22,22/off'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect([...cwmPlays(c.pos, c.player, c.roll).keys()].sort()).toEqual(c.plays.slice().sort());
      expectSame(c.pos, c.player, c.roll);
    });
  }

  it('bearing off the last checker ends the game for player 1 with [-1, 1]', () => {
    const rolled = bg.applyAction(chanceState(position({ 20: -2, 22: -1, 1: 15 }), 1), 'D_6_6');
    const done = bg.applyAction(rolled, '20/off,20/off,22/off');
    expect(bg.getCurrentPlayer(done)).toBe(-4);
    expect(bg.getRewards(done)).toEqual([-1, 1]);
    expect(bg.getLegalActions(done)).toEqual([]);
  });

  it('the 1000-action cap ends the game as a draw, whether it falls on a roll or on a play', () => {
    const atPlay = bg.applyAction(chanceState(INITIAL, 0, 998), 'D_1_3');
    expect(bg.getCurrentPlayer(atPlay)).toBe(0);
    const capped = bg.applyAction(atPlay, '8/5,6/5');
    expect(capped.actionCount).toBe(1000);
    expect(bg.getCurrentPlayer(capped)).toBe(-4);
    expect(bg.getRewards(capped)).toEqual([0, 0]);
    const atRoll = bg.applyAction(chanceState(INITIAL, 1, 999), 'D_2_2');
    expect(bg.getCurrentPlayer(atRoll)).toBe(-4);
    expect(bg.getLegalActions(atRoll)).toEqual([]);
  });

  it('rejects plays in a non-listed order and actions of the wrong kind', () => {
    const rolled = bg.applyAction(bg.getInitialState(), 'D_1_3');
    expect(() => bg.applyAction(rolled, '6/5,8/5')).toThrow(/not a legal play/);
    expect(() => bg.applyAction(rolled, 'D_1_3')).toThrow();
    expect(() => bg.applyAction(bg.getInitialState(), '8/5,6/5')).toThrow(/not a dice roll/);
    expect(() => bg.applyAction(bg.getInitialState(), 'D_3_1')).toThrow(/not a dice roll/);
  });
});

describe('backgammon random positions', () => {
  it('every roll met in 25 seeded random games (and all 21 rolls at every 10th turn) gives the same plays as the naive generator', () => {
    const random = rng(7);
    let checked = 0;
    let turns = 0;
    for (let game = 0; game < 25; game++) {
      let state = bg.getInitialState();
      while (bg.getCurrentPlayer(state) !== -4) {
        const player = bg.getCurrentPlayer(state);
        if (player === -1) {
          const outcomes = bg.getChanceOutcomes(state);
          let x = random();
          let roll = outcomes[outcomes.length - 1][0];
          for (const [action, p] of outcomes) {
            x -= p;
            if (x < 0) {
              roll = action;
              break;
            }
          }
          expectSame(positionOf(state), state.turnPlayer, roll);
          checked++;
          if (turns++ % 10 === 0) {
            for (const other of ROLLS) expectSame(positionOf(state), state.turnPlayer, other);
            checked += ROLLS.length;
          }
          state = bg.applyAction(state, roll);
        } else {
          const legal = bg.getLegalActions(state);
          state = bg.applyAction(state, legal[Math.floor(random() * legal.length)]);
        }
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });
});

describe('backgammon scenarios replayed with the naive rules', () => {
  it('every scenario action is a naive legal play and every expected play list matches', () => {
    for (const scenario of backgammon.scenarios) {
      let pos = clone(INITIAL);
      let turn = 0;
      let dice: [number, number] | null = null;
      let over = false;
      for (const action of scenario.actions) {
        expect(over, scenario.name).toBe(false);
        if (dice === null) {
          dice = rollDice(action);
        } else {
          const plays = naivePlays(pos, turn, dice[0], dice[1]);
          expect(plays.has(action), `${scenario.name}: ${action}`).toBe(true);
          pos = naiveApplyText(pos, turn, action);
          expect(JSON.stringify(pos)).toBe(plays.get(action));
          if (pos.off[turn] === 15) over = true;
          turn = 1 - turn;
          dice = null;
        }
      }
      const expected = scenario.expect.legalActions;
      if (expected !== undefined && dice !== null) {
        expect([...naivePlays(pos, turn, dice[0], dice[1]).keys()].sort(), scenario.name).toEqual(expected.slice().sort());
      }
      if (scenario.expect.terminal === true) expect(over, scenario.name).toBe(true);
    }
  });
});
