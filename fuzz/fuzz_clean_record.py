"""Coverage-guided fuzzing of the record cleaner (atheris / libFuzzer).

    python fuzz/fuzz_clean_record.py -max_total_time=30

The fuzzer's bytes are read as JSON when they parse, or else spread over the fields of an
aggregator, Kaggle or Semantic Scholar record. A crash is any exception from
:func:`~arxivmeta.clean_record` other than :class:`~arxivmeta.InvalidRecord`, a paper that
does not survive a JSON round trip, an explanation that disagrees with the result, or a
:func:`~arxivmeta.clean_records` that raises or loses the record.
:func:`check` holds the contract; ``tests/test_adversarial.py`` replays the inputs saved in
``tests/cases/fuzz_regressions.json`` through it without atheris.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

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
    InvalidRecord,
    Paper,
    clean_and_explain,
    clean_record,
    clean_records,
)

# Field names of the three input formats, so fuzzed values land where the cleaner looks.
FIELDS = (
    "title", "authors", "abstract", "doi", "DOIUrl", "publicationDate", "citationCount",
    "journal", "id", "categories", "versions", "update_date", "authors_parsed", "journal-ref",
    "paperId", "externalIds", "year", "venue", "openAccessPdf", "comments", "license",
)  # fmt: skip


def check(record: Any) -> None:
    """Raise ``AssertionError`` (or the unexpected error) when ``record`` breaks a contract."""
    results = list(clean_records([record]))
    assert len(results) == 1
    if not isinstance(record, dict):
        return
    try:
        paper = clean_record(record)
    except InvalidRecord:
        assert not isinstance(results[0], Paper)
        return
    assert results[0] == paper
    assert Paper.model_validate_json(paper.model_dump_json()) == paper
    explained, steps = clean_and_explain(record)
    assert explained == paper
    assert all(step.before != step.after for step in steps)


def _fuzzed_value(provider: Any, depth: int = 0) -> Any:
    kind = provider.ConsumeIntInRange(0, 7 if depth < 3 else 4)
    if kind == 0:
        return None
    if kind == 1:
        return provider.ConsumeBool()
    if kind == 2:
        return provider.ConsumeInt(8)
    if kind == 3:
        return provider.ConsumeRegularFloat()
    if kind == 4:
        return provider.ConsumeUnicodeNoSurrogates(provider.ConsumeIntInRange(0, 200))
    if kind == 5:
        return [_fuzzed_value(provider, depth + 1) for _ in range(provider.ConsumeIntInRange(0, 3))]
    keys = FIELDS if kind == 6 else ("name", "url", "ArXiv", "DOI", "volume", "version")
    return {
        keys[provider.ConsumeIntInRange(0, len(keys) - 1)]: _fuzzed_value(provider, depth + 1)
        for _ in range(provider.ConsumeIntInRange(0, 4))
    }


def one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    if provider.ConsumeBool():
        try:
            record = json.loads(provider.ConsumeUnicodeNoSurrogates(provider.remaining_bytes()))
        except (ValueError, RecursionError):
            return
    else:
        record = {
            FIELDS[provider.ConsumeIntInRange(0, len(FIELDS) - 1)]: _fuzzed_value(provider)
            for _ in range(provider.ConsumeIntInRange(1, 8))
        }
    check(record)


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
