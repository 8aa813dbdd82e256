"""Type stubs of the compiled line-wrap core (crate in ``rust/src``, built by maturin)."""

import os

CharRow = tuple[int, int, str]

class NativeError(Exception): ...

class Lexicon:
    def __init__(
        self,
        words: str,
        frequencies: bytes,
        logs: bytes,
        ascii: list[CharRow],
        constants: tuple[float, float, float, float, float],
    ) -> None: ...
    @staticmethod
    def from_wordfreq(
        path: str | os.PathLike[str],
        ascii: list[CharRow],
        constants: tuple[float, float, float, float, float],
    ) -> Lexicon: ...
    def frequency(self, word: str) -> tuple[float, float] | None: ...
    def __len__(self) -> int: ...

def find_cuts(
    lexicon: Lexicon,
    text: str,
    chars: list[CharRow],
    extra: list[str],
    local_threshold: float,
    geometry_threshold: float,
    min_width: int,
    max_width: int,
    max_token: int,
) -> tuple[list[tuple[int, int, int, bool, float]], int]: ...
def _panic_inside_guard() -> None: ...
