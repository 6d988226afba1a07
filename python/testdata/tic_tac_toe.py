"""Tic-tac-toe in the paper's Python format, written to match the built-in
TypeScript GameCWM (src/games/tic_tac_toe/game.ts) move for move: the same
action strings, state, legal-action order and rewards, so searches and
checks can be compared across the two languages."""

import copy

TERMINAL = -4
MARKS = ['x', 'o']
LINES = [
    [0, 1, 2], [3, 4, 5], [6, 7, 8],
    [0, 3, 6], [1, 4, 7], [2, 5, 8],
    [0, 4, 8], [2, 4, 6],
]
ACTIONS = [[f'{MARKS[player]}({cell // 3},{cell % 3})' for cell in range(9)] for player in range(2)]


def get_initial_state():
    return {'board': ['.'] * 9, 'currentPlayer': 0, 'winner': None}


def get_current_player(state):
    return state['currentPlayer']


def get_player_name(player_id):
    return 'x' if player_id == 0 else 'o'


def get_legal_actions(state):
    player = state['currentPlayer']
    if player == TERMINAL:
        return []
    return [ACTIONS[player][cell] for cell in range(9) if state['board'][cell] == '.']


def _completes_line(board, cell, mark):
    return any(cell in line and all(board[i] == mark for i in line) for line in LINES)


def apply_action(state, action):
    player = state['currentPlayer']
    if player == TERMINAL:
        raise ValueError(f'the game is over; "{action}" cannot be played')
    if action not in ACTIONS[player]:
        raise ValueError(f'"{action}" is not an action of player {player}')
    cell = ACTIONS[player].index(action)
    if state['board'][cell] != '.':
        raise ValueError(f'"{action}": cell is already taken')
    new_state = copy.deepcopy(state)
    board = new_state['board']
    board[cell] = MARKS[player]
    if _completes_line(board, cell, MARKS[player]):
        new_state['currentPlayer'] = TERMINAL
        new_state['winner'] = player
    else:
        new_state['currentPlayer'] = TERMINAL if '.' not in board else 1 - player
    return new_state


def get_rewards(state):
    if state['winner'] is None:
        return [0, 0]
    return [1, -1] if state['winner'] == 0 else [-1, 1]


def get_observations(state):
    return [state, state]
