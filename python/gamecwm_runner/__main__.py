"""Runs one paper-format Python CWM in a hardened process and serves requests.

Usage:
    python3 -I -S -B python/gamecwm_runner MODULE.py [--memory-mb N] [--cpu-seconds N] [--packages-dir DIR]

A paper-format CWM is a module of functions: get_initial_state(),
apply_action(state, action), get_current_player(state), get_rewards(state),
get_legal_actions(state), get_observations(state), optionally
get_player_name(p), get_chance_outcomes(state) (uniform over the legal
actions when absent) and, for imperfect information,
resample_history(history, player) in the paper's convention (the player's
own (observation, action) pairs; it draws from Python's `random`). States
are any Python values that survive copy.deepcopy and compare with == (see
value_rules.py; the host may ask for the stricter JSON rule), actions
strings, the chance player -1 and the terminal player -4. A module may also define
resample_history_with_random(history, player, random) (translated modules
do): ISMCTS then calls it with a random() over the search's own generator,
as the TypeScript search calls resampleHistory.

Hardening, before the module runs (see DESIGN.md, "Security model"):
- resource limits: address space (--memory-mb, default 512), CPU time
  (--cpu-seconds, default 600; SIGXCPU ends the process), no new processes,
  no file writes (RLIMIT_FSIZE 0), no core files, few file descriptors;
- an audit hook (sys.addaudithook) that refuses: open() of anything but the
  module file and Python's own standard library (read-only), every os.*
  event (system, exec, spawn, fork, kill, remove, rename, mkdir, chmod, ...),
  subprocess, sockets, ctypes, mmap, signal, gc introspection, sys tracing,
  frame access, code-object construction, marshal, and any import outside
  the allowlist below (importlib.import_module raises no "import" event, so
  loading further modules is also stopped by refusing marshal, compiling
  standard-library source and loading builtin or extension modules);
- process-wide functions that carry no audit event and could act outside
  the process (os.mkfifo, os.mknod, os.setpriority, pidfd, clock_settime,
  thread creation, loading builtin or extension modules) or make new file
  descriptors (memfd_create, eventfd, pipe, openpty, dup, dup2) are removed,
  and so are the allowed modules' own references to os (random._os). os stays
  within reach through sys (typing.sys.modules), which the standard library
  needs: the hook and these removals are what make it harmless;
- the module gets its own builtins whose __import__ hands out only modules
  loaded before it ran (it holds no real __import__ to find in its closure),
  of: random, math,
  json, copy, itertools, functools, collections, typing, dataclasses, re,
  string, enum, heapq, bisect, operator, fractions, statistics, abc (and
  __future__), and numpy where this Python has it (preloaded before
  hardening when the source names it; a clear import error where it has not);
- the module's `import copy` gets a private instance of copy whose id() is
  object.__hash__ (unique for live objects, no audit event), so deepcopy-heavy
  modules do not pay an audit-hook call per copied object;
- the response channel is a private duplicate of stdout; file descriptor 1
  becomes stderr (or /dev/null when stderr is a file) and stdin /dev/null, so
  print() and input() in the module never touch the protocol. stdout must be
  a pipe or a terminal: RLIMIT_FSIZE 0 forbids writing a regular file;
- the runner keeps its own copy of the builtins and captures the C functions
  it needs (JSON, math, clock, I/O) before the module loads, defines no
  classes with methods, and leaves no reference to itself in sys.modules, so
  a module that reaches the shared standard library cannot change how the
  checks compute. This is defence in depth, not a security boundary: in-process
  Python cannot be made tamper-proof, so the real guarantees are the resource
  limits and the audit hook (and, running as root, RLIMIT_NPROC is not
  enforced by Linux: the audit hook alone stops new processes).

Protocol: one JSON request per line on stdin, one JSON response per line on
stdout, nothing else on stdout.
    request  {"id": n, "op": "...", ...fields}
    response {"id": n, "ok": true, "result": ...}
           | {"id": n, "ok": false, "error": "<type>: <message>"}
If the environment variable GAMECWM_RUNNER_TOKEN is set, every response also
carries {"token": <its value>}; the value is removed from the environment
before the module loads, so the module cannot forge responses by writing to
the channel's file descriptor.

Values that are not JSON data (states and observations with sets, tuples,
int keys, Counters) cross the protocol in the encoding of wire.py. The tiers
take "values": "python" (the default) or "json" (see value_rules.py).

Ops (field names are snake_case; results as described in each function below):
    exports      -> the contract functions the module defines
    call         {fn, args, seed?} -> one function call (wire encoding in and out)
    replay       {actions} -> per state: player, legal, rewards, observations, chance
    dynamics     {players, utility, max_game_length, playouts, seed, first?, values?}
    information  {players, max_game_length, histories, seed, first?, batch?, values?}
    scenarios    {scenarios, values?}
    differential {trajectories: [{actions, expected: [{player, legal, rewards}], observe?}], values?}
                 -> also what the module shows, for the host's partition and chance checks
    posterior    {actions, player, steps, samples, seed, replays, values?} -> the module's resampled
                 worlds along the reference's actions, for the host's posterior test
    playouts     {count, seed, max_game_length?}
    mcts         {iterations, c, rollouts, players, reward_range, max_game_length, seed, state?, max_nodes?, time_ms?}
    ismcts       {history: own pairs + [current observation, null], player, legal_actions, ...the mcts options}
                 -> also determinisations {attempted, succeeded, path, lastFailure?} (search/determinise.py)
Files: sandbox.py (hardening, loading), protocol.py (requests, responses),
values.py / value_rules.py / wire.py (values), cwm.py (the module as called),
tiers/ and search/. The checks mirror src/verifier/{dynamics,information,scenarios,differential}.ts
and the searches src/mcts/{uct,ismcts,determinise}.ts (same seeded generator, so the same
seed on the same game gives the same search as the TypeScript one).
"""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)

import os
import posix
import sys

from errors import LoadError
from protocol import serve
from private_copy import private_copy_module
from sandbox import harden, load_module, packages_dirs, preload_third_party


DEFAULT_MEMORY_MB = 512
DEFAULT_CPU_SECONDS = 600
_exit = posix._exit


def parse_args(argv):
    usage = 'usage: gamecwm_runner MODULE.py [--memory-mb N] [--cpu-seconds N] [--packages-dir DIR]'
    path = None
    memory_mb = DEFAULT_MEMORY_MB
    cpu_seconds = DEFAULT_CPU_SECONDS
    packages = None
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ('--memory-mb', '--cpu-seconds'):
            if i + 1 >= len(argv) or not argv[i + 1].isdigit() or int(argv[i + 1]) <= 0:
                raise SystemExit(f'{arg} needs a positive whole number\n{usage}')
            if arg == '--memory-mb':
                memory_mb = int(argv[i + 1])
            else:
                cpu_seconds = int(argv[i + 1])
            i += 2
        elif arg == '--packages-dir':
            if i + 1 >= len(argv):
                raise SystemExit(f'{arg} needs a folder\n{usage}')
            packages = [os.path.abspath(argv[i + 1])]
            i += 2
        elif arg in ('-h', '--help'):
            sys.stderr.write(__doc__)
            raise SystemExit(0)
        elif path is None and not arg.startswith('--'):
            path = arg
            i += 1
        else:
            raise SystemExit(f'unexpected argument {arg!r}\n{usage}')
    if path is None:
        raise SystemExit(usage)
    return os.path.abspath(path), memory_mb, cpu_seconds, packages


def main(argv):
    module_path, memory_mb, cpu_seconds, packages = parse_args(argv)
    try:
        with open(module_path, 'rb') as handle_:
            source = handle_.read()
    except OSError as error:
        raise SystemExit(f'gamecwm_runner: cannot read {module_path}: {error.strerror}') from None
    substitutes = {'copy': private_copy_module()}
    third_party, third_party_dirs, missing = preload_third_party(source, packages_dirs() if packages is None else packages)
    in_fd, out_fd, token = harden(module_path, memory_mb, cpu_seconds, third_party, third_party_dirs)
    ns = None
    load_error = None
    try:
        ns = load_module(module_path, source, substitutes, missing)
    except LoadError as error:
        load_error = error
    source = None
    serve(ns, load_error, in_fd, out_fd, token, memory_mb)
    _exit(0)


if __name__ == '__main__':
    main(sys.argv[1:])
