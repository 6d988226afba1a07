"""The verifier tiers in Python, mirroring src/verifier/: each runs its whole
loop inside the runner, one request per tier."""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)


