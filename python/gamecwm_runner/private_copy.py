"""Private instances of the standard library's `copy`, built before hardening."""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)

import builtins as _builtins_module
import types


def private_copy_module():
    """
    A private instance of `copy`: one is the module's `import copy`, another
    the runner's own (for its value checks), so neither can change the
    other's. copy.deepcopy keys its memo by id(),
    and with an audit hook installed every id() call runs the hook: about 110
    hook calls per tic-tac-toe search iteration, half the search's time. This
    instance's id is object.__hash__, which for every object is its address
    rotated by four bits: as unique among live objects as id, with no audit
    event. Built before hardening (it compiles standard-library source).
    """
    import copy
    path = copy.__file__
    with open(path, 'rb') as handle:
        code = compile(handle.read(), path, 'exec', dont_inherit=True)
    module = types.ModuleType('copy')
    module.__dict__['__file__'] = path
    module.__dict__['__builtins__'] = dict(_builtins_module.__dict__, id=object.__hash__)
    exec(code, module.__dict__)
    return module
