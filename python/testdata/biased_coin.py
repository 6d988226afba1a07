"""A tiny perfect-information game with chance: player 0 calls "heads" or
"tails", then a biased coin lands heads with probability 0.3. A right call
wins 1 from player 1; a wrong one loses 1."""

TERMINAL = -4
CHANCE = -1
P_HEADS = 0.3


def get_initial_state():
    return {'call': None, 'coin': None}


def get_current_player(state):
    if state['call'] is None:
        return 0
    if state['coin'] is None:
        return CHANCE
    return TERMINAL


def get_player_name(player_id):
    return ['caller', 'banker'][player_id]


def get_legal_actions(state):
    player = get_current_player(state)
    if player == 0:
        return ['call:heads', 'call:tails']
    if player == CHANCE:
        return ['coin:heads', 'coin:tails']
    return []


def get_chance_outcomes(state):
    if get_current_player(state) != CHANCE:
        return []
    return [('coin:heads', P_HEADS), ('coin:tails', 1 - P_HEADS)]


def apply_action(state, action):
    new_state = dict(state)
    if action.startswith('call:') and state['call'] is None:
        new_state['call'] = action[5:]
    elif action.startswith('coin:') and state['call'] is not None and state['coin'] is None:
        new_state['coin'] = action[5:]
    else:
        raise ValueError(f'"{action}" is not legal here')
    return new_state


def get_rewards(state):
    if state['coin'] is None:
        return [0, 0]
    return [1, -1] if state['call'] == state['coin'] else [-1, 1]


def get_observations(state):
    return [dict(state), dict(state)]
