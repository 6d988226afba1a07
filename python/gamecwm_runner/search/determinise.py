"""How ISMCTS turns a player's history into a concrete state at a decision the
player has not taken yet (src/mcts/determinise.ts; the lead's decision in
DETERMINISATION.md). The search gets the player's own (observation, action)
pairs in the paper's convention and its current observation. Three paths,
the first whose probe (one attempt at the start of each search) succeeds:

  native    only for modules that define resample_history_with_random (our
            translations): they may accept a trailing [observation, None]
            entry, so one resample reaches the decision. The probe draws from
            the search's generator exactly as the TypeScript Determiniser does
            (same seed, same search).
  decision  every module: the paper's form with the decision itself as a last
            entry, [observation, the first legal action], which the paper's
            convention already defines (the returned play reaches that turn
            with that observation, then takes the action); replayed up to that
            turn (the probe tries the first POSITED_ACTIONS legal actions in
            order and keeps the first the module accepts). Legal actions are the player's knowledge (the same in every
            state it cannot tell apart), so positing one conditions on nothing
            more than the observation: the module's own resampler draws the
            hidden state, as the paper's evaluator asks of it. At a first
            decision this is the only path that conditions on the observation
            at all: the other two would deal blindly and reject (1 in 1,326
            for hold'em's hole cards).
  extend    the last resort: resample the paper's form (from Python's random for
            a paper-format module), replay it, then extend forward (chance by
            its probabilities, other players uniformly) until the player is to
            move with its current observation; a dead end (the end of the game,
            another observation of the player, too many actions) retries. For
            paper-format modules another player's move just before the decision
            is drawn among the moves that match (see last_step): a public reply
            with dozens of options would otherwise fail nearly every attempt.

Every attempt is counted, so a search says how many determinisations really
succeeded.
"""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)

from cwm import CHANCE, TERMINAL, sample_outcome
from rng import rng_int, rng_random, rng_step
from values import describe

# Resample-and-extend attempts per determinisation before it counts as failed (DETERMINISATION_ATTEMPTS).
ATTEMPTS = 20
# Legal actions the decision path's probe may posit before giving up on that path (POSITED_ACTIONS).
POSITED_ACTIONS = 3


def make_determiniser(ns, fns, same, own, observation, player, legal_actions, max_game_length, rng, guided=False):
    """
    (next, stats): next() gives a state at the player's decision, or None once
    every attempt failed. `legal_actions`: the player's at the decision (the
    decision path posits one). `guided` (paper-format modules, which
    have no native path) makes the extend path pick another player's last
    move before the decision among those that show the current observation
    (see last_step).
    """
    init_fn, player_fn, legal_fn, apply_fn, obs_fn, chance_outcomes = fns
    stats = {'attempted': 0, 'succeeded': 0, 'path': 'extend'}
    with_random = ns.get('resample_history_with_random')
    paper = ns.get('resample_history')
    if callable(with_random):
        # A translated module keeps the TypeScript signature: it draws from the search's own generator.
        draw = rng_step()['draw_function'](rng)

        def resample(history):
            return with_random(history, player, draw)
    else:
        def resample(history):
            return paper(history, player)

    def replay(actions):
        if type(actions) is not list:
            raise ValueError('resample_history did not return a list of actions')
        state = init_fn()
        for action in actions:
            state = apply_fn(state, action)
        return state

    def at_decision(state):
        return player_fn(state) == player and same(obs_fn(state)[player], observation)

    def native():
        history = [(entry[0], entry[1]) for entry in own]
        history.append((observation, None))
        state = replay(resample(history))
        if not at_decision(state):
            raise ValueError("the resampled history does not reach the player's decision with its current observation")
        return state

    posited = [None]

    def decision():
        history = [(entry[0], entry[1]) for entry in own]
        history.append((observation, posited[0]))
        actions = resample(history)
        if type(actions) is not list:
            raise ValueError('resample_history did not return a list of actions')
        # Up to the player's turn after its own entries: the rest plays the posited action and on.
        state = init_fn()
        turns = 0
        for action in actions:
            if player_fn(state) == player:
                if turns == len(own):
                    break
                turns += 1
            state = apply_fn(state, action)
        if not at_decision(state):
            raise ValueError("the resampled history with the decision as its last entry does not reach the player's decision with its current observation")
        return state

    def extend():
        state = init_fn() if len(own) == 0 else replay(resample([(entry[0], entry[1]) for entry in own]))
        steps = 0
        while True:
            actor = player_fn(state)
            if actor == player:
                if at_decision(state):
                    return state
                raise ValueError('extending the resampled history reached another decision of the player')
            if actor == TERMINAL:
                raise ValueError('extending the resampled history reached the end of the game')
            if steps > max_game_length:
                raise ValueError(f'extending the resampled history took over {max_game_length} actions')
            legal = legal_fn(state)
            if actor == CHANCE:
                state = apply_fn(state, sample_outcome(chance_outcomes(state), rng_random(rng)))
            else:
                state = last_step(legal, state) if guided else apply_fn(state, legal[rng_int(rng, len(legal))])
                if state is None:
                    raise ValueError("no move of the other player leads to the player's decision with its current observation")
            steps += 1

    def last_step(legal, state):
        """
        Another player's move: when every move leads to the player's turn (a
        reply the player then sees, such as a public bid), one of the moves
        that show the player its current observation, uniformly. Rejection
        sampling would draw the same distribution whenever the number of such
        moves does not depend on what the player cannot see (public moves),
        without discarding all but one in |legal| attempts (liar's dice: one
        bid in dozens). Otherwise a uniform move, as the rule says.
        """
        following = [apply_fn(state, action) for action in legal]
        if not all(player_fn(next_state) == player for next_state in following):
            return following[rng_int(rng, len(following))]
        matching = [next_state for next_state in following if same(obs_fn(next_state)[player], observation)]
        return matching[rng_int(rng, len(matching))] if matching else None

    def attempt(run):
        stats['attempted'] += 1
        try:
            state = run()
        except MemoryError:
            raise
        except BaseException as error:
            stats['lastFailure'] = describe(error)
            return None
        stats['succeeded'] += 1
        return state

    paths = {'native': native, 'decision': decision, 'extend': extend}
    if callable(with_random) and attempt(native) is not None:
        stats['path'] = 'native'
    else:
        for action in legal_actions[:POSITED_ACTIONS]:
            posited[0] = action
            if attempt(decision) is not None:
                stats['path'] = 'decision'
                break
    path = paths[stats['path']]

    def next_state():
        for _ in range(ATTEMPTS):
            state = attempt(path)
            if state is not None:
                return state
        return None

    return next_state, stats
