"""Tests of python/gamecwm_reward.py against a stand-in reward service (a
standard-library HTTP server that echoes what it was asked).

Run: python3 -m unittest discover -s python -p 'test_*.py'
"""

import json
import os
import sys
import threading
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gamecwm_reward  # noqa: E402


class Service(BaseHTTPRequestHandler):
    requests = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers['content-length'])))
        Service.requests.append(body)
        if body['game'][0] == 'refused':
            self._send(422, {'error': 'unknown game "refused"'})
            return
        # The reward is the completion's length, so the test can see which is which.
        self._send(200, {'rewards': [len(c) for c in body['completions']], 'details': []})

    def _send(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header('content-type', 'application/json')
        self.send_header('content-length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


class RewardFuncTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ThreadingHTTPServer(('127.0.0.1', 0), Service)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.url = f'http://127.0.0.1:{cls.server.server_address[1]}'

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()

    def setUp(self):
        Service.requests.clear()

    def test_strings_and_conversations_keep_their_order(self):
        reward = gamecwm_reward.make_reward_func(url=self.url)
        completions = ['a', [{'role': 'assistant', 'content': 'bbb'}], 'cc']
        self.assertEqual(reward(completions, game=['tic_tac_toe', 'kuhn_poker', 'tic_tac_toe']), [1.0, 3.0, 2.0])
        self.assertEqual(Service.requests, [{'game': ['tic_tac_toe', 'kuhn_poker', 'tic_tac_toe'],
                                             'completions': ['a', 'bbb', 'cc'], 'lang': 'ts'}])

    def test_one_request_per_language_and_batches(self):
        reward = gamecwm_reward.make_reward_func(url=self.url, batch_size=2)
        rewards = reward(['a', 'bb', 'ccc', 'dddd'], game='pig', lang=['python', 'ts', 'python', 'python'])
        self.assertEqual(rewards, [1.0, 2.0, 3.0, 4.0])
        self.assertEqual([(r['lang'], r['completions']) for r in Service.requests],
                         [('python', ['a', 'ccc']), ('python', ['dddd']), ('ts', ['bb'])])

    def test_errors_are_clear(self):
        reward = gamecwm_reward.make_reward_func(url=self.url)
        with self.assertRaisesRegex(gamecwm_reward.RewardServiceError, 'answered 422: unknown game "refused"'):
            reward(['x'], game=['refused'])
        with self.assertRaisesRegex(ValueError, 'needs a "game" column'):
            reward(['x'])
        closed = gamecwm_reward.make_reward_func(url='http://127.0.0.1:9', timeout=5)
        with self.assertRaisesRegex(gamecwm_reward.RewardServiceError, 'cannot reach the reward service'):
            closed(['x'], game=['pig'])


if __name__ == '__main__':
    unittest.main()
