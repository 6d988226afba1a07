// Information-set MCTS (single observer, after Cowling, Powley and Whitehouse
// 2012) for imperfect-information games. Every iteration determinises (see
// determinise.ts): a concrete state at the player's decision, drawn through
// the game's resampleHistory from the player's history. The
// tree's nodes are information sets: the acting player's observation (which
// carries their own past actions), so states the player cannot tell apart
// share statistics, and the search never looks at hidden information.
// Edges count availability, so UCB compares actions over the determinisations
// in which they were legal.

import { chanceOutcomes, sampleOutcome } from '../engine/chance.js';
import { type Action, CHANCE, type GameCWM, type ObservationActionPair, TERMINAL } from '../engine/contract.js';
import type { Rng } from '../engine/rng.js';
import { Determiniser, splitDecisionHistory } from './determinise.js';
import { type ActionStats, type Clock, mostVisited, runBudget, scaledRollouts, scaleReturns, SearchError, type SearchOptions, type SearchResult } from './search.js';

interface Edge {
  visits: number;
  /** Sum of the acting player's scaled returns. */
  total: number;
  /** Iterations in which this action was legal at its information set. */
  available: number;
}

type InfoSet = Map<Action, Edge>;

/** `history`: the player's own pairs then `[current observation, null]` (a DecisionHistory). */
export function ismctsSearch<S, O>(
  game: GameCWM<S, O>,
  history: Array<ObservationActionPair<O>>,
  player: number,
  legalActions: Action[],
  options: SearchOptions,
  rng: Rng,
  clock: Clock = null,
): SearchResult {
  if (!game.resampleHistory) throw new SearchError('ISMCTS needs the game\'s resampleHistory to determinise; this game has none');
  let split: ReturnType<typeof splitDecisionHistory<O>>;
  try {
    split = splitDecisionHistory(history);
  } catch (error) {
    throw new SearchError((error as Error).message);
  }
  const tree = new Map<string, InfoSet>();
  const rootKey = infoKey(player, split.observation);
  const path: Array<{ edge: Edge; player: number }> = [];
  const determiniser = new Determiniser(game, split.own, split.observation, player, legalActions, options.maxGameLength, rng);

  const iterate = () => {
    path.length = 0;
    const determinised = determiniser.next();
    if (determinised === null) return;
    let state: S = determinised;
    let expanded = false;
    for (;;) {
      const actor = game.getCurrentPlayer(state);
      if (actor === TERMINAL) break;
      if (actor === CHANCE) {
        state = game.applyAction(state, sampleOutcome(chanceOutcomes(game, state), rng.random()));
        continue;
      }
      if (expanded) break;
      const legal = game.getLegalActions(state);
      if (legal.length === 0) throw new SearchError('a non-terminal state has no legal actions');
      const key = infoKey(actor, game.getObservations(state)[actor]);
      let infoSet = tree.get(key);
      if (!infoSet) {
        if (tree.size >= options.maxNodes) break;
        infoSet = new Map();
        tree.set(key, infoSet);
      }
      const action = chooseAction(infoSet, legal, options.c, rng);
      const edge = infoSet.get(action)!;
      if (edge.visits === 0) expanded = true;
      path.push({ edge, player: actor });
      state = game.applyAction(state, action);
    }
    const returns = game.getCurrentPlayer(state) === TERMINAL ? scaleReturns(game.getRewards(state), options) : scaledRollouts(game, state, rng, options);
    for (const step of path) {
      step.edge.visits++;
      step.edge.total += returns[step.player];
    }
  };

  const { iterations, elapsedMs } = runBudget(options, clock, iterate);
  const determinisations = { ...determiniser.stats };
  if (determinisations.succeeded === 0) {
    throw new SearchError(`ISMCTS could not determinise: none of ${determinisations.attempted} attempts reached the player's decision (${determinisations.lastFailure ?? 'no attempt ran'})`);
  }
  const root = tree.get(rootKey) ?? new Map<Action, Edge>();
  const stats: ActionStats[] = legalActions.map((action) => {
    const edge = root.get(action);
    return { action, visits: edge?.visits ?? 0, value: edge && edge.visits > 0 ? edge.total / edge.visits : 0 };
  });
  return {
    action: mostVisited(stats), stats, iterations, treeSize: tree.size, elapsedMs, determinisations,
    simulationsPerSecond: elapsedMs > 0 ? (iterations * 1000) / elapsedMs : 0,
  };
}

function infoKey(player: number, observation: unknown): string {
  return `${player}|${JSON.stringify(observation)}`;
}

/** Marks every legal action available; an untried one is expanded first, else UCB over availability. */
function chooseAction(infoSet: InfoSet, legal: Action[], c: number, rng: Rng): Action {
  const untried: Action[] = [];
  for (const action of legal) {
    let edge = infoSet.get(action);
    if (!edge) {
      edge = { visits: 0, total: 0, available: 0 };
      infoSet.set(action, edge);
    }
    edge.available++;
    if (edge.visits === 0) untried.push(action);
  }
  if (untried.length > 0) return untried[rng.int(untried.length)];
  let best = legal[0];
  let bestScore = -Infinity;
  for (const action of legal) {
    const edge = infoSet.get(action)!;
    const score = edge.total / edge.visits + c * Math.sqrt(Math.log(edge.available) / edge.visits);
    if (score > bestScore) {
      bestScore = score;
      best = action;
    }
  }
  return best;
}
