"""A small perfect-information game whose state is paper-format Python, not
JSON: a set of pebbles, per-player Counters under int keys, a tuple of
moves. Players take turns taking one pebble (1..5); when none are left, the
larger total wins. Legal under the paper's format (deepcopy and ==), not
under the JSON rule."""

import copy
from collections import Counter

TERMINAL = -4


def get_initial_state():
    return {'pool': {1, 2, 3, 4, 5}, 'taken': {0: Counter(), 1: Counter()}, 'moves': (), 'player': 0}


def get_current_player(state):
    return TERMINAL if not state['pool'] else state['player']


def get_legal_actions(state):
    if not state['pool']:
        return []
    return [f'take:{n}' for n in sorted(state['pool'])]


def apply_action(state, action):
    n = int(action.split(':')[1])
    new_state = copy.deepcopy(state)
    new_state['pool'].discard(n)
    new_state['taken'][state['player']][n] += 1
    new_state['moves'] = state['moves'] + ((state['player'], n),)
    new_state['player'] = 1 - state['player']
    return new_state


def _total(state, player):
    return sum(n * count for n, count in state['taken'][player].items())


def get_rewards(state):
    if state['pool']:
        return [0, 0]
    difference = _total(state, 0) - _total(state, 1)
    return [0, 0] if difference == 0 else ([1, -1] if difference > 0 else [-1, 1])


def get_observations(state):
    return [state, state]
