"""Replays and seeded random playouts over the module's own functions."""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)

import time

from cwm import CHANCE, TERMINAL, direct, plain_numbers, plain_outcomes, plain_strings, sample_outcome
from errors import SearchError
from rng import rng_derive, rng_new, rng_pick, rng_random
from values import describe
from wire import to_wire


_clock = time.perf_counter


def replay(ns, actions):
    """Per state along `actions`: what the module says (observations in the wire encoding, see wire.py)."""
    fn, chance_outcomes = direct(ns)
    entries = []
    try:
        state = fn('get_initial_state')()
    except MemoryError:
        raise
    except BaseException as error:
        return [{'error': f'get_initial_state() raised {describe(error)}'}]
    for t in range(len(actions) + 1):
        stage = 'get_current_player(state)'
        try:
            player = fn('get_current_player')(state)
            stage = 'get_legal_actions(state)'
            legal = fn('get_legal_actions')(state)
            stage = 'get_rewards(state)'
            rewards = fn('get_rewards')(state)
            stage = 'get_observations(state)'
            observations = fn('get_observations')(state)
            stage = 'get_chance_outcomes(state)'
            chance = chance_outcomes(state) if player == CHANCE else None
            stage = f'encoding what the module returned after {t} actions'
            entries.append(to_wire({
                'player': player, 'legal': plain_strings(legal), 'rewards': plain_numbers(rewards), 'observations': observations,
                'chance': None if chance is None else plain_outcomes(chance),
            }))
            if t == len(actions):
                break
            stage = f'apply_action(state, "{actions[t]}")'
            state = fn('apply_action')(state, actions[t])
        except MemoryError:
            raise
        except BaseException as error:
            entries.append({'error': f'{stage} raised {describe(error)}'})
            break
    return entries


def playouts(ns, count, seed, max_game_length):
    fn, chance_outcomes = direct(ns)
    init, player_fn, legal_fn, apply_fn = fn('get_initial_state'), fn('get_current_player'), fn('get_legal_actions'), fn('apply_action')
    base = rng_new(seed)
    steps = 0
    start = _clock()
    for i in range(count):
        rng = rng_derive(base, i)
        state = init()
        length = 0
        while True:
            player = player_fn(state)
            if player == TERMINAL:
                break
            if length >= max_game_length:
                raise SearchError(f'playout {i} did not end within {max_game_length} actions')
            if player == CHANCE:
                action = sample_outcome(chance_outcomes(state), rng_random(rng))
            else:
                action = rng_pick(rng, legal_fn(state))
            state = apply_fn(state, action)
            length += 1
        steps += length
    return {'games': count, 'steps': steps, 'seconds': _clock() - start}
