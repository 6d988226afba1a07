"""Differential tier (src/verifier/differential.ts), against expected steps
recorded from a reference implementation."""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)

from cwm import TERMINAL, make_game
from errors import ProtocolError
from tiers.checks import check_list, record_fail, recorder
from values import describe, is_number, js


DIFFERENTIAL_CHECKS = ('same-legal-actions', 'same-current-player', 'same-rewards', 'same-terminal', 'candidate-accepts-actions')


def check_differential(ns, rule, trajectories):
    game = make_game(ns, rule, False)
    # The paper's format reads rewards where its evaluator does (the first state and terminal
    # states): a module may leave them undefined in between (leduc_poker's golden raises there
    # before the public card). Where it defines them, they are compared.
    game['rewards_everywhere'] = rule['name'] == 'json'
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
        try:
            rewards = game['rewards'](state)
        except MemoryError:
            raise
        except Exception:
            if game['rewards_everywhere'] or player == TERMINAL:
                raise
            return agree
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
