"""UCT (src/mcts/uct.ts). A node is a list, indexed by the N_ constants."""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)

import math

from cwm import CHANCE, TERMINAL, direct, sample_outcome
from errors import SearchError
from rng import rng_int, rng_random
from search.common import make_scaled_rollouts, most_visited, run_budget, scale_returns


_log = math.log
_sqrt = math.sqrt
_INF = float('inf')

N_STATE, N_PLAYER, N_VISITS, N_TOTALS, N_CHILDREN, N_ACTIONS, N_UNTRIED, N_OUTCOMES = range(8)


def uct_search(ns, root, options, rng):
    fn, chance_outcomes = direct(ns)
    player_fn, legal_fn, apply_fn, rewards_fn = fn('get_current_player'), fn('get_legal_actions'), fn('apply_action'), fn('get_rewards')
    players = options['players']
    low, high = options['reward_range']
    span = high - low if high > low else 1
    c = options['c']
    rollouts = options['rollouts']
    max_nodes = options['max_nodes']
    max_length = options['max_game_length']
    root_player = player_fn(root)
    if root_player < 0:
        raise SearchError(f'search needs a decision node; the current player is {root_player}')

    def new_node(state):
        return [state, player_fn(state), 0, [0] * players, [], [], None, None]

    root_node = new_node(root)
    tree_size = [1]

    scaled_rollouts = make_scaled_rollouts(player_fn, legal_fn, apply_fn, rewards_fn, chance_outcomes, rng, max_length, rollouts, low, span, players)

    def iterate():
        node = root_node
        path = [node]
        while True:
            player = node[N_PLAYER]
            if player == TERMINAL:
                break
            if player == CHANCE:
                if node[N_OUTCOMES] is None:
                    node[N_OUTCOMES] = chance_outcomes(node[N_STATE])
                outcome = sample_outcome(node[N_OUTCOMES], rng_random(rng))
                node_actions = node[N_ACTIONS]
                index = node_actions.index(outcome) if outcome in node_actions else -1
                if index < 0:
                    if tree_size[0] >= max_nodes:
                        break
                    node[N_CHILDREN].append(new_node(apply_fn(node[N_STATE], outcome)))
                    node_actions.append(outcome)
                    tree_size[0] += 1
                    index = len(node[N_CHILDREN]) - 1
                node = node[N_CHILDREN][index]
                path.append(node)
                continue
            untried = node[N_UNTRIED]
            if untried is None:
                untried = node[N_UNTRIED] = list(legal_fn(node[N_STATE]))
            if len(untried) > 0:
                if tree_size[0] >= max_nodes:
                    break
                pick = rng_int(rng, len(untried))
                action = untried[pick]
                untried[pick] = untried[len(untried) - 1]
                untried.pop()
                child = new_node(apply_fn(node[N_STATE], action))
                node[N_CHILDREN].append(child)
                node[N_ACTIONS].append(action)
                tree_size[0] += 1
                path.append(child)
                break
            if len(node[N_CHILDREN]) == 0:
                raise SearchError('a non-terminal state has no legal actions')
            node = select_child(node, c)
            path.append(node)
        leaf = path[len(path) - 1]
        if leaf[N_PLAYER] == TERMINAL:
            returns = scale_returns(rewards_fn(leaf[N_STATE]), low, span, players)
        else:
            returns = scaled_rollouts(leaf[N_STATE])
        for visited in path:
            visited[N_VISITS] += 1
            totals = visited[N_TOTALS]
            for p in range(len(returns)):
                totals[p] += returns[p]

    iterations, seconds = run_budget(options, iterate)
    stats = []
    for i in range(len(root_node[N_ACTIONS])):
        child = root_node[N_CHILDREN][i]
        visits = child[N_VISITS]
        stats.append({'action': root_node[N_ACTIONS][i], 'visits': visits, 'value': child[N_TOTALS][root_player] / visits if visits > 0 else 0})
    return {'action': most_visited(stats), 'stats': stats, 'iterations': iterations, 'seconds': seconds, 'tree_size': tree_size[0]}


def select_child(node, c):
    visits = node[N_VISITS]
    children = node[N_CHILDREN]
    best = children[0]
    if visits <= 0:
        return best  # log(0) makes every score NaN in the TypeScript search: the first child stays
    log_visits = _log(visits)
    player = node[N_PLAYER]
    best_score = -_INF
    for child in children:
        child_visits = child[N_VISITS]
        if child_visits <= 0:
            continue
        score = child[N_TOTALS][player] / child_visits + c * _sqrt(log_visits / child_visits)
        if score > best_score:
            best_score = score
            best = child
    return best
