"""Differential tier (src/verifier/differential.ts), against expected steps
recorded from a reference implementation. The checks that compare what the
module shows (observation partitions, chance probabilities) are judged on the
host by the TypeScript tier's own code: for a trajectory with "observe" this
tier returns the canonical text of each player's observation at every step,
and at every chance step the module's outcomes."""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)

from cwm import CHANCE, TERMINAL, make_game, outcome_pairs
from errors import ProtocolError
from tiers.checks import check_list, record_fail, recorder
from values import canonical, describe, is_number, js


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
    shown = Shown()
    for trajectory in trajectories:
        if type(trajectory) is not dict or type(trajectory.get('actions')) is not list or type(trajectory.get('expected')) is not list:
            raise ProtocolError('each trajectory needs an "actions" list and an "expected" list of {player, legal, rewards}')
        s, a = compare_trajectory(game, trajectory['actions'], trajectory['expected'], rec, shown.start(trajectory.get('observe') is True))
        steps += s
        agreeing += a
    return {
        'checks': check_list(rec), 'steps': steps, 'agreeing_steps': agreeing,
        'transition_accuracy': 0 if steps == 0 else agreeing / steps,
        'shown': shown.views, 'texts': shown.texts,
    }


class Shown:
    """
    What the module shows along each trajectory, for the host's checks: per
    step, each player's observation as an index into `texts` (each distinct
    canonical text sent once per request), or None where the state is lost
    or the observations are not a list; and [step, outcomes] at chance steps.
    """

    def __init__(self):
        self.views = []
        self.texts = []
        self.index = {}
        self.current = None

    def start(self, observe):
        self.current = {'observations': [] if observe else None, 'chance': []}
        self.views.append(self.current)
        return self

    def observations(self, step, observations):
        if self.current['observations'] is None:
            return
        while len(self.current['observations']) < step:
            self.current['observations'].append(None)
        if type(observations) is not list:
            self.current['observations'].append(None)
            return
        keys = []
        for p in range(len(observations)):
            shared = next(q for q in range(p + 1) if observations[q] is observations[p])
            text = keys[shared] if shared < p else self.text(canonical(observations[p]))
            keys.append(text)
        self.current['observations'].append(keys)

    def text(self, text):
        found = self.index.get(text)
        if found is None:
            found = len(self.texts)
            self.index[text] = found
            self.texts.append(text)
        return found

    def chance(self, step, outcomes):
        self.current['chance'].append([step, outcomes])


def compare_trajectory(game, actions, expected, rec, shown):
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
        else:
            if compare_step(game, candidate, step.get('player'), step.get('legal') or [], step.get('rewards') or [], done, rec):
                agreeing += 1
            show_step(game, candidate, t, step.get('player') == CHANCE, done, rec, shown)
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


def show_step(game, state, t, chance, actions, rec, shown):
    """Records the observations (if asked) and, at a chance step of the candidate too, its outcomes."""
    if shown.current['observations'] is not None:
        try:
            shown.observations(t, game['observations'](state))
        except MemoryError:
            raise
        except BaseException as error:
            record_fail(rec, 'candidate-accepts-actions', f'get_observations raised {describe(error)}', actions)
    if not chance:
        return
    try:
        if game['player'](state) != CHANCE:
            return
        outcomes = outcome_pairs(game['chance_outcomes'](state))
    except MemoryError:
        raise
    except BaseException as error:
        record_fail(rec, 'candidate-accepts-actions', f'get_chance_outcomes raised {describe(error)}', actions)
        return
    if outcomes is None:
        record_fail(rec, 'candidate-accepts-actions', 'get_chance_outcomes did not return (action, probability) pairs', actions)
        return
    shown.chance(t, outcomes)


def same_rewards(rewards, ref):
    if type(rewards) is not list or len(rewards) != len(ref):
        return False
    for p in range(len(rewards)):
        if not is_number(rewards[p]) or not is_number(ref[p]) or abs(rewards[p] - ref[p]) > 1e-9:
            return False
    return True
