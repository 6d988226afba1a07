"""JSON text, values and messages: the runner's own JSON codec (C functions
captured before any module loads), JSON.stringify-like text for messages,
and the plain-JSON-data rule."""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)

import _json
import json

from errors import ProtocolError


MAX_VALUE_CHARS = 1_000_000
MAX_MESSAGE_LENGTH = 600
MAX_DEPTH = 200

# C-level callables captured now; a module that patches json afterwards changes nothing here.
_make_encoder = _json.make_encoder
_encode_ascii = _json.encode_basestring_ascii
_encode_plain = _json.encode_basestring
_scan_once = _json.make_scanner(json.JSONDecoder())
_type_name = type.__dict__['__name__'].__get__
_INF = float('inf')


def tname(value):
    """The name of a value's type, read without running any of its code."""
    return _type_name(type(value))


def _refuse(value):
    raise TypeError(f'a {tname(value)} is not JSON data')


def dumps(value, sort_keys=False, ascii_only=True):
    """Compact JSON text (tuples as lists); raises on anything else."""
    encoder = _make_encoder({}, _refuse, _encode_ascii if ascii_only else _encode_plain, None, ':', ',', sort_keys, False, False)
    return ''.join(encoder(value, 0))


def loads(text):
    start = 0
    length = len(text)
    while start < length and text[start] in ' \t\r\n':
        start += 1
    try:
        value, end = _scan_once(text, start)
    except StopIteration:
        raise ProtocolError('the request is not valid JSON') from None
    except ValueError as error:
        raise ProtocolError(f'the request is not valid JSON ({error})') from None
    while end < length and text[end] in ' \t\r\n':
        end += 1
    if end != length:
        raise ProtocolError('the request has extra text after its JSON value')
    return value


def truncate(text, limit=MAX_MESSAGE_LENGTH):
    return text if len(text) <= limit else f'{text[:limit]}... ({len(text)} characters)'


def js_number(x):
    """A float as JavaScript's JSON.stringify writes it (close enough for messages)."""
    if x != x or x in (_INF, -_INF):
        return 'null'
    if x == int(x) and abs(x) < 1e21:
        return str(int(x))
    text = repr(x)
    if 'e' in text:
        mantissa, exponent = text.split('e')
        e = int(exponent)
        text = f"{mantissa}e{'+' if e > 0 else '-'}{abs(e)}"
    return text


def js(value, depth=0):
    """JSON.stringify-like text of any value for messages (never runs the value's own code)."""
    t = type(value)
    if value is None:
        return 'null'
    if t is bool:
        return 'true' if value else 'false'
    if t is int:
        try:
            return int.__repr__(value)
        except ValueError:
            return '<a huge int>'
    if t is float:
        return js_number(value)
    if t is str:
        return _encode_plain(value)
    if depth > 20:
        return '...'
    if t is list or t is tuple:
        return '[' + ','.join([js(item, depth + 1) for item in value]) + ']'
    if t is dict:
        parts = []
        for key, item in dict.items(value):
            parts.append((_encode_plain(key) if type(key) is str else _encode_plain(js(key, depth + 1))) + ':' + js(item, depth + 1))
        return '{' + ','.join(parts) + '}'
    return canonical(value, depth)


def canonical(value, depth=0):
    """
    A deterministic text of any value: values that are equal and of the same
    types give the same text (dict keys and set items in sorted order). Keys
    information sets, orders sets on the wire and shows Python values in
    messages. Never runs the value's own code.
    """
    t = type(value)
    if t is float and not value - value == 0.0:
        return float.__repr__(value)  # nan, inf, -inf: JSON would say null
    if value is None or t is bool or t is int or t is float or t is str:
        return js(value)
    if depth > MAX_DEPTH:
        return '...'
    if t is list:
        return '[' + ','.join([canonical(item, depth + 1) for item in value]) + ']'
    if t is tuple:
        return '(' + ','.join([canonical(item, depth + 1) for item in value]) + (',)' if len(value) == 1 else ')')
    if isinstance(value, dict):
        # Counter, OrderedDict and defaultdict compare equal to a dict with the same items: the same text.
        return '{' + ','.join(sorted([canonical(key, depth + 1) + ':' + canonical(item, depth + 1) for key, item in dict.items(value)])) + '}'
    if t is set or t is frozenset:
        items = ','.join(sorted([canonical(item, depth + 1) for item in value]))
        if t is frozenset:
            return 'frozenset({' + items + '})'
        return '{' + items + '}' if items else 'set()'
    if isinstance(value, bool):
        return js(bool(value))
    if isinstance(value, int):
        return js(int.__int__(value))
    if isinstance(value, float):
        return js(float.__float__(value))
    if isinstance(value, str):
        return js(str.__str__(value))
    if isinstance(value, (list, tuple)):
        return tname(value) + canonical((list if isinstance(value, list) else tuple)(value), depth)
    return f'<{tname(value)}>'


def describe(error):
    """'<type>: <message>' of anything raised, even an exception whose __str__ misbehaves."""
    try:
        name = tname(error)
        try:
            message = str(error)
            if type(message) is not str:
                message = '(its message is not a string)'
        except BaseException:
            message = '(its message cannot be read)'
        return truncate(f'{name}: {message}' if message else name)
    except BaseException:
        return 'an exception that cannot be described'


def _problem(value, tuples_ok, budget, ancestors):
    """None if value is plain JSON data, else [reason, path parts innermost first]."""
    t = type(value)
    if value is None or t is bool or t is int:
        return None
    if t is float:
        return None if value - value == 0.0 else [f'is {value!r}, not a finite number', []]
    if t is str:
        budget[0] -= len(value)
        return None if budget[0] >= 0 else [f'makes the value larger than {MAX_VALUE_CHARS} characters', []]
    if t is list or t is tuple or t is dict:
        for ancestor in ancestors:
            if ancestor is value:
                return ['refers back to an enclosing value (a cycle)', []]
        if len(ancestors) >= MAX_DEPTH:
            return [f'is nested more than {MAX_DEPTH} levels deep', []]
        if t is tuple and not tuples_ok:
            return ['is a tuple, not a list (a tuple does not survive a JSON round trip)', []]
        budget[0] -= len(value)
        if budget[0] < 0:
            return [f'makes the value larger than {MAX_VALUE_CHARS} characters', []]
        ancestors.append(value)
        if t is dict:
            for key, item in dict.items(value):
                if type(key) is not str:
                    ancestors.pop()
                    return [f'has the key {js(key)} of type {tname(key)}; JSON keys are strings', []]
                budget[0] -= len(key)
                found = _problem(item, tuples_ok, budget, ancestors)
                if found is not None:
                    found[1].append(f'[{_encode_plain(key)}]')
                    ancestors.pop()
                    return found
        else:
            for index in range(len(value)):
                found = _problem(value[index], tuples_ok, budget, ancestors)
                if found is not None:
                    found[1].append(f'[{index}]')
                    ancestors.pop()
                    return found
        ancestors.pop()
        return None
    return [f'is a {tname(value)}, not JSON data', []]


def json_problem(value, root, tuples_ok):
    found = _problem(value, tuples_ok, [MAX_VALUE_CHARS], [])
    if found is None:
        return None
    return f"{root}{''.join(reversed(found[1]))} {found[0]}"


def json_equal(a, b):
    """Value equality of JSON data: key order ignored, booleans distinct from numbers (tuples as lists; anything else by ==)."""
    ta = type(a)
    tb = type(b)
    if ta is bool or tb is bool or a is None or b is None:
        return ta is tb and a == b
    if ta in (int, float) and tb in (int, float):
        return a == b
    if ta is str and tb is str:
        return a == b
    if (ta is list or ta is tuple) and (tb is list or tb is tuple):
        if len(a) != len(b):
            return False
        for i in range(len(a)):
            if not json_equal(a[i], b[i]):
                return False
        return True
    if ta is dict and tb is dict:
        if len(a) != len(b):
            return False
        for key in a:
            if key not in b or not json_equal(a[key], b[key]):
                return False
        return True
    return ta is tb and a == b


def is_number(x):
    t = type(x)
    return (t is int) or (t is float and x - x == 0.0)


def sign(x):
    return 1 if x > 0 else (-1 if x < 0 else 0)
