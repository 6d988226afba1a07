"""Nim with piles [1, 2, 3] in the paper's Python format: take any number of
objects from one pile; whoever takes the last object wins. Written to use much
of the allowed standard library (dataclasses, enum, typing, collections, re,
functools, fractions, statistics, heapq, bisect, itertools, operator, string,
json, copy, math, abc) so the tests can check that hardening leaves it working."""

from __future__ import annotations

import abc
import bisect
import copy
import enum
import heapq
import itertools
import json
import math
import operator
import re
import statistics
import string
from collections import Counter, namedtuple
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache, reduce
from typing import Dict, List

TERMINAL = -4
ACTION = re.compile(r'^take\((\d+),(\d+)\)$')
Move = namedtuple('Move', 'pile count')


class Seat(enum.IntEnum):
    FIRST = 0
    SECOND = 1


class Describer(abc.ABC):
    @abc.abstractmethod
    def name(self, player: int) -> str: ...


class SeatNames(Describer):
    def name(self, player: int) -> str:
        return string.capwords(Seat(player).name.lower())


@dataclass(frozen=True)
class Config:
    piles: List[int] = field(default_factory=lambda: [1, 2, 3])


CONFIG = Config()
print('nim: a line printed while loading must not reach the protocol')


@lru_cache(maxsize=None)
def _parse(action: str) -> Move:
    match = ACTION.match(action)
    if not match:
        raise ValueError(f'"{action}" is not take(pile,count)')
    return Move(int(match.group(1)), int(match.group(2)))


def get_initial_state() -> Dict:
    return {'piles': list(CONFIG.piles), 'player': 0, 'winner': None}


def get_current_player(state):
    return TERMINAL if state['winner'] is not None else state['player']


def get_player_name(player_id):
    return SeatNames().name(player_id)


def get_legal_actions(state):
    if state['winner'] is not None:
        return []
    return [f'take({i},{k})' for i, pile in enumerate(state['piles']) for k in range(1, pile + 1)]


def apply_action(state, action):
    move = _parse(action)
    if move.pile >= len(state['piles']) or not 1 <= move.count <= state['piles'][move.pile]:
        raise ValueError(f'"{action}" is not legal here')
    new_state = copy.deepcopy(state)
    new_state['piles'][move.pile] -= move.count
    print('nim: applying', action)
    if reduce(operator.add, new_state['piles'], 0) == 0:
        new_state['winner'] = state['player']
    else:
        new_state['player'] = 1 - state['player']
    return new_state


def get_rewards(state):
    if state['winner'] is None:
        return [0, 0]
    share = Fraction(1, 1)
    assert statistics.mean([1, -1]) == 0 and math.isclose(float(share), 1.0)
    return [1, -1] if state['winner'] == 0 else [-1, 1]


def get_observations(state):
    counts = Counter(state['piles'])
    ordered = sorted(counts)
    bisect.insort(ordered, -1)
    heap = list(itertools.chain(state['piles']))
    heapq.heapify(heap)
    summary = json.loads(json.dumps({'smallest': heap[0] if heap else None, 'sizes': ordered[1:]}))
    return [dict(state, summary=summary) for _ in range(2)]
