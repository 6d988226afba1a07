"""Hostile: get_player_name(n) tries escape number n (see ESCAPES); it returns
"escaped" only if the attempt succeeded. Every attempt must raise instead."""
import random
import json
import typing

MARK = "/tmp/gamecwm-python-hostile-pwned"
# os stays within reach through sys (typing.sys.modules): what guards it is the
# audit hook and the removal of the functions that have no audit event.
sys = typing.sys
os = sys.modules["os"]


def _import(name):
    return sys.modules["importlib"].import_module(name)


def _frame_from_traceback():
    try:
        raise ValueError()
    except ValueError as error:
        return error.__traceback__.tb_frame.f_back.f_globals


def _added_hook_runs():
    seen = []
    sys.addaudithook(lambda event, args: seen.append(event))
    id(seen)
    if not seen:
        raise PermissionError("the new audit hook was not added")


def _generator_frame():
    def gen():
        yield 1
    return gen().gi_frame


ESCAPES = [
    lambda: os.system("touch " + MARK),                                   # 0 shell command
    lambda: os.posix_spawn("/bin/touch", ["touch", MARK], {}),            # 1 spawn
    lambda: os.fork(),                                                    # 2 fork
    lambda: os.execv("/bin/touch", ["touch", MARK]),                      # 3 exec
    lambda: _import("subprocess").run(["touch", MARK]),                   # 4 subprocess
    lambda: _import("socket").socket(),                                   # 5 socket
    lambda: _import("ctypes").CDLL(None),                                 # 6 ctypes
    lambda: os.open(MARK, os.O_WRONLY | os.O_CREAT),                     # 7 os.open for writing
    lambda: os.mkfifo(MARK),                                              # 8 mkfifo (no audit event: removed)
    lambda: os.mkdir(MARK),                                               # 9 mkdir
    lambda: os.remove("/tmp/gamecwm-python-hostile-victim"),              # 10 remove
    lambda: os.kill(os.getppid(), 9),                                     # 11 kill the parent
    lambda: sys._getframe(1).f_globals,                                   # 12 frame of the runner
    lambda: _frame_from_traceback(),                                      # 13 frame through a traceback
    lambda: _generator_frame(),                                           # 14 frame through a generator
    lambda: sys.modules["__main__"].__dict__,                             # 15 the runner's globals
    lambda: _import("gc").get_objects(),                                  # 16 gc
    lambda: sys.modules["_imp"].create_dynamic,                           # 17 extension loading (removed)
    lambda: sys.modules["_thread"].start_new_thread(print, ()),           # 18 threads (removed)
    lambda: open("/proc/self/environ").read(),                            # 19 environment through /proc
    lambda: _added_hook_runs(),                                           # 20 another audit hook
    lambda: sys.settrace(lambda *a: None),                                # 21 tracing (frames)
    lambda: (lambda f: f.__code__.replace(co_code=b"")) (lambda: 0),       # 22 crafted bytecode
    lambda: __import__("os"),                                             # 23 import outside the allowlist
    lambda: _import("resource").setrlimit(0, (-1, -1)),                   # 24 lift a limit
    lambda: os.environ["GAMECWM_RUNNER_TOKEN"],                           # 25 read the token
    lambda: open(MARK, "w"),                                              # 26 open for writing
    lambda: os.chdir("/"),                                                # 27 chdir
    lambda: os.setpriority(0, 1, 19),                                     # 28 renice another process (removed)
    lambda: os.listdir("/"),                                              # 29 list directories
    lambda: _forge(),                                                     # 30 forge a response
    lambda: _compile_stdlib_module("subprocess"),                         # 31 load a module from source
    lambda: _on_stdlib_file(lambda fd: os.fchmod(fd, 0o777)),             # 32 chmod through a read-only fd
    lambda: _on_stdlib_file(lambda fd: os.fchown(fd, 1, 1)),              # 33 chown through a read-only fd
    lambda: random._os,                                                   # 34 os as random's attribute
    lambda: _real_import()("os"),                                         # 35 the real __import__ in the guard's closure
    lambda: os.memfd_create("x"),                                         # 36 an in-memory file
    lambda: random._urandom.__self__.memfd_create("x"),                   # 37 the same through posix (a builtin's __self__)
    lambda: os.eventfd(0),                                                # 38 an event file descriptor
    lambda: os.pipe(),                                                    # 39 a pipe
    lambda: os.dup2(2, 1),                                                # 40 rewire a descriptor
]


def _real_import():
    """The real __import__ if the guarded one holds it (its closure, defaults or globals)."""
    guard = __builtins__["__import__"] if type(__builtins__) is dict else __builtins__.__import__
    reachable = [cell.cell_contents for cell in (guard.__closure__ or ())] + list(guard.__defaults__ or ()) + list(guard.__globals__.values())
    for value in reachable:
        if callable(value) and getattr(value, "__name__", "") == "__import__" and value is not guard:
            return value
    raise RuntimeError("the real __import__ is out of reach")


def _on_stdlib_file(action):
    fd = os.open(os.path.join(os.path.dirname(os.path.dirname(json.__file__)), "this.py"), os.O_RDONLY)
    try:
        action(fd)
    finally:
        os.close(fd)


def _compile_stdlib_module(name):
    loader_type = sys.modules["importlib"].machinery.SourceFileLoader
    path = os.path.join(os.path.dirname(os.path.dirname(json.__file__)), name + ".py")
    loader = loader_type(name, path)
    code = loader.source_to_code(loader.get_data(path), path)
    namespace = {"__name__": name}
    exec(code, namespace)
    namespace["run"](["touch", MARK])


def _forge():
    for fd in range(3, 16):
        try:
            os.write(fd, b'{"id":30,"ok":true,"result":"escaped"}\n')
        except OSError:
            pass
    raise RuntimeError("forgery attempted")


def get_initial_state():
    return {"moves": 0}


def get_current_player(state):
    return 0 if state["moves"] < 1 else -4


def get_player_name(player_id):
    ESCAPES[player_id]()
    return "escaped"


def get_rewards(state):
    return [0.0]


def get_legal_actions(state):
    return [] if state["moves"] else ["go"]


def apply_action(state, action):
    return {"moves": state["moves"] + 1}


def get_observations(state):
    return [state]
