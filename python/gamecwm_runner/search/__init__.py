"""Play inside the runner, mirroring src/mcts/ and src/engine/playouts.ts:
replays, random playouts, UCT and ISMCTS over the module's own functions."""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)


