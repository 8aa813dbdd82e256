"""Coverage-guided fuzzing of the identifier parsers (atheris / libFuzzer).

    python fuzz/fuzz_parse_identifier.py -max_total_time=30

A crash is any exception other than :class:`~arxivmeta.InvalidIdentifier`, a parse that
does not survive ``parse(str(x)) == x``, or a validator that disagrees with its parser.
:func:`check` holds the contract; ``tests/test_adversarial.py`` replays the inputs saved in
``tests/cases/fuzz_regressions.json`` through it without atheris.
"""

from __future__ import annotations

import contextlib
import importlib.util
import sys
from pathlib import Path

try:
    import atheris
except ImportError:  # replaying saved inputs through check() needs no atheris
    atheris = None

if importlib.util.find_spec("arxivmeta") is None:  # run from a checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

# Coverage feedback comes from arxivmeta's own code only: instrumenting every library
# loaded would slow each run for no gain.
_instrumented = (
    atheris.instrument_imports(include=["arxivmeta"])
    if atheris is not None and __name__ == "__main__"
    else contextlib.nullcontext()
)
with _instrumented:
    import arxivmeta

    for _name in arxivmeta.__all__:  # public names load their modules lazily: load them now
        getattr(arxivmeta, _name)

from arxivmeta import (  # noqa: E402 (must follow the instrumented import)
    InvalidArxivId,
    InvalidDOI,
    InvalidIdentifier,
    is_valid_arxiv_id,
    is_valid_doi,
    parse_arxiv_id,
    parse_doi,
    parse_identifier,
)

# Fragments that steer the fuzzer into the grammar faster than random bytes would.
PREFIXES = ("", "doi:", "https://doi.org/", "10.", "arXiv:", "https://arxiv.org/abs/", "arxiv-")


def check(text: str) -> None:
    """Raise ``AssertionError`` (or the unexpected error) when ``text`` breaks a contract."""
    for parse, error, is_valid in (
        (parse_doi, InvalidDOI, is_valid_doi),
        (parse_arxiv_id, InvalidArxivId, is_valid_arxiv_id),
    ):
        try:
            value = parse(text)
        except error:
            assert is_valid(text) is False, text
            continue
        assert is_valid(text) is True, text
        assert parse(str(value)) == value, (text, str(value))
    try:
        found = parse_identifier(text)
    except InvalidIdentifier:
        return
    assert parse_identifier(str(found)) == found, (text, str(found))


def one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    prefix = PREFIXES[provider.ConsumeIntInRange(0, len(PREFIXES) - 1)]
    check(prefix + provider.ConsumeUnicodeNoSurrogates(provider.remaining_bytes()))


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
