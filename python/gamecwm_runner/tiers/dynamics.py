"""Dynamics tier (src/verifier/dynamics.ts): seeded random playouts with every
check on every step."""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)

from cwm import CHANCE, TERMINAL, make_game, outcome_pairs, sample_outcome
from errors import CheckFailure
from rng import rng_derive, rng_int, rng_new, rng_random
from tiers.checks import check_list, has_failed, record_fail, recorder
from values import canonical, describe, is_number, js, json_problem, tname


EPSILON = 1e-9
DYNAMICS_CHECKS = (
    'no-crash', 'no-mutation', 'deterministic', 'current-player-valid', 'terminal-has-no-actions',
    'legal-actions-valid', 'chance-distribution', 'rewards-well-formed', 'utility-kind',
    'observations-well-formed', 'STATE_CHECK', 'length-bounded', 'player-names',
)


def check_dynamics(ns, rule, players, utility, max_game_length, playouts, seed, first=0):
    """
    Each check stands on its own: a state that breaks the value rule, a
    mutated input or malformed observations are recorded and the playout
    goes on, so a crash later in the game is still found.
    """
    rec = recorder([rule['state_check'] if name == 'STATE_CHECK' else name for name in DYNAMICS_CHECKS])
    max_game_length = rule['length_bound'](max_game_length)
    # Playouts first .. first + playouts - 1: a long game's playouts go in batches, each its own request.
    actions = []

    def mutated(name):
        record_fail(rec, 'no-mutation', f'{name} modified its input state; copy the state before changing it (for example with copy.deepcopy)', actions)

    game = make_game(ns, rule, mutated)
    for p in range(players if game['has_names']() else 0):  # get_player_name is optional in the paper's format
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
    for i in range(first, first + playouts):
        del actions[:]
        count, terminal = dynamics_playout(game, rule, players, utility, max_game_length, rng_derive(base, i), rec, actions)
        steps += count
        if terminal:
            terminal_playouts += 1
    return {'checks': check_list(rec), 'playouts': playouts, 'steps': steps, 'terminal_playouts': terminal_playouts}


def dynamics_playout(game, rule, players, utility, max_game_length, rng, rec, actions):
    same = rule['same']
    stage = 'get_initial_state()'
    try:
        state = game['init']()
        check_state(rule, state, 'the state from get_initial_state()', actions, rec)
        # The JSON rule (our contract) wants pure functions; the paper's format asks what its evaluator
        # asks: the same legal actions and observations from the same state (a random deal inside
        # apply_action, as gin_rummy's golden has, is its own business).
        pure = rule['name'] == 'json'
        if pure and not same(state, game['init']()):
            record_fail(rec, 'deterministic', 'get_initial_state returned different states on two calls', actions)
        while True:
            stage = 'get_current_player(state)'
            player = game['player'](state)
            if not (player == CHANCE or player == TERMINAL or 0 <= player < players):
                record_fail(rec, 'current-player-valid', f'get_current_player returned {js(player)}; expected 0..{players - 1}, -1 (chance) or -4 (terminal)', actions)
                return len(actions), False
            stage = 'get_legal_actions(state)'
            legal = game['legal'](state)
            if not pure and not has_failed(rec, 'deterministic') and not same(legal, game['legal'](state)):
                record_fail(rec, 'deterministic', 'get_legal_actions returned different actions on two calls with the same state', actions)
            if pure or player == TERMINAL or len(actions) == 0:
                stage = 'get_rewards(state)'
                check_rewards(game['rewards'](state), player == TERMINAL, players, utility, actions, rec)
            stage = 'get_observations(state)'
            observations = game['observations'](state)
            if type(observations) is not list or len(observations) != players:
                got = f'{len(observations)} observations' if type(observations) is list else f'a {tname(observations)}'
                record_fail(rec, 'observations-well-formed', f'get_observations returned {got}; expected one per player ({players})', actions)
            if not pure and not has_failed(rec, 'deterministic') and not same(observations, game['observations'](state)):
                record_fail(rec, 'deterministic', 'get_observations returned different observations on two calls with the same state', actions)
            if type(observations) is list and len(observations) == players and pure and not has_failed(rec, 'observations-well-formed'):
                problem = json_problem(observations, 'observations', True)
                if problem is not None:
                    record_fail(rec, 'observations-well-formed', f'the observations are not plain JSON data: {problem}', actions)
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
            if pure and not same(following, game['apply'](state, action)):
                record_fail(rec, 'deterministic', f'apply_action(state, "{action}") returned different states on two calls with the same input', actions)
            actions.append(action)
            state = following
            check_state(rule, state, f'the state from apply_action(state, "{action}")', actions, rec)
    except CheckFailure as error:
        record_fail(rec, error.check, str(error), actions)
        return len(actions), False
    except MemoryError:
        raise
    except BaseException as error:
        record_fail(rec, 'no-crash', f'{stage} raised {describe(error)}', actions)
        return len(actions), False


def check_state(rule, state, what, actions, rec):
    check = rule['state_check']
    if not has_failed(rec, check):
        problem = rule['state_problem'](state)
        if problem is not None:
            record_fail(rec, check, f'{what} {problem}', actions)


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
        bad = [i for i in range(len(rewards)) if not is_number(rewards[i])] if type(rewards) in (list, tuple) else []
        detail = f' (rewards[{bad[0]}] is {canonical(rewards[bad[0]])}, not a finite number)' if bad else ''
        record_fail(rec, 'rewards-well-formed', f'get_rewards returned {canonical(rewards)}; expected {players} finite numbers{detail}', actions)
        return
    if not terminal:
        return
    if utility == 'zero-sum':
        total = sum(rewards)
        if abs(total) > 1e-6:
            record_fail(rec, 'utility-kind', f'terminal rewards {js(rewards)} sum to {js(total)}; this game is zero-sum', actions)
    elif utility == 'identical' and any(r != rewards[0] for r in rewards):
        record_fail(rec, 'utility-kind', f'terminal rewards {js(rewards)} differ; this game gives every player the same reward', actions)
