"""Information tier (src/verifier/information.ts): replays what
resample_history returns against sampled histories."""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)

import random

from cwm import CHANCE, TERMINAL, make_game, outcome_pairs, sample_outcome
from errors import Error
from rng import rng_derive, rng_int, rng_new, rng_pick, rng_random, rng_u32
from tiers.checks import check_list, record_fail, recorder
from values import describe, dumps, js


INFORMATION_CHECKS = ('resample-runs', 'resample-legal', 'resample-consistent')


def check_information(ns, players, max_game_length, histories, seed):
    rec = recorder(INFORMATION_CHECKS)
    game = make_game(ns, False)
    if not game['has_resample']():
        record_fail(rec, 'resample-runs', 'resample_history is missing; imperfect-information games must define it')
        return {'checks': check_list(rec), 'histories': 0}
    base = rng_new(seed)
    for i in range(histories):
        rng = rng_derive(base, i)
        sampled_actions, player, history = sample_history(game, players, rng, max_game_length)
        random.seed(rng_u32(rng))
        try:
            resampled = game['resample'](history, player)
        except MemoryError:
            raise
        except BaseException as error:
            record_fail(rec, 'resample-runs', f'resample_history(history, {player}) raised {describe(error)} for the history of actions', sampled_actions)
            continue
        problem = replay_against_history(game, resampled, player, history)
        if problem is not None:
            record_fail(rec, problem[0], f'player {player}: {problem[1]}', sampled_actions)
    return {'checks': check_list(rec), 'histories': histories}


def sample_history(game, players, rng, max_game_length):
    """Plays randomly (chance by its probabilities), stops at a random step; a random player's history."""
    actions = []
    actors = []
    observations = []
    state = game['init']()
    stop_at = rng_int(rng, max_game_length + 1)
    while True:
        observations.append(game['observations'](state))
        player = game['player'](state)
        if player == TERMINAL or len(actions) >= stop_at:
            break
        if player == CHANCE:
            outcomes = outcome_pairs(game['chance_outcomes'](state))
            if outcomes is None:
                raise Error('get_chance_outcomes did not return (action, probability) pairs')
            action = sample_outcome(outcomes, rng_random(rng))
        else:
            action = rng_pick(rng, game['legal'](state))
        actions.append(action)
        actors.append(player)
        state = game['apply'](state, action)
    player = rng_int(rng, players)
    history = [
        [obs[player], actions[t] if t < len(actions) and actors[t] == player else None]
        for t, obs in enumerate(observations)
    ]
    return actions, player, history


def replay_against_history(game, actions, player, history):
    """(check, message) for why `actions` does not explain `history` for `player`, or None."""
    if type(actions) is not list or not all(type(a) is str for a in actions):
        return 'resample-runs', f'resample_history returned {js(actions)[:200]}; expected a list of action strings'
    steps = len(history) - 1
    if len(actions) != steps:
        return 'resample-consistent', f'resample_history returned {len(actions)} actions for a history of {steps} steps; it must explain the whole history'
    state = game['init']()
    for t in range(steps + 1):
        expected_observation, own_action = history[t]
        observed = game['observations'](state)[player]
        if dumps(observed, True, False) != dumps(expected_observation, True, False):
            return 'resample-consistent', f'after {t} resampled actions {js(actions[:t])} the player observes {dumps(observed, True, False)} but the history says {dumps(expected_observation, True, False)}'
        if t == steps:
            break
        actor = game['player'](state)
        if own_action is not None and (actor != player or actions[t] != own_action):
            return 'resample-consistent', f'step {t}: the player took "{own_action}" but the resampled history has player {actor} take "{actions[t]}"'
        if own_action is None and actor == player:
            return 'resample-consistent', f'step {t}: the resampled history has the player act ("{actions[t]}") where the player did not'
        legal = game['legal'](state)
        if actions[t] not in legal:
            return 'resample-legal', f'step {t}: resampled action "{actions[t]}" is not legal (legal: {js(legal)})'
        state = game['apply'](state, actions[t])
    return None
