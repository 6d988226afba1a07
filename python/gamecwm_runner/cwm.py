"""The Python CWM as the runner calls it: the contract's names and constants,
chance sampling, the guarded view the tiers use (checked results, copies in
where mutation is checked) and the direct view the searches use (the module's own
functions, no copies)."""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)

from errors import CheckFailure, Error
from value_rules import deepcopy
from values import is_number, js, tname, truncate


CONTRACT = (
    'get_initial_state', 'apply_action', 'get_current_player', 'get_player_name', 'get_rewards',
    'get_legal_actions', 'get_observations', 'get_chance_outcomes', 'resample_history',
)
CHANCE = -1
TERMINAL = -4


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


# The module as the checks see it (src/verifier/guard.ts). States stay the
# module's own Python values; results are checked for their shape and made
# plain (a str subclass becomes a str, a numpy number a float). With `strict`
# (the dynamics tier: a function of the changed function's name) each call
# gets a deep copy of the state, and `strict` is told if the call changed that
# copy (compared by the value rule); the call's result still counts.

def module_function(ns, name):
    f = ns.get(name)
    if f is None or not callable(f):
        raise Error(f'the module does not define a function {name}')
    return f


def make_game(ns, rule, strict):
    same = rule['same']

    def with_state(name, state, *extra):
        if not strict:
            return module_function(ns, name)(state, *extra)
        arg = deepcopy(state)
        result = module_function(ns, name)(arg, *extra)
        if not same(arg, state):
            strict(name + '(state' + ''.join([', ' + js(x) for x in extra]) + ')')
        return result

    def init():
        return module_function(ns, 'get_initial_state')()

    def apply(state, action):
        return with_state('apply_action', state, action)

    def player(state):
        p = with_state('get_current_player', state)
        if type(p) is not int and not (isinstance(p, int) and not isinstance(p, bool)):
            raise check_failure('current-player-valid', f'get_current_player returned {js(p)} (a {tname(p)}); expected an int')
        return int(p)

    def name(p):
        n = module_function(ns, 'get_player_name')(p)
        if not isinstance(n, str):
            raise check_failure('player-names', f'get_player_name({p}) returned a {tname(n)}; expected a str')
        return str(n)

    def rewards(state):
        return plain_numbers(with_state('get_rewards', state))

    def legal(state):
        return plain_strings(with_state('get_legal_actions', state))

    def observations(state):
        return with_state('get_observations', state)

    def chance_outcomes(state):
        """The outcomes of a chance node with probabilities (uniform over the legal actions if the module gives none)."""
        if callable(ns.get('get_chance_outcomes')):
            return plain_outcomes(with_state('get_chance_outcomes', state))
        actions = legal(state)
        return [[a, 1 / len(actions)] for a in actions]

    def resample(history, p):
        """The paper's call: a deep copy of the history as a list of (observation, action) tuples."""
        return plain_strings(module_function(ns, 'resample_history')(deepcopy([(item[0], item[1]) for item in history]), p))

    return {
        'init': init, 'apply': apply, 'player': player, 'name': name, 'rewards': rewards, 'legal': legal,
        'observations': observations, 'chance_outcomes': chance_outcomes, 'resample': resample,
        'has_resample': lambda: callable(ns.get('resample_history')),
        'has_names': lambda: callable(ns.get('get_player_name')),
        'same': same,
    }


def check_failure(check, message):
    error = CheckFailure(truncate(message))
    error.check = check
    return error


def plain_number(x):
    """x as a plain int or float if it is a finite number (numpy's too), else None."""
    t = type(x)
    if t is int:
        return x
    if t is float:
        return x if x - x == 0.0 else None
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return None
    value = float(x) if isinstance(x, float) else int(x)
    return value if value - value == 0 else None


def plain_numbers(values):
    """A list or tuple of finite numbers as a list of plain numbers; anything else unchanged (the checks name it)."""
    if type(values) is not list and type(values) is not tuple:
        return values
    numbers = [plain_number(x) for x in values]
    return values if None in numbers else numbers


def plain_strings(values):
    """A list of strings as a list of plain str; anything else unchanged (the checks name it)."""
    if type(values) is not list:
        return values
    for item in values:
        if not isinstance(item, str):
            return values
    return [item if type(item) is str else str.__str__(item) for item in values]


def plain_outcomes(outcomes):
    """(action, probability) pairs, lists or tuples, as [str, number] lists; anything else unchanged."""
    if type(outcomes) is not list:
        return outcomes
    pairs = []
    for outcome in outcomes:
        if (type(outcome) is not list and type(outcome) is not tuple) or len(outcome) != 2 or not isinstance(outcome[0], str):
            return outcomes
        p = plain_number(outcome[1])
        if p is None:
            return outcomes
        pairs.append([str.__str__(outcome[0]), p])
    return pairs


def outcome_pairs(outcomes):
    """The outcomes as [action, probability] pairs with numbers, or None if they are not."""
    if type(outcomes) is not list:
        return None
    for outcome in outcomes:
        if type(outcome) is not list or len(outcome) != 2 or type(outcome[0]) is not str or not is_number(outcome[1]):
            return None
    return outcomes


# Direct access for speed (replay, playouts, searches): the module's own
# functions, called without copies, as the paper's Python harness calls them.

def direct(ns):
    def fn(name):
        return module_function(ns, name)

    outcomes_fn = ns.get('get_chance_outcomes')
    legal_fn = fn('get_legal_actions')

    def chance_outcomes(state):
        if callable(outcomes_fn):
            return outcomes_fn(state)
        actions = legal_fn(state)
        return [(a, 1 / len(actions)) for a in actions]

    return fn, chance_outcomes
