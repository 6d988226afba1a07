"""Information-set MCTS (src/mcts/ismcts.ts). An edge is [visits, total, available].
Each iteration starts from a determinisation (search/determinise.py)."""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)

import math
import random

from cwm import CHANCE, TERMINAL, direct, sample_outcome
from errors import SearchError
from rng import rng_int, rng_random
from search.common import make_scaled_rollouts, most_visited, run_budget, scale_returns
from search.determinise import make_determiniser
from values import canonical, dumps


_log = math.log
_sqrt = math.sqrt
_INF = float('inf')


def info_key(player, observation):
    try:
        text = dumps(observation, True, False)
    except BaseException:
        text = canonical(observation)  # sets, int keys, ...: a text equal observations share
    return f'{player}|{text}'


def ismcts_search(ns, rule, history, player, legal_actions, options, rng, seed):
    """
    `history`: the player's own [observation, action] pairs, then [current
    observation, None].
    """
    fn, chance_outcomes = direct(ns)
    player_fn, legal_fn, apply_fn, rewards_fn, obs_fn, init_fn = (
        fn('get_current_player'), fn('get_legal_actions'), fn('apply_action'), fn('get_rewards'), fn('get_observations'), fn('get_initial_state'))
    if not callable(ns.get('resample_history')):
        raise SearchError("ISMCTS needs the game's resample_history to determinise; this game has none")
    players = options['players']
    low, high = options['reward_range']
    span = high - low if high > low else 1
    c = options['c']
    rollouts = options['rollouts']
    max_nodes = options['max_nodes']
    max_length = options['max_game_length']
    tree = {}
    observation = history[len(history) - 1][0]
    root_key = info_key(player, observation)
    # The paper's format draws from Python's random, seeded once per search.
    random.seed(seed)
    fns = (init_fn, player_fn, legal_fn, apply_fn, obs_fn, chance_outcomes)
    own = history[:len(history) - 1]
    paper_format = not callable(ns.get('resample_history_with_random'))
    determinise, determinisations = make_determiniser(ns, fns, rule['same'], own, observation, player, legal_actions, max_length, rng, paper_format)

    scaled_rollouts = make_scaled_rollouts(player_fn, legal_fn, apply_fn, rewards_fn, chance_outcomes, rng, max_length, rollouts, low, span, players)

    def iterate():
        state = determinise()
        if state is None:
            return
        path = []
        expanded = False
        while True:
            actor = player_fn(state)
            if actor == TERMINAL:
                break
            if actor == CHANCE:
                state = apply_fn(state, sample_outcome(chance_outcomes(state), rng_random(rng)))
                continue
            if expanded:
                break
            legal = legal_fn(state)
            if len(legal) == 0:
                raise SearchError('a non-terminal state has no legal actions')
            key = info_key(actor, obs_fn(state)[actor])
            info_set = tree.get(key)
            if info_set is None:
                if len(tree) >= max_nodes:
                    break
                info_set = tree[key] = {}
            action = choose_action(info_set, legal, c, rng)
            edge = info_set[action]
            if edge[0] == 0:
                expanded = True
            path.append((edge, actor))
            state = apply_fn(state, action)
        if player_fn(state) == TERMINAL:
            returns = scale_returns(rewards_fn(state), low, span, players)
        else:
            returns = scaled_rollouts(state)
        for edge, actor in path:
            edge[0] += 1
            edge[1] += returns[actor]

    iterations, seconds = run_budget(options, iterate)
    if determinisations['succeeded'] == 0:
        raise SearchError(f"ISMCTS could not determinise: none of {determinisations['attempted']} attempts reached the player's decision "
                          f"({determinisations.get('lastFailure', 'no attempt ran')})")
    root = tree.get(root_key) or {}
    stats = []
    for action in legal_actions:
        edge = root.get(action)
        stats.append({'action': action, 'visits': edge[0] if edge else 0, 'value': edge[1] / edge[0] if edge and edge[0] > 0 else 0})
    return {
        'action': most_visited(stats), 'stats': stats, 'iterations': iterations, 'seconds': seconds, 'tree_size': len(tree),
        'determinisations': determinisations,
    }


def choose_action(info_set, legal, c, rng):
    """Marks every legal action available; an untried one first (at random), else UCB over availability."""
    untried = []
    for action in legal:
        edge = info_set.get(action)
        if edge is None:
            edge = info_set[action] = [0, 0, 0]
        edge[2] += 1
        if edge[0] == 0:
            untried.append(action)
    if len(untried) > 0:
        return untried[rng_int(rng, len(untried))]
    best = legal[0]
    best_score = -_INF
    for action in legal:
        edge = info_set[action]
        score = edge[1] / edge[0] + c * _sqrt(_log(edge[2]) / edge[0])
        if score > best_score:
            best_score = score
            best = action
    return best
