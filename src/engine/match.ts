// Plays many games of one built-in game with fixed seats and summarises them:
// wins per seat, draws and mean returns. Game i draws its chance outcomes and
// its agents' randomness from streams derived from (seed, i), so any single
// game can be replayed on its own and results do not depend on run order.

import type { Agent } from './agent.js';
import type { GameDefinition } from './game-definition.js';
import { isDraw, winnerOf } from './outcome.js';
import { Rng } from './rng.js';
import { playGame, type Trajectory } from './runner.js';

export interface MatchOptions {
  games: number;
  seed: number;
  /** Keep every game's trajectory (with observations) in the result. */
  keepTrajectories?: boolean;
  onGameEnd?: (gameIndex: number, trajectory: Trajectory) => void;
  onStep?: Parameters<typeof playGame>[2]['onStep'];
}

export interface MatchSummary {
  /** wins[p]: games where seat p had the strictly highest return. */
  wins: number[];
  /** Games where every seat's return was equal. */
  draws: number;
  meanReturns: number[];
}

export interface MatchResult {
  results: MatchSummary;
  trajectories?: Trajectory[];
}

/** Builds the agent for `seat` in game `gameIndex` from its own random stream. */
export type SeatAgentFactory = (seat: number, rng: Rng, gameIndex: number) => Agent;

export const CHANCE_STREAM = 0;
export const seatStream = (seat: number): number => 1 + seat;

export async function playMatch(
  definition: GameDefinition,
  createAgent: SeatAgentFactory,
  options: MatchOptions,
): Promise<MatchResult> {
  const players = definition.info.players;
  const totals = new Array<number>(players).fill(0);
  const wins = new Array<number>(players).fill(0);
  let draws = 0;
  const trajectories: Trajectory[] = [];
  const root = new Rng(options.seed);

  for (let i = 0; i < options.games; i++) {
    const gameRng = root.derive(i);
    const agents = Array.from({ length: players }, (_, seat) => createAgent(seat, gameRng.derive(seatStream(seat)), i));
    const { trajectory } = await playGame(definition.cwm, agents, {
      chanceRng: gameRng.derive(CHANCE_STREAM),
      maxLength: definition.info.maxGameLength,
      perfectInformation: definition.info.information === 'perfect',
      recordObservations: options.keepTrajectories,
      onStep: options.onStep,
    });
    const { returns } = trajectory;
    returns.forEach((r, p) => { totals[p] += r; });
    const winner = winnerOf(returns);
    if (isDraw(returns)) draws++;
    else if (winner !== null) wins[winner]++;
    if (options.keepTrajectories) trajectories.push(trajectory);
    options.onGameEnd?.(i, trajectory);
  }
  const result: MatchResult = {
    results: { wins, draws, meanReturns: totals.map((t) => t / options.games) },
  };
  if (options.keepTrajectories) result.trajectories = trajectories;
  return result;
}
