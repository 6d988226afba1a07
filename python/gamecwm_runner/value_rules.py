"""Which values a module's states may be, and how the checks compare them.

    "python"  the paper's format: a state is any Python value that survives
              copy.deepcopy and compares with == (dicts with sets, tuples,
              int keys, Counters are fine). "No mutation" and "deterministic"
              compare deep copies by value (==).
              As the paper's evaluator: a game may run to PAPER_MAX_STEPS
              past the reference's length bound, and rewards are asked for
              at the start and at the end only.
    "json"    TypeScript GameCWMs and gamecwm's Python exports: a state is
              plain JSON data (it survives json.loads(json.dumps(x)), no
              tuples), compared as JSON (true is not 1); our contract's
              length bound and rewards at every state.

The host says which rule applies (the request's "values" field); a rule is a
dict of functions so nothing here keeps state between requests.
"""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)

from errors import ProtocolError
from private_copy import private_copy_module
from values import describe, json_equal, json_problem

RULE_NAMES = ('python', 'json')
# The runner's own copy module: a module that patches its `import copy` changes nothing here.
deepcopy = private_copy_module().deepcopy


def same_python(a, b):
    """a == b, False if the comparison raises or gives something that is not a bool."""
    try:
        result = a == b
        return result is True or (type(result) is not bool and bool(result) is True)
    except MemoryError:
        raise
    except BaseException:
        return False


def same_json(a, b):
    try:
        return json_equal(a, b)
    except MemoryError:
        raise
    except BaseException:
        return False


def python_state_problem(state):
    try:
        copied = deepcopy(state)
    except MemoryError:
        raise
    except BaseException as error:
        return f'cannot be copied with copy.deepcopy ({describe(error)}); a state must survive copy.deepcopy and compare with =='
    if not same_python(copied, state):
        return 'does not compare equal (==) to its own copy.deepcopy; a state must survive copy.deepcopy and compare with =='
    return None


def json_state_problem(state):
    problem = json_problem(state, 'state', False)
    return None if problem is None else f'is not plain JSON data (it must survive json.loads(json.dumps(x))): {problem}'


# The paper's evaluator plays a game at most this many steps and does not fail a longer one: a
# paper-format module's games may run past our reference's bound up to here (go's golden: 179
# moves against our 162; y's: 15 against 10).
PAPER_MAX_STEPS = 500

RULES = {
    'python': {'name': 'python', 'same': same_python, 'state_problem': python_state_problem, 'state_check': 'state-copies-by-value',
               'length_bound': lambda bound: max(bound, PAPER_MAX_STEPS)},
    'json': {'name': 'json', 'same': same_json, 'state_problem': json_state_problem, 'state_check': 'state-is-json',
             'length_bound': lambda bound: bound},
}


def value_rule(name):
    rule = RULES.get(name)
    if rule is None:
        raise ProtocolError(f'"values" must be one of {", ".join(RULE_NAMES)}, not {name!r}')
    return rule
