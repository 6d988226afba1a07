#!/usr/bin/env python3
"""Runs a command under a pseudo-terminal, presses Ctrl-C once MARKER has appeared in its output, and
prints one JSON line: {"output": everything it wrote (latin-1), "status": exit code or -signal}.

usage: pty_run.py MARKER TIMEOUT_S -- COMMAND ARGS...
"""
import json
import os
import pty
import select
import sys
import time


def main():
    marker = sys.argv[1].encode()
    deadline = time.time() + float(sys.argv[2])
    command = sys.argv[sys.argv.index('--') + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    output = b''
    interrupted = False
    while time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break  # the child closed the terminal
            if not chunk:
                break
            output += chunk
        if not interrupted and marker in output:
            os.write(fd, b'\x03')  # the terminal turns it into SIGINT for the foreground process
            interrupted = True
    else:
        os.kill(pid, 9)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    print(json.dumps({'output': output.decode('latin-1'), 'status': code, 'interrupted': interrupted}))


if __name__ == '__main__':
    main()
