"""Hardening, before the module runs, and loading the module into its own
namespace (see __main__.py for what each protection does and why)."""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)

import _json
import builtins as _builtins_module
import json
import os
import posix
import resource
import stat
import sys
import types

from errors import LoadError
from values import describe


ALLOWED_IMPORTS = (
    'random', 'math', 'json', 'copy', 'itertools', 'functools', 'collections', 'typing', 'dataclasses', 're',
    'string', 'enum', 'heapq', 'bisect', 'operator', 'fractions', 'statistics', 'abc',
    '__future__',  # `from __future__ import annotations` is common and harmless
)
# Third-party modules a module may import where this Python has them (the
# paper's released samples use numpy); loaded before hardening from the
# interpreter's site-packages (or --packages-dir), only when the source names them.
THIRD_PARTY_IMPORTS = ('numpy',)
# Loaded before hardening so that no import of them needs a file later.
PRELOADED_CODECS = ('encodings.latin_1', 'encodings.ascii', 'encodings.utf_16', 'encodings.utf_32', 'encodings.raw_unicode_escape', 'encodings.unicode_escape')


# Built in an empty namespace: the hook's globals hold nothing, and it looks
# up no names at run time (everything it uses is bound at creation), so
# nothing the module changes later alters its decisions.
_HOOK_FACTORY = '''
def make_hook(type_, str_, int_, PermissionError_, ImportError_, ValueError_, fast_allow, read_exact, read_dirs,
              read_prefixes, import_allow, refuse_prefixes, frame_attrs, write_flags):
    def readable_path(path):
        return type_(path) is str_ and '/..' not in path and (path in read_exact or path in read_dirs or path.startswith(read_prefixes))

    def hook(event, args):
        if event in fast_allow:
            return
        if event == 'open':
            path = args[0]
            mode = args[1]
            flags = args[2]
            if readable_path(path) and (mode is None or (type_(mode) is str_ and 'w' not in mode and 'a' not in mode
                                                         and 'x' not in mode and '+' not in mode)) \\
                    and (type_(flags) is not int_ or flags & write_flags == 0):
                return
            shown = ('%r' % (path,)) if type_(path) is str_ else 'a file descriptor or non-string path'
            raise PermissionError_('the gamecwm sandbox does not allow opening %s (mode %r)' % (shown, mode if type_(mode) is str_ else None))
        if event == 'compile':
            # After hardening, nothing legitimate compiles standard-library
            # source: that happens only when importlib.import_module (which
            # raises no "import" event) loads a module that has no .pyc.
            filename = args[1]
            if type_(filename) is str_ and filename.startswith(read_prefixes):
                raise ImportError_('the gamecwm sandbox does not allow loading more standard-library modules')
            return
        if event == 'import':
            name = args[0]
            if type_(name) is str_ and name.partition('.')[0] in import_allow:
                return
            raise ImportError_('the gamecwm sandbox does not allow importing %r' % (name if type_(name) is str_ else '?',))
        if event == 'os.listdir' or event == 'os.scandir':
            if readable_path(args[0]):
                return
            raise PermissionError_('the gamecwm sandbox does not allow listing directories')
        if event == 'sys._getframe':
            raise ValueError_('the gamecwm sandbox does not allow frame access')
        if event == 'object.__getattr__':
            if args[1] in frame_attrs:
                raise PermissionError_('the gamecwm sandbox does not allow frame access')
            return
        if event.startswith(refuse_prefixes):
            raise PermissionError_('the gamecwm sandbox does not allow %s' % (event,))
    return hook
'''

# The guarded import hands out modules loaded before the module ran and
# never holds the real __import__ (a closure's cells are readable: the real
# one in reach would import whatever the audit hook lets through).
_IMPORT_FACTORY = '''
def make_import(modules, allowed, shown, substitutes, missing, ImportError_, type_, str_):
    def guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
        if level != 0:
            raise ImportError_('relative imports are not allowed in a gamecwm module')
        if type_(name) is not str_ or name.partition('.')[0] not in allowed:
            raise ImportError_('the gamecwm sandbox does not allow importing %s; allowed: %s' % (('%r' % (name,)) if type_(name) is str_ else 'that', shown))
        top = name.partition('.')[0]
        if top in missing:
            raise ImportError_(missing[top])
        module = substitutes.get(name) or modules.get(name)
        if module is None:
            raise ImportError_('the gamecwm sandbox has no module %r (allowed modules and the parts of them Python loads with them only)' % (name,))
        return module if fromlist else (substitutes.get(top) or modules[top])
    return guarded_import
'''

REFUSED_EVENT_PREFIXES = (
    'os.', 'subprocess.', 'socket.', 'ctypes.', 'shutil.', 'resource.', 'mmap.', 'signal.', 'gc.', 'sys.', 'code.',
    'marshal.', 'builtins.input', 'builtins.breakpoint', 'fcntl.', 'syslog.', 'sqlite3.', 'webbrowser.', 'urllib.',
    'http.', 'ftplib.', 'smtplib.', 'poplib.', 'imaplib.', 'nntplib.', 'telnetlib.', 'tempfile.', 'glob.', 'pickle.',
    'shelve.', 'msvcrt.', 'winreg.', '_winapi.', 'pdb', 'ensurepip', 'cpython.PyInterpreterState_New', 'setopencookie',
    '_thread.', 'threading.', 'time.', 'pty.', 'multiprocessing', 'select.', 'ssl.', 'zipfile.', 'tarfile.',
)
FAST_ALLOWED_EVENTS = frozenset((
    'builtins.id', 'exec', 'object.__setattr__', 'object.__delattr__', 'function.__new__',
    'sys.excepthook', 'sys.unraisablehook', 'cpython._PySys_ClearAuditHooks', 'cpython.PyInterpreterState_Clear',
))
FRAME_ATTRIBUTES = frozenset(('tb_frame', 'gi_frame', 'cr_frame', 'ag_frame', 'f_back', 'f_globals', 'f_locals', 'f_builtins'))
# Functions that act outside the process (or on other processes) without an
# audit event in Python 3.11; removed before the module runs.
STRIPPED = {
    'posix': ('mkfifo', 'mknod', 'chroot', 'setpriority', 'sched_setaffinity', 'sched_setscheduler', 'sched_setparam', 'pidfd_open',
              'setuid', 'setgid', 'seteuid', 'setegid', 'setreuid', 'setregid', 'setresuid', 'setresgid', 'setgroups', 'initgroups',
              'setsid', 'setpgid', 'setpgrp', 'login_tty', 'tcsetpgrp', 'sync', 'copy_file_range', 'splice', 'sendfile'),
    '_signal': ('pidfd_send_signal',),
    'signal': ('pidfd_send_signal',),
    'time': ('clock_settime', 'clock_settime_ns'),
    '_thread': ('start_new_thread', 'start_new'),
    'threading': ('_start_new_thread',),
    '_imp': ('create_builtin', 'create_dynamic', 'exec_builtin', 'exec_dynamic', 'init_frozen'),
}
# New file descriptors and rewired ones (in-memory files, event fds, pipes, ptys, dup/dup2), with no audit event either.
STRIPPED['posix'] += ('memfd_create', 'eventfd', 'eventfd_read', 'eventfd_write', 'pipe', 'pipe2', 'openpty', 'dup', 'dup2',
                      'posix_fallocate', 'register_at_fork')
STRIPPED['os'] = STRIPPED['posix']


RUNNER_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


def from_runner(module):
    location = getattr(module, '__file__', None)
    return type(location) is str and location.startswith(RUNNER_DIR)


def stdlib_dirs():
    """Python's own standard-library folders (as given and resolved)."""
    dirs = []
    for module in (os, _json, json):
        location = getattr(module, '__file__', None)
        if type(location) is not str:
            continue
        path = os.path.dirname(location)
        if module is json:
            path = os.path.dirname(path)
        for variant in (path, os.path.realpath(path)):
            if variant not in dirs:
                dirs.append(variant)
    return dirs


def lower_limit(which, soft, hard):
    """Sets a resource limit, never above the limit the process already has."""
    current_soft, current_hard = resource.getrlimit(which)
    if current_hard != resource.RLIM_INFINITY:
        hard = min(hard, current_hard)
    soft = min(soft, hard)
    resource.setrlimit(which, (soft, hard))


def packages_dirs():
    """Where this Python keeps third-party packages (-S leaves them off sys.path)."""
    import sysconfig
    paths = sysconfig.get_paths()
    return [d for d in dict.fromkeys((paths.get('purelib'), paths.get('platlib'))) if type(d) is str and os.path.isdir(d)]


def preload_third_party(source, dirs):
    """
    The third-party modules the paper's samples use (numpy) that `source`
    mentions, imported now from `dirs`: their C extensions cannot load once
    the process is hardened. Returns (loaded names, the folders they live in,
    {name: why the module cannot import it} for the ones not found).
    """
    loaded = []
    folders = []
    missing = {}
    for name in THIRD_PARTY_IMPORTS:
        if name.encode('ascii') not in source:
            continue
        saved = sys.path[:]
        os.environ.setdefault('OPENBLAS_NUM_THREADS', '1')
        os.environ.setdefault('OMP_NUM_THREADS', '1')
        try:
            sys.path[:0] = dirs
            module = __import__(name)
            location = getattr(module, '__file__', None)
            if type(location) is str:
                folders.append(os.path.dirname(os.path.realpath(location)))
            loaded.append(name)
        except ImportError:
            missing[name] = (f'{name} is allowed in a gamecwm module but is not installed for the Python that runs it '
                             f'({sys.executable}); install it there, or write the module without it')
        except BaseException as error:
            missing[name] = f'{name} is installed but failed to import: {describe(error)}'
        finally:
            sys.path[:] = saved
    return tuple(loaded), folders, missing


def harden(module_path, memory_mb, cpu_seconds, third_party=(), third_party_dirs=()):
    """
    Everything that must happen before the module's code runs. Returns
    (in_fd, out_fd, token). `third_party`: preloaded third-party module names
    the module may import, living in `third_party_dirs` (readable).
    """
    for name in ALLOWED_IMPORTS + PRELOADED_CODECS:
        __import__(name)
    if stat.S_ISREG(os.fstat(1).st_mode):
        raise SystemExit('gamecwm_runner: stdout is a regular file, which the runner cannot write once RLIMIT_FSIZE is 0; '
                         'give it a pipe (for example: ... | cat > file)')
    # Protocol channels: private duplicates; fd 0 reads /dev/null, fd 1 writes to stderr.
    in_fd = os.dup(0)
    out_fd = os.dup(1)
    null = os.open('/dev/null', os.O_RDWR)
    os.dup2(null, 0)
    if stat.S_ISREG(os.fstat(2).st_mode):
        # A file cannot be written once RLIMIT_FSIZE is 0: the module's output is dropped instead.
        os.dup2(null, 2)
    os.close(null)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    token = os.environ.get('GAMECWM_RUNNER_TOKEN')
    os.environ.clear()
    posix.environ.clear()

    dirs = stdlib_dirs()
    sys.path[:] = [d for d in dirs if os.path.isdir(d)]
    sys.path_importer_cache.clear()
    for module_name, names in STRIPPED.items():
        module = sys.modules.get(module_name)
        if module is not None:
            for attribute in names:
                module.__dict__.pop(attribute, None)
    drop_os_attributes()

    lower_limit(resource.RLIMIT_AS, memory_mb * 1024 * 1024, memory_mb * 1024 * 1024)
    lower_limit(resource.RLIMIT_CPU, cpu_seconds, cpu_seconds + 1)
    lower_limit(resource.RLIMIT_FSIZE, 0, 0)
    lower_limit(resource.RLIMIT_CORE, 0, 0)
    lower_limit(resource.RLIMIT_NOFILE, max(16, out_fd + 4), max(16, out_fd + 4))
    lower_limit(resource.RLIMIT_NPROC, 0, 0)

    dirs = dirs + [d for d in third_party_dirs if d not in dirs]
    read_exact = frozenset((module_path, os.path.realpath(module_path)))
    write_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
    namespace = {'__builtins__': {}}
    exec(_HOOK_FACTORY, namespace)
    hook = namespace['make_hook'](
        type, str, int, PermissionError, ImportError, ValueError, FAST_ALLOWED_EVENTS, read_exact, frozenset(dirs),
        tuple(d + '/' for d in dirs), frozenset(ALLOWED_IMPORTS + tuple(third_party) + ('encodings',)), REFUSED_EVENT_PREFIXES, FRAME_ATTRIBUTES, write_flags)
    sys.addaudithook(hook)
    # The runner leaves no reference to itself in sys.modules (every file of it is loaded by now).
    for name in [name for name, module in sys.modules.items() if name == '__main__' or from_runner(module)]:
        del sys.modules[name]
    return in_fd, out_fd, token


def drop_os_attributes():
    """
    The allowed modules' own references to os or posix (random._os), gone:
    they need them only while importing. os is still within reach through
    sys (typing.sys.modules['os']), which the standard library needs at run
    time: what makes os harmless is the audit hook and STRIPPED, not this.
    """
    dangerous = (id(os), id(posix))
    for name, module in list(sys.modules.items()):
        if name.partition('.')[0] not in ALLOWED_IMPORTS:
            continue
        for attribute, value in list(module.__dict__.items()):
            if type(value) is types.ModuleType and id(value) in dangerous:
                del module.__dict__[attribute]


def module_builtins(substitutes, missing):
    """Builtins for the module: a copy of the real ones with a guarded __import__ and no input()."""
    real = _builtins_module.__dict__
    names = dict(real)
    for name in ('input', 'breakpoint', 'help', 'exit', 'quit', 'copyright', 'credits', 'license'):
        names.pop(name, None)
    namespace = {'__builtins__': {}}
    exec(_IMPORT_FACTORY, namespace)
    allowed = ALLOWED_IMPORTS + THIRD_PARTY_IMPORTS
    modules = {name: module for name, module in sys.modules.items() if name.partition('.')[0] in allowed}
    names['__import__'] = namespace['make_import'](modules, frozenset(allowed), ', '.join(allowed), dict(substitutes), dict(missing), ImportError, type, str)
    return names


def load_module(path, source, substitutes, missing):
    """The module's namespace after running it, or raises LoadError."""
    try:
        code = compile(source, path, 'exec', dont_inherit=True)
        module = types.ModuleType('gamecwm_module')
        module.__dict__['__file__'] = path
        module.__dict__['__builtins__'] = module_builtins(substitutes, missing)
        sys.modules['gamecwm_module'] = module
        exec(code, module.__dict__)
        return module.__dict__
    except MemoryError:
        pass
    except BaseException as error:
        raise LoadError(f'the module failed to load: {describe(error)}') from None
    raise LoadError('the module failed to load: MemoryError (it ran out of memory)')
