"""Kuhn poker in the paper's Python format, matching the built-in TypeScript
GameCWM (src/games/kuhn_poker/game.ts): three cards, one private card each,
antes of 1, one betting round with a raise of 1, deals "JQ", "JK", ... by
chance. Imperfect information: resample_history draws the opponent's card."""

import random

CHANCE = -1
TERMINAL = -4
FOLD, CALL, RAISE = 'Fold', 'Call', 'Raise'
CARDS = ['J', 'Q', 'K']
DEALS = ['JQ', 'JK', 'QJ', 'QK', 'KJ', 'KQ']


def get_initial_state():
    return {'cards': [], 'betting': [], 'contributions': [1, 1], 'currentPlayer': CHANCE, 'showdown': False, 'rewards': [0, 0]}


def get_current_player(state):
    return state['currentPlayer']


def get_player_name(player_id):
    return f'Player {player_id}'


def _facing_raise(state):
    return state['contributions'][0] != state['contributions'][1]


def get_legal_actions(state):
    if state['currentPlayer'] == TERMINAL:
        return []
    if state['currentPlayer'] == CHANCE:
        return list(DEALS)
    return [FOLD, CALL] if _facing_raise(state) else [CALL, RAISE]


def get_chance_outcomes(state):
    if state['currentPlayer'] != CHANCE:
        return []
    return [(deal, 1 / 6) for deal in DEALS]


def _with(state, **changes):
    new_state = {key: list(value) if isinstance(value, list) else value for key, value in state.items()}
    new_state.update(changes)
    return new_state


def apply_action(state, action):
    player = state['currentPlayer']
    if player == TERMINAL:
        raise ValueError(f'the hand is over; "{action}" cannot be played')
    if player == CHANCE:
        if action not in DEALS:
            raise ValueError(f'"{action}" is not a deal')
        return _with(state, cards=[action[0], action[1]], currentPlayer=0)
    raised = _facing_raise(state)
    if action not in (FOLD, CALL, RAISE) or (action == RAISE and raised) or (action == FOLD and not raised):
        raise ValueError(f'"{action}" is not legal here')
    betting = state['betting'] + [action]
    if action == FOLD:
        lost = state['contributions'][player]
        rewards = [-lost, lost] if player == 0 else [lost, -lost]
        return _with(state, betting=betting, currentPlayer=TERMINAL, rewards=rewards)
    if action == RAISE:
        contributions = list(state['contributions'])
        contributions[player] += 1
        return _with(state, betting=betting, contributions=contributions, currentPlayer=1 - player, rewards=_showdown(state, 2))
    if raised or player == 1:
        contributions = list(state['contributions'])
        contributions[player] = contributions[1 - player]
        rewards = _showdown(state, contributions[0])
        return _with(state, betting=betting, contributions=contributions, currentPlayer=TERMINAL, showdown=True, rewards=rewards)
    return _with(state, betting=betting, currentPlayer=1, rewards=_showdown(state, 1))


def _showdown(state, stake):
    """What a showdown pays with `stake` each in the pot (also the mid-hand rewards)."""
    p0_wins = CARDS.index(state['cards'][0]) > CARDS.index(state['cards'][1])
    return [stake, -stake] if p0_wins else [-stake, stake]


def get_rewards(state):
    return list(state['rewards'])


def _observation(state, player):
    return {
        'player': player,
        'card': state['cards'][player] if state['cards'] else None,
        'betting': list(state['betting']),
        'currentPlayer': state['currentPlayer'],
    }


def get_observations(state):
    return [_observation(state, 0), _observation(state, 1)]


def _explains(actions, history, player):
    """Whether `actions` replays through every (observation, action) pair of the player's own history."""
    state = get_initial_state()
    following = 0
    for action in actions:
        if state['currentPlayer'] == player:
            if following >= len(history) or _observation(state, player) != history[following][0] or action != history[following][1]:
                return False
            following += 1
        if action not in get_legal_actions(state):
            return False
        state = apply_action(state, action)
    return following == len(history)


def resample_history(obs_action_history, player_id):
    """The paper's convention: the player's own (observation, action) pairs; a deal and the betting up to its last action."""
    if not obs_action_history:
        return []
    last_observation, last_action = obs_action_history[-1]
    betting = list(last_observation['betting']) + [last_action]
    consistent = [[deal] + betting for deal in DEALS if _explains([deal] + betting, obs_action_history, player_id)]
    if not consistent:
        raise ValueError(f"no deal explains player {player_id}'s history")
    return random.choice(consistent)
