"""The runner's exception types. Made with type() and no methods, so nothing
reachable from an exception a module sees leads back into the runner."""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)


# A call's result broke a check (its .check names which); the check fails with the message.
CheckFailure = type('CheckFailure', (Exception,), {})
SearchError = type('SearchError', (Exception,), {})
ProtocolError = type('ProtocolError', (Exception,), {})
LoadError = type('LoadError', (Exception,), {})
Error = type('Error', (Exception,), {})
