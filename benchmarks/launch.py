"""Run one command from a small process and write its wall time and peak memory to a file.

    python -I -S benchmarks/launch.py RESULT COMMAND [ARG...]

Why not spawn the command from the harness itself: on Linux, ``ru_maxrss`` of a child counts
the memory of the process image it replaced at ``exec``, and a child spawned with
``vfork``/``posix_spawn`` (as ``subprocess`` does) replaces its parent's image: every child of
a 40 MB harness would report at least 40 MB. This launcher imports nothing but ``os``, ``sys``
and ``time``, so what it adds is its own ~8 MB, below anything measured here.

RESULT gets one line: ``wall_seconds peak_rss_kib exit_code`` (``ru_maxrss`` from ``os.wait4``:
KiB on Linux, bytes on macOS). The command inherits this process's standard streams, folder and
environment. Exit status: the command's, or 127 when it cannot be started.
"""

import os
import sys
import time


def main(argv: list[str]) -> int:
    result, command = argv[0], argv[1:]
    start = time.perf_counter()
    try:
        pid = os.posix_spawnp(command[0], command, os.environ)
    except OSError as exc:
        print(f"launch.py: cannot run {command[0]}: {exc}", file=sys.stderr)
        return 127
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    with open(result, "w", encoding="ascii") as out:
        out.write(f"{wall!r} {usage.ru_maxrss} {code}\n")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
