"""Check results (src/verifier/check-result.ts): each keeps its first failure."""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)

from values import truncate


def recorder(names):
    return {name: {'name': name, 'passed': True} for name in names}


def record_fail(rec, name, message, actions=None):
    result = rec[name]
    if not result['passed']:
        return
    result['passed'] = False
    result['message'] = truncate(message)
    if actions is not None:
        result['actions'] = list(actions)


def has_failed(rec, name):
    return not rec[name]['passed']


def check_list(rec):
    return list(rec.values())
