// Where a search runs: natively over a trusted GameCWM, or inside the sandbox
// next to an untrusted candidate (one crossing per move). Both take a seed
// per move, so the same seed gives the same move on either side.

import type { Action, GameCWM, ObservationActionPair } from '../engine/contract.js';
import { Rng } from '../engine/rng.js';
import { ismctsSearch } from './ismcts.js';
import type { SearchOptions, SearchResult } from './search.js';
import { uctSearch } from './uct.js';

export interface SearchBackend {
  mcts(state: unknown, options: SearchOptions, seed: number): SearchResult;
  ismcts(history: Array<ObservationActionPair<unknown>>, player: number, legalActions: Action[], options: SearchOptions, seed: number): SearchResult;
}

export class NativeSearch implements SearchBackend {
  constructor(private readonly game: GameCWM<unknown, unknown>, private readonly clock: () => number = () => performance.now()) {}

  mcts(state: unknown, options: SearchOptions, seed: number): SearchResult {
    return uctSearch(this.game, state, options, new Rng(seed), this.clock);
  }

  ismcts(history: Array<ObservationActionPair<unknown>>, player: number, legalActions: Action[], options: SearchOptions, seed: number): SearchResult {
    return ismctsSearch(this.game, history, player, legalActions, options, new Rng(seed), this.clock);
  }
}
