"""How Python values cross the protocol to the host: a documented, reversible,
deterministic encoding into JSON.

A paper-format CWM's states and observations are any Python values that
survive copy.deepcopy and compare with ==: sets, tuples, int dict keys,
Counters. The host keeps them opaquely (a Python CWM played from TypeScript
sends its states back to the runner), so the encoding must give back an
equal value of the same types:

    None, bool, str, int, finite float  as themselves
    list                                a JSON array
    dict (str keys, none of them "$py") a JSON object
    anything else                       {"$py": TAG, "v": PAYLOAD}, TAG one of
        "tuple", "set", "frozenset", "deque"   v: the items (sets sorted by their
                                               canonical text, so equal sets encode
                                               alike; a deque also has "maxlen")
        "dict", "Counter", "OrderedDict"       v: [[key, value], ...] in order
        "defaultdict"                          v: as dict, "factory": list, int, set,
                                               dict, float, str, tuple or null
        "float"                                v: "nan", "inf" or "-inf"

Subclasses of int, float and str (numpy scalars, for instance) travel as the
plain type. Any other type cannot cross, with an error naming it; inside the
runner such values are fine (the checks compare with ==).
"""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)

import collections

from errors import Error
from values import MAX_DEPTH, canonical, tname

TAG = '$py'
_Counter = collections.Counter
_OrderedDict = collections.OrderedDict
_defaultdict = collections.defaultdict
_deque = collections.deque
FACTORIES = {'list': list, 'int': int, 'set': set, 'dict': dict, 'float': float, 'str': str, 'tuple': tuple}
_FACTORY_NAMES = {value: name for name, value in FACTORIES.items()}
_INF = float('inf')


def to_wire(value, depth=0):
    """The JSON data that encodes `value` (see the module's docstring), or raises Error."""
    t = type(value)
    if value is None or t is bool or t is str or t is int:
        return value
    if t is float:
        if value != value:
            return {TAG: 'float', 'v': 'nan'}
        if value in (_INF, -_INF):
            return {TAG: 'float', 'v': 'inf' if value > 0 else '-inf'}
        return value
    if depth > MAX_DEPTH:
        raise Error(f'a value nested more than {MAX_DEPTH} levels deep cannot cross to the host')
    if t is list:
        return [to_wire(item, depth + 1) for item in value]
    if t is dict:
        if all(type(key) is str and key != TAG for key in value):
            return {key: to_wire(item, depth + 1) for key, item in value.items()}
        return {TAG: 'dict', 'v': _pairs(value, depth)}
    if t is tuple:
        return {TAG: 'tuple', 'v': [to_wire(item, depth + 1) for item in value]}
    if t is set or t is frozenset:
        items = sorted(value, key=canonical)
        return {TAG: 'set' if t is set else 'frozenset', 'v': [to_wire(item, depth + 1) for item in items]}
    if t is _Counter or t is _OrderedDict:
        return {TAG: 'Counter' if t is _Counter else 'OrderedDict', 'v': _pairs(value, depth)}
    if t is _defaultdict:
        factory = value.default_factory
        if factory is not None and factory not in _FACTORY_NAMES:
            raise Error('a defaultdict whose default_factory is not a builtin type cannot cross to the host')
        return {TAG: 'defaultdict', 'v': _pairs(value, depth), 'factory': None if factory is None else _FACTORY_NAMES[factory]}
    if t is _deque:
        return {TAG: 'deque', 'v': [to_wire(item, depth + 1) for item in value], 'maxlen': value.maxlen}
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return to_wire(float(value), depth)
    if isinstance(value, str):
        return str(value)
    raise Error(f'a {tname(value)} cannot cross to the host (the runner encodes JSON data, tuples, sets, frozensets, '
                'dicts with any keys, Counter, OrderedDict, defaultdict and deque)')


def _pairs(mapping, depth):
    return [[to_wire(key, depth + 1), to_wire(item, depth + 1)] for key, item in dict.items(mapping)]


def from_wire(data, depth=0):
    """The Python value `data` encodes (the inverse of to_wire), or raises Error."""
    t = type(data)
    if t is list:
        return [from_wire(item, depth + 1) for item in data]
    if t is not dict:
        return data
    if depth > MAX_DEPTH:
        raise Error(f'a value nested more than {MAX_DEPTH} levels deep')
    tag = data.get(TAG)
    if tag is None:
        return {key: from_wire(item, depth + 1) for key, item in data.items()}
    payload = data.get('v')
    if tag == 'float':
        if payload not in ('nan', 'inf', '-inf'):
            raise Error(f'an encoded float must be "nan", "inf" or "-inf", not {payload!r}')
        return float(payload)
    if type(payload) is not list:
        raise Error(f'an encoded {tag} needs a list "v"')
    if tag in ('tuple', 'set', 'frozenset', 'deque'):
        items = [from_wire(item, depth + 1) for item in payload]
        if tag == 'tuple':
            return tuple(items)
        if tag == 'set':
            return set(items)
        if tag == 'frozenset':
            return frozenset(items)
        maxlen = data.get('maxlen')
        return _deque(items, maxlen if type(maxlen) is int else None)
    if tag in ('dict', 'Counter', 'OrderedDict', 'defaultdict'):
        pairs = []
        for pair in payload:
            if type(pair) is not list or len(pair) != 2:
                raise Error(f'an encoded {tag} holds [key, value] pairs')
            pairs.append((from_wire(pair[0], depth + 1), from_wire(pair[1], depth + 1)))
        if tag == 'dict':
            return dict(pairs)
        if tag == 'Counter':
            counter = _Counter()
            for key, item in pairs:
                counter[key] = item
            return counter
        if tag == 'OrderedDict':
            return _OrderedDict(pairs)
        factory = data.get('factory')
        if factory is not None and factory not in FACTORIES:
            raise Error(f'an encoded defaultdict has an unknown factory {factory!r}')
        return _defaultdict(None if factory is None else FACTORIES[factory], pairs)
    raise Error(f'unknown encoded type {tag!r}')
