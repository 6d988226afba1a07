"""The JSON-lines protocol: reading requests, dispatching ops, writing responses."""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)

import posix
import random

from cwm import CONTRACT, direct, plain_numbers, plain_outcomes, plain_strings
from errors import Error, ProtocolError
from rng import rng_new
from search.ismcts import ismcts_search
from search.playouts import playouts, replay
from search.uct import uct_search
from tiers.differential import check_differential
from tiers.dynamics import check_dynamics
from tiers.information import check_information, posterior_draws
from tiers.scenarios import check_scenarios
from value_rules import value_rule
from values import describe, dumps, is_number, js, loads
from wire import from_wire, to_wire


MAX_RESPONSE_CHARS = 64_000_000
# Captured now; a module that patches posix afterwards changes nothing here.
_read = posix.read
_write = posix.write


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
        'max_game_length': value_rule(field(request, 'values', 'str', 'python'))['length_bound'](field(request, 'max_game_length', 'int', ..., 0)),
    }


# How each contract function's result crosses to the host: lists of actions,
# rewards and chance outcomes made plain (tuples as lists, numpy numbers as
# floats), anything else (states, observations) in the wire encoding.
PLAIN_RESULTS = {
    'get_legal_actions': plain_strings, 'get_rewards': plain_numbers, 'get_chance_outcomes': plain_outcomes,
    'resample_history': plain_strings,
}


def call_contract(ns, request):
    name = field(request, 'fn', 'str')
    if name not in CONTRACT:
        raise ProtocolError(f'"{name}" is not a contract function; expected one of {", ".join(CONTRACT)}')
    f = ns.get(name)
    if f is None or not callable(f):
        raise Error(f'the module does not define a function {name}')
    args = from_wire(field(request, 'args', 'list', []))
    if name == 'resample_history' and len(args) > 0 and type(args[0]) is list:
        # The paper's evaluator passes (observation, action) tuples.
        args = [[(entry[0], entry[1]) if type(entry) is list and len(entry) == 2 else entry for entry in args[0]]] + args[1:]
    seed = field(request, 'seed', 'int', None)
    if seed is not None:
        random.seed(seed)
    result = f(*args)
    plain = PLAIN_RESULTS.get(name)
    return to_wire(plain(result) if plain is not None else result)


def handle(ns, request):
    op = field(request, 'op', 'str')
    if op == 'exports':
        return [name for name in CONTRACT if callable(ns.get(name))]
    if op == 'call':
        return call_contract(ns, request)
    if op == 'replay':
        return replay(ns, field(request, 'actions', 'list'))
    rule = value_rule(field(request, 'values', 'str', 'python'))
    if op == 'dynamics':
        utility = field(request, 'utility', 'str', 'general-sum')
        if utility not in ('zero-sum', 'general-sum', 'identical'):
            raise ProtocolError('"utility" must be "zero-sum", "general-sum" or "identical"')
        return check_dynamics(ns, rule, field(request, 'players', 'int', ..., 1), utility, field(request, 'max_game_length', 'int', ..., 0),
                              field(request, 'playouts', 'int', 100, 0), field(request, 'seed', 'int', 0), field(request, 'first', 'int', 0, 0))
    if op == 'information':
        return check_information(ns, rule, field(request, 'players', 'int', ..., 1), field(request, 'max_game_length', 'int', ..., 0),
                                 field(request, 'histories', 'int', 100, 0), field(request, 'seed', 'int', 0), field(request, 'first', 'int', 0, 0),
                                 field(request, 'batch', 'any', False) is True)
    if op == 'posterior':
        steps = field(request, 'steps', 'list')
        if not all(type(t) is int and t >= 0 for t in steps):
            raise ProtocolError('"steps" must be a list of step indices')
        return posterior_draws(ns, rule, field(request, 'actions', 'list'), field(request, 'player', 'int', ..., 0), steps,
                               field(request, 'samples', 'int', ..., 1), field(request, 'seed', 'int', 0), field(request, 'replays', 'int', ..., 0))
    if op == 'scenarios':
        return check_scenarios(ns, rule, field(request, 'scenarios', 'list'))
    if op == 'differential':
        return check_differential(ns, rule, field(request, 'trajectories', 'list'))
    if op == 'playouts':
        return playouts(ns, field(request, 'count', 'int', ..., 0), field(request, 'seed', 'int', 0), rule['length_bound'](field(request, 'max_game_length', 'int', 100_000, 0)))
    if op == 'mcts':
        options = search_options(request)
        seed = field(request, 'seed', 'int', 0)
        fn = direct(ns)[0]
        state = from_wire(request['state']) if request.get('state') is not None else fn('get_initial_state')()
        return uct_search(ns, state, options, rng_new(seed))
    if op == 'ismcts':
        options = search_options(request)
        seed = field(request, 'seed', 'int', 0)
        history = field(request, 'history', 'list')
        if len(history) == 0 or not all(type(entry) is list and len(entry) == 2 for entry in history):
            raise ProtocolError('"history" must be a non-empty list of [observation, action or null] pairs')
        if history[len(history) - 1][1] is not None:
            raise ProtocolError('"history" must end with [current observation, null] (the decision being searched)')
        legal = field(request, 'legal_actions', 'list')
        return ismcts_search(ns, rule, from_wire(history), field(request, 'player', 'int', ..., 0), legal, options, rng_new(seed), seed)
    raise ProtocolError(f'unknown op "{op}"')


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
