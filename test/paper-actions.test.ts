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
