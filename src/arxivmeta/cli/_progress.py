"""A progress line on standard error: records done, records per second, and an ETA.

Uses tqdm when it is installed (``pip install 'arxivmeta[progress]'``) and a plain line
rewritten in place otherwise. The ETA comes from bytes read against the file size, so it is
shown only when the size is known (a regular file, not a pipe).

>>> _format_seconds(3725.4)
'1:02:05'
"""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Callable
from typing import IO, Any

_INTERVAL = (
    0.5  # seconds between redraws: often enough to look alive, rarely enough to cost nothing
)


def _format_seconds(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"


class Progress:
    """Report records done to a terminal; ``update`` is cheap enough to call per chunk."""

    def __init__(
        self,
        stream: IO[str],
        *,
        total_bytes: int | None,
        bytes_read: Callable[[], int | None],
        use_tqdm: bool | None = None,
    ) -> None:
        self._stream = stream
        self._total = total_bytes
        self._bytes_read = bytes_read
        self._started = time.monotonic()
        self._shown = 0.0
        self._records = 0
        self._bar: Any = None
        if use_tqdm is None:
            use_tqdm = importlib.util.find_spec("tqdm") is not None
        if use_tqdm:
            from tqdm import tqdm  # noqa: PLC0415 (optional dependency)

            self._bar = tqdm(
                total=total_bytes,
                unit="B",
                unit_scale=True,
                unit_divisor=1024,
                file=stream,
                dynamic_ncols=True,
                mininterval=_INTERVAL,
                postfix="0 records",
            )
            self._last_bytes = 0

    def update(self, records: int) -> None:
        """Count ``records`` more records done and redraw when it is time."""
        self._records += records
        now = time.monotonic()
        if now - self._shown < _INTERVAL:
            return
        self._shown = now
        done = self._bytes_read()
        if self._bar is not None:
            if done is not None:
                self._bar.update(done - self._last_bytes)
                self._last_bytes = done
            rate = self._records / max(now - self._started, 1e-9)
            self._bar.set_postfix_str(f"{self._records:,} records, {rate:,.0f} records/s")
            return
        self._stream.write("\r" + self._line(now, done) + "\x1b[K")
        self._stream.flush()

    def _line(self, now: float, done: int | None) -> str:
        elapsed = max(now - self._started, 1e-9)
        parts = [f"{self._records:,} records", f"{self._records / elapsed:,.0f} records/s"]
        if self._total and done:
            fraction = min(done / self._total, 1.0)
            parts.append(f"{fraction:.0%}")
            if fraction > 0:
                parts.append(f"ETA {_format_seconds(elapsed * (1 - fraction) / fraction)}")
        return "  ".join(parts)

    def close(self) -> None:
        """Finish the line so later messages start on a fresh one."""
        if self._bar is not None:
            done = self._bytes_read()
            if done is not None:
                self._bar.update(done - self._last_bytes)
            rate = self._records / max(time.monotonic() - self._started, 1e-9)
            self._bar.set_postfix_str(f"{self._records:,} records, {rate:,.0f} records/s")
            self._bar.close()
            return
        self._stream.write("\r" + self._line(time.monotonic(), self._bytes_read()) + "\x1b[K\n")
        self._stream.flush()
