"""Tests of the runner (python/gamecwm_runner/): the JSON-lines protocol, every check of
the verifier tiers (each failing on a deliberately broken module), the
searches, and hostile modules that must end in a clean error or a dead child,
never in an effect.

Run: python3 -m unittest discover -s python -p 'test_*.py'
"""

import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
RUNNER = os.path.join(HERE, 'gamecwm_runner')
DATA = os.path.join(HERE, 'testdata')
HOSTILE = os.path.join(DATA, 'hostile')
MARK = '/tmp/gamecwm-python-hostile-pwned'
VICTIM = '/tmp/gamecwm-python-hostile-victim'
EMPTY_BOARD = {'board': ['.'] * 9, 'currentPlayer': 0, 'winner': None}


class RunnerDied(Exception):
    pass


class RequestTimeout(Exception):
    pass


class Runner:
    """A runner child process with a blocking request() and a per-request timeout that kills it."""

    def __init__(self, module, *args, token=None, env=None):
        environment = {'PATH': os.environ.get('PATH', '/usr/bin:/bin')}
        if token is not None:
            environment['GAMECWM_RUNNER_TOKEN'] = token
        environment.update(env or {})
        self.process = subprocess.Popen(
            [sys.executable, '-I', '-S', '-B', RUNNER, module, *args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment,
        )
        self.buffer = b''
        self.next_id = 1

    def send_line(self, text):
        self.process.stdin.write(text.encode('utf-8') + b'\n')
        self.process.stdin.flush()

    def read_line(self, timeout):
        deadline = time.monotonic() + timeout
        fd = self.process.stdout.fileno()
        while b'\n' not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.kill()
                raise RequestTimeout(f'no response within {timeout} s')
            ready, _, _ = select.select([fd], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                self.process.wait(timeout=10)
                raise RunnerDied(f'the runner exited with {self.process.returncode}')
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b'\n')
        return json.loads(line)

    def request(self, op, timeout=30, **fields):
        request_id = self.next_id
        self.next_id += 1
        self.send_line(json.dumps({'id': request_id, 'op': op, **fields}))
        response = self.read_line(timeout)
        assert response['id'] == request_id, response
        return response

    def result(self, op, timeout=30, **fields):
        response = self.request(op, timeout, **fields)
        if not response['ok']:
            raise AssertionError(f'{op} failed: {response["error"]}')
        return response['result']

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)

    def close(self):
        try:
            self.process.stdin.close()
        except OSError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill()
        self.process.stdout.close()
        self.process.stderr.close()


def checks_by_name(report):
    return {check['name']: check for check in report['checks']}


def failed(report):
    return sorted(check['name'] for check in report['checks'] if not check['passed'])


class RunnerTestCase(unittest.TestCase):
    def runner(self, module, *args, **kwargs):
        path = module if os.path.isabs(module) else os.path.join(DATA, module)
        runner = Runner(path, *args, **kwargs)
        self.addCleanup(runner.close)
        return runner

    def mutant(self, base, *replacements):
        """A copy of a test module with text replaced (each old text must occur)."""
        with open(os.path.join(DATA, base)) as handle:
            source = handle.read()
        for old, new in replacements:
            self.assertIn(old, source, f'mutation target missing from {base}')
            source = source.replace(old, new)
        directory = tempfile.mkdtemp(prefix='gamecwm-mutant-')
        self.addCleanup(shutil.rmtree, directory, True)
        path = os.path.join(directory, base)
        with open(path, 'w') as handle:
            handle.write(source)
        return path


TTT_DYNAMICS = {'players': 2, 'utility': 'zero-sum', 'max_game_length': 9, 'playouts': 60, 'seed': 11}
PEBBLES_DYNAMICS = {'players': 2, 'utility': 'zero-sum', 'max_game_length': 5, 'playouts': 40, 'seed': 11}
COIN_DYNAMICS = {'players': 2, 'utility': 'zero-sum', 'max_game_length': 2, 'playouts': 60, 'seed': 11}
KUHN_DYNAMICS = {'players': 2, 'utility': 'zero-sum', 'max_game_length': 4, 'playouts': 60, 'seed': 11}
KUHN_INFORMATION = {'players': 2, 'max_game_length': 4, 'histories': 60, 'seed': 5}

TTT_SCENARIOS = [
    {'name': 'opening', 'actions': [], 'expect': {
        'terminal': False, 'currentPlayer': 0,
        'legalActions': ['x(0,0)', 'x(0,1)', 'x(0,2)', 'x(1,0)', 'x(1,1)', 'x(1,2)', 'x(2,0)', 'x(2,1)', 'x(2,2)']}},
    {'name': 'x wins along the top row', 'actions': ['x(0,0)', 'o(1,0)', 'x(0,1)', 'o(1,1)', 'x(0,2)'],
     'expect': {'terminal': True, 'currentPlayer': -4, 'rewards': [1, -1], 'winner': 0, 'legalActions': []}},
    {'name': 'anti-diagonal win', 'actions': ['x(0,2)', 'o(0,0)', 'x(1,1)', 'o(0,1)', 'x(2,0)'],
     'expect': {'terminal': True, 'rewardSigns': [1, -1], 'winner': 0}},
    {'name': 'draw', 'actions': ['x(0,0)', 'o(0,1)', 'x(0,2)', 'o(1,1)', 'x(1,0)', 'o(1,2)', 'x(2,1)', 'o(2,0)', 'x(2,2)'],
     'expect': {'terminal': True, 'rewards': [0, 0], 'winner': None}},
    {'name': 'occupied cells are not legal', 'actions': ['x(1,1)'], 'expect': {'currentPlayer': 1, 'illegalActions': ['o(1,1)', 'x(0,0)']}},
]


class ProtocolTest(RunnerTestCase):
    def test_exports_lists_the_contract_functions_defined(self):
        self.assertEqual(self.runner('tic_tac_toe.py').result('exports'), [
            'get_initial_state', 'apply_action', 'get_current_player', 'get_player_name', 'get_rewards',
            'get_legal_actions', 'get_observations'])
        self.assertIn('get_chance_outcomes', self.runner('biased_coin.py').result('exports'))
        self.assertIn('resample_history', self.runner('kuhn_poker.py').result('exports'))

    def test_call_runs_one_function_json_in_json_out(self):
        runner = self.runner('tic_tac_toe.py')
        self.assertEqual(runner.result('call', fn='get_initial_state'), EMPTY_BOARD)
        legal = runner.result('call', fn='get_legal_actions', args=[EMPTY_BOARD])
        self.assertEqual(len(legal), 9)
        after = runner.result('call', fn='apply_action', args=[EMPTY_BOARD, 'x(1,1)'])
        self.assertEqual(after['board'][4], 'x')
        self.assertEqual(runner.result('call', fn='get_player_name', args=[1]), 'o')
        # Tuples come back as lists.
        coin = self.runner('biased_coin.py')
        self.assertEqual(coin.result('call', fn='get_chance_outcomes', args=[{'call': 'heads', 'coin': None}]),
                         [['coin:heads', 0.3], ['coin:tails', 0.7]])

    def test_call_errors_are_reported_and_the_runner_carries_on(self):
        runner = self.runner('tic_tac_toe.py')
        response = runner.request('call', fn='apply_action', args=[EMPTY_BOARD, 'o(0,0)'])
        self.assertFalse(response['ok'])
        self.assertRegex(response['error'], r'^ValueError: "o\(0,0\)" is not an action of player 0')
        response = runner.request('call', fn='open', args=['/etc/passwd'])
        self.assertRegex(response['error'], r'^ProtocolError: "open" is not a contract function')
        response = runner.request('call', fn='get_chance_outcomes', args=[EMPTY_BOARD])
        self.assertRegex(response['error'], r'does not define a function get_chance_outcomes')
        self.assertRegex(runner.request('nonsense')['error'], r'^ProtocolError: unknown op "nonsense"')
        self.assertRegex(runner.request('dynamics', players=2)['error'], r'needs the field "max_game_length"')
        runner.send_line('{not json')
        response = runner.read_line(10)
        self.assertEqual((response['id'], response['ok']), (None, False))
        self.assertRegex(response['error'], r'^ProtocolError: the request is not valid JSON')
        self.assertEqual(len(runner.result('exports')), 7)

    def test_resample_history_with_a_seed_is_reproducible(self):
        runner = self.runner('kuhn_poker.py')
        # The paper's convention: player 1's own (observation, action) pairs.
        history = [[{'player': 1, 'card': 'Q', 'betting': ['Call'], 'currentPlayer': 1}, 'Raise']]
        draws = {tuple(runner.result('call', fn='resample_history', args=[history, 1], seed=seed)) for seed in range(20)}
        self.assertEqual(draws, {('JQ', 'Call', 'Raise'), ('KQ', 'Call', 'Raise')})
        first = runner.result('call', fn='resample_history', args=[history, 1], seed=4)
        self.assertEqual(runner.result('call', fn='resample_history', args=[history, 1], seed=4), first)

    def test_replay_reports_every_state_and_stops_at_an_error(self):
        runner = self.runner('biased_coin.py')
        steps = runner.result('replay', actions=['call:heads', 'coin:tails'])
        self.assertEqual([s['player'] for s in steps], [0, -1, -4])
        self.assertIsNone(steps[0]['chance'])
        self.assertEqual(steps[1]['chance'], [['coin:heads', 0.3], ['coin:tails', 0.7]])
        self.assertEqual(steps[2]['rewards'], [-1, 1])
        self.assertEqual(steps[2]['legal'], [])
        self.assertEqual(len(steps[0]['observations']), 2)
        broken = runner.result('replay', actions=['call:heads', 'call:tails'])
        self.assertEqual(len(broken), 3)
        self.assertRegex(broken[2]['error'], r'apply_action\(state, "call:tails"\) raised ValueError')

    def test_playouts_play_whole_games(self):
        result = self.runner('tic_tac_toe.py').result('playouts', count=50, seed=1)
        self.assertEqual(result['games'], 50)
        self.assertTrue(5 * 50 <= result['steps'] <= 9 * 50)
        self.assertGreaterEqual(result['seconds'], 0)
        again = self.runner('tic_tac_toe.py').result('playouts', count=50, seed=1)
        self.assertEqual(again['steps'], result['steps'])

    def test_the_token_is_in_every_response_and_not_visible_to_the_module(self):
        runner = self.runner(os.path.join(HOSTILE, 'escapes.py'), token='s3cret')
        response = runner.request('call', fn='get_player_name', args=[25])
        self.assertEqual(response['token'], 's3cret')
        self.assertEqual(response['error'], "KeyError: 'GAMECWM_RUNNER_TOKEN'")

    def test_module_output_goes_to_stderr_not_the_protocol(self):
        runner = self.runner('nim.py')
        self.assertEqual(runner.result('call', fn='get_player_name', args=[0]), 'First')
        self.assertEqual(runner.result('call', fn='apply_action', args=[{'piles': [1, 2, 3], 'player': 0, 'winner': None}, 'take(2,3)'])['piles'], [1, 2, 0])
        runner.process.stdin.close()
        errors = runner.process.stderr.read().decode()
        self.assertIn('a line printed while loading', errors)
        self.assertIn('nim: applying take(2,3)', errors)

    def test_a_regular_file_as_stdout_is_refused_with_a_clear_message(self):
        with tempfile.TemporaryFile() as out:
            process = subprocess.run([sys.executable, '-I', '-S', '-B', RUNNER, os.path.join(DATA, 'tic_tac_toe.py')],
                                     input=b'{"id":1,"op":"exports"}\n', stdout=out, stderr=subprocess.PIPE, timeout=30)
        self.assertNotEqual(process.returncode, 0)
        self.assertIn(b'stdout is a regular file', process.stderr)

    def test_bad_arguments_end_with_a_usage_line(self):
        process = subprocess.run([sys.executable, RUNNER], capture_output=True, timeout=30)
        self.assertNotEqual(process.returncode, 0)
        self.assertIn(b'usage: gamecwm_runner MODULE.py', process.stderr)
        process = subprocess.run([sys.executable, RUNNER, '/nonexistent/cwm.py'], capture_output=True, timeout=30)
        self.assertIn(b'cannot read /nonexistent/cwm.py', process.stderr)


class DynamicsTest(RunnerTestCase):
    def test_the_test_games_pass_every_check(self):
        for module, request in (('tic_tac_toe.py', TTT_DYNAMICS), ('biased_coin.py', COIN_DYNAMICS),
                                ('kuhn_poker.py', KUHN_DYNAMICS), ('nim.py', {**TTT_DYNAMICS, 'max_game_length': 6})):
            with self.subTest(module=module):
                report = self.runner(module).result('dynamics', **request)
                self.assertEqual(failed(report), [])
                self.assertEqual([c['name'] for c in report['checks']], [
                    'no-crash', 'no-mutation', 'deterministic', 'current-player-valid', 'terminal-has-no-actions',
                    'legal-actions-valid', 'chance-distribution', 'rewards-well-formed', 'utility-kind',
                    'observations-well-formed', 'state-copies-by-value', 'length-bounded', 'player-names'])
                self.assertEqual(report['playouts'], request['playouts'])
                self.assertEqual(report['terminal_playouts'], request['playouts'])
                self.assertGreater(report['steps'], 0)

    def dynamics_of(self, path, request=TTT_DYNAMICS):
        return checks_by_name(self.runner(path).result('dynamics', **request))

    def assert_fails(self, check, path, message, request=TTT_DYNAMICS, actions=True):
        checks = self.dynamics_of(path, request)
        self.assertFalse(checks[check]['passed'], f'{check} should fail')
        self.assertRegex(checks[check]['message'], message)
        if actions:
            self.assertIsInstance(checks[check]['actions'], list)

    def test_no_crash(self):
        path = self.mutant('tic_tac_toe.py', ("    cell = ACTIONS[player].index(action)\n",
                                              "    if action == 'x(1,1)':\n        raise RuntimeError('boom')\n    cell = ACTIONS[player].index(action)\n"))
        self.assert_fails('no-crash', path, r'^apply_action\(state, "x\(1,1\)"\) raised RuntimeError: boom$')

    def test_no_mutation(self):
        path = self.mutant('tic_tac_toe.py', ('new_state = copy.deepcopy(state)', 'new_state = state'))
        self.assert_fails('no-mutation', path, r'^apply_action\(state, "[xo]\(\d,\d\)"\) modified its input state; copy the state')

    def test_deterministic(self):
        path = self.mutant('tic_tac_toe.py', ('import copy\n', 'import copy\nimport random\n'),
                           ("'winner': None}", "'winner': None, 'nonce': random.random()}"))
        json_rule = {**TTT_DYNAMICS, 'values': 'json'}
        self.assert_fails('deterministic', path, r'get_initial_state returned different states on two calls', json_rule)
        path = self.mutant('tic_tac_toe.py', ('import copy\n', 'import copy\nimport random\n'),
                           ("    new_state = copy.deepcopy(state)\n", "    new_state = copy.deepcopy(state)\n    new_state['nonce'] = random.random()\n"))
        self.assert_fails('deterministic', path, r'apply_action\(state, "x\(\d,\d\)"\) returned different states on two calls with the same input', json_rule)
        # The paper's format asks what the paper's evaluator asks: the same legal actions and observations
        # from the same state (a random effect inside apply_action is allowed there).
        self.assertTrue(self.dynamics_of(path)['deterministic']['passed'])
        path = self.mutant('tic_tac_toe.py', ('import copy\n', 'import copy\nimport random\n'),
                           ("if state['board'][cell] == '.']", "if state['board'][cell] == '.' and random.random() < 0.9]"))
        self.assert_fails('deterministic', path, r'^get_legal_actions returned different actions on two calls with the same state$')

    def test_current_player_valid(self):
        path = self.mutant('tic_tac_toe.py', ("    return state['currentPlayer']\n",
                                              "    return 7 if state['board'].count('.') < 8 else state['currentPlayer']\n"))
        self.assert_fails('current-player-valid', path, r'^get_current_player returned 7; expected 0..1, -1 \(chance\) or -4 \(terminal\)$')
        path = self.mutant('tic_tac_toe.py', ("    return state['currentPlayer']\n", "    return str(state['currentPlayer'])\n"))
        self.assert_fails('current-player-valid', path, r'get_current_player returned "0" \(a str\); expected an int')

    def test_terminal_has_no_actions(self):
        path = self.mutant('tic_tac_toe.py', ("    if player == TERMINAL:\n        return []\n", "    if player == TERMINAL:\n        return ['pass']\n"))
        self.assert_fails('terminal-has-no-actions', path, r'^get_legal_actions returned \["pass"\] at a terminal state; expected \[\]$')

    def test_legal_actions_valid(self):
        path = self.mutant('tic_tac_toe.py', ("if state['board'][cell] == '.']", "if state['board'][cell] == '.'] * 2"))
        self.assert_fails('legal-actions-valid', path, r'^get_legal_actions lists "x\(0,0\)" twice$')
        path = self.mutant('tic_tac_toe.py', ("if state['board'][cell] == '.']", "if state['board'][cell] == '.'] + [7]"))
        self.assert_fails('legal-actions-valid', path, r'^get_legal_actions returned a non-string action 7$')
        path = self.mutant('tic_tac_toe.py', ("if state['board'][cell] == '.']", "if state['board'][cell] == '.'] + [{1, 2}]"))
        self.assert_fails('legal-actions-valid', path, r'^get_legal_actions returned a non-string action \{1,2\}$')

    def test_chance_distribution(self):
        path = self.mutant('biased_coin.py', ("('coin:tails', 1 - P_HEADS)", "('coin:tails', 0.5)"))
        self.assert_fails('chance-distribution', path, r'^chance probabilities sum to 0\.8; they must sum to 1$', COIN_DYNAMICS)
        path = self.mutant('biased_coin.py', ("('coin:tails', 1 - P_HEADS)", "('coin:edge', 1 - P_HEADS)"))
        self.assert_fails('chance-distribution', path, r'get_chance_outcomes lists \["coin:edge","coin:heads"\] but get_legal_actions lists', COIN_DYNAMICS)
        path = self.mutant('biased_coin.py', ("return [('coin:heads', P_HEADS), ('coin:tails', 1 - P_HEADS)]", "return ['coin:heads', 'coin:tails']"))
        self.assert_fails('chance-distribution', path, r'expected a list of \(action, probability\) pairs', COIN_DYNAMICS)

    def test_rewards_well_formed(self):
        path = self.mutant('tic_tac_toe.py', ("    if state['winner'] is None:\n        return [0, 0]\n", "    if state['winner'] is None:\n        return [0]\n"))
        self.assert_fails('rewards-well-formed', path, r'^get_rewards returned \[0\]; expected 2 finite numbers$')
        path = self.mutant('tic_tac_toe.py', ("    if state['winner'] is None:\n        return [0, 0]\n", "    if state['winner'] is None:\n        return [0, float('nan')]\n"))
        self.assert_fails('rewards-well-formed', path, r'^get_rewards returned \[0,nan\]; expected 2 finite numbers \(rewards\[1\] is nan, not a finite number\)$')

    def test_utility_kind(self):
        path = self.mutant('tic_tac_toe.py', ("return [1, -1] if state['winner'] == 0 else [-1, 1]", "return [1, 1]"))
        self.assert_fails('utility-kind', path, r'^terminal rewards \[1,1\] sum to 2; this game is zero-sum$')
        checks = self.dynamics_of(path, {**TTT_DYNAMICS, 'utility': 'identical'})
        self.assertTrue(checks['utility-kind']['passed'])
        checks = self.dynamics_of(os.path.join(DATA, 'tic_tac_toe.py'), {**TTT_DYNAMICS, 'utility': 'identical'})
        self.assertRegex(checks['utility-kind']['message'], r'differ; this game gives every player the same reward')

    def test_observations_well_formed(self):
        path = self.mutant('tic_tac_toe.py', ('return [state, state]', 'return [state]'))
        self.assert_fails('observations-well-formed', path, r'^get_observations returned 1 observations; expected one per player \(2\)$')

    def test_state_is_json_under_the_json_rule(self):
        json_rule = {**TTT_DYNAMICS, 'values': 'json'}
        path = self.mutant('tic_tac_toe.py', ("{'board': ['.'] * 9,", "{'board': ('.',) * 9,"))
        self.assertTrue(self.dynamics_of(path)['state-copies-by-value']['passed'])  # tuples are fine in the paper's format
        self.assert_fails('state-is-json', path, r"^the state from get_initial_state\(\) is not plain JSON data \(it must survive json.loads\(json.dumps\(x\)\)\): state\[\"board\"\] is a tuple, not a list", json_rule)
        path = self.mutant('tic_tac_toe.py', ("        new_state['winner'] = player\n", "        new_state['winner'] = {player}\n"))
        self.assert_fails('state-is-json', path, r'the state from apply_action\(state, "[xo]\(\d,\d\)"\) is not plain JSON data .*state\["winner"\] is a set', json_rule)

    def test_state_copies_by_value_in_the_paper_format(self):
        path = self.mutant('tic_tac_toe.py', ("'winner': None}", "'winner': None, 'marker': object()}"))
        self.assert_fails('state-copies-by-value', path, r'^the state from get_initial_state\(\) does not compare equal \(==\) to its own copy.deepcopy')

    def test_a_state_failure_does_not_mask_a_crash_every_playout_hits(self):
        path = self.mutant('tic_tac_toe.py', ("{'board': ['.'] * 9,", "{'board': ('.',) * 9,"),
                           ("    cell = ACTIONS[player].index(action)\n", "    raise RuntimeError('always')\n"))
        checks = self.dynamics_of(path, {**TTT_DYNAMICS, 'values': 'json'})
        self.assertFalse(checks['state-is-json']['passed'])
        self.assertRegex(checks['no-crash']['message'], r'^apply_action\(state, "x\(\d,\d\)"\) raised RuntimeError: always$')
        path = self.mutant('pebbles.py', ("    n = int(action.split(':')[1])\n", "    n = int(action.split(':')[1])\n    if state['moves']:\n        raise KeyError(n)\n"))
        checks = self.dynamics_of(path, PEBBLES_DYNAMICS)
        self.assertEqual(failed({'checks': list(checks.values())}), ['no-crash'])
        self.assertRegex(checks['no-crash']['message'], r'^apply_action\(state, "take:\d"\) raised KeyError: \d$')
        self.assertEqual(len(checks['no-crash']['actions']), 1)

    def test_length_bounded(self):
        self.assert_fails('length-bounded', os.path.join(DATA, 'tic_tac_toe.py'),
                          r'^the game is not over after 3 actions; it should end within 3$', {**TTT_DYNAMICS, 'max_game_length': 3, 'values': 'json'})
        # The paper's evaluator lets a game run to 500 steps: so does the paper's format.
        self.assertTrue(self.dynamics_of(os.path.join(DATA, 'tic_tac_toe.py'), {**TTT_DYNAMICS, 'max_game_length': 3})['length-bounded']['passed'])
        endless = self.mutant('pebbles.py', ("    new_state['pool'].discard(n)\n", ''))
        self.assert_fails('length-bounded', endless, r'^the game is not over after 500 actions; it should end within 500$', {**PEBBLES_DYNAMICS, 'playouts': 2})

    def test_player_names(self):
        path = self.mutant('tic_tac_toe.py', ("return 'x' if player_id == 0 else 'o'", "return 'x' if player_id == 0 else ''"))
        self.assert_fails('player-names', path, r'^get_player_name\(1\) returned ""; expected a non-empty string$', actions=False)
        path = self.mutant('tic_tac_toe.py', ("return 'x' if player_id == 0 else 'o'", "return ['x', 'o'][player_id - 5]"))
        self.assert_fails('player-names', path, r'^get_player_name\(0\) raised IndexError: list index out of range$', actions=False)

    def test_sys_exit_in_a_function_is_a_crash_not_the_end_of_the_runner(self):
        path = self.mutant('tic_tac_toe.py', ("    cell = ACTIONS[player].index(action)\n",
                                              "    if action == 'o(1,1)':\n        raise SystemExit(3)\n    cell = ACTIONS[player].index(action)\n"))
        runner = self.runner(path)
        checks = checks_by_name(runner.result('dynamics', **TTT_DYNAMICS))
        self.assertEqual(checks['no-crash']['message'], 'apply_action(state, "o(1,1)") raised SystemExit: 3')
        self.assertEqual(len(runner.result('exports')), 7)


class PythonValuesTest(RunnerTestCase):
    """A paper-format module whose states hold a set, Counters under int keys and a tuple."""

    def test_it_passes_every_dynamics_check_and_fails_only_the_json_rule(self):
        runner = self.runner('pebbles.py')
        report = runner.result('dynamics', **PEBBLES_DYNAMICS)
        self.assertEqual(failed(report), [])
        self.assertEqual(report['terminal_playouts'], PEBBLES_DYNAMICS['playouts'])
        json_rule = checks_by_name(runner.result('dynamics', **PEBBLES_DYNAMICS, values='json'))
        self.assertEqual(failed({'checks': list(json_rule.values())}), ['observations-well-formed', 'state-is-json'])
        self.assertRegex(json_rule['state-is-json']['message'], r'state\["pool"\] is a set, not JSON data')

    def test_a_mutated_nested_set_is_caught(self):
        path = self.mutant('pebbles.py', ("    new_state = copy.deepcopy(state)\n    new_state['pool'].discard(n)\n",
                                          "    state['pool'].discard(n)\n    new_state = copy.deepcopy(state)\n"))
        checks = checks_by_name(self.runner(path).result('dynamics', **PEBBLES_DYNAMICS))
        self.assertRegex(checks['no-mutation']['message'], r'^apply_action\(state, "take:\d"\) modified its input state')
        self.assertTrue(checks['no-crash']['passed'])

    def test_states_cross_to_the_host_and_back_in_the_wire_encoding(self):
        runner = self.runner('pebbles.py')
        state = runner.result('call', fn='get_initial_state')
        self.assertEqual(state, {
            'pool': {'$py': 'set', 'v': [1, 2, 3, 4, 5]},
            'taken': {'$py': 'dict', 'v': [[0, {'$py': 'Counter', 'v': []}], [1, {'$py': 'Counter', 'v': []}]]},
            'moves': {'$py': 'tuple', 'v': []}, 'player': 0})
        after = runner.result('call', fn='apply_action', args=[state, 'take:4'])
        self.assertEqual(runner.result('call', fn='get_legal_actions', args=[after]), ['take:1', 'take:2', 'take:3', 'take:5'])
        self.assertEqual(after['moves'], {'$py': 'tuple', 'v': [{'$py': 'tuple', 'v': [0, 4]}]})
        self.assertEqual(after['taken']['v'][0], [0, {'$py': 'Counter', 'v': [[4, 1]]}])
        result = runner.result('mcts', state=after, iterations=200, players=2, reward_range=[-1, 1], max_game_length=5, seed=1)
        self.assertIn(result['action'], ['take:1', 'take:2', 'take:3', 'take:5'])
        self.assertEqual(runner.result('playouts', count=10, seed=3, max_game_length=5)['steps'], 50)

    def test_get_player_name_is_optional(self):
        runner = self.runner('pebbles.py')
        self.assertNotIn('get_player_name', runner.result('exports'))
        self.assertTrue(checks_by_name(runner.result('dynamics', **PEBBLES_DYNAMICS))['player-names']['passed'])


class ThirdPartyImportTest(RunnerTestCase):
    """numpy (which the paper's samples use) is allowed where installed; this machine has none, so a stand-in on a test-only path."""

    def numpy_module(self):
        return self.mutant('tic_tac_toe.py', ('import copy\n', 'import copy\nimport numpy as np\n'),
                           ("    return [state, state]\n", "    return [state, state] if np.ones(2)[0] == 1 else []\n"))

    def test_a_module_importing_numpy_loads_where_numpy_is_installed(self):
        packages = tempfile.mkdtemp(prefix='gamecwm-packages-')
        self.addCleanup(shutil.rmtree, packages, True)
        os.mkdir(os.path.join(packages, 'numpy'))
        with open(os.path.join(packages, 'numpy', '__init__.py'), 'w') as handle:
            handle.write('def ones(n):\n    return [1.0] * n\n')
        runner = self.runner(self.numpy_module(), '--packages-dir', packages)
        self.assertEqual(failed(runner.result('dynamics', **TTT_DYNAMICS)), [])

    def test_a_module_importing_numpy_gets_a_specific_verdict_where_it_is_not(self):
        empty = tempfile.mkdtemp(prefix='gamecwm-packages-')
        self.addCleanup(shutil.rmtree, empty, True)
        response = self.runner(self.numpy_module(), '--packages-dir', empty).request('exports')
        self.assertFalse(response['ok'])
        self.assertRegex(response['error'], r'^LoadError: the module failed to load: ImportError: numpy is allowed in a gamecwm module '
                                            r'but is not installed for the Python that runs it \(.*python.*\); install it there')
        response = self.runner(self.mutant('tic_tac_toe.py', ('import copy\n', 'import copy\nimport sqlite3\n'))).request('exports')
        self.assertRegex(response['error'], r"does not allow importing 'sqlite3'; allowed: .*, numpy$")


class InformationTest(RunnerTestCase):
    def test_kuhn_poker_resamples_consistently(self):
        report = self.runner('kuhn_poker.py').result('information', **KUHN_INFORMATION)
        self.assertEqual(failed(report), [])
        self.assertEqual([c['name'] for c in report['checks']],
                         ['resample-runs', 'resample-legal', 'resample-observations', 'resample-own-actions', 'resample-complete'])
        self.assertGreater(report['histories'], 20)  # histories with at least one own decision

    def information_of(self, *replacements):
        return checks_by_name(self.runner(self.mutant('kuhn_poker.py', *replacements)).result('information', **KUHN_INFORMATION))

    def test_resample_runs(self):
        checks = self.information_of(("    if not obs_action_history:\n        return []\n", "    raise RuntimeError('cannot resample')\n"))
        self.assertRegex(checks['resample-runs']['message'],
                         r'^resample_history\(\[\(\{"betting":\[.*\],"card":"[JQK]",.*\}, "(Fold|Call|Raise)"\).*\], [01]\) raised RuntimeError: cannot resample$')
        checks = self.information_of(('def resample_history(', 'def _unused('))
        self.assertEqual(checks['resample-runs']['message'], 'resample_history is missing; imperfect-information games must define it')
        checks = self.information_of(('    return random.choice(consistent)\n', '    return "JQ"\n'))
        self.assertRegex(checks['resample-runs']['message'], r'resample_history returned "JQ"; expected a list of action strings')

    def test_resample_legal(self):
        checks = self.information_of(('    return random.choice(consistent)\n', "    return ['XX'] + random.choice(consistent)[1:]\n"))
        self.assertRegex(checks['resample-legal']['message'], r'^player [01]: step 0: resampled action "XX" is not legal \(legal: \["JQ","JK","QJ","QK","KJ","KQ"\]\) \(the history: \[\(\{.*\}, "(Fold|Call|Raise)"\).*\]\)$')

    def test_resample_complete(self):
        """Replays too short: the last own action is missing."""
        checks = self.information_of(('    return random.choice(consistent)\n', '    return random.choice(consistent)[:-1]\n'))
        self.assertRegex(checks['resample-complete']['message'], r"pass only \d of the player's \d decisions; every entry of the history must be replayed")

    def test_resample_observations(self):
        checks = self.information_of(('for deal in DEALS if _explains(', 'for deal in DEALS if not _explains('))
        self.assertRegex(checks['resample-observations']['message'], r"at the player's decision 0 .* the player observes \{.*\} but the history says \{.*\}")

    def test_resample_own_actions(self):
        """Replays too far: the opponent answers and the player acts again, beyond its history."""
        checks = self.information_of(('    return random.choice(consistent)\n', "    return random.choice(consistent) + ['Raise', 'Call']\n"))
        self.assertRegex(checks['resample-own-actions']['message'], r"the resampled history has the player act \(\"Call\"\) after all 1 of its decisions")
        checks = self.information_of(('    return random.choice(consistent)\n',
                                      "    chosen = random.choice(consistent)\n    chosen[-1] = {'Call': 'Raise', 'Raise': 'Call', 'Fold': 'Call'}[chosen[-1]]\n    return chosen\n"))
        self.assertRegex(checks['resample-own-actions']['message'], r'the player took "(Call|Raise)" but the resampled history has "(Raise|Call)"')


class ScenariosTest(RunnerTestCase):
    def test_scenarios_pass_and_fail_with_actionable_messages(self):
        results = self.runner('tic_tac_toe.py').result('scenarios', scenarios=TTT_SCENARIOS)
        self.assertEqual([r['name'] for r in results], [f"scenario: {s['name']}" for s in TTT_SCENARIOS])
        self.assertTrue(all(r['passed'] for r in results), results)
        swapped = self.mutant('tic_tac_toe.py', ("return [1, -1] if state['winner'] == 0 else [-1, 1]", "return [-1, 1] if state['winner'] == 0 else [1, -1]"))
        results = {r['name']: r for r in self.runner(swapped).result('scenarios', scenarios=TTT_SCENARIOS)}
        top_row = results['scenario: x wins along the top row']
        self.assertFalse(top_row['passed'])
        self.assertEqual(top_row['message'], 'after ["x(0,0)","o(1,0)","x(0,1)","o(1,1)","x(0,2)"] the rewards should be [1,-1], not [-1,1]')
        self.assertEqual(top_row['actions'], ['x(0,0)', 'o(1,0)', 'x(0,1)', 'o(1,1)', 'x(0,2)'])
        self.assertRegex(results['scenario: anti-diagonal win']['message'], r"the rewards' signs should be \[1,-1\], but the rewards are \[-1,1\]")
        self.assertTrue(results['scenario: opening']['passed'])

    def test_illegal_actions_and_wrong_expectations(self):
        runner = self.runner('tic_tac_toe.py')
        results = runner.result('scenarios', scenarios=[
            {'name': 'illegal', 'actions': ['x(0,0)', 'x(0,1)'], 'expect': {}},
            {'name': 'wrong player', 'actions': ['x(0,0)'], 'expect': {'currentPlayer': 0}},
            {'name': 'not over', 'actions': ['x(0,0)'], 'expect': {'terminal': True}},
            {'name': 'winner', 'actions': [], 'expect': {'winner': 0}},
            {'name': 'must be illegal', 'actions': [], 'expect': {'illegalActions': ['x(1,1)']}},
        ])
        messages = [r['message'] for r in results]
        self.assertRegex(messages[0], r'^action 2 "x\(0,1\)" should be legal after \["x\(0,0\)"\] but the legal actions are \["o\(0,1\)"')
        self.assertEqual(messages[1], 'after ["x(0,0)"] the current player should be 0, not 1')
        self.assertEqual(messages[2], 'after ["x(0,0)"] the game should be over, but the current player is 1')
        self.assertEqual(messages[3], 'after [] the winner should be player 0, but the rewards are [0,0]')
        self.assertEqual(messages[4], 'after [] "x(1,1)" should not be legal')


class DifferentialTest(RunnerTestCase):
    def trajectories(self, count=12):
        """Reference trajectories recorded from the correct module."""
        runner = self.runner('tic_tac_toe.py')
        result = []
        for seed in range(count):
            actions = []
            state = runner.result('call', fn='get_initial_state')
            while True:
                legal = runner.result('call', fn='get_legal_actions', args=[state])
                if not legal:
                    break
                action = legal[(seed * 7 + len(actions) * 3) % len(legal)]
                actions.append(action)
                state = runner.result('call', fn='apply_action', args=[state, action])
            steps = runner.result('replay', actions=actions)
            result.append({'actions': actions, 'expected': [{'player': s['player'], 'legal': s['legal'], 'rewards': s['rewards']} for s in steps]})
        return result

    def test_the_same_module_agrees_on_every_step(self):
        report = self.runner('tic_tac_toe.py').result('differential', trajectories=self.trajectories())
        self.assertEqual(failed(report), [])
        self.assertEqual([c['name'] for c in report['checks']], ['same-legal-actions', 'same-current-player', 'same-rewards', 'same-terminal', 'candidate-accepts-actions'])
        self.assertEqual(report['transition_accuracy'], 1)
        self.assertEqual(report['steps'], report['agreeing_steps'])

    def test_each_difference_fails_its_check(self):
        trajectories = self.trajectories()
        cases = [
            ('same-rewards', [("return [1, -1] if state['winner'] == 0 else [-1, 1]", "return [-1, 1] if state['winner'] == 0 else [1, -1]")],
             r'^the rewards are \[-1,1\]; the rules give \[1,-1\]$'),
            ('same-legal-actions', [("for cell in range(9) if", "for cell in range(8) if")], r'^the legal actions differ from the rules: missing \["x\(2,2\)"\]$'),
            ('same-current-player', [("new_state['currentPlayer'] = TERMINAL if '.' not in board else 1 - player",
                                      "new_state['currentPlayer'] = TERMINAL if '.' not in board else player")], r'^the current player is 0; the rules say 1$'),
            ('same-terminal', [("new_state['currentPlayer'] = TERMINAL if '.' not in board else 1 - player",
                                "new_state['currentPlayer'] = TERMINAL")], r'^the game should not be over here$'),
            ('candidate-accepts-actions', [("    cell = ACTIONS[player].index(action)\n",
                                            "    if action == 'x(1,1)':\n        raise RuntimeError('no centre')\n    cell = ACTIONS[player].index(action)\n")],
             r'^apply_action\(state, "x\(1,1\)"\) raised RuntimeError: no centre$'),
        ]
        for check, replacements, message in cases:
            with self.subTest(check=check):
                report = self.runner(self.mutant('tic_tac_toe.py', *replacements)).result('differential', trajectories=trajectories)
                checks = checks_by_name(report)
                self.assertFalse(checks[check]['passed'])
                self.assertRegex(checks[check]['message'], message)
                self.assertLess(report['transition_accuracy'], 1)


    def test_rewards_undefined_mid_game_are_the_paper_formats_business(self):
        # The paper's evaluator reads rewards at the first state and at the end only (leduc_poker's
        # golden raises in between); under our JSON contract they are defined everywhere.
        trajectories = self.trajectories()
        mid_game = ("    if state['winner'] is None:\n        return [0, 0]\n",
                    "    if state['winner'] is None and '.' in ''.join(state['board']) and state['board'] != ['.'] * 9:\n"
                    "        raise KeyError(None)\n    if state['winner'] is None:\n        return [0, 0]\n")
        path = self.mutant('tic_tac_toe.py', mid_game)
        paper = self.runner(path).result('differential', trajectories=trajectories, values='python')
        self.assertEqual(failed(paper), [])
        self.assertEqual(paper['transition_accuracy'], 1)
        strict = checks_by_name(self.runner(path).result('differential', trajectories=trajectories, values='json'))
        self.assertRegex(strict['candidate-accepts-actions']['message'], r'^a query raised KeyError: None$')
        # At the end they are read in either format.
        at_the_end = ("    return [1, -1] if state['winner'] == 0 else [-1, 1]", "    raise KeyError('end')")
        ended = checks_by_name(self.runner(self.mutant('tic_tac_toe.py', at_the_end)).result('differential', trajectories=trajectories, values='python'))
        self.assertRegex(ended['candidate-accepts-actions']['message'], r"^a query raised KeyError: 'end'$")


class SearchTest(RunnerTestCase):
    def test_uct_finds_an_immediate_win(self):
        state = {'board': ['x', 'x', '.', 'o', 'o', '.', '.', '.', '.'], 'currentPlayer': 0, 'winner': None}
        result = self.runner('tic_tac_toe.py').result('mcts', state=state, iterations=400, c=1.4, rollouts=1, players=2,
                                                      reward_range=[-1, 1], max_game_length=9, seed=3)
        self.assertEqual(result['action'], 'x(0,2)')
        self.assertEqual(result['iterations'], 400)
        self.assertEqual(sum(s['visits'] for s in result['stats']), 400)
        best = next(s for s in result['stats'] if s['action'] == 'x(0,2)')
        self.assertEqual(best['value'], 1)

    def test_uct_is_reproducible_and_handles_chance(self):
        options = dict(iterations=2000, c=1.4, rollouts=2, players=2, reward_range=[-1, 1], max_game_length=2, seed=9)
        first = self.runner('biased_coin.py').result('mcts', **options)
        self.assertEqual(first['action'], 'call:tails')
        second = self.runner('biased_coin.py').result('mcts', **options)
        self.assertEqual(first['stats'], second['stats'])
        tails = next(s for s in first['stats'] if s['action'] == 'call:tails')
        self.assertAlmostEqual(tails['value'], 0.7, delta=0.05)

    def test_uct_refuses_a_chance_root_and_honours_a_time_budget(self):
        runner = self.runner('biased_coin.py')
        response = runner.request('mcts', state={'call': 'heads', 'coin': None}, iterations=10, players=2, reward_range=[-1, 1], max_game_length=2)
        self.assertEqual(response['error'], 'SearchError: search needs a decision node; the current player is -1')
        result = runner.result('mcts', time_ms=50, players=2, reward_range=[-1, 1], max_game_length=2)
        self.assertGreater(result['iterations'], 0)
        self.assertEqual(result['iterations'] % 16, 0)

    def test_ismcts_searches_information_sets(self):
        # The player's first decision: no own pairs yet, then [current observation, null].
        history = [[{'player': 0, 'card': 'K', 'betting': [], 'currentPlayer': 0}, None]]
        runner = self.runner('kuhn_poker.py')
        result = runner.result('ismcts', history=history, player=0, legal_actions=['Fold', 'Call', 'Raise'], iterations=1500,
                               c=1.4, rollouts=1, players=2, reward_range=[-2, 2], max_game_length=4, seed=2)
        self.assertEqual([s['action'] for s in result['stats']], ['Fold', 'Call', 'Raise'])
        self.assertNotEqual(result['action'], 'Fold')
        self.assertGreater(result['tree_size'], 1)
        # A paper-format module determinises by its own resample_history with the decision as the last
        # entry ([observation, a legal action]): every attempt reaches the decision. The probe posits the
        # listed actions in order: this list's Fold is no move at kuhn's first decision, so the module
        # explains no history ending with it; Call is, and is kept (two probes, then one per iteration).
        counts = result['determinisations']
        self.assertEqual(counts['path'], 'decision')
        self.assertEqual(sum(s['visits'] for s in result['stats']), 1500)
        self.assertEqual((counts['attempted'], counts['succeeded']), (1502, 1501))
        again = runner.result('ismcts', history=history, player=0, legal_actions=['Fold', 'Call', 'Raise'], iterations=1500,
                              c=1.4, rollouts=1, players=2, reward_range=[-2, 2], max_game_length=4, seed=2)
        self.assertEqual(again['stats'], result['stats'])
        # A later decision: the module resamples the paper's form (deal, Call, Raise, then the posited action).
        later = [[{'player': 0, 'card': 'J', 'betting': [], 'currentPlayer': 0}, 'Call'],
                 [{'player': 0, 'card': 'J', 'betting': ['Call', 'Raise'], 'currentPlayer': 0}, None]]
        result = runner.result('ismcts', history=later, player=0, legal_actions=['Fold', 'Call'], iterations=400,
                               c=1.4, rollouts=1, players=2, reward_range=[-2, 2], max_game_length=4, seed=2)
        self.assertEqual(result['action'], 'Fold')  # the jack loses every showdown
        self.assertEqual(result['determinisations']['succeeded'], 401)
        self.assertEqual(sum(s['visits'] for s in result['stats']), 400)
        # A module with resample_history_with_random (as translated modules have) draws from the
        # search's own generator, through a function that leads nowhere into the runner.
        path = self.mutant('kuhn_poker.py', ('def resample_history(obs_action_history, player_id):\n', '''\
def resample_history(obs_action_history, player_id):
    raise ValueError('the search must call resample_history_with_random')


def resample_history_with_random(obs_action_history, player_id, random_fn):
    u = random_fn()
    leaks = [name for name in ('ismcts_search', 'handle', 'posix', 'rng_new') if name in random_fn.__globals__]
    if type(u) is not float or not 0 <= u < 1 or leaks:
        raise ValueError(f'random_fn gave {u!r}; its globals hold {leaks}')
    return _resample(obs_action_history, player_id, lambda items: items[int(random_fn() * len(items))])


def _resample(obs_action_history, player_id, choice):
'''), ('    return random.choice(consistent)\n', '    return choice(consistent)\n'))
        seeded = self.runner(path)
        history = later
        own = seeded.result('ismcts', history=history, player=0, legal_actions=['Fold', 'Call'], iterations=300,
                            c=1.4, rollouts=1, players=2, reward_range=[-2, 2], max_game_length=4, seed=2)
        self.assertEqual(sum(s['visits'] for s in own['stats']), 300)
        again = seeded.result('ismcts', history=history, player=0, legal_actions=['Fold', 'Call'], iterations=300,
                              c=1.4, rollouts=1, players=2, reward_range=[-2, 2], max_game_length=4, seed=2)
        self.assertEqual(again['stats'], own['stats'])
        response = self.runner('tic_tac_toe.py').request('ismcts', history=[[EMPTY_BOARD, None]], player=0, legal_actions=['x(0,0)'],
                                                         iterations=5, players=2, reward_range=[-1, 1], max_game_length=9)
        self.assertRegex(response['error'], r"^SearchError: ISMCTS needs the game's resample_history")


class HostileTest(RunnerTestCase):
    def setUp(self):
        for path in (MARK,):
            if os.path.lexists(path):
                os.remove(path) if not os.path.isdir(path) else os.rmdir(path)
        with open(VICTIM, 'w') as handle:
            handle.write('keep me')
        self.addCleanup(lambda: os.path.exists(VICTIM) and os.remove(VICTIM))

    def assert_no_effect(self):
        self.assertFalse(os.path.lexists(MARK), f'{MARK} was created: the sandbox let an effect through')
        self.assertTrue(os.path.exists(VICTIM), f'{VICTIM} was removed')

    def hostile(self, name, *args, **kwargs):
        return self.runner(os.path.join(HOSTILE, name), *args, **kwargs)

    def test_os_system_is_refused(self):
        runner = self.hostile('os_system.py')
        response = runner.request('call', fn='get_legal_actions', args=[{'moves': 0}])
        self.assertEqual(response['error'], 'PermissionError: the gamecwm sandbox does not allow os.system')
        self.assertEqual(len(runner.result('exports')), 7)
        self.assert_no_effect()

    def test_reading_etc_passwd_is_refused(self):
        response = self.hostile('read_passwd.py').request('call', fn='get_legal_actions', args=[{'moves': 0}])
        self.assertEqual(response['error'], "PermissionError: the gamecwm sandbox does not allow opening '/etc/passwd' (mode 'r')")

    def test_writing_a_file_is_refused(self):
        response = self.hostile('write_file.py').request('call', fn='get_legal_actions', args=[{'moves': 0}])
        self.assertRegex(response['error'], r"^PermissionError: the gamecwm sandbox does not allow opening '/tmp/gamecwm-python-hostile-pwned' \(mode 'w'\)$")
        self.assert_no_effect()

    def test_sys_exit_does_not_end_the_runner(self):
        runner = self.hostile('sys_exit.py')
        self.assertEqual(runner.request('call', fn='get_legal_actions', args=[{'moves': 0}])['error'], 'SystemExit: 3')
        report = runner.result('dynamics', players=1, max_game_length=2, playouts=3)
        self.assertEqual(checks_by_name(report)['no-crash']['message'], 'get_legal_actions(state) raised SystemExit: 3')
        self.assertEqual(len(runner.result('exports')), 7)
        at_load = self.hostile('exit_at_load.py')
        self.assertEqual(at_load.request('exports')['error'], 'LoadError: the module failed to load: SystemExit: 3')
        self.assertEqual(at_load.request('exports')['error'], 'LoadError: the module failed to load: SystemExit: 3')

    def test_importing_socket_is_refused(self):
        response = self.hostile('import_socket.py').request('exports')
        self.assertRegex(response['error'], r"^LoadError: the module failed to load: ImportError: the gamecwm sandbox does not allow importing 'socket'")

    def test_a_memory_bomb_is_a_clean_error_and_the_runner_recovers(self):
        runner = self.hostile('memory_bomb.py', '--memory-mb', '160')
        response = runner.request('call', timeout=60, fn='get_legal_actions', args=[{'moves': 0}])
        self.assertEqual(response['error'], 'MemoryError: the Python CWM ran out of memory (the limit is 160 MB)')
        self.assertEqual(len(runner.result('exports')), 7)

    def test_an_infinite_loop_is_killed_by_the_request_timeout(self):
        runner = self.hostile('infinite_loop.py')
        started = time.monotonic()
        with self.assertRaises(RequestTimeout):
            runner.request('call', timeout=1.5, fn='get_legal_actions', args=[{'moves': 0}])
        self.assertLess(time.monotonic() - started, 10)
        self.assertIsNotNone(runner.process.poll())
        # A new runner on a good module works afterwards.
        self.assertEqual(len(self.runner('tic_tac_toe.py').result('exports')), 7)

    def test_an_infinite_loop_is_killed_by_the_cpu_limit(self):
        runner = self.hostile('infinite_loop.py', '--cpu-seconds', '1')
        with self.assertRaises(RunnerDied):
            runner.request('call', timeout=30, fn='get_legal_actions', args=[{'moves': 0}])
        self.assertEqual(runner.process.returncode, -signal.SIGXCPU)

    def test_every_escape_attempt_fails(self):
        runner = self.hostile('escapes.py', token='t0ken')
        with open(os.path.join(HOSTILE, 'escapes.py')) as handle:
            count = len(re.findall(r'^    lambda: .*# \d+ ', handle.read(), re.M))
        self.assertGreaterEqual(count, 30)
        for number in range(count):
            with self.subTest(escape=number):
                runner.send_line(json.dumps({'id': number, 'op': 'call', 'fn': 'get_player_name', 'args': [number]}))
                response = runner.read_line(30)
                if response.get('token') != 't0ken':  # a forged line (escape 30): the real response follows
                    self.assertEqual(number, 30)
                    self.assertNotIn('token', response)
                    response = runner.read_line(30)
                self.assertEqual(response['id'], number)
                self.assertEqual(response['token'], 't0ken')
                self.assertFalse(response['ok'], f'escape {number} succeeded')
                self.assertRegex(response['error'], r'^(PermissionError|ImportError|AttributeError|ValueError|KeyError|RuntimeError): ')
        self.assert_no_effect()
        self.assertEqual(len(runner.result('exports')), 7)


if __name__ == '__main__':
    unittest.main()
