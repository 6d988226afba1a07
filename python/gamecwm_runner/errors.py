"""The runner's exception types. Made with type() and no methods, so nothing
reachable from an exception a module sees leads back into the runner."""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)


NonJsonValueError = type('NonJsonValueError', (Exception,), {})
MutationError = type('MutationError', (Exception,), {})
SearchError = type('SearchError', (Exception,), {})
ProtocolError = type('ProtocolError', (Exception,), {})
LoadError = type('LoadError', (Exception,), {})
Error = type('Error', (Exception,), {})
