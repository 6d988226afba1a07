// UCT (MCTS with random rollouts) for perfect-information games with chance,
// N players and general-sum returns. Nodes keep their state, so selection
// never re-applies actions; chance nodes sample outcomes by probability.

import { chanceOutcomes, sampleOutcome } from '../engine/chance.js';
import { type Action, CHANCE, type GameCWM, TERMINAL } from '../engine/contract.js';
import type { Rng } from '../engine/rng.js';
import { type ActionStats, type Clock, mostVisited, runBudget, scaledRollouts, scaleReturns, SearchError, type SearchOptions, type SearchResult } from './search.js';

interface Node<S> {
  state: S;
  /** Player to move here: 0..n-1, CHANCE or TERMINAL. */
  player: number;
  visits: number;
  /** Sum of scaled returns per player over the simulations through this node. */
  totals: number[];
  children: Array<Node<S>>;
  /** Edge labels, parallel to children. */
  actions: Action[];
  /** Legal actions not yet expanded (decision nodes). */
  untried: Action[] | null;
  /** Outcome distribution (chance nodes). */
  outcomes: Array<[Action, number]> | null;
}

export function uctSearch<S, O>(game: GameCWM<S, O>, root: S, options: SearchOptions, rng: Rng, clock: Clock = null): SearchResult {
  const rootPlayer = game.getCurrentPlayer(root);
  if (rootPlayer < 0) throw new SearchError(`search needs a decision node; the current player is ${rootPlayer}`);
  let treeSize = 1;
  const rootNode = newNode(game, root, options.players);
  const path: Array<Node<S>> = [];

  const iterate = () => {
    path.length = 0;
    let node = rootNode;
    path.push(node);
    // Selection and expansion.
    for (;;) {
      if (node.player === TERMINAL) break;
      if (node.player === CHANCE) {
        node.outcomes ??= chanceOutcomes(game, node.state);
        const outcome = sampleOutcome(node.outcomes, rng.random());
        let index = node.actions.indexOf(outcome);
        if (index < 0) {
          if (treeSize >= options.maxNodes) break;
          node.children.push(newNode(game, game.applyAction(node.state, outcome), options.players));
          node.actions.push(outcome);
          treeSize++;
          index = node.children.length - 1;
        }
        node = node.children[index];
        path.push(node);
        continue;
      }
      node.untried ??= game.getLegalActions(node.state).slice();
      if (node.untried.length > 0) {
        if (treeSize >= options.maxNodes) break;
        const pick = rng.int(node.untried.length);
        const action = node.untried[pick];
        node.untried[pick] = node.untried[node.untried.length - 1];
        node.untried.pop();
        const child = newNode(game, game.applyAction(node.state, action), options.players);
        node.children.push(child);
        node.actions.push(action);
        treeSize++;
        path.push(child);
        break;
      }
      if (node.children.length === 0) throw new SearchError('a non-terminal state has no legal actions');
      node = selectChild(node, options.c);
      path.push(node);
    }
    // Simulation and backpropagation.
    const leaf = path[path.length - 1];
    const returns = leaf.player === TERMINAL ? scaleReturns(game.getRewards(leaf.state), options) : scaledRollouts(game, leaf.state, rng, options);
    for (const visited of path) {
      visited.visits++;
      for (let p = 0; p < returns.length; p++) visited.totals[p] += returns[p];
    }
  };

  const { iterations, elapsedMs } = runBudget(options, clock, iterate);
  const stats: ActionStats[] = rootNode.actions.map((action, i) => {
    const child = rootNode.children[i];
    return { action, visits: child.visits, value: child.visits > 0 ? child.totals[rootPlayer] / child.visits : 0 };
  });
  return {
    action: mostVisited(stats), stats, iterations, treeSize, elapsedMs,
    simulationsPerSecond: elapsedMs > 0 ? (iterations * 1000) / elapsedMs : 0,
  };
}

function newNode<S, O>(game: GameCWM<S, O>, state: S, players: number): Node<S> {
  return {
    state, player: game.getCurrentPlayer(state), visits: 0, totals: new Array<number>(players).fill(0),
    children: [], actions: [], untried: null, outcomes: null,
  };
}

function selectChild<S>(node: Node<S>, c: number): Node<S> {
  const logVisits = Math.log(node.visits);
  const player = node.player;
  let best = node.children[0];
  let bestScore = -Infinity;
  for (const child of node.children) {
    const score = child.totals[player] / child.visits + c * Math.sqrt(logVisits / child.visits);
    if (score > bestScore) {
      bestScore = score;
      best = child;
    }
  }
  return best;
}
