// Scenarios: hand-written action sequences with the outcome the rules demand.
// They are plain JSON data so the verifier can run them inside a sandbox
// against any candidate implementation of the same game.

import type { Action } from './contract.js';

export type RewardSign = -1 | 0 | 1;

export interface ScenarioExpectation {
  terminal?: boolean;
  /** 0..n-1, CHANCE (-1) or TERMINAL (-4). */
  currentPlayer?: number;
  /** Sign of each player's reward after the sequence. */
  rewardSigns?: RewardSign[];
  /** Exact rewards, where the rules fix them. */
  rewards?: number[];
  /** The player with the strictly highest reward; null for a tie. */
  winner?: number | null;
  /** The exact set of legal actions (order ignored). */
  legalActions?: Action[];
  /** Actions that must be illegal after the sequence. */
  illegalActions?: Action[];
}

export interface Scenario {
  name: string;
  actions: Action[];
  expect: ScenarioExpectation;
}
