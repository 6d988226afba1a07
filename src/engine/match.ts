// Plays many games of one game and summarises them per agent: wins, draws,
// mean returns with 95% confidence intervals. Seats are fixed (agent i plays
// seat i) or rotate every game (an arena). Game i draws its chance outcomes
// and its agents' randomness from streams derived from (seed, i), so any
// single game can be replayed on its own.

import type { Agent } from './agent.js';
import type { GameDefinition } from './game-definition.js';
import { isDraw, winnerOf } from './outcome.js';
import { Rng } from './rng.js';
import { GameFaultError, playGame, type Trajectory } from './runner.js';

export interface MatchOptions {
  games: number;
  seed: number;
  /** Rotate seats every game: in game i, seat s is played by agent (s + i) mod n. */
  rotateSeats?: boolean;
  /** Keep every game's trajectory (with observations) in the result. */
  keepTrajectories?: boolean;
  onGameEnd?: (gameIndex: number, trajectory: Trajectory) => void;
  onStep?: Parameters<typeof playGame>[2]['onStep'];
}

export interface MatchSummary {
  /** wins[a]: games where agent a had the strictly highest return. */
  wins: number[];
  /** Games where every player's return was equal. */
  draws: number;
  meanReturns: number[];
  /** Half-width of the 95% confidence interval of each mean return. */
  ci95: number[];
}

export interface MatchResult {
  results: MatchSummary;
  trajectories?: Trajectory[];
}

/** Builds agent `index` (= its seat unless seats rotate) for game `gameIndex` from its own random stream. */
export type SeatAgentFactory = (index: number, rng: Rng, gameIndex: number) => Agent;

export const CHANCE_STREAM = 0;
export const agentStream = (index: number): number => 1 + index;

/** The agent index playing each seat in game `gameIndex`. */
export function seating(players: number, gameIndex: number, rotate: boolean): number[] {
  return Array.from({ length: players }, (_, seat) => (rotate ? (seat + gameIndex) % players : seat));
}

export async function playMatch(
  definition: GameDefinition,
  createAgent: SeatAgentFactory,
  options: MatchOptions,
): Promise<MatchResult> {
  const players = definition.info.players;
  const totals = new Array<number>(players).fill(0);
  const squares = new Array<number>(players).fill(0);
  const wins = new Array<number>(players).fill(0);
  let draws = 0;
  const trajectories: Trajectory[] = [];
  const root = new Rng(options.seed);

  for (let i = 0; i < options.games; i++) {
    const gameRng = root.derive(i);
    const seats = seating(players, i, options.rotateSeats === true);
    const agents = seats.map((index) => createAgent(index, gameRng.derive(agentStream(index)), i));
    let trajectory: Trajectory;
    try {
      ({ trajectory } = await playGame(definition.cwm, agents, {
        chanceRng: gameRng.derive(CHANCE_STREAM),
        maxLength: definition.info.maxGameLength,
        perfectInformation: definition.info.information === 'perfect',
        recordObservations: options.keepTrajectories,
        onStep: options.onStep,
      }));
    } catch (error) {
      if (error instanceof GameFaultError) error.message = `game ${i + 1} of the match (seed ${options.seed}): ${error.message}`;
      throw error;
    }
    const { returns } = trajectory;
    returns.forEach((r, seat) => {
      totals[seats[seat]] += r;
      squares[seats[seat]] += r * r;
    });
    const winner = winnerOf(returns);
    if (isDraw(returns)) draws++;
    else if (winner !== null) wins[seats[winner]]++;
    if (options.keepTrajectories) trajectories.push(trajectory);
    options.onGameEnd?.(i, trajectory);
  }
  const n = options.games;
  const meanReturns = totals.map((t) => t / n);
  const ci95 = squares.map((sq, a) => {
    if (n < 2) return 0;
    const variance = Math.max(0, (sq - n * meanReturns[a] ** 2) / (n - 1));
    return 1.96 * Math.sqrt(variance / n);
  });
  const result: MatchResult = { results: { wins, draws, meanReturns, ci95 } };
  if (options.keepTrajectories) result.trajectories = trajectories;
  return result;
}
