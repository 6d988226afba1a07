#!/usr/bin/env python3
"""Runs one paper-format Python CWM in a hardened process and serves requests.

Usage:
    python3 -I -S -B python/gamecwm_runner.py MODULE.py [--memory-mb N] [--cpu-seconds N]

A paper-format CWM is a module of functions: get_initial_state(),
apply_action(state, action), get_current_player(state), get_player_name(p),
get_rewards(state), get_legal_actions(state), get_observations(state),
optionally get_chance_outcomes(state) (uniform over the legal actions when
absent) and, for imperfect information, resample_history(history, player)
(which draws from Python's `random`). States are dicts, actions strings, the
chance player is -1 and the terminal player -4. A module may also define
resample_history_with_random(history, player, random) (translated modules
do): ISMCTS then calls it with a random() over the search's own generator,
as the TypeScript search calls resampleHistory.

Hardening, before the module runs (see DESIGN.md, "Security model"):
- resource limits: address space (--memory-mb, default 512), CPU time
  (--cpu-seconds, default 600; SIGXCPU ends the process), no new processes,
  no file writes (RLIMIT_FSIZE 0), no core files, few file descriptors;
- an audit hook (sys.addaudithook) that refuses: open() of anything but the
  module file and Python's own standard library (read-only), every os.*
  event (system, exec, spawn, fork, kill, remove, rename, mkdir, chmod, ...),
  subprocess, sockets, ctypes, mmap, signal, gc introspection, sys tracing,
  frame access, code-object construction, marshal, and any import outside
  the allowlist below (importlib.import_module raises no "import" event, so
  loading further modules is also stopped by refusing marshal, compiling
  standard-library source and loading builtin or extension modules);
- process-wide functions that carry no audit event and could act outside
  the process (os.mkfifo, os.mknod, os.setpriority, pidfd, clock_settime,
  thread creation, loading builtin or extension modules) are removed;
- the module gets its own builtins whose __import__ only allows: random, math,
  json, copy, itertools, functools, collections, typing, dataclasses, re,
  string, enum, heapq, bisect, operator, fractions, statistics, abc (and
  __future__);
- the module's `import copy` gets a private instance of copy whose id() is
  object.__hash__ (unique for live objects, no audit event), so deepcopy-heavy
  modules do not pay an audit-hook call per copied object;
- the response channel is a private duplicate of stdout; file descriptor 1
  becomes stderr (or /dev/null when stderr is a file) and stdin /dev/null, so
  print() and input() in the module never touch the protocol. stdout must be
  a pipe or a terminal: RLIMIT_FSIZE 0 forbids writing a regular file;
- the runner keeps its own copy of the builtins and captures the C functions
  it needs (JSON, math, clock, I/O) before the module loads, defines no
  classes with methods, and leaves no reference to itself in sys.modules, so
  a module that reaches the shared standard library cannot change how the
  checks compute. This is defence in depth, not a security boundary: in-process
  Python cannot be made tamper-proof, so the real guarantees are the resource
  limits and the audit hook (and, running as root, RLIMIT_NPROC is not
  enforced by Linux: the audit hook alone stops new processes).

Protocol: one JSON request per line on stdin, one JSON response per line on
stdout, nothing else on stdout.
    request  {"id": n, "op": "...", ...fields}
    response {"id": n, "ok": true, "result": ...}
           | {"id": n, "ok": false, "error": "<type>: <message>"}
If the environment variable GAMECWM_RUNNER_TOKEN is set, every response also
carries {"token": <its value>}; the value is removed from the environment
before the module loads, so the module cannot forge responses by writing to
the channel's file descriptor.

Ops (field names are snake_case; results as described in each function below):
    exports      -> the contract functions the module defines
    call         {fn, args, seed?} -> one function call (JSON in, JSON out)
    replay       {actions} -> per state: player, legal, rewards, observations, chance
    dynamics     {players, utility, max_game_length, playouts, seed}
    information  {players, max_game_length, histories, seed}
    scenarios    {scenarios}
    differential {trajectories: [{actions, expected: [{player, legal, rewards}]}]}
    playouts     {count, seed, max_game_length?}
    mcts         {iterations, c, rollouts, players, reward_range, max_game_length, seed, state?, max_nodes?, time_ms?}
    ismcts       {history, player, legal_actions, ...the mcts options}
The checks mirror src/verifier/{dynamics,information,scenarios,differential}.ts
and the searches src/mcts/{uct,ismcts}.ts (same seeded generator, so the same
seed on the same game gives the same search as the TypeScript one).
"""

# The runner's own builtins: a private copy, made before any untrusted code
# runs, so a module that reaches the shared `builtins` module and replaces
# len or isinstance there cannot change how the checks compute. Functions
# defined below capture this dict as their builtins.
import builtins as _builtins_module

__builtins__ = dict(_builtins_module.__dict__)

import _json  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import os  # noqa: E402
import posix  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import stat  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import types  # noqa: E402

ALLOWED_IMPORTS = (
    'random', 'math', 'json', 'copy', 'itertools', 'functools', 'collections', 'typing', 'dataclasses', 're',
    'string', 'enum', 'heapq', 'bisect', 'operator', 'fractions', 'statistics', 'abc',
    '__future__',  # `from __future__ import annotations` is common and harmless
)
# Loaded before hardening so that no import of them needs a file later.
PRELOADED_CODECS = ('encodings.latin_1', 'encodings.ascii', 'encodings.utf_16', 'encodings.utf_32', 'encodings.raw_unicode_escape', 'encodings.unicode_escape')

CONTRACT = (
    'get_initial_state', 'apply_action', 'get_current_player', 'get_player_name', 'get_rewards',
    'get_legal_actions', 'get_observations', 'get_chance_outcomes', 'resample_history',
)
CHANCE = -1
TERMINAL = -4
EPSILON = 1e-9
MAX_VALUE_CHARS = 1_000_000
MAX_MESSAGE_LENGTH = 600
MAX_DEPTH = 200
DEFAULT_MEMORY_MB = 512
DEFAULT_CPU_SECONDS = 600
MAX_RESPONSE_CHARS = 64_000_000

DYNAMICS_CHECKS = (
    'no-crash', 'no-mutation', 'deterministic', 'current-player-valid', 'terminal-has-no-actions',
    'legal-actions-valid', 'chance-distribution', 'rewards-well-formed', 'utility-kind',
    'observations-well-formed', 'state-is-json', 'length-bounded', 'player-names',
)
INFORMATION_CHECKS = ('resample-runs', 'resample-legal', 'resample-consistent')
DIFFERENTIAL_CHECKS = ('same-legal-actions', 'same-current-player', 'same-rewards', 'same-terminal', 'candidate-accepts-actions')

# Exception types without methods: nothing reachable from them leads back here.
NonJsonValueError = type('NonJsonValueError', (Exception,), {})
MutationError = type('MutationError', (Exception,), {})
SearchError = type('SearchError', (Exception,), {})
ProtocolError = type('ProtocolError', (Exception,), {})
LoadError = type('LoadError', (Exception,), {})
Error = type('Error', (Exception,), {})

# C-level callables captured now; a module that patches json, math or time
# afterwards changes nothing here.
_make_encoder = _json.make_encoder
_encode_ascii = _json.encode_basestring_ascii
_encode_plain = _json.encode_basestring
_scan_once = _json.make_scanner(json.JSONDecoder())
_log = math.log
_sqrt = math.sqrt
_floor = math.floor
_clock = time.perf_counter
_read = posix.read
_write = posix.write
_exit = posix._exit
_type_name = type.__dict__['__name__'].__get__
_INF = float('inf')
M32 = 0xFFFFFFFF


# ---------------------------------------------------------------------------
# JSON text, values and messages

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


def nonjson(check, message):
    error = NonJsonValueError(truncate(message))
    error.check = check
    return error


def copy_json(value, what, check, root='$', tuples_ok=True):
    """A private copy of plain JSON data (tuples become lists), or NonJsonValueError."""
    problem = json_problem(value, root, tuples_ok)
    if problem is not None:
        raise nonjson(check, f'{what} is not plain JSON data (it must survive json.loads(json.dumps(x))): {problem}')
    return loads(dumps(value))


def json_equal(a, b):
    """Value equality of JSON data: key order ignored, booleans distinct from numbers."""
    ta = type(a)
    tb = type(b)
    if ta is bool or tb is bool or a is None or b is None:
        return ta is tb and a == b
    if ta in (int, float) and tb in (int, float):
        return a == b
    if ta is str and tb is str:
        return a == b
    if ta is list and tb is list:
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
    return False


def is_number(x):
    t = type(x)
    return (t is int) or (t is float and x - x == 0.0)


def sign(x):
    return 1 if x > 0 else (-1 if x < 0 else 0)


# ---------------------------------------------------------------------------
# The seeded generator of src/engine/rng.ts (xoshiro128** seeded through
# splitmix32), bit for bit. A generator is a list [a, b, c, d, seed].

def _splitmix_step(s):
    s = (s + 0x9E3779B9) & M32
    z = s
    z = ((z ^ (z >> 16)) * 0x85EBCA6B) & M32
    z = ((z ^ (z >> 13)) * 0xC2B2AE35) & M32
    return s, (z ^ (z >> 16)) & M32


def to_uint32(seed):
    return int(seed) & M32


def rng_new(seed):
    s = to_uint32(seed)
    s, a = _splitmix_step(s)
    s, b = _splitmix_step(s)
    s, c = _splitmix_step(s)
    s, d = _splitmix_step(s)
    if (a | b | c | d) == 0:
        a = 1
    return [a, b, c, d, seed]


def derive_seed(seed, *labels):
    h = _splitmix_step(to_uint32(seed))[1]
    for label in labels:
        h = _splitmix_step((h ^ (((label & M32) * 0x27D4EB2D) & M32)) & M32)[1]
    return h


# The generator's step, compiled once and run in fresh namespaces that hold
# nothing else: the runner's own copy here, and a private copy per ISMCTS
# search whose draw function a translated module receives (see ismcts_search).
# The module can reach that function's globals and closure, and they lead
# nowhere but to that copy and the search's generator state.
_RNG_STEP = compile('''
M32 = 0xFFFFFFFF


def rng_u32(r):
    a, b, c, d = r[0], r[1], r[2], r[3]
    x = (b * 5) & M32
    result = (((((x << 7) | (x >> 25)) & M32) * 9) & M32)
    t = (b << 9) & M32
    c ^= a
    d ^= b
    b ^= c
    a ^= d
    c ^= t
    d = ((d << 11) | (d >> 21)) & M32
    r[0] = a
    r[1] = b
    r[2] = c
    r[3] = d
    return result


def rng_random(r):
    return rng_u32(r) / 4294967296.0


def draw_function(r):
    """random() over generator r, for code outside the runner."""
    return lambda: rng_random(r)
''', '<gamecwm rng>', 'exec', dont_inherit=True)


def rng_step():
    namespace = {'__builtins__': {}}
    exec(_RNG_STEP, namespace)
    return namespace


_own_step = rng_step()
rng_u32 = _own_step['rng_u32']
rng_random = _own_step['rng_random']


def rng_int(r, n):
    return int(rng_random(r) * n)


def rng_pick(r, items):
    if len(items) == 0:
        raise Error('cannot pick from an empty list')
    return items[rng_int(r, len(items))]


def rng_derive(r, *labels):
    return rng_new(derive_seed(r[4], *labels))


# ---------------------------------------------------------------------------
# Check results (src/verifier/check-result.ts): each keeps its first failure.

def recorder(names):
    return {name: {'name': name, 'passed': True} for name in names}


def record_fail(rec, name, message, actions=None):
    result = rec[name]
    if not result['passed']:
        return
    result['passed'] = False
    result['message'] = truncate(message)
    if actions is not None:
        result['actions'] = list(actions)


def has_failed(rec, name):
    return not rec[name]['passed']


def check_list(rec):
    return list(rec.values())


# ---------------------------------------------------------------------------
# Chance

def sample_outcome(outcomes, u):
    if len(outcomes) == 0:
        raise Error('a chance node has no outcomes')
    total = 0
    for outcome in outcomes:
        total += outcome[1]
    threshold = u * total
    for outcome in outcomes:
        threshold -= outcome[1]
        if threshold < 0:
            return outcome[0]
    return outcomes[len(outcomes) - 1][0]


# ---------------------------------------------------------------------------
# The module as the checks see it (src/verifier/guard.ts): every state is
# kept as its JSON text and handed to the module as a fresh copy; results are
# validated and copied. With `strict` (the dynamics tier) a call that changes
# its input state raises MutationError.

def make_game(ns, strict):
    def fn(name):
        f = ns.get(name)
        if f is None or not callable(f):
            raise Error(f'the module does not define a function {name}')
        return f

    def with_state(name, text, *extra):
        arg = loads(text)
        result = fn(name)(arg, *extra)
        if strict:
            try:
                same = dumps(arg) == text
            except BaseException:
                same = False
            if not same:
                raise MutationError(f'{name} modified its input state')
        return result

    def state_text(value, what, check):
        problem = json_problem(value, 'state', False)
        if problem is not None:
            raise nonjson(check, f'{what} is not plain JSON data (it must survive json.loads(json.dumps(x))): {problem}')
        return dumps(value)

    def init():
        return state_text(fn('get_initial_state')(), 'the state from get_initial_state()', 'state-is-json')

    def apply(text, action):
        return state_text(with_state('apply_action', text, action), f'the state from apply_action(state, "{action}")', 'state-is-json')

    def player(text):
        p = with_state('get_current_player', text)
        if type(p) is not int:
            raise nonjson('current-player-valid', f'get_current_player returned {js(p)} (a {tname(p)}); expected an int')
        return p

    def name(p):
        n = fn('get_player_name')(p)
        if type(n) is not str:
            raise nonjson('player-names', f'get_player_name({p}) returned a {tname(n)}; expected a str')
        return n

    def rewards(text):
        return copy_json(with_state('get_rewards', text), 'the rewards', 'rewards-well-formed', 'rewards')

    def legal(text):
        return copy_json(with_state('get_legal_actions', text), 'the list of legal actions', 'legal-actions-valid', 'legal_actions')

    def observations(text):
        return copy_json(with_state('get_observations', text), 'the observations', 'observations-well-formed', 'observations')

    def chance_outcomes(text):
        """The outcomes of a chance node with probabilities (uniform over the legal actions if the module gives none)."""
        if callable(ns.get('get_chance_outcomes')):
            return copy_json(with_state('get_chance_outcomes', text), 'the chance outcomes', 'chance-distribution', 'chance_outcomes')
        actions = legal(text)
        return [[a, 1 / len(actions)] for a in actions]

    def resample(history, p):
        data = [(item[0], item[1]) for item in loads(dumps(history))]
        result = fn('resample_history')(data, p)
        return copy_json(result, 'the resampled actions', 'resample-runs', 'actions')

    return {
        'init': init, 'apply': apply, 'player': player, 'name': name, 'rewards': rewards, 'legal': legal,
        'observations': observations, 'chance_outcomes': chance_outcomes, 'resample': resample,
        'has_resample': lambda: callable(ns.get('resample_history')),
    }


def outcome_pairs(outcomes):
    """The outcomes as [action, probability] pairs with numbers, or None if they are not."""
    if type(outcomes) is not list:
        return None
    for outcome in outcomes:
        if type(outcome) is not list or len(outcome) != 2 or type(outcome[0]) is not str or not is_number(outcome[1]):
            return None
    return outcomes


# ---------------------------------------------------------------------------
# Dynamics tier (src/verifier/dynamics.ts)

def check_dynamics(ns, players, utility, max_game_length, playouts, seed):
    rec = recorder(DYNAMICS_CHECKS)
    game = make_game(ns, True)
    for p in range(players):
        try:
            name = game['name'](p)
            if len(name) == 0:
                record_fail(rec, 'player-names', f'get_player_name({p}) returned ""; expected a non-empty string')
        except MemoryError:
            raise
        except BaseException as error:
            record_fail(rec, 'player-names', f'get_player_name({p}) raised {describe(error)}')
    steps = 0
    terminal_playouts = 0
    base = rng_new(seed)
    for i in range(playouts):
        count, terminal = dynamics_playout(game, players, utility, max_game_length, rng_derive(base, i), rec)
        steps += count
        if terminal:
            terminal_playouts += 1
    return {'checks': check_list(rec), 'playouts': playouts, 'steps': steps, 'terminal_playouts': terminal_playouts}


def dynamics_playout(game, players, utility, max_game_length, rng, rec):
    actions = []
    stage = 'get_initial_state()'
    try:
        state = game['init']()
        again = game['init']()
        if state != again and not json_equal(loads(state), loads(again)):
            record_fail(rec, 'deterministic', 'get_initial_state returned different states on two calls', actions)
        while True:
            stage = 'get_current_player(state)'
            player = game['player'](state)
            if not (player == CHANCE or player == TERMINAL or 0 <= player < players):
                record_fail(rec, 'current-player-valid', f'get_current_player returned {js(player)}; expected 0..{players - 1}, -1 (chance) or -4 (terminal)', actions)
                return len(actions), False
            stage = 'get_legal_actions(state)'
            legal = game['legal'](state)
            stage = 'get_rewards(state)'
            check_rewards(game['rewards'](state), player == TERMINAL, players, utility, actions, rec)
            stage = 'get_observations(state)'
            observations = game['observations'](state)
            if type(observations) is not list or len(observations) != players:
                got = f'{len(observations)} observations' if type(observations) is list else f'a {tname(observations)}'
                record_fail(rec, 'observations-well-formed', f'get_observations returned {got}; expected one per player ({players})', actions)
            if player == TERMINAL:
                if type(legal) is not list or len(legal) != 0:
                    record_fail(rec, 'terminal-has-no-actions', f'get_legal_actions returned {js(legal)} at a terminal state; expected []', actions)
                return len(actions), True
            if not check_legal_actions(legal, actions, rec):
                return len(actions), False
            if len(actions) >= max_game_length:
                record_fail(rec, 'length-bounded', f'the game is not over after {len(actions)} actions; it should end within {max_game_length}', actions)
                return len(actions), False
            if player == CHANCE:
                stage = 'get_chance_outcomes(state)'
                outcomes = game['chance_outcomes'](state)
                if not check_chance(outcomes, legal, actions, rec):
                    return len(actions), False
                action = sample_outcome(outcomes, rng_random(rng))
            else:
                action = legal[rng_int(rng, len(legal))]
            stage = f'apply_action(state, "{action}")'
            following = game['apply'](state, action)
            repeated = game['apply'](state, action)
            if following != repeated and not json_equal(loads(following), loads(repeated)):
                record_fail(rec, 'deterministic', f'apply_action(state, "{action}") returned different states on two calls with the same input', actions)
            actions.append(action)
            state = following
    except NonJsonValueError as error:
        record_fail(rec, error.check, str(error), actions)
        return len(actions), False
    except MutationError:
        record_fail(rec, 'no-mutation', f'{stage} modified its input state; copy the state before changing it (for example with copy.deepcopy)', actions)
        return len(actions), False
    except MemoryError:
        raise
    except BaseException as error:
        record_fail(rec, 'no-crash', f'{stage} raised {describe(error)}', actions)
        return len(actions), False


def check_legal_actions(legal, actions, rec):
    if type(legal) is not list or len(legal) == 0:
        record_fail(rec, 'legal-actions-valid', f'get_legal_actions returned {js(legal)} at a non-terminal state; expected a non-empty list of strings', actions)
        return False
    seen = set()
    for action in legal:
        if type(action) is not str:
            record_fail(rec, 'legal-actions-valid', f'get_legal_actions returned a non-string action {js(action)}', actions)
            return False
        if action in seen:
            record_fail(rec, 'legal-actions-valid', f'get_legal_actions lists "{action}" twice', actions)
        seen.add(action)
    return True


def check_chance(outcomes, legal, actions, rec):
    """Records what is wrong with a chance distribution; False if it cannot even be sampled."""
    if outcome_pairs(outcomes) is None:
        record_fail(rec, 'chance-distribution', f'get_chance_outcomes returned {js(outcomes)}; expected a list of (action, probability) pairs', actions)
        return False
    if has_failed(rec, 'chance-distribution'):
        return True
    total = 0
    for action, p in outcomes:
        if not (p > 0 and p <= 1 + EPSILON):
            record_fail(rec, 'chance-distribution', f'chance outcome "{action}" has probability {js(p)}; each must be in (0, 1]', actions)
            return True
        total += p
    if abs(total - 1) > 1e-6:
        record_fail(rec, 'chance-distribution', f'chance probabilities sum to {js(total)}; they must sum to 1', actions)
        return True
    outcome_set = sorted(outcome[0] for outcome in outcomes)
    legal_set = sorted(legal)
    if outcome_set != legal_set:
        record_fail(rec, 'chance-distribution', f'get_chance_outcomes lists {js(outcome_set)} but get_legal_actions lists {js(legal_set)}; they must be the same outcomes', actions)
    return True


def check_rewards(rewards, terminal, players, utility, actions, rec):
    if type(rewards) is not list or len(rewards) != players or not all(is_number(r) for r in rewards):
        record_fail(rec, 'rewards-well-formed', f'get_rewards returned {js(rewards)}; expected {players} finite numbers', actions)
        return
    if not terminal:
        return
    if utility == 'zero-sum':
        total = sum(rewards)
        if abs(total) > 1e-6:
            record_fail(rec, 'utility-kind', f'terminal rewards {js(rewards)} sum to {js(total)}; this game is zero-sum', actions)
    elif utility == 'identical' and any(r != rewards[0] for r in rewards):
        record_fail(rec, 'utility-kind', f'terminal rewards {js(rewards)} differ; this game gives every player the same reward', actions)


# ---------------------------------------------------------------------------
# Information tier (src/verifier/information.ts)

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


# ---------------------------------------------------------------------------
# Scenarios tier (src/verifier/scenarios.ts)

def check_scenarios(ns, scenarios):
    game = make_game(ns, False)
    results = []
    for scenario in scenarios:
        if type(scenario) is not dict or type(scenario.get('name')) is not str or type(scenario.get('actions')) is not list \
                or type(scenario.get('expect', {})) is not dict:
            raise ProtocolError('each scenario needs a "name" string, an "actions" list and an "expect" object')
        message = scenario_problem(game, scenario)
        result = {'name': f"scenario: {scenario['name']}", 'passed': message is None}
        if message is not None:
            result['message'] = truncate(message)
            result['actions'] = list(scenario['actions'])
        results.append(result)
    return results


def winner_of(returns):
    best = -_INF
    winner = None
    for p in range(len(returns)):
        if returns[p] > best:
            best = returns[p]
            winner = p
        elif returns[p] == best:
            winner = None
    return winner


def same_numbers(a, b):
    if type(a) is not list or len(a) != len(b):
        return False
    for i in range(len(a)):
        if not is_number(a[i]) or not is_number(b[i]) or abs(a[i] - b[i]) >= 1e-9:
            return False
    return True


def scenario_problem(game, scenario):
    actions = scenario['actions']
    expect = scenario.get('expect') or {}
    try:
        state = game['init']()
    except MemoryError:
        raise
    except BaseException as error:
        return f'get_initial_state raised {describe(error)}'
    for i in range(len(actions)):
        action = actions[i]
        try:
            legal = game['legal'](state)
            if action not in legal:
                return f'action {i + 1} "{action}" should be legal after {js(actions[:i])} but the legal actions are {js(legal)}'
            state = game['apply'](state, action)
        except MemoryError:
            raise
        except BaseException as error:
            return f'action {i + 1} "{action}" raised {describe(error)}'
    after = f'after {js(actions)}'
    try:
        player = game['player'](state)
        terminal = expect.get('terminal')
        if terminal is not None and (player == TERMINAL) != terminal:
            return f"{after} the game should {'' if terminal else 'not '}be over, but the current player is {player}"
        current = expect.get('currentPlayer')
        if current is not None and player != current:
            return f'{after} the current player should be {js(current)}, not {player}'
        rewards = game['rewards'](state)
        if expect.get('rewards') is not None and not same_numbers(rewards, expect['rewards']):
            return f"{after} the rewards should be {js(expect['rewards'])}, not {js(rewards)}"
        if expect.get('rewardSigns') is not None:
            signs = [sign(r) for r in rewards] if type(rewards) is list and all(is_number(r) for r in rewards) else None
            if signs is None or not same_numbers(signs, expect['rewardSigns']):
                return f"{after} the rewards' signs should be {js(expect['rewardSigns'])}, but the rewards are {js(rewards)}"
        if 'winner' in expect:
            expected_winner = expect['winner']
            winner = winner_of(rewards) if type(rewards) is list and all(is_number(r) for r in rewards) else 'unknown'
            if winner != expected_winner:
                who = 'nobody (a tie)' if expected_winner is None else f'player {expected_winner}'
                return f'{after} the winner should be {who}, but the rewards are {js(rewards)}'
        legal = game['legal'](state)
        expected_legal = expect.get('legalActions')
        if expected_legal is not None and not same_set(legal, expected_legal):
            return f'{after} the legal actions should be {js(expected_legal)}, not {js(legal)}'
        for action in expect.get('illegalActions') or []:
            if action in legal:
                return f'{after} "{action}" should not be legal'
    except MemoryError:
        raise
    except BaseException as error:
        return f'{after} a query raised {describe(error)}'
    return None


def same_set(a, b):
    if type(a) is not list or len(a) != len(b) or not all(type(x) is str for x in a):
        return False
    return sorted(a) == sorted(b)


# ---------------------------------------------------------------------------
# Differential tier (src/verifier/differential.ts), against expected steps
# recorded from a reference implementation.

def check_differential(ns, trajectories):
    game = make_game(ns, False)
    rec = recorder(DIFFERENTIAL_CHECKS)
    steps = 0
    agreeing = 0
    for trajectory in trajectories:
        if type(trajectory) is not dict or type(trajectory.get('actions')) is not list or type(trajectory.get('expected')) is not list:
            raise ProtocolError('each trajectory needs an "actions" list and an "expected" list of {player, legal, rewards}')
        s, a = compare_trajectory(game, trajectory['actions'], trajectory['expected'], rec)
        steps += s
        agreeing += a
    return {
        'checks': check_list(rec), 'steps': steps, 'agreeing_steps': agreeing,
        'transition_accuracy': 0 if steps == 0 else agreeing / steps,
    }


def compare_trajectory(game, actions, expected, rec):
    done = []
    candidate = None
    candidate_error = ''
    try:
        candidate = game['init']()
    except MemoryError:
        raise
    except BaseException as error:
        candidate_error = f'get_initial_state raised {describe(error)}'
    steps = 0
    agreeing = 0
    for t in range(len(expected)):
        step = expected[t]
        if type(step) is not dict:
            raise ProtocolError('each expected step must be an object {player, legal, rewards}')
        steps += 1
        if candidate is None:
            record_fail(rec, 'candidate-accepts-actions', candidate_error, done)
        elif compare_step(game, candidate, step.get('player'), step.get('legal') or [], step.get('rewards') or [], done, rec):
            agreeing += 1
        if step.get('player') == TERMINAL or t >= len(actions) or t == len(expected) - 1:
            break
        action = actions[t]
        if candidate is not None:
            try:
                candidate = game['apply'](candidate, action)
            except MemoryError:
                raise
            except BaseException as error:
                candidate_error = f'apply_action(state, "{action}") raised {describe(error)}'
                candidate = None
        done.append(action)
    return steps, agreeing


def compare_step(game, state, ref_player, ref_legal, ref_rewards, actions, rec):
    try:
        agree = True
        player = game['player'](state)
        if (player == TERMINAL) != (ref_player == TERMINAL):
            record_fail(rec, 'same-terminal', f"the game should {'' if ref_player == TERMINAL else 'not '}be over here", actions)
            agree = False
        if player != ref_player:
            record_fail(rec, 'same-current-player', f'the current player is {player}; the rules say {js(ref_player)}', actions)
            agree = False
        legal = game['legal'](state)
        if type(legal) is not list:
            legal = []
        missing = [a for a in ref_legal if a not in legal]
        extra = [a for a in legal if a not in ref_legal]
        if missing or extra or len(legal) != len(ref_legal):
            parts = []
            if missing:
                parts.append(f'missing {js(missing)}')
            if extra:
                parts.append(f'should not allow {js(extra)}')
            if not parts:
                parts.append('lists an action twice')
            record_fail(rec, 'same-legal-actions', f"the legal actions differ from the rules: {'; '.join(parts)}", actions)
            agree = False
        rewards = game['rewards'](state)
        if not same_rewards(rewards, ref_rewards):
            record_fail(rec, 'same-rewards', f'the rewards are {js(rewards)}; the rules give {js(ref_rewards)}', actions)
            agree = False
        return agree
    except MemoryError:
        raise
    except BaseException as error:
        record_fail(rec, 'candidate-accepts-actions', f'a query raised {describe(error)}', actions)
        return False


def same_rewards(rewards, ref):
    if type(rewards) is not list or len(rewards) != len(ref):
        return False
    for p in range(len(rewards)):
        if not is_number(rewards[p]) or not is_number(ref[p]) or abs(rewards[p] - ref[p]) > 1e-9:
            return False
    return True


# ---------------------------------------------------------------------------
# Direct access for speed (replay, playouts, searches): the module's own
# functions, called without copies, as the paper's Python harness calls them.

def direct(ns):
    def fn(name):
        f = ns.get(name)
        if f is None or not callable(f):
            raise Error(f'the module does not define a function {name}')
        return f

    outcomes_fn = ns.get('get_chance_outcomes')
    legal_fn = fn('get_legal_actions')

    def chance_outcomes(state):
        if callable(outcomes_fn):
            return outcomes_fn(state)
        actions = legal_fn(state)
        return [(a, 1 / len(actions)) for a in actions]

    return fn, chance_outcomes


def replay(ns, actions):
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
            entry = {'player': player, 'legal': legal, 'rewards': rewards, 'observations': observations, 'chance': chance}
            entries.append(copy_json(entry, f'what the module returned after {t} actions', 'replay', 'step'))
            if t == len(actions):
                break
            stage = f'apply_action(state, "{actions[t]}")'
            state = fn('apply_action')(state, actions[t])
        except MemoryError:
            raise
        except BaseException as error:
            message = str(error) if type(error) is NonJsonValueError else f'{stage} raised {describe(error)}'
            entries.append({'error': message})
            break
    return entries


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


# ---------------------------------------------------------------------------
# UCT (src/mcts/uct.ts). A node is a list, indexed by these constants.

N_STATE, N_PLAYER, N_VISITS, N_TOTALS, N_CHILDREN, N_ACTIONS, N_UNTRIED, N_OUTCOMES = range(8)


def scale_returns(rewards, low, span, players):
    return [(rewards[p] - low) / span for p in range(players)]


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

    def scaled_rollouts(state):
        if rollouts == 1:
            return scale_returns(rollout_rewards(player_fn, legal_fn, apply_fn, rewards_fn, chance_outcomes, state, rng, max_length), low, span, players)
        totals = [0] * players
        for _ in range(rollouts):
            returns = scale_returns(rollout_rewards(player_fn, legal_fn, apply_fn, rewards_fn, chance_outcomes, state, rng, max_length), low, span, players)
            for p in range(players):
                totals[p] += returns[p] / rollouts
        return totals

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


# ---------------------------------------------------------------------------
# Information-set MCTS (src/mcts/ismcts.ts). An edge is [visits, total, available].

def info_key(player, observation):
    return f'{player}|{dumps(observation, False, False)}'


def ismcts_search(ns, history, player, legal_actions, options, rng, seed):
    fn, chance_outcomes = direct(ns)
    player_fn, legal_fn, apply_fn, rewards_fn, obs_fn, init_fn = (
        fn('get_current_player'), fn('get_legal_actions'), fn('apply_action'), fn('get_rewards'), fn('get_observations'), fn('get_initial_state'))
    resample = ns.get('resample_history')
    if not callable(resample):
        raise SearchError("ISMCTS needs the game's resample_history to determinise; this game has none")
    players = options['players']
    low, high = options['reward_range']
    span = high - low if high > low else 1
    c = options['c']
    rollouts = options['rollouts']
    max_nodes = options['max_nodes']
    max_length = options['max_game_length']
    tree = {}
    pairs = [(entry[0], entry[1]) for entry in history]
    root_key = info_key(player, pairs[len(pairs) - 1][0])
    resample_with_random = ns.get('resample_history_with_random')
    if callable(resample_with_random):
        # A translated module keeps the TypeScript signature: it draws from the search's own
        # generator, as src/mcts/ismcts.ts hands resampleHistory rng.randomFn, so the same seed
        # gives the same search as the TypeScript module.
        draw = rng_step()['draw_function'](rng)

        def resample_actions():
            return resample_with_random(pairs, player, draw)
    else:
        # The paper's format draws from Python's random, seeded once per search.
        random.seed(seed)

        def resample_actions():
            return resample(pairs, player)

    def scaled_rollouts(state):
        if rollouts == 1:
            return scale_returns(rollout_rewards(player_fn, legal_fn, apply_fn, rewards_fn, chance_outcomes, state, rng, max_length), low, span, players)
        totals = [0] * players
        for _ in range(rollouts):
            returns = scale_returns(rollout_rewards(player_fn, legal_fn, apply_fn, rewards_fn, chance_outcomes, state, rng, max_length), low, span, players)
            for p in range(players):
                totals[p] += returns[p] / rollouts
        return totals

    def iterate():
        path = []
        state = init_fn()
        for action in resample_actions():
            state = apply_fn(state, action)
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
    root = tree.get(root_key) or {}
    stats = []
    for action in legal_actions:
        edge = root.get(action)
        stats.append({'action': action, 'visits': edge[0] if edge else 0, 'value': edge[1] / edge[0] if edge and edge[0] > 0 else 0})
    return {'action': most_visited(stats), 'stats': stats, 'iterations': iterations, 'seconds': seconds, 'tree_size': len(tree)}


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


# ---------------------------------------------------------------------------
# Requests

def field(request, name, kind, default=..., minimum=None):
    value = request.get(name, default)
    if value is ...:
        raise ProtocolError(f'the request needs the field "{name}"')
    if value is None and default is None:
        return None
    ok = (
        (kind == 'int' and type(value) is int) or
        (kind == 'number' and is_number(value)) or
        (kind == 'str' and type(value) is str) or
        (kind == 'list' and type(value) is list) or
        (kind == 'dict' and type(value) is dict) or
        kind == 'any'
    )
    if not ok:
        raise ProtocolError(f'the request field "{name}" must be a{"n" if kind == "int" else ""} {kind}, not {js(value)[:80]}')
    if minimum is not None and value < minimum:
        raise ProtocolError(f'the request field "{name}" must be at least {minimum}')
    return value


def search_options(request):
    reward_range = field(request, 'reward_range', 'list')
    if len(reward_range) != 2 or not all(is_number(x) for x in reward_range):
        raise ProtocolError('the request field "reward_range" must be [lowest, highest]')
    return {
        'iterations': field(request, 'iterations', 'int', 1000, 0),
        'time_ms': field(request, 'time_ms', 'number', None),
        'c': field(request, 'c', 'number', 2 ** 0.5),
        'rollouts': field(request, 'rollouts', 'int', 1, 1),
        'max_nodes': field(request, 'max_nodes', 'int', 1_000_000, 1),
        'players': field(request, 'players', 'int', ..., 1),
        'reward_range': reward_range,
        'max_game_length': field(request, 'max_game_length', 'int', ..., 0),
    }


def call_contract(ns, request):
    name = field(request, 'fn', 'str')
    if name not in CONTRACT:
        raise ProtocolError(f'"{name}" is not a contract function; expected one of {", ".join(CONTRACT)}')
    f = ns.get(name)
    if f is None or not callable(f):
        raise Error(f'the module does not define a function {name}')
    args = field(request, 'args', 'list', [])
    if name == 'resample_history' and len(args) > 0 and type(args[0]) is list:
        args = [[(entry[0], entry[1]) if type(entry) is list and len(entry) == 2 else entry for entry in args[0]]] + args[1:]
    seed = field(request, 'seed', 'int', None)
    if seed is not None:
        random.seed(seed)
    return copy_json(f(*args), f'the result of {name}', 'call', 'result')


def handle(ns, request):
    op = field(request, 'op', 'str')
    if op == 'exports':
        return [name for name in CONTRACT if callable(ns.get(name))]
    if op == 'call':
        return call_contract(ns, request)
    if op == 'replay':
        return replay(ns, field(request, 'actions', 'list'))
    if op == 'dynamics':
        utility = field(request, 'utility', 'str', 'general-sum')
        if utility not in ('zero-sum', 'general-sum', 'identical'):
            raise ProtocolError('"utility" must be "zero-sum", "general-sum" or "identical"')
        return check_dynamics(ns, field(request, 'players', 'int', ..., 1), utility, field(request, 'max_game_length', 'int', ..., 0),
                              field(request, 'playouts', 'int', 100, 0), field(request, 'seed', 'int', 0))
    if op == 'information':
        return check_information(ns, field(request, 'players', 'int', ..., 1), field(request, 'max_game_length', 'int', ..., 0),
                                 field(request, 'histories', 'int', 100, 0), field(request, 'seed', 'int', 0))
    if op == 'scenarios':
        return check_scenarios(ns, field(request, 'scenarios', 'list'))
    if op == 'differential':
        return check_differential(ns, field(request, 'trajectories', 'list'))
    if op == 'playouts':
        return playouts(ns, field(request, 'count', 'int', ..., 0), field(request, 'seed', 'int', 0), field(request, 'max_game_length', 'int', 100_000, 0))
    if op == 'mcts':
        options = search_options(request)
        seed = field(request, 'seed', 'int', 0)
        fn = direct(ns)[0]
        state = request['state'] if request.get('state') is not None else fn('get_initial_state')()
        return uct_search(ns, state, options, rng_new(seed))
    if op == 'ismcts':
        options = search_options(request)
        seed = field(request, 'seed', 'int', 0)
        history = field(request, 'history', 'list')
        if len(history) == 0 or not all(type(entry) is list and len(entry) == 2 for entry in history):
            raise ProtocolError('"history" must be a non-empty list of [observation, action or null] pairs')
        legal = field(request, 'legal_actions', 'list')
        return ismcts_search(ns, history, field(request, 'player', 'int', ..., 0), legal, options, rng_new(seed), seed)
    raise ProtocolError(f'unknown op "{op}"')


# ---------------------------------------------------------------------------
# Hardening

# Built in an empty namespace: the hook's globals hold nothing, and it looks
# up no names at run time (everything it uses is bound at creation), so
# nothing the module changes later alters its decisions.
_HOOK_FACTORY = '''
def make_hook(type_, str_, int_, PermissionError_, ImportError_, ValueError_, fast_allow, read_exact, read_dirs,
              read_prefixes, import_allow, refuse_prefixes, frame_attrs, write_flags):
    def readable_path(path):
        return type_(path) is str_ and '/..' not in path and (path in read_exact or path in read_dirs or path.startswith(read_prefixes))

    def hook(event, args):
        if event in fast_allow:
            return
        if event == 'open':
            path = args[0]
            mode = args[1]
            flags = args[2]
            if readable_path(path) and (mode is None or (type_(mode) is str_ and 'w' not in mode and 'a' not in mode
                                                         and 'x' not in mode and '+' not in mode)) \\
                    and (type_(flags) is not int_ or flags & write_flags == 0):
                return
            shown = ('%r' % (path,)) if type_(path) is str_ else 'a file descriptor or non-string path'
            raise PermissionError_('the gamecwm sandbox does not allow opening %s (mode %r)' % (shown, mode if type_(mode) is str_ else None))
        if event == 'compile':
            # After hardening, nothing legitimate compiles standard-library
            # source: that happens only when importlib.import_module (which
            # raises no "import" event) loads a module that has no .pyc.
            filename = args[1]
            if type_(filename) is str_ and filename.startswith(read_prefixes):
                raise ImportError_('the gamecwm sandbox does not allow loading more standard-library modules')
            return
        if event == 'import':
            name = args[0]
            if type_(name) is str_ and name.partition('.')[0] in import_allow:
                return
            raise ImportError_('the gamecwm sandbox does not allow importing %r' % (name if type_(name) is str_ else '?',))
        if event == 'os.listdir' or event == 'os.scandir':
            if readable_path(args[0]):
                return
            raise PermissionError_('the gamecwm sandbox does not allow listing directories')
        if event == 'sys._getframe':
            raise ValueError_('the gamecwm sandbox does not allow frame access')
        if event == 'object.__getattr__':
            if args[1] in frame_attrs:
                raise PermissionError_('the gamecwm sandbox does not allow frame access')
            return
        if event.startswith(refuse_prefixes):
            raise PermissionError_('the gamecwm sandbox does not allow %s' % (event,))
    return hook
'''

_IMPORT_FACTORY = '''
def make_import(real_import, allowed, shown, substitutes, ImportError_, type_, str_):
    def guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
        if level != 0:
            raise ImportError_('relative imports are not allowed in a gamecwm module')
        if type_(name) is not str_ or name.partition('.')[0] not in allowed:
            raise ImportError_('the gamecwm sandbox does not allow importing %s; allowed: %s' % (('%r' % (name,)) if type_(name) is str_ else 'that', shown))
        if name in substitutes:
            return substitutes[name]
        return real_import(name, globals, locals, fromlist, level)
    return guarded_import
'''

REFUSED_EVENT_PREFIXES = (
    'os.', 'subprocess.', 'socket.', 'ctypes.', 'shutil.', 'resource.', 'mmap.', 'signal.', 'gc.', 'sys.', 'code.',
    'marshal.', 'builtins.input', 'builtins.breakpoint', 'fcntl.', 'syslog.', 'sqlite3.', 'webbrowser.', 'urllib.',
    'http.', 'ftplib.', 'smtplib.', 'poplib.', 'imaplib.', 'nntplib.', 'telnetlib.', 'tempfile.', 'glob.', 'pickle.',
    'shelve.', 'msvcrt.', 'winreg.', '_winapi.', 'pdb', 'ensurepip', 'cpython.PyInterpreterState_New', 'setopencookie',
    '_thread.', 'threading.', 'time.', 'pty.', 'multiprocessing', 'select.', 'ssl.', 'zipfile.', 'tarfile.',
)
FAST_ALLOWED_EVENTS = frozenset((
    'builtins.id', 'exec', 'object.__setattr__', 'object.__delattr__', 'function.__new__',
    'sys.excepthook', 'sys.unraisablehook', 'cpython._PySys_ClearAuditHooks', 'cpython.PyInterpreterState_Clear',
))
FRAME_ATTRIBUTES = frozenset(('tb_frame', 'gi_frame', 'cr_frame', 'ag_frame', 'f_back', 'f_globals', 'f_locals', 'f_builtins'))
# Functions that act outside the process (or on other processes) without an
# audit event in Python 3.11; removed before the module runs.
STRIPPED = {
    'posix': ('mkfifo', 'mknod', 'chroot', 'setpriority', 'sched_setaffinity', 'sched_setscheduler', 'sched_setparam', 'pidfd_open',
              'setuid', 'setgid', 'seteuid', 'setegid', 'setreuid', 'setregid', 'setresuid', 'setresgid', 'setgroups', 'initgroups',
              'setsid', 'setpgid', 'setpgrp', 'login_tty', 'tcsetpgrp', 'sync', 'copy_file_range', 'splice', 'sendfile'),
    '_signal': ('pidfd_send_signal',),
    'signal': ('pidfd_send_signal',),
    'time': ('clock_settime', 'clock_settime_ns'),
    '_thread': ('start_new_thread', 'start_new'),
    'threading': ('_start_new_thread',),
    '_imp': ('create_builtin', 'create_dynamic', 'exec_builtin', 'exec_dynamic', 'init_frozen'),
}
STRIPPED['os'] = STRIPPED['posix']


def stdlib_dirs():
    """Python's own standard-library folders (as given and resolved)."""
    dirs = []
    for module in (os, _json, json):
        location = getattr(module, '__file__', None)
        if type(location) is not str:
            continue
        path = os.path.dirname(location)
        if module is json:
            path = os.path.dirname(path)
        for variant in (path, os.path.realpath(path)):
            if variant not in dirs:
                dirs.append(variant)
    return dirs


def lower_limit(which, soft, hard):
    """Sets a resource limit, never above the limit the process already has."""
    current_soft, current_hard = resource.getrlimit(which)
    if current_hard != resource.RLIM_INFINITY:
        hard = min(hard, current_hard)
    soft = min(soft, hard)
    resource.setrlimit(which, (soft, hard))


def harden(module_path, memory_mb, cpu_seconds):
    """Everything that must happen before the module's code runs. Returns (in_fd, out_fd, token)."""
    for name in ALLOWED_IMPORTS + PRELOADED_CODECS:
        __import__(name)
    if stat.S_ISREG(os.fstat(1).st_mode):
        raise SystemExit('gamecwm_runner: stdout is a regular file, which the runner cannot write once RLIMIT_FSIZE is 0; '
                         'give it a pipe (for example: ... | cat > file)')
    # Protocol channels: private duplicates; fd 0 reads /dev/null, fd 1 writes to stderr.
    in_fd = os.dup(0)
    out_fd = os.dup(1)
    null = os.open('/dev/null', os.O_RDWR)
    os.dup2(null, 0)
    if stat.S_ISREG(os.fstat(2).st_mode):
        # A file cannot be written once RLIMIT_FSIZE is 0: the module's output is dropped instead.
        os.dup2(null, 2)
    os.close(null)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    token = os.environ.get('GAMECWM_RUNNER_TOKEN')
    os.environ.clear()
    posix.environ.clear()

    dirs = stdlib_dirs()
    sys.path[:] = [d for d in dirs if os.path.isdir(d)]
    sys.path_importer_cache.clear()
    for module_name, names in STRIPPED.items():
        module = sys.modules.get(module_name)
        if module is not None:
            for attribute in names:
                module.__dict__.pop(attribute, None)

    lower_limit(resource.RLIMIT_AS, memory_mb * 1024 * 1024, memory_mb * 1024 * 1024)
    lower_limit(resource.RLIMIT_CPU, cpu_seconds, cpu_seconds + 1)
    lower_limit(resource.RLIMIT_FSIZE, 0, 0)
    lower_limit(resource.RLIMIT_CORE, 0, 0)
    lower_limit(resource.RLIMIT_NOFILE, max(16, out_fd + 4), max(16, out_fd + 4))
    lower_limit(resource.RLIMIT_NPROC, 0, 0)

    read_exact = frozenset((module_path, os.path.realpath(module_path)))
    write_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
    namespace = {'__builtins__': {}}
    exec(_HOOK_FACTORY, namespace)
    hook = namespace['make_hook'](
        type, str, int, PermissionError, ImportError, ValueError, FAST_ALLOWED_EVENTS, read_exact, frozenset(dirs),
        tuple(d + '/' for d in dirs), frozenset(ALLOWED_IMPORTS + ('encodings',)), REFUSED_EVENT_PREFIXES, FRAME_ATTRIBUTES, write_flags)
    sys.addaudithook(hook)
    sys.modules.pop('__main__', None)
    return in_fd, out_fd, token


def private_copy_module():
    """
    The module's own instance of `copy`. copy.deepcopy keys its memo by id(),
    and with an audit hook installed every id() call runs the hook: about 110
    hook calls per tic-tac-toe search iteration, half the search's time. This
    instance's id is object.__hash__, which for every object is its address
    rotated by four bits: as unique among live objects as id, with no audit
    event. Built before hardening (it compiles standard-library source).
    """
    import copy
    path = copy.__file__
    with open(path, 'rb') as handle:
        code = compile(handle.read(), path, 'exec', dont_inherit=True)
    module = types.ModuleType('copy')
    module.__dict__['__file__'] = path
    module.__dict__['__builtins__'] = dict(_builtins_module.__dict__, id=object.__hash__)
    exec(code, module.__dict__)
    return module


def module_builtins(substitutes):
    """Builtins for the module: a copy of the real ones with a guarded __import__ and no input()."""
    real = _builtins_module.__dict__
    names = dict(real)
    for name in ('input', 'breakpoint', 'help', 'exit', 'quit', 'copyright', 'credits', 'license'):
        names.pop(name, None)
    namespace = {'__builtins__': {}}
    exec(_IMPORT_FACTORY, namespace)
    names['__import__'] = namespace['make_import'](real['__import__'], frozenset(ALLOWED_IMPORTS), ', '.join(ALLOWED_IMPORTS), substitutes, ImportError, type, str)
    return names


def load_module(path, source, substitutes):
    """The module's namespace after running it, or raises LoadError."""
    try:
        code = compile(source, path, 'exec', dont_inherit=True)
        module = types.ModuleType('gamecwm_module')
        module.__dict__['__file__'] = path
        module.__dict__['__builtins__'] = module_builtins(substitutes)
        sys.modules['gamecwm_module'] = module
        exec(code, module.__dict__)
        return module.__dict__
    except MemoryError:
        pass
    except BaseException as error:
        raise LoadError(f'the module failed to load: {describe(error)}') from None
    raise LoadError('the module failed to load: MemoryError (it ran out of memory)')


# ---------------------------------------------------------------------------
# Serving

def make_reader(fd):
    buffer = bytearray()
    scanned = [0]

    def readline():
        while True:
            index = buffer.find(b'\n', scanned[0])
            if index >= 0:
                line = bytes(buffer[:index])
                del buffer[:index + 1]
                scanned[0] = 0
                return line
            scanned[0] = len(buffer)
            chunk = _read(fd, 1 << 16)
            if not chunk:
                if buffer:
                    line = bytes(buffer)
                    buffer.clear()
                    return line
                return None
            buffer.extend(chunk)
    return readline


def write_all(fd, data):
    view = memoryview(data)
    while len(view) > 0:
        written = _write(fd, view)
        view = view[written:]


def respond(out_fd, token, request_id, ok, payload, memory_mb):
    response = {'id': request_id, 'ok': ok}
    if token is not None:
        response['token'] = token
    response['result' if ok else 'error'] = payload
    text = None
    try:
        text = dumps(response)
        if len(text) > MAX_RESPONSE_CHARS:
            text = None
            raise Error(f'the result is larger than {MAX_RESPONSE_CHARS} characters')
    except MemoryError:
        pass
    except BaseException as error:
        response.pop('result', None)
        response['ok'] = False
        response['error'] = f'the result could not be serialised: {describe(error)}'
        text = dumps(response)
    if text is None:
        response.pop('result', None)
        response['ok'] = False
        response['error'] = f'MemoryError: the Python CWM ran out of memory (the limit is {memory_mb} MB)'
        text = dumps(response)
    write_all(out_fd, (text + '\n').encode('ascii'))


def serve(ns, load_error, in_fd, out_fd, token, memory_mb):
    readline = make_reader(in_fd)
    while True:
        line = readline()
        if line is None:
            return
        if not line.strip():
            continue
        request_id = None
        ok = False
        payload = None
        out_of_memory = False
        try:
            request = loads(line.decode('utf-8'))
            if type(request) is not dict:
                raise ProtocolError('a request must be a JSON object')
            request_id = request.get('id')
            if load_error is not None:
                raise load_error
            payload = handle(ns, request)
            ok = True
        except MemoryError:
            out_of_memory = True
        except BaseException as error:
            payload = describe(error)
        if out_of_memory:
            payload = f'MemoryError: the Python CWM ran out of memory (the limit is {memory_mb} MB)'
        try:
            respond(out_fd, token, request_id, ok, payload, memory_mb)
        except OSError:
            return  # the client has gone


def parse_args(argv):
    usage = 'usage: gamecwm_runner.py MODULE.py [--memory-mb N] [--cpu-seconds N]'
    path = None
    memory_mb = DEFAULT_MEMORY_MB
    cpu_seconds = DEFAULT_CPU_SECONDS
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ('--memory-mb', '--cpu-seconds'):
            if i + 1 >= len(argv) or not argv[i + 1].isdigit() or int(argv[i + 1]) <= 0:
                raise SystemExit(f'{arg} needs a positive whole number\n{usage}')
            if arg == '--memory-mb':
                memory_mb = int(argv[i + 1])
            else:
                cpu_seconds = int(argv[i + 1])
            i += 2
        elif arg in ('-h', '--help'):
            sys.stderr.write(__doc__)
            raise SystemExit(0)
        elif path is None and not arg.startswith('--'):
            path = arg
            i += 1
        else:
            raise SystemExit(f'unexpected argument {arg!r}\n{usage}')
    if path is None:
        raise SystemExit(usage)
    return os.path.abspath(path), memory_mb, cpu_seconds


def main(argv):
    module_path, memory_mb, cpu_seconds = parse_args(argv)
    try:
        with open(module_path, 'rb') as handle_:
            source = handle_.read()
    except OSError as error:
        raise SystemExit(f'gamecwm_runner: cannot read {module_path}: {error.strerror}') from None
    substitutes = {'copy': private_copy_module()}
    in_fd, out_fd, token = harden(module_path, memory_mb, cpu_seconds)
    ns = None
    load_error = None
    try:
        ns = load_module(module_path, source, substitutes)
    except LoadError as error:
        load_error = error
    source = None
    serve(ns, load_error, in_fd, out_fd, token, memory_mb)
    _exit(0)


if __name__ == '__main__':
    main(sys.argv[1:])
