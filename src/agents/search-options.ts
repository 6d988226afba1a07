// The search options an agent uses for a game. Apart from the agent factory
// so that the public types stay free of Node's stream types.

import type { GameInfo } from '../engine/game-info.js';
import { DEFAULT_SEARCH, type SearchOptions } from '../mcts/search.js';

/** A search's options for a game: its players, reward range and length bound, and the given budget and UCT settings. */
export function searchOptionsFor(info: GameInfo, iterations: number, settings: { c?: number; rollouts?: number } = {}): SearchOptions {
  return {
    ...DEFAULT_SEARCH,
    iterations,
    c: settings.c ?? DEFAULT_SEARCH.c,
    rollouts: settings.rollouts ?? DEFAULT_SEARCH.rollouts,
    players: info.players,
    rewardRange: info.rewardRange,
    maxGameLength: info.maxGameLength,
  };
}
