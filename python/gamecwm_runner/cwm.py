"""The Python CWM as the runner calls it: the contract's names and constants,
chance sampling, the guarded view the tiers use (copies in, validated
copies out) and the direct view the searches use (the module's own
functions, no copies)."""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)

from errors import Error, MutationError
from values import copy_json, dumps, is_number, js, json_problem, loads, nonjson, tname


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
