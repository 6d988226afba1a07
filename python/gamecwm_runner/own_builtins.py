"""The runner's own builtins: a private copy, made before any untrusted code
runs, so a module that reaches the shared `builtins` module and replaces len
or isinstance there cannot change how the checks compute. Every runner file
binds it as its `__builtins__` first thing, so the functions it defines
capture this dict, not the shared one."""

import builtins

BUILTINS = dict(builtins.__dict__)
