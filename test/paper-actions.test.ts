// Action strings the paper's scenarios play that our references do not list as
// legal at that point, applied with the meaning the paper's golden gives them.
// (The paper's scenario runner applies actions without asking for the legal
// set; our own scenario tier insists on legality, so these live here.)

import { describe, expect, it } from 'vitest';
import { type Action, type AnyGameCWM, TERMINAL } from '../src/engine/contract.js';
import { getGame } from '../src/games/index.js';

function play(game: AnyGameCWM, actions: Action[]): unknown {
  let state = game.getInitialState();
  for (const action of actions) state = game.applyAction(state, action);
  return state;
}

describe('poker_holdem', () => {
  const game = getGame('poker_holdem').cwm as AnyGameCWM;
  const hole = ['deal:Ac', 'deal:Kc', 'deal:2d', 'deal:3d'];

  it('a Fold with nothing to call is not offered, but ends the hand as a fold: the folder loses what it put in', () => {
    const afterCall = play(game, [...hole, 'Call']);
    expect(game.getLegalActions(afterCall)).not.toContain('Fold');
    const folded = game.applyAction(afterCall, 'Fold');
    expect(game.getCurrentPlayer(folded)).toBe(TERMINAL);
    expect(game.getRewards(folded)).toEqual([2, -2]);
  });
});

describe('hand_of_war', () => {
  const game = getGame('hand_of_war').cwm as AnyGameCWM;
  const battle = (card0: string, card1: string): Action[] => [`play:${card0}`, `play:${card1}`];

  it('chance offers the sorted deck only, but a deal in any order of the sixteen cards is applied as given', () => {
    const initial = game.getInitialState();
    expect(game.getLegalActions(initial)).toEqual(['deal:Ac,Ad,Ah,As,Jc,Jd,Jh,Js,Kc,Kd,Kh,Ks,Qc,Qd,Qh,Qs']);
    const dealt = play(game, ['deal:Jc,Jd,Jh,Js,Qc,Qd,Qh,Qs,Ac,Ad,Ah,As,Kc,Kd,Kh,Ks']);
    expect(game.getLegalActions(dealt)).toEqual(['play:Jc', 'play:Jd', 'play:Jh']);
    expect(() => game.applyAction(initial, 'deal:Ac,Ac,Ah,As,Jc,Jd,Jh,Js,Kc,Kd,Kh,Ks,Qc,Qd,Qh,Qs')).toThrow(/not a deal/);
  });

  it('the paper\'s scenario deals: aces and kings for player 1 win it the game; alternating wins draw', () => {
    const p1Wins = play(game, ['deal:Jc,Jd,Jh,Js,Qc,Qd,Qh,Qs,Ac,Ad,Ah,As,Kc,Kd,Kh,Ks', ...battle('Jc', 'Ac'), ...battle('Jd', 'Ad'),
      ...battle('Jh', 'Ah'), ...battle('Js', 'As'), ...battle('Qc', 'Kc'), ...battle('Qd', 'Kd')]);
    expect(game.getCurrentPlayer(p1Wins)).toBe(TERMINAL);
    expect(game.getRewards(p1Wins)).toEqual([-1, 1]);
    const draw = play(game, ['deal:Ac,Jc,Ad,Jd,Ah,Jh,As,Js,Kc,Qc,Kd,Qd,Kh,Qh,Ks,Qs', ...battle('Ac', 'Kc'), ...battle('Jc', 'Qc'),
      ...battle('Ad', 'Kd'), ...battle('Jd', 'Qd'), ...battle('Ah', 'Kh'), ...battle('Jh', 'Qh')]);
    expect(game.getCurrentPlayer(draw)).toBe(TERMINAL);
    expect(game.getRewards(draw)).toEqual([0, 0]);
  });

  it('equal ranks put both cards and a burn each at stake without refilling; the next decided battle takes them all', () => {
    // Player 0: hand Ac Kc Qc, pile Jc Ad Kd Qd Jd; player 1: hand As Ks Qs, pile Js Ah Kh Qh Jh.
    const deal = 'deal:Ac,Kc,Qc,Jc,Ad,Kd,Qd,Jd,As,Ks,Qs,Js,Ah,Kh,Qh,Jh';
    const tied = play(game, [deal, ...battle('Ac', 'As')]);
    expect(game.getCurrentPlayer(tied)).toBe(0);
    expect(game.getLegalActions(tied)).toEqual(['play:Kc', 'play:Qc']);
    expect((game.getObservations(tied) as Array<{ pot: string[] }>)[1].pot).toEqual(['Ac', 'As', 'Jc', 'Js']);
    const decided = play(game, [deal, ...battle('Ac', 'As'), ...battle('Kc', 'Qs')]);
    expect((game.getObservations(decided) as Array<{ winCounts: number[] }>)[0].winCounts).toEqual([6, 0]);
    expect(game.getLegalActions(decided)).toEqual(['play:Qc', 'play:Ad', 'play:Kd']);
  });

  it('three equal battles in a row empty both hands: the game ends as at an empty draw pile (the golden is left without actions)', () => {
    const deal = 'deal:Ac,Kc,Qc,Jc,Ad,Kd,Qd,Jd,As,Ks,Qs,Js,Ah,Kh,Qh,Jh';
    const emptied = play(game, [deal, ...battle('Ac', 'As'), ...battle('Kc', 'Ks'), ...battle('Qc', 'Qs')]);
    expect(game.getCurrentPlayer(emptied)).toBe(TERMINAL);
    expect(game.getRewards(emptied)).toEqual([0, 0]);
  });
});

describe('gin_rummy', () => {
  const game = getGame('gin_rummy').cwm as AnyGameCWM;
  const cards = [...'scdh'].flatMap((s) => [...'A23456789TJQK'].map((r) => r + s));
  // A shuffled-looking order: every seventh card (7 and 52 are coprime).
  const order = cards.map((_, i) => cards[(7 * i) % 52]);

  it('the whole deal "deal:<52 cards>" gives the same state as the 52 single deals in that order', () => {
    expect(play(game, [`deal:${order.join(',')}`])).toEqual(play(game, order.map((c) => `deal:${c}`)));
  });

  it('a whole deal with a short stock deals the hands and the upcard and keeps only the cards listed as the stock', () => {
    const short = play(game, [`deal:${order.slice(0, 24).join(',')}`]) as { stock: number[]; hands: number[][]; discardPile: number[] };
    expect(short.stock.map((c) => cards[c])).toEqual(order.slice(21, 24));
    expect(short.hands.map((h) => h.map((c) => cards[c]))).toEqual([order.slice(0, 10), order.slice(10, 20)]);
    expect(short.discardPile.map((c) => cards[c])).toEqual([order[20]]);
  });

  it('a whole deal after the first single deal, or with too few cards, is refused', () => {
    expect(() => play(game, [`deal:${order[0]}`, `deal:${order.slice(1).join(',')}`])).toThrow(/only accepted before the first card/);
    expect(() => play(game, [`deal:${order.slice(0, 20).join(',')}`])).toThrow(/at least 21 cards/);
  });

  it('at the wall a discard is not offered but is ignored, as the golden ignores it; "Action: Pass" then ends the hand scoreless', () => {
    // The paper's wall scenario: a three-card stock; player 0's draw leaves one card.
    const wall = [`deal:${order.slice(0, 24).join(',')}`, 'Pass', 'Pass', `Action: ${order[21]}`, 'Draw stock'];
    const before = play(game, wall);
    expect(game.getLegalActions(before)).toEqual(['Action: Pass']);
    const ignored = game.applyAction(before, `Action: ${order[0]}`);
    expect(game.getObservations(ignored)).toEqual(game.getObservations(before));
    const end = game.applyAction(ignored, 'Action: Pass');
    expect(game.getCurrentPlayer(end)).toBe(TERMINAL);
    expect(game.getRewards(end)).toEqual([0, 0]);
  });
});
