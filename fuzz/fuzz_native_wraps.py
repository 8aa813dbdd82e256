"""Coverage-guided fuzzing of the compiled line-wrap core at its boundary (atheris).

    python fuzz/fuzz_native_wraps.py -max_total_time=30

The fuzzer's bytes become a text of arbitrary code points (lone surrogates included,
which UTF-8 cannot carry), a user vocabulary and a configuration, passed from Python to
the core through :func:`arxivmeta.wraps._search.find_cuts`. A crash is any exception (a
panic in the core arrives as ``WrapSearchError``), a cut outside its token or not
between two characters of the text, an explanation that disagrees with the repair, or a
repair of flattened text that changes anything but spaces. (Idempotence is a property of
the algorithm, tested in ``tests/test_properties.py`` with its known exceptions; on the
nonsense widths the fuzzer also tries, it does not hold.)
Coverage is Python's; the core's own branches are reached through it.
"""

from __future__ import annotations

import contextlib
import importlib.util
import sys
from pathlib import Path

try:
    import atheris
except ImportError:  # check() runs without atheris
    atheris = None

if importlib.util.find_spec("arxivmeta") is None:  # run from a checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

_instrumented = (
    atheris.instrument_imports(include=["arxivmeta"])
    if atheris is not None and __name__ == "__main__"
    else contextlib.nullcontext()
)
with _instrumented:
    from arxivmeta.wraps import WrapConfig, explain_line_wraps, repair_line_wraps
    from arxivmeta.wraps._lexicon import english_lexicon
    from arxivmeta.wraps._search import find_cuts

# Glue that steers the fuzzer towards the typography rules faster than random bytes.
FRAGMENTS = ("", "systems.As ", "Vision(CV)", "a$3.37times$ ", "100%accuracy ", "tocomplex ")


def check(text: str, extra: frozenset[str], config: WrapConfig) -> None:
    """Raise ``AssertionError`` (or the unexpected error) when a contract breaks."""
    params = (
        config.local_threshold,
        config.geometry_threshold,
        config.min_width,
        config.max_width,
        config.max_token_length,
    )
    for cut in find_cuts(text, extra, params):
        assert 0 < cut.position < len(text), (text, cut)
        assert text[cut.position - len(cut.left) : cut.position] == cut.left, (text, cut)
        assert text[cut.position : cut.position + len(cut.right)] == cut.right, (text, cut)
    fixed = repair_line_wraps(text, config=config)
    assert explain_line_wraps(text, config=config)[0] == fixed, text
    if not any(mark in text for mark in "\x00\n\r\u2028\u2029\f\u00ad"):
        assert fixed.replace(" ", "") == text.replace(" ", ""), text


def _text(provider: atheris.FuzzedDataProvider, size: int) -> str:
    # Code points 0..0x10FFFF, surrogates included: what a Python str may hold.
    return "".join(chr(provider.ConsumeIntInRange(0, 0x10FFFF)) for _ in range(size))


def one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    fragment = FRAGMENTS[provider.ConsumeIntInRange(0, len(FRAGMENTS) - 1)]
    ascii_share = provider.ConsumeIntInRange(0, 3)
    size = provider.ConsumeIntInRange(0, 400)
    # Mostly the provider's own strings (the word model's paths), sometimes any code point.
    body = provider.ConsumeString(size) if ascii_share else _text(provider, size)
    extra = frozenset(_text(provider, provider.ConsumeIntInRange(0, 8)) for _ in range(2))
    config = WrapConfig(
        extra_vocabulary=extra if provider.ConsumeBool() else frozenset(),
        min_width=provider.ConsumeIntInRange(1, 90),
        max_width=provider.ConsumeIntInRange(1, 90),
        max_token_length=provider.ConsumeIntInRange(0, 80),
    )
    text = (fragment + body) * provider.ConsumeIntInRange(1, 3)
    check(text, config.extra_vocabulary, config)


def main() -> None:
    english_lexicon()  # built once, before the first input's time limit starts
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
