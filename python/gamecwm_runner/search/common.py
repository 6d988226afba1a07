"""What the searches share: random rollouts, return scaling, the budget loop
and the final pick."""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)

import time

from cwm import CHANCE, TERMINAL, sample_outcome
from errors import SearchError
from rng import rng_random


# Captured now; a module that patches math or time afterwards changes nothing here.
_clock = time.perf_counter


def rollout_rewards(fn_player, fn_legal, fn_apply, fn_rewards, chance_outcomes, state, rng, max_length):
    """A uniformly random playout to the end (chance by its probabilities); its final rewards."""
    steps = 0
    while True:
        player = fn_player(state)
        if player == TERMINAL:
            return fn_rewards(state)
        if steps > max_length:
            raise SearchError(f'a rollout did not end within {max_length} actions')
        if player == CHANCE:
            action = sample_outcome(chance_outcomes(state), rng_random(rng))
        else:
            actions = fn_legal(state)
            if len(actions) == 0:
                raise SearchError('a non-terminal state has no legal actions')
            action = actions[int(rng_random(rng) * len(actions))]
        state = fn_apply(state, action)
        steps += 1


def scale_returns(rewards, low, span, players):
    return [(rewards[p] - low) / span for p in range(players)]


def make_scaled_rollouts(fn_player, fn_legal, fn_apply, fn_rewards, chance_outcomes, rng, max_length, rollouts, low, span, players):
    """A leaf's value for UCT and ISMCTS alike: the mean of `rollouts` random playouts, scaled to [0, 1]."""
    def one(state):
        return scale_returns(rollout_rewards(fn_player, fn_legal, fn_apply, fn_rewards, chance_outcomes, state, rng, max_length), low, span, players)

    if rollouts == 1:
        return one

    def mean(state):
        totals = [0] * players
        for _ in range(rollouts):
            returns = one(state)
            for p in range(players):
                totals[p] += returns[p] / rollouts
        return totals

    return mean


def run_budget(options, iterate):
    start = _clock()
    iterations = 0
    time_ms = options['time_ms']
    if time_ms is not None:
        deadline = start + time_ms / 1000
        while True:
            for _ in range(16):
                iterate()
            iterations += 16
            if _clock() >= deadline:
                break
    else:
        for _ in range(options['iterations']):
            iterate()
            iterations += 1
    return iterations, _clock() - start


def most_visited(stats):
    if len(stats) == 0:
        raise SearchError('the search found no actions at the root')
    best = stats[0]
    for s in stats:
        if s['visits'] > best['visits'] or (s['visits'] == best['visits'] and s['value'] > best['value']):
            best = s
    return best['action']
