"""Scenarios tier (src/verifier/scenarios.ts): per-game action sequences with
expected outcomes."""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)

from cwm import TERMINAL, make_game
from errors import ProtocolError
from values import describe, is_number, js, sign, truncate


_INF = float('inf')


def check_scenarios(ns, rule, scenarios):
    game = make_game(ns, rule, False)
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
        # Rewards only where the scenario judges them: the paper's format need not define them mid-game.
        asks_rewards = expect.get('rewards') is not None or expect.get('rewardSigns') is not None or 'winner' in expect
        rewards = game['rewards'](state) if asks_rewards else None
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
