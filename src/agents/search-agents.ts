// MCTS and ISMCTS agents. Each draws one seed per move from its own stream
// and hands the search to a backend (native or sandboxed).

import type { Agent, DecisionContext } from '../engine/agent.js';
import type { Action } from '../engine/contract.js';
import type { Rng } from '../engine/rng.js';
import type { SearchBackend } from '../mcts/backend.js';
import { SearchError, type SearchOptions, type SearchResult } from '../mcts/search.js';

export class MctsAgent implements Agent {
  readonly name: string;
  lastSearch?: SearchResult;

  constructor(private readonly backend: SearchBackend, private readonly options: SearchOptions, private readonly rng: Rng) {
    this.name = `mcts:${options.iterations}`;
  }

  act(context: DecisionContext): Action {
    if (context.state === undefined) {
      throw new SearchError('mcts needs perfect information (it searches from the true state); use ismcts for this game');
    }
    this.lastSearch = this.backend.mcts(context.state, this.options, this.rng.nextUint32());
    return this.lastSearch.action;
  }
}

export class IsmctsAgent implements Agent {
  readonly name: string;
  readonly usesHistory = true;
  lastSearch?: SearchResult;

  constructor(private readonly backend: SearchBackend, private readonly options: SearchOptions, private readonly rng: Rng) {
    this.name = `ismcts:${options.iterations}`;
  }

  act(context: DecisionContext): Action {
    this.lastSearch = this.backend.ismcts(context.history!, context.player, context.legalActions, this.options, this.rng.nextUint32());
    return this.lastSearch.action;
  }
}
