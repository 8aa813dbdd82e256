"""Differential test of the line-wrap repair against a previous release, in its own venv.

Usage::

    ARXIVMETA_CORPUS=/path/to/dev.jsonl python benchmarks/differential_wraps.py \\
        [--ref 2ca424f] [--repo /path/to/git/checkout] [--examples 3000]

It creates a virtual environment under /tmp holding arxivmeta at *ref* (the last release
whose line-wrap search was pure Python), installed from a local git checkout, and
compares ``explain_line_wraps`` of that version with this checkout's on hypothesis-made
texts (glued corpus words, Unicode whose case rules are context-dependent, lone
surrogates, user vocabularies, other widths) and on every corpus abstract as it is,
flattened, and flattened in upper case. The old version runs in a child process that
answers one JSON line per request. Exit status 1 on the first difference.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import venv
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

# Strings cross the pipe as lists of code points: JSON would join a lone high surrogate
# and a lone low one into a single character.
_CHILD = r"""
import json, sys
from arxivmeta.wraps import WrapConfig, explain_line_wraps
def s(points): return "".join(map(chr, points))
def p(text): return [ord(c) for c in text]
for line in sys.stdin:
    text, extra, params = json.loads(line)
    local_t, geometry_t, min_w, max_w, max_token = params
    extra = frozenset(map(s, extra))
    config = WrapConfig(extra, local_t, geometry_t, min_w, max_w, max_token)
    try:
        fixed, splits = explain_line_wraps(s(text), config=config)
        answer = [p(fixed), [[x.position, p(x.left), p(x.right), x.rule, x.score] for x in splits]]
    except RecursionError:
        answer = None  # a known defect of the old search on very narrow widths
    print(json.dumps(answer), flush=True)
"""


def _points(text: str) -> list[int]:
    return [ord(c) for c in text]


def corpus_path() -> Path:
    env = os.environ.get("ARXIVMETA_CORPUS")
    return Path(env) if env else REPO.parent / "shared" / "corpus" / "dev.jsonl"


def old_python(ref: str, repo: Path) -> Path:
    home = Path("/tmp") / f"arxivmeta-venv-{ref}"
    python = home / "bin" / "python"
    if not python.exists():
        venv.create(home, with_pip=True)
        url = f"git+file://{repo}@{ref}"
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", url], check=True)
    return python


class Old:
    """The previous release, answering over a pipe."""

    def __init__(self, python: Path) -> None:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        self.child = subprocess.Popen(
            [str(python), "-c", _CHILD],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            cwd="/tmp",
            env=env,
        )

    def explain(self, text: str, extra: list[str], params: list[Any]) -> Any:
        assert self.child.stdin is not None
        assert self.child.stdout is not None
        request = [_points(text), [_points(w) for w in extra], params]
        self.child.stdin.write(json.dumps(request) + "\n")
        self.child.stdin.flush()
        return json.loads(self.child.stdout.readline())


def new_explain(text: str, extra: list[str], params: list[Any]) -> Any:
    from arxivmeta.wraps import WrapConfig, explain_line_wraps

    local_t, geometry_t, min_w, max_w, max_token = params
    config = WrapConfig(frozenset(extra), local_t, geometry_t, min_w, max_w, max_token)
    fixed, splits = explain_line_wraps(text, config=config)
    answer = [
        _points(fixed),
        [[x.position, _points(x.left), _points(x.right), x.rule, x.score] for x in splits],
    ]
    return json.loads(json.dumps(answer))  # floats through JSON, as the old side's came


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ref", default="2ca424f")
    parser.add_argument("--repo", type=Path, default=REPO)
    parser.add_argument("--examples", type=int, default=3000)
    args = parser.parse_args()
    path = corpus_path()
    if not path.exists():
        print(f"corpus not found at {path}; set ARXIVMETA_CORPUS", file=sys.stderr)
        return 2
    with path.open(encoding="utf-8") as lines:
        abstracts = [json.loads(line).get("abstract") or "" for line in lines if line.strip()]
    old = Old(old_python(args.ref, args.repo))
    default = [6.5, -7.0, 60, 84, 60]
    differences = 0

    def compare(text: str, extra: list[str], params: list[Any]) -> bool:
        nonlocal differences
        want = old.explain(text, extra, params)
        if want is None:
            return True
        got = new_explain(text, extra, params)
        if got != want:
            differences += 1
            print(json.dumps({"text": _points(text), "extra": extra, "params": params}))
            return False
        return True

    from hypothesis import HealthCheck, given, settings, strategies as st

    flat = [a.strip().replace("\n", "") for a in abstracts]
    words = sorted({w for a in flat[:500] for w in a.split()})
    pieces = st.one_of(
        st.sampled_from(words),
        st.text(max_size=12),
        st.integers(0xD800, 0xDFFF).map(chr),
        st.sampled_from(["\u0130", "\u03a3", "\u0391\u03a3", "\u01c5a", "\ufb01", "\u216b"]),
        st.sampled_from(["$x$", "(CV)", "e.g.", "a\u0301", "\xa0", "  ", "-", "\n"]),
    )
    texts = st.lists(pieces, min_size=1, max_size=80).map(
        lambda ws: "".join(w + (" " if i % 3 else "") for i, w in enumerate(ws))
    )
    vocabularies = st.sampled_from([[], ["modelwith", "LLMs", "\u03c3\u03bf\u03c6\u03af\u03b1"]])
    configurations = st.sampled_from([default, [3.0, -20.0, 20, 40, 10], [6.5, -7.0, 1, 3, 60]])

    @settings(
        max_examples=args.examples,
        deadline=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    @given(texts, vocabularies, configurations)
    def generated(text: str, extra: list[str], params: list[Any]) -> None:
        assert compare(text, extra, params)

    generated()
    print(f"generated texts: {args.examples} compared, no difference")
    for abstract, flattened in zip(abstracts, flat, strict=True):
        for text in (abstract, flattened, flattened.upper()):
            compare(text, [], default)
    print(f"corpus texts: {3 * len(abstracts)} compared, {differences} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
