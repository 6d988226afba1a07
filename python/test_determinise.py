"""ISMCTS determinisation of paper-format modules at a decision (gamecwm_runner/search/determinise.py).

The paper's own goldens with private deals (the eight whose first decision the resample-and-extend
path could not reach) and our paper-format kuhn_poker: each determinisation must be a state at the
player's decision that shows the player exactly its observation, drawn by the module's own resampler
(the decision path), with the hidden part varying between draws. The goldens are trusted code (the
paper's); they are loaded directly, as golden_agreement.py loads them.
"""

import collections
import importlib.util
import os
import random
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, 'gamecwm_runner'))

from cwm import CHANCE, direct  # noqa: E402
from rng import rng_new  # noqa: E402
from search.determinise import make_determiniser  # noqa: E402
from value_rules import value_rule  # noqa: E402

PAPER_GAMES = os.path.join(HERE, '..', '..', 'shared', 'paper-dataset', 'games')
PRIVATE_DEALS = ['blackjack', 'battleship', 'poker_holdem', 'hanabi', 'gin_rummy', 'liars_dice', 'goofspiel', 'negotiation']


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Game:
    def __init__(self, module):
        self.ns = vars(module)
        fn, self.chance_outcomes = direct(self.ns)
        self.init, self.player, self.legal, self.apply, self.obs = (
            fn('get_initial_state'), fn('get_current_player'), fn('get_legal_actions'), fn('apply_action'), fn('get_observations'))
        self.fns = (self.init, self.player, self.legal, self.apply, self.obs, self.chance_outcomes)

    def first_decision(self):
        """As bench speed starts: chance takes its first listed outcome."""
        state = self.init()
        while self.player(state) == CHANCE:
            state = self.apply(state, self.legal(state)[0])
        return state

    def determiniser(self, state, own=(), seed=1):
        player = self.player(state)
        random.seed(seed)  # a paper-format module draws from Python's random, as the search seeds it
        return player, make_determiniser(self.ns, self.fns, value_rule('python')['same'], list(own), self.obs(state)[player], player,
                                         self.legal(state), 1000, rng_new(seed), guided=True)


class DecisionPathTest(unittest.TestCase):
    def assert_determinises(self, game, state, draws, own=()):
        player, (determinise, stats) = game.determiniser(state, own)
        observation = game.obs(state)[player]
        states = [determinise() for _ in range(draws)]
        self.assertEqual(stats['path'], 'decision', stats.get('lastFailure'))
        self.assertEqual(stats['succeeded'], draws + 1)  # the probe, then one per draw
        self.assertEqual(stats['attempted'], stats['succeeded'])
        for drawn in states:
            self.assertIsNotNone(drawn)
            self.assertEqual(game.player(drawn), player)
            self.assertEqual(game.obs(drawn)[player], observation)
        return states

    def test_paper_goldens_with_private_deals_determinise_at_their_first_decision(self):
        for game_id in PRIVATE_DEALS:
            with self.subTest(game=game_id):
                game = Game(load(os.path.join(PAPER_GAMES, game_id, 'golden.py'), f'golden_{game_id}'))
                state = game.first_decision()
                states = self.assert_determinises(game, state, 3 if game_id == 'hanabi' else 12)
                # What the player cannot see is drawn, not copied from the true state (goofspiel's first
                # decision hides nothing: the prize is public and no bid is down yet).
                self.assertEqual(len({repr(drawn) for drawn in states}) > 1, game_id != 'goofspiel')

    def test_the_drawn_hidden_card_follows_the_posterior(self):
        # Our paper-format kuhn_poker: player 1 holds the king after a call; player 0 holds J or Q alike.
        game = Game(load(os.path.join(HERE, 'testdata', 'kuhn_poker.py'), 'paper_kuhn'))
        state = game.apply(game.apply(game.init(), 'QK'), 'Call')
        states = self.assert_determinises(game, state, 600)
        counts = collections.Counter(drawn['cards'][0] for drawn in states)
        self.assertEqual(set(counts), {'J', 'Q'})
        self.assertGreater(min(counts.values()), 240)

    def test_a_later_decision_replays_the_own_entries(self):
        game = Game(load(os.path.join(HERE, 'testdata', 'kuhn_poker.py'), 'paper_kuhn'))
        dealt = game.apply(game.init(), 'JK')
        own = [(game.obs(dealt)[0], 'Call')]
        state = game.apply(game.apply(dealt, 'Call'), 'Raise')
        states = self.assert_determinises(game, state, 50, own)
        self.assertEqual({drawn['cards'][0] for drawn in states}, {'J'})
        self.assertEqual({drawn['cards'][1] for drawn in states}, {'Q', 'K'})

    def test_a_resampler_that_cannot_take_the_decision_entry_falls_back_to_extending(self):
        with open(os.path.join(HERE, 'testdata', 'kuhn_poker.py')) as handle:
            source = handle.read()
        module = type(sys)('kuhn_without_decision_entries')
        exec(compile(source, 'kuhn_poker.py', 'exec'), vars(module))
        module.resample_history = lambda history, player_id: [] if not history else ['JQ']  # ignores every entry
        game = Game(module)
        state = game.apply(game.init(), 'KQ')
        player, (determinise, stats) = game.determiniser(state)
        drawn = [determinise() for _ in range(100)]
        self.assertEqual(stats['path'], 'extend')
        self.assertRegex(stats['lastFailure'], r'^ValueError: extending the resampled history reached another decision of the player$')
        self.assertTrue(all(d is not None and game.obs(d)[player] == game.obs(state)[player] for d in drawn))
        self.assertGreater(stats['attempted'], 2 * stats['succeeded'])  # one deal in three shows the king


if __name__ == '__main__':
    unittest.main()
