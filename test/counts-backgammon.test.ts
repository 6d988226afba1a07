// Known counts for backgammon under the paper's reference rules, cross-checked
// against a second, deliberately simple implementation written only here:
// the board as a map from point to [owner, count], every permutation of the
// dice (repeats included) walked move by move, and the plays gathered in a Set.

import { describe, expect, it } from 'vitest';
import * as bg from '../src/games/backgammon/game.js';
import { Rng } from '../src/engine/rng.js';

interface Naive {
  points: Map<number, [number, number]>;
  bar: [number, number];
  off: [number, number];
  dice: number[];
  toMove: number; // 0, 1, -1 rolling, -4 over
  count: number;
}

const START: Array<[number, number, number]> = [[24, 0, 2], [13, 0, 5], [8, 0, 3], [6, 0, 5], [1, 1, 2], [12, 1, 5], [17, 1, 3], [19, 1, 5]];

function naiveStart(): Naive {
  return { points: new Map(START.map(([p, o, c]) => [p, [o, c] as [number, number]])), bar: [0, 0], off: [0, 0], dice: [], toMove: -1, count: 0 };
}

const mine = (g: Naive, who: number, p: number) => (g.points.get(p)?.[0] === who ? g.points.get(p)![1] : 0);

function clone(g: Naive): Naive {
  return { ...g, points: new Map([...g.points].map(([p, v]) => [p, [v[0], v[1]] as [number, number]])), bar: [...g.bar] as [number, number], off: [...g.off] as [number, number], dice: [...g.dice] };
}

function step(g: Naive, who: number, text: string): void {
  const [from, to] = text.split('/');
  if (from === 'bar') g.bar[who]--;
  else {
    const p = Number(from);
    const left = mine(g, who, p) - 1;
    if (left === 0) g.points.delete(p);
    else g.points.set(p, [who, left]);
  }
  if (to === 'off') {
    g.off[who]++;
    return;
  }
  const q = Number(to);
  const there = g.points.get(q);
  if (there && there[0] !== who) {
    g.bar[there[0]]++;
    g.points.set(q, [who, 1]);
  } else g.points.set(q, [who, (there?.[1] ?? 0) + 1]);
}

function moves(g: Naive, who: number, die: number): string[] {
  const free = (q: number) => !(g.points.get(q) && g.points.get(q)![0] !== who && g.points.get(q)![1] >= 2);
  if (g.bar[who] > 0) {
    const q = who === 0 ? 25 - die : die;
    return free(q) ? [`bar/${q}`] : [];
  }
  const home = (p: number) => (who === 0 ? p <= 6 : p >= 19);
  const allHome = [...g.points].every(([p, [o]]) => o !== who || home(p));
  const out: string[] = [];
  for (let p = 1; p <= 24; p++) {
    if (mine(g, who, p) === 0) continue;
    const q = who === 0 ? p - die : p + die;
    if (q >= 1 && q <= 24) {
      if (free(q)) out.push(`${p}/${q}`);
    } else if (allHome) {
      const behind = [...g.points].some(([r, [o]]) => o === who && (who === 0 ? r > p && r <= 6 : r < p && r >= 19));
      if (q === 0 || q === 25 || !behind) out.push(`${p}/off`);
    }
  }
  return out;
}

function permutations(dice: number[]): number[][] {
  if (dice.length <= 1) return [dice];
  return dice.flatMap((d, i) => permutations([...dice.slice(0, i), ...dice.slice(i + 1)]).map((rest) => [d, ...rest]));
}

function naiveLegal(g: Naive): string[] {
  if (g.toMove === -4) return [];
  if (g.toMove === -1) {
    const rolls: string[] = [];
    for (let a = 1; a <= 6; a++) for (let b = a; b <= 6; b++) rolls.push(`D_${a}_${b}`);
    return rolls;
  }
  const all = new Set<string>();
  const walk = (pos: Naive, left: number[], done: string[]) => {
    if (left.length === 0) {
      if (done.length > 0) all.add(done.join(','));
      return;
    }
    const options = moves(pos, g.toMove, left[0]);
    if (options.length === 0) walk(pos, left.slice(1), done);
    for (const m of options) {
      const next = clone(pos);
      step(next, g.toMove, m);
      walk(next, left.slice(1), [...done, m]);
    }
  };
  const dice = g.dice[0] === g.dice[1] ? [g.dice[0], g.dice[0], g.dice[0], g.dice[0]] : g.dice;
  for (const order of permutations(dice)) walk(g, order, []);
  return all.size === 0 ? ['pass'] : [...all];
}

function naiveApply(g: Naive, action: string): Naive {
  const next = clone(g);
  next.count++;
  if (g.toMove === -1) {
    const [a, b] = action.slice(2).split('_').map(Number);
    next.dice = [a, b];
    const quiet = g.bar[0] + g.bar[1] + g.off[0] + g.off[1] === 0;
    next.toMove = quiet && a < b ? 1 : 0;
    if (next.count >= 1000) next.toMove = -4;
    return next;
  }
  if (!naiveLegal(g).includes(action)) throw new Error(`naive: illegal ${action}`);
  if (action !== 'pass') for (const m of action.split(',')) step(next, g.toMove, m);
  if (next.off[g.toMove] === 15) next.toMove = -4;
  else {
    next.dice = [];
    next.toMove = next.count >= 1000 ? -4 : -1;
  }
  return next;
}

const naiveRewards = (g: Naive) => (g.off[0] === 15 ? [1, -1] : g.off[1] === 15 ? [-1, 1] : [0, 0]);

describe('backgammon counts (the paper\'s reference rules)', () => {
  it('counts the plays of every opening roll; the naive implementation agrees', () => {
    const counts: Record<string, [number, number]> = {};
    for (const roll of bg.getLegalActions(bg.getInitialState())) {
      const state = bg.applyAction(bg.getInitialState(), roll);
      const naive = naiveApply(naiveStart(), roll);
      const legal = bg.getLegalActions(state);
      expect(new Set(legal).size).toBe(legal.length);
      expect(legal.slice().sort()).toEqual(naiveLegal(naive).sort());
      counts[roll] = [bg.getCurrentPlayer(state), legal.length];
    }
    expect(counts.D_1_2).toEqual([1, 30]);
    expect(counts.D_2_2).toEqual([0, 538]);
    expect(counts.D_6_6).toEqual([0, 71]);
    expect(counts.D_1_1).toEqual([0, 245]);
    expect(counts.D_3_3).toEqual([0, 536]);
    expect(counts.D_1_3).toEqual([1, 31]);
    // The roll written high first is accepted: the first die decides the mover, the plays are the same.
    const high = bg.applyAction(bg.getInitialState(), 'D_6_5');
    const low = bg.applyAction(bg.getInitialState(), 'D_5_6');
    expect([bg.getCurrentPlayer(high), bg.getCurrentPlayer(low)]).toEqual([0, 1]);
    expect(bg.getLegalActions(high).length).toBe(14);
  });

  it('agrees with the naive implementation on every state of seeded random games', () => {
    const rng = new Rng(21);
    const winners = [0, 0];
    for (let game = 0; game < 6; game++) {
      let state = bg.getInitialState();
      let naive = naiveStart();
      for (;;) {
        const legal = bg.getLegalActions(state);
        expect(bg.getCurrentPlayer(state)).toBe(naive.toMove);
        expect(legal.slice().sort()).toEqual(naiveLegal(naive).sort());
        expect(bg.getRewards(state)).toEqual(naiveRewards(naive));
        if (legal.length === 0) break;
        const action = legal[rng.int(legal.length)];
        state = bg.applyAction(state, action);
        naive = naiveApply(naive, action);
      }
      winners[state.winner!]++;
    }
    expect(winners[0] + winners[1]).toBe(6);
  });

  it('rejects plays that are not listed and rolls that are not dice', () => {
    const state = bg.applyAction(bg.getInitialState(), 'D_1_2');
    for (const bad of ['1/3', 'pass', '1/4', '1/2,1/3,1/4', '']) expect(() => bg.applyAction(state, bad)).toThrow(/not a legal play/);
    for (const bad of ['D_0_3', 'D_7_1', 'D_1', 'D1_2', 'roll']) expect(() => bg.applyAction(bg.getInitialState(), bad)).toThrow(/not a dice roll/);
  });
});
