// The Python runtime every translated module starts with: small helpers that
// give JavaScript's semantics where Python's differ (truthiness, `%`, out of
// range reads, number to string conversion, default sort order, JSON text).
// Standard library only.

export const PYTHON_RUNTIME = String.raw`import json as _js_json
import math
import random
import re as _js_re
from functools import cmp_to_key as _js_cmp_to_key

Action = str
State = dict
CHANCE = -1
TERMINAL = -4


def _js_num_str(x):
    if isinstance(x, bool):
        return 'true' if x else 'false'
    if isinstance(x, int):
        return str(x)
    if x != x:
        return 'NaN'
    if x in (math.inf, -math.inf):
        return 'Infinity' if x > 0 else '-Infinity'
    if x == int(x) and abs(x) < 1e21:
        return str(int(x))
    text = repr(x)
    if 'e' not in text:
        return text
    if 1e-6 <= abs(x) < 1e21:
        # JavaScript writes these without an exponent: the same shortest digits, in fixed notation.
        return _js_fixed(text)
    mantissa, exponent = text.split('e')
    sign = '-' if exponent.startswith('-') else '+'
    return mantissa + 'e' + sign + exponent.lstrip('+-').lstrip('0')


def _js_fixed(text):
    sign = ''
    if text.startswith('-'):
        sign = '-'
        text = text[1:]
    mantissa, exponent = text.split('e')
    digits = mantissa.replace('.', '')
    point = (mantissa.index('.') if '.' in mantissa else len(mantissa)) + int(exponent)
    if point <= 0:
        return sign + '0.' + '0' * (-point) + digits
    if point >= len(digits):
        return sign + digits + '0' * (point - len(digits))
    return sign + digits[:point] + '.' + digits[point:]


def _js_str(x):
    if x is None:
        return 'null'
    if isinstance(x, (bool, int, float)):
        return _js_num_str(x)
    if isinstance(x, (list, tuple)):
        return ','.join('' if v is None else _js_str(v) for v in x)
    if isinstance(x, dict):
        return '[object Object]'
    return x


def _js_truthy(x):
    if x is None or x is False:
        return False
    if isinstance(x, (int, float)):
        return x == x and x != 0
    if isinstance(x, str):
        return len(x) > 0
    return True


def _js_index(i):
    if isinstance(i, float) and i.is_integer():
        return int(i)
    return i


def _js_get(seq, i):
    i = _js_index(i)
    if isinstance(i, int) and not isinstance(i, bool) and 0 <= i < len(seq):
        return seq[i]
    return None


def _js_set(seq, i, value):
    i = _js_index(i)
    if i < len(seq):
        seq[i] = value
    else:
        seq.extend([None] * (i - len(seq)))
        seq.append(value)
    return value


def _js_set_length(seq, n):
    # JavaScript's "xs.length = n": truncates in place, or pads with holes (undefined).
    n = _js_index(n)
    if n < len(seq):
        del seq[n:]
    else:
        seq.extend([None] * (n - len(seq)))


def _js_key(k):
    return k if isinstance(k, str) else _js_str(k)


def _js_mod(a, b):
    if isinstance(a, int) and isinstance(b, int) and b != 0:
        r = abs(a) % abs(b)
        return -r if a < 0 else r
    if b == 0:
        return math.nan
    return math.fmod(a, b)


def _js_div(a, b):
    if b == 0:
        if a == 0 or a != a:
            return math.nan
        return math.inf if (a > 0) == (math.copysign(1, b) > 0) else -math.inf
    return a / b


def _js_round(x):
    return math.floor(x + 0.5)


def _js_index_of(seq, x, start=0):
    start = _js_index(start)
    if isinstance(seq, str):
        return seq.find(x, start)
    for i in range(max(start, 0), len(seq)):
        if _js_strict_eq(seq[i], x):
            return i
    return -1


def _js_includes(seq, x):
    if isinstance(seq, str):
        return x in seq
    return _js_index_of(seq, x) >= 0


def _js_strict_eq(a, b):
    if isinstance(a, (list, dict)) or isinstance(b, (list, dict)):
        return a is b
    if isinstance(a, bool) != isinstance(b, bool):
        return False
    return a == b


def _js_join(seq, sep=','):
    return sep.join('' if v is None else _js_str(v) for v in seq)


def _js_split(s, sep):
    if sep == '':
        return list(s)
    return s.split(sep)


def _js_sort(seq, compare=None):
    if compare is None:
        seq.sort(key=lambda v: (v is None, '' if v is None else _js_str(v)))
    else:
        seq.sort(key=_js_cmp_to_key(lambda a, b: compare(a, b)))
    return seq


def _js_splice(seq, start, count=None, *items):
    start = _js_index(start)
    if start < 0:
        start = max(len(seq) + start, 0)
    start = min(start, len(seq))
    if count is None:
        count = len(seq) - start
    count = max(min(count, len(seq) - start), 0)
    removed = seq[start:start + count]
    seq[start:start + count] = list(items)
    return removed


def _js_slice(seq, start=0, end=None):
    start = _js_index(start)
    end = _js_index(end)
    return seq[start:end] if end is not None else seq[start:]


def _js_pop(seq):
    return seq.pop() if len(seq) > 0 else None


def _js_shift(seq):
    return seq.pop(0) if len(seq) > 0 else None


def _js_fill(seq, value, start=0, end=None):
    end = len(seq) if end is None else end
    for i in range(start, end):
        seq[i] = value
    return seq


def _js_find(seq, predicate):
    for i, v in enumerate(seq):
        if _js_truthy(predicate(v, i)):
            return v
    return None


def _js_find_index(seq, predicate):
    for i, v in enumerate(seq):
        if _js_truthy(predicate(v, i)):
            return i
    return -1


def _js_reduce(seq, reducer, *initial):
    items = list(seq)
    if initial:
        acc = initial[0]
        start = 0
    else:
        acc = items[0]
        start = 1
    for i in range(start, len(items)):
        acc = reducer(acc, items[i], i)
    return acc


def _js_pad_start(s, n, fill=' '):
    s = _js_str(s)
    if len(s) >= n or fill == '':
        return s
    pad = (fill * n)[:n - len(s)]
    return pad + s


def _js_pad_end(s, n, fill=' '):
    s = _js_str(s)
    if len(s) >= n or fill == '':
        return s
    return s + (fill * n)[:n - len(s)]


def _js_char_at(s, i):
    i = _js_index(i)
    return s[i] if 0 <= i < len(s) else ''


def _js_char_code_at(s, i):
    i = _js_index(i)
    return ord(s[i]) if 0 <= i < len(s) else math.nan


def _js_max(*values):
    return max(values) if len(values) > 0 else -math.inf


def _js_min(*values):
    return min(values) if len(values) > 0 else math.inf


def _js_sign(x):
    return (x > 0) - (x < 0) if x == x else math.nan


def _js_trunc(x):
    return math.trunc(x)


def _js_number(x):
    if x is None:
        return 0
    if isinstance(x, bool):
        return 1 if x else 0
    if isinstance(x, (int, float)):
        return x
    text = x.strip()
    if text == '':
        return 0
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return math.nan


def _js_parse_int(s, base=10):
    text = _js_str(s).strip()
    sign = 1
    if text[:1] in ('-', '+'):
        sign = -1 if text[0] == '-' else 1
        text = text[1:]
    digits = ''
    for ch in text:
        if ch.isdigit() and int(ch) < base:
            digits += ch
        else:
            break
    return sign * int(digits, base) if digits != '' else math.nan


def _js_is_integer(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool) and x == x and x not in (math.inf, -math.inf) and x == int(x)


def _js_typeof(x):
    if x is None:
        return 'object'
    if isinstance(x, bool):
        return 'boolean'
    if isinstance(x, (int, float)):
        return 'number'
    if isinstance(x, str):
        return 'string'
    if callable(x):
        return 'function'
    return 'object'


def _js_plain(x):
    if isinstance(x, float) and x == x and x not in (math.inf, -math.inf) and x == int(x):
        return int(x)
    if isinstance(x, (list, tuple)):
        return [_js_plain(v) for v in x]
    if isinstance(x, dict):
        return {k: _js_plain(v) for k, v in x.items()}
    return x


def _js_json_stringify(x):
    return _js_json.dumps(_js_plain(x), separators=(',', ':'), ensure_ascii=False)


def _js_keys(o):
    if isinstance(o, list):
        return [str(i) for i in range(len(o))]
    return list(o.keys())


def _js_values(o):
    return list(o) if isinstance(o, list) else list(o.values())


def _js_entries(o):
    if isinstance(o, list):
        return [[str(i), v] for i, v in enumerate(o)]
    return [[k, v] for k, v in o.items()]


def _js_array_from(length, fn=None):
    return [fn(None, i) if fn is not None else None for i in range(length)]


def _js_throw(message):
    raise ValueError(_js_str(message))


class _JsRegExp:
    # A regular expression literal: the compiled pattern and whether it has the g flag.
    __slots__ = ('rx', 'glob')

    def __init__(self, pattern, ignore_case, glob):
        self.rx = _js_re.compile(pattern, _js_re.ASCII | (_js_re.IGNORECASE if ignore_case else 0))
        self.glob = glob


def _js_regex(pattern, ignore_case, glob):
    return _JsRegExp(pattern, ignore_case, glob)


def _js_re_exec(r, s):
    # exec / match without g: [whole match, groups...] (None for a group that did not take part), or None.
    m = r.rx.search(s)
    return None if m is None else [m.group(0), *m.groups()]


def _js_re_test(r, s):
    return r.rx.search(s) is not None


def _js_re_match(r, s):
    if not r.glob:
        return _js_re_exec(r, s)
    found = [m.group(0) for m in r.rx.finditer(s)]
    return found if found else None


def _js_re_search(r, s):
    m = r.rx.search(s)
    return -1 if m is None else m.start()


def _js_re_replace(r, s, replacement, every=False):
    def expand(m):
        if callable(replacement):
            return _js_str(replacement(m.group(0), *m.groups(), m.start(), s))
        return _js_re_expand(replacement, m, s)
    return r.rx.sub(expand, s, count=0 if (r.glob or every) else 1)


def _js_re_expand(text, m, s):
    # JavaScript's replacement patterns: $$, $&, the text before and after the match, $1..$99.
    out = []
    i = 0
    groups = m.re.groups
    while i < len(text):
        c = text[i]
        d = text[i + 1] if i + 1 < len(text) else ''
        if c == '$' and d != '':
            if d == '$':
                out.append('$')
                i += 2
                continue
            if d == '&':
                out.append(m.group(0))
                i += 2
                continue
            if d == chr(96):
                out.append(s[:m.start()])
                i += 2
                continue
            if d == "'":
                out.append(s[m.end():])
                i += 2
                continue
            if d in '0123456789':
                two = text[i + 1:i + 3]
                if len(two) == 2 and two[1] in '0123456789' and 1 <= int(two) <= groups:
                    out.append(m.group(int(two)) or '')
                    i += 3
                    continue
                if 1 <= int(d) <= groups:
                    out.append(m.group(int(d)) or '')
                    i += 2
                    continue
        out.append(c)
        i += 1
    return ''.join(out)


def _js_re_split(r, s, limit=None):
    # String.prototype.split with a regular expression, step by step as ECMAScript specifies it.
    out = []
    if len(s) == 0:
        out = [] if r.rx.match(s, 0) is not None else [s]
    else:
        p = 0
        q = 0
        while q < len(s):
            m = r.rx.match(s, q)
            if m is None or m.end() == p:
                q += 1
                continue
            out.append(s[p:q])
            out.extend(m.groups())
            p = m.end()
            q = p
        out.append(s[p:])
    return out if limit is None else out[:max(_js_index(limit), 0)]


def _js_map_set(m, key, value):
    m[key] = value
    return m


def _js_set_add(s, value):
    s[value] = None
    return s


def _js_map_delete(m, key):
    if key in m:
        del m[key]
        return True
    return False


def _js_map_entries(m):
    return [[k, v] for k, v in m.items()]


def _js_map_from(entries):
    m = {}
    for entry in entries:
        m[_js_get(entry, 0)] = _js_get(entry, 1)
    return m


def _js_flat(seq):
    out = []
    for v in seq:
        if isinstance(v, list):
            out.extend(v)
        else:
            out.append(v)
    return out


def _js_last_index_of(seq, x):
    if isinstance(seq, str):
        return seq.rfind(x)
    for i in range(len(seq) - 1, -1, -1):
        if _js_strict_eq(seq[i], x):
            return i
    return -1


def _js_from_entries(entries):
    return {_js_key(_js_get(e, 0)): _js_get(e, 1) for e in entries}


def _js_parse_float(s):
    match = _js_re.match(r'\s*([+-]?(?:Infinity|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?))', _js_str(s))
    if match is None:
        return math.nan
    text = match.group(1)
    if text.endswith('Infinity'):
        return -math.inf if text.startswith('-') else math.inf
    value = float(text)
    return int(value) if value.is_integer() and abs(value) < 2 ** 53 and 'e' not in text.lower() and '.' not in text else value


def _js_int32(x):
    # ECMAScript ToInt32: truncate, wrap modulo 2**32, NaN and infinities give 0.
    if isinstance(x, float):
        if x != x or x in (math.inf, -math.inf):
            return 0
        x = int(x)
    x = int(x) & 0xFFFFFFFF
    return x - 0x100000000 if x >= 0x80000000 else x


def _js_shift_count(b):
    return _js_int32(b) & 31


def _js_shl(a, b):
    return _js_int32(_js_int32(a) << _js_shift_count(b))


def _js_shr(a, b):
    return _js_int32(a) >> _js_shift_count(b)


def _js_ushr(a, b):
    return (_js_int32(a) & 0xFFFFFFFF) >> _js_shift_count(b)


def _js_assign(target, *sources):
    for source in sources:
        if source is not None:
            target.update(source)
    return target


class _JsJump(BaseException):
    # A labelled break or continue: ('break' or 'continue', the label's id). Not an Exception, so
    # a translated catch block (except Exception) does not stop it, as JavaScript's catch does not.
    pass
`;
