// A paper-format Python CWM as a GameCWM and a search backend: contract
// functions are synchronous calls into the hardened Python runner; MCTS and
// ISMCTS run inside Python, one request per move (the same algorithms as
// src/mcts, so the same seed gives the same move as on a translated module).

import type { Action, GameCWM, ObservationActionPair } from '../engine/contract.js';
import type { PlayoutTotals } from '../engine/playouts.js';
import type { SearchBackend } from '../mcts/backend.js';
import type { SearchOptions, SearchResult } from '../mcts/search.js';
import { readFileSync } from 'node:fs';
import { SyncPythonRunner } from './sync-runner.js';
import { type PythonValueRule, valueRuleOf } from './value-rule.js';

const SNAKE: Record<string, string> = {
  getInitialState: 'get_initial_state', applyAction: 'apply_action', getCurrentPlayer: 'get_current_player',
  getPlayerName: 'get_player_name', getRewards: 'get_rewards', getLegalActions: 'get_legal_actions',
  getObservations: 'get_observations', getChanceOutcomes: 'get_chance_outcomes', resampleHistory: 'resample_history',
};

interface PythonSearchResult {
  action: Action;
  stats: SearchResult['stats'];
  iterations: number;
  seconds: number;
  tree_size?: number;
  /** ISMCTS: determinisation attempts and successes (python/gamecwm_runner/search/determinise.py). */
  determinisations?: SearchResult['determinisations'];
}

export class PythonCandidate implements GameCWM<unknown, unknown>, SearchBackend {
  getChanceOutcomes?: (state: unknown) => Array<[Action, number]>;
  resampleHistory?: (history: Array<ObservationActionPair<unknown>>, player: number, random: () => number) => Action[];

  private constructor(private readonly runner: SyncPythonRunner, private readonly exported: string[], private readonly values: PythonValueRule) {
    if (exported.includes('get_chance_outcomes')) this.getChanceOutcomes = (state) => this.call('getChanceOutcomes', [state]) as Array<[Action, number]>;
    if (exported.includes('resample_history')) {
      this.resampleHistory = (history, player, random) => this.runner.request<Action[]>('call', {
        fn: 'resample_history', args: [history, player], seed: Math.floor(random() * 4294967296),
      });
    }
  }

  static load(modulePath: string, options: { timeoutMs: number; memoryMb: number }): PythonCandidate {
    const values = valueRuleOf(readFileSync(modulePath, 'utf8'));
    const runner = SyncPythonRunner.start(modulePath, options);
    try {
      return new PythonCandidate(runner, runner.request<string[]>('exports'), values);
    } catch (error) {
      runner.close();
      throw error;
    }
  }

  private call(name: string, args: unknown[]): unknown {
    return this.runner.request('call', { fn: SNAKE[name], args });
  }

  getInitialState(): unknown { return this.call('getInitialState', []); }
  applyAction(state: unknown, action: Action): unknown { return this.call('applyAction', [state, action]); }
  getCurrentPlayer(state: unknown): number { return this.call('getCurrentPlayer', [state]) as number; }
  /** get_player_name is optional in the paper's format. */
  getPlayerName(player: number): string {
    return this.exported.includes('get_player_name') ? this.call('getPlayerName', [player]) as string : `Player ${player}`;
  }
  getRewards(state: unknown): number[] { return this.call('getRewards', [state]) as number[]; }
  getLegalActions(state: unknown): Action[] { return this.call('getLegalActions', [state]) as Action[]; }
  getObservations(state: unknown): unknown[] { return this.call('getObservations', [state]) as unknown[]; }

  mcts(state: unknown, options: SearchOptions, seed: number): SearchResult {
    return toSearchResult(this.runner.request<PythonSearchResult>('mcts', { state, seed, values: this.values, ...searchFields(options) }));
  }

  ismcts(history: Array<ObservationActionPair<unknown>>, player: number, legalActions: Action[], options: SearchOptions, seed: number): SearchResult {
    return toSearchResult(this.runner.request<PythonSearchResult>('ismcts', {
      history, player, legal_actions: legalActions, seed, values: this.values, ...searchFields(options),
    }));
  }

  /** Seeded random playouts run inside Python in one request (the runner's playouts op). */
  playouts(count: number, seed: number, maxLength: number): PlayoutTotals {
    const result = this.runner.request<PlayoutTotals>('playouts', { count, seed, max_game_length: maxLength, values: this.values });
    return { games: result.games, steps: result.steps };
  }

  dispose(): void {
    this.runner.close();
  }
}

function searchFields(options: SearchOptions): Record<string, unknown> {
  return {
    iterations: options.iterations, c: options.c, rollouts: options.rollouts, players: options.players,
    reward_range: options.rewardRange, max_game_length: options.maxGameLength, max_nodes: options.maxNodes,
  };
}

function toSearchResult(result: PythonSearchResult): SearchResult {
  const elapsedMs = result.seconds * 1000;
  return {
    action: result.action, stats: result.stats, iterations: result.iterations, treeSize: result.tree_size ?? 0, elapsedMs,
    simulationsPerSecond: elapsedMs > 0 ? (result.iterations * 1000) / elapsedMs : 0,
    ...(result.determinisations ? { determinisations: result.determinisations } : {}),
  };
}
