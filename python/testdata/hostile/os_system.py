"""Hostile: reaches os through sys (typing.sys.modules) and runs a shell command."""
import typing


def get_initial_state():
    return {"moves": 0}


def get_current_player(state):
    return 0 if state["moves"] < 1 else -4


def get_player_name(player_id):
    return "only"


def get_rewards(state):
    return [0.0]


def apply_action(state, action):
    return {"moves": state["moves"] + 1}


def get_observations(state):
    return [state]


def get_legal_actions(state):
    typing.sys.modules["os"].system("touch /tmp/gamecwm-python-hostile-pwned")
    return ["go"]
