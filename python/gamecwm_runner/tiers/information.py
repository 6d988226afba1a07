"""Information tier (src/verifier/information.ts), in the paper's convention:
a player's history is its own (observation, action) pairs, oldest first, each
observation taken just before the action. resample_history(history, player)
must return a full action list (chance included) that replays legally from
the initial state, shows the player each entry's observation at its turns
and takes each entry's action there, consumes every entry, and goes no
further than the player's next turn (the paper's four checks). Actions after
the game's end are ignored, as the paper's evaluator ignores them.
Observations are compared by the value rule (== for the paper's format)."""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)

import random

from cwm import CHANCE, TERMINAL, make_game, outcome_pairs, sample_outcome
from errors import Error
from rng import rng_derive, rng_int, rng_new, rng_pick, rng_random, rng_u32
from tiers.checks import check_list, record_fail, recorder
from values import canonical, describe, js

INFORMATION_CHECKS = ('resample-runs', 'resample-legal', 'resample-observations', 'resample-own-actions', 'resample-complete')
# Shown of a failing history, so a reader sees what was asked.
SHOWN_ENTRIES = 6


def check_information(ns, rule, players, max_game_length, histories, seed, first=0, batch=False):
    """With `batch`, one part of a run: the caller judges whether any history was tested at all."""
    rec = recorder(INFORMATION_CHECKS)
    game = make_game(ns, rule, False)
    if not game['has_resample']():
        record_fail(rec, 'resample-runs', 'resample_history is missing; imperfect-information games must define it')
        return {'checks': check_list(rec), 'histories': 0}
    base = rng_new(seed)
    tested = 0
    for i in range(first, first + histories):  # in batches for long games, as the dynamics tier
        rng = rng_derive(base, i)
        played, player, history = sample_history(game, players, rng, max_game_length)
        if len(history) == 0:
            continue  # the paper tests histories with at least one own decision
        tested += 1
        # The paper's format draws from Python's random: seeded per history, reproducible.
        random.seed(rng_u32(rng))
        try:
            resampled = game['resample'](history, player)
        except MemoryError:
            raise
        except BaseException as error:
            record_fail(rec, 'resample-runs', f'resample_history({show_history(history)}, {player}) raised {describe(error)}', played)
            continue
        problem = replay_against_history(game, rule['same'], resampled, player, history)
        if problem is not None:
            record_fail(rec, problem[0], f'player {player}: {problem[1]} (the history: {show_history(history)})', played)
    if tested == 0 and histories > 0 and not batch:
        record_fail(rec, 'resample-runs', f'none of {histories} sampled histories had a decision of the sampled player, so resample_history could not be tested')
    return {'checks': check_list(rec), 'histories': tested}


def show_history(history):
    shown = ', '.join(f'({canonical(observation)}, {js(action)})' for observation, action in history[:SHOWN_ENTRIES])
    more = f', ... {len(history) - SHOWN_ENTRIES} more' if len(history) > SHOWN_ENTRIES else ''
    return truncate_middle(f'[{shown}{more}]')


def truncate_middle(text, limit=300):
    return text if len(text) <= limit else f'{text[:limit // 2]} ... {text[-limit // 2:]}'


def sample_history(game, players, rng, max_game_length):
    """
    Plays randomly (chance by its probabilities), stops at a random step or the
    end; a random player's own (observation, action) pairs. Returns the true
    actions up to that player's last decision, the player and the history.
    """
    played = []
    actors = []
    observations = []
    state = game['init']()
    stop_at = rng_int(rng, max_game_length + 1)
    while True:
        player = game['player'](state)
        if player == TERMINAL or len(played) >= stop_at:
            break
        observations.append(game['observations'](state))
        if player == CHANCE:
            outcomes = outcome_pairs(game['chance_outcomes'](state))
            if outcomes is None:
                raise Error('get_chance_outcomes did not return (action, probability) pairs')
            action = sample_outcome(outcomes, rng_random(rng))
        else:
            action = rng_pick(rng, game['legal'](state))
        played.append(action)
        actors.append(player)
        state = game['apply'](state, action)
    player = rng_int(rng, players)
    history = []
    end = 0
    for t in range(len(played)):
        if actors[t] == player:
            history.append((observations[t][player], played[t]))
            end = t + 1
    return played[:end], player, history


def replay_against_history(game, same, actions, player, history):
    """(check, message) for why `actions` does not explain `history` for `player`, or None."""
    if type(actions) is not list or not all(type(a) is str for a in actions):
        return 'resample-runs', f'resample_history returned {js(actions)[:200]}; expected a list of action strings'
    state = game['init']()
    following = 0
    for t in range(len(actions)):
        actor = game['player'](state)
        if actor == TERMINAL:
            break
        legal = game['legal'](state)
        if actions[t] not in legal:
            return 'resample-legal', f'step {t}: resampled action "{actions[t]}" is not legal (legal: {js(legal)})'
        if actor == player:
            if following >= len(history):
                return 'resample-own-actions', (f'step {t}: the resampled history has the player act ("{actions[t]}") after all {len(history)} '
                                                "of its decisions; it must stop before the player's next turn")
            expected_observation, own_action = history[following]
            observed = game['observations'](state)[player]
            if not same(observed, expected_observation):
                return 'resample-observations', (f"at the player's decision {following} (after {t} resampled actions {js(actions[:t])}) "
                                                 f'the player observes {canonical(observed)} but the history says {canonical(expected_observation)}')
            if actions[t] != own_action:
                return 'resample-own-actions', f"at the player's decision {following} (step {t}) the player took \"{own_action}\" but the resampled history has \"{actions[t]}\""
            following += 1
        state = game['apply'](state, actions[t])
    if following < len(history):
        return 'resample-complete', (f"the {len(actions)} resampled actions {js(actions)[:200]} pass only {following} of the player's "
                                     f'{len(history)} decisions; every entry of the history must be replayed')
    return None


def posterior_draws(ns, rule, actions, player, steps, samples, seed, replays):
    """
    The candidate's side of the posterior test (src/verifier/information.ts,
    comparePosteriors), judged on the host: the module's own history along the
    reference's true `actions`, `samples` resamples of it counted by their
    actions at the hidden `steps`, and up to `replays` distinct worlds replayed
    against the history. Returns {'worlds': [[hidden actions, count], ...]},
    or why the draws could not be taken: {'history_error'} (the true actions do
    not replay), {'resample_error'} (resample_history raised) or {'problem':
    [check, message]} (a draw does not explain the history).
    """
    game = make_game(ns, rule, False)
    try:
        history = history_for(game, actions, player)
    except MemoryError:
        raise
    except BaseException as error:
        return {'history_error': describe(error)}
    random.seed(seed)
    worlds = {}
    examples = []
    for _ in range(samples):
        try:
            resampled = game['resample'](history, player)
        except MemoryError:
            raise
        except BaseException as error:
            return {'resample_error': describe(error)}
        if type(resampled) is not list or not all(type(a) is str for a in resampled):
            return {'problem': list(replay_against_history(game, rule['same'], resampled, player, history))}
        hidden = tuple(resampled[t] if t < len(resampled) else None for t in steps)
        world = worlds.get(hidden)
        if world is None:
            world = worlds[hidden] = [list(hidden), 0]
            if len(examples) < replays:
                examples.append(resampled)
        world[1] += 1
    for example in examples:
        problem = replay_against_history(game, rule['same'], example, player, history)
        if problem is not None:
            return {'problem': list(problem)}
    return {'worlds': list(worlds.values())}


def history_for(game, actions, player):
    """The player's own (observation, action) pairs along `actions` (src/verifier/information.ts, historyFor)."""
    history = []
    state = game['init']()
    for action in actions:
        if game['player'](state) == player:
            history.append((game['observations'](state)[player], action))
        state = game['apply'](state, action)
    return history
