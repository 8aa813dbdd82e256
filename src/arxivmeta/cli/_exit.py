"""The command line's exit statuses, written once.

0 every record cleaned; 1 some rejected or damaged (or, with ``--check``, would change);
2 a usage error or a file that cannot be read or written; 130 interrupted (Ctrl-C, SIGTERM,
SIGHUP); 141 the output pipe closed (a shell's status for SIGPIPE).
"""

from __future__ import annotations

__all__ = ["EXIT_BROKEN_PIPE", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_REJECTED", "EXIT_USAGE"]

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141
