"""Benchmark: how fast records are cleaned, against a do-it-yourself peer pipeline.

Measures, on the corpus (``$ARXIVMETA_CORPUS`` or ``../shared/corpus/dev.jsonl``):

* records/s of ``clean_record`` on corpus records as stored (``corpus`` shape), on the same
  records in the aggregator's shape (abstract flattened: stripped, every ``"\\n"`` deleted;
  title on one line; ``doi`` as ``arxiv-<id>``), and on the seed page's ten records;
* the same records through a peer pipeline people assemble by hand: ``ftfy.fix_text`` on
  title and abstract, ``wordninja`` on abstract tokens missing from its vocabulary,
  ``nameparser.HumanName`` per author, ``idutils`` for the identifiers; reported as a ratio,
  the two measured in alternating rounds (``--rounds``, default 3) so that other load on a
  shared machine weighs on both alike;
* the command line's worker path (JSON text in, JSON text out) on 1 and 2 processes, and
  ``arxivmeta.dask.clean_bag`` on 2 Dask worker processes;
* the cost curve: time per record against abstract length (corpus buckets, and one
  abstract grown to 64k characters), which must be linear;
* import time of ``arxivmeta`` and of the cleaners (fresh interpreter, best of 5).

Usage::

    python benchmarks/throughput.py                  # everything
    python benchmarks/throughput.py --limit 2000     # fewer records, faster
    python benchmarks/throughput.py --only single,peer --profile 3000
    python benchmarks/throughput.py --only peer --rounds 5

``--profile N`` runs cProfile over ``clean_record`` on N aggregator-shape records and
prints the functions and modules that dominate.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

SEED = REPO / "examples" / "aggregator-sample.json"
_PUNCT = ".,;:!?()[]{}\"'`$%"
SECTIONS = ("single", "peer", "parallel", "curve", "import")


def corpus_path() -> Path:
    env = os.environ.get("ARXIVMETA_CORPUS")
    return Path(env) if env else REPO.parent / "shared" / "corpus" / "dev.jsonl"


def flatten(abstract: str) -> str:
    """The aggregator's abstract: stripped, every line break deleted (words glue together)."""
    return abstract.strip().replace("\n", "")


def aggregator_shape(record: dict[str, Any], template: dict[str, Any]) -> dict[str, Any]:
    """A corpus record dressed as the aggregator serves it (keys and values as on the seed page)."""
    authors = record.get("authors") or ", ".join(record.get("authors_list") or []) or None
    shaped = dict(template)
    shaped.update(
        title=" ".join((record.get("title") or "").split()) or None,
        authors=authors,
        doi=f"arxiv-{record['id']}",
        DOIUrl=f"https://doi.org/arxiv-{record['id']}",
        abstract=flatten(record["abstract"]) if record.get("abstract") else None,
        publicationDate=None,
    )
    return shaped


def load(
    limit: int | None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    seed: list[dict[str, Any]] = json.loads(SEED.read_text(encoding="utf-8"))
    with corpus_path().open(encoding="utf-8") as file:
        lines = file.readlines()
    if limit and limit < len(lines):  # evenly spaced, so every source is represented
        lines = [lines[n * len(lines) // limit] for n in range(limit)]
    corpus: list[dict[str, Any]] = [json.loads(line) for line in lines]
    aggregator = [aggregator_shape(record, seed[0]) for record in corpus]
    return corpus, aggregator, seed


def rate(function: Callable[[Any], Any], records: list[Any], *, minimum: float = 1.0) -> float:
    """Records per CPU-second of ``function`` over ``records`` (repeated for ``minimum`` s).

    CPU time of this process, not wall time: on a shared machine other processes' load
    would otherwise count against the code measured.
    """
    for record in records[:20]:
        function(record)  # warm up lazy data
    done = 0
    started = time.process_time()
    while True:
        for record in records:
            function(record)
        done += len(records)
        elapsed = time.process_time() - started
        if elapsed >= minimum:
            return done / elapsed


def safe(function: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``function``, with refusals counted as work done (as ``clean_records`` does)."""

    def call(record: Any) -> Any:
        try:
            return function(record)
        except ValueError:
            return None

    return call


# The do-it-yourself peer pipeline -------------------------------------------------------


def peer_pipeline() -> Callable[[dict[str, Any]], dict[str, Any]]:
    import ftfy
    import idutils
    import wordninja
    from nameparser import HumanName

    vocabulary = wordninja.DEFAULT_LANGUAGE_MODEL._wordcost  # its word list

    def segment(abstract: str) -> str:
        tokens = []
        for token in abstract.split():
            core = token.strip(_PUNCT)
            if len(core) > 3 and core.isalpha() and core.lower() not in vocabulary:
                start = token.find(core)
                pieces = " ".join(wordninja.split(core))
                tokens.append(token[:start] + pieces + token[start + len(core) :])
            else:
                tokens.append(token)
        return " ".join(tokens)

    def identifiers(record: dict[str, Any]) -> dict[str, str | None]:
        arxiv = record.get("id") or ""
        doi = record.get("doi") or ""
        if doi.startswith("arxiv-"):
            arxiv, doi = doi.removeprefix("arxiv-"), ""
        return {
            "arxiv_id": idutils.normalize_arxiv(arxiv)
            if arxiv and idutils.is_arxiv(arxiv)
            else None,
            "doi": idutils.normalize_doi(doi) if doi and idutils.is_doi(doi) else None,
        }

    def clean(record: dict[str, Any]) -> dict[str, Any]:
        title = ftfy.fix_text(" ".join((record.get("title") or "").split()))
        abstract = segment(ftfy.fix_text(record.get("abstract") or ""))
        names = (record.get("authors") or "").replace(" and ", ", ").split(",")
        authors = [HumanName(name.strip()) for name in names if name.strip()]
        return {
            "title": title,
            "abstract": abstract,
            "authors": [{"given": a.first, "family": a.last} for a in authors],
            **identifiers(record),
        }

    return clean


# Sections -------------------------------------------------------------------------------


def compare(shapes: dict[str, list[Any]], *, rounds: int, with_peer: bool) -> None:
    """arxivmeta's rate and the peer pipeline's, measured in alternating rounds.

    The machine is shared: other load slows both pipelines alike within a round, but not
    from one round to the next. Each side's best round is its least disturbed rate, and
    the ratio of each round, both sides measured under the same load, is summed up by its
    median and range.
    """
    from arxivmeta import clean_record

    ours = safe(clean_record)
    theirs = peer_pipeline() if with_peer else None
    our_best = dict.fromkeys(shapes, 0.0)
    peer_best = dict.fromkeys(shapes, 0.0)
    ratios: dict[str, list[float]] = {name: [] for name in shapes}
    for _ in range(rounds):
        for name, records in shapes.items():
            mine = rate(ours, records)
            our_best[name] = max(our_best[name], mine)
            if theirs is not None:
                peer_rate = rate(theirs, records)
                peer_best[name] = max(peer_best[name], peer_rate)
                ratios[name].append(mine / peer_rate)
    if theirs is None:
        print(f"## clean_record, 1 core (per CPU-second, best of {rounds} rounds)\n")
        print("| records | rec/s | µs/record |")
        print("|---|---:|---:|")
        for name, mine in our_best.items():
            print(f"| {name} | {mine:,.0f} | {1e6 / mine:,.0f} |")
        return
    print(
        f"## clean_record against the do-it-yourself pipeline, 1 core (per CPU-second; "
        f"best of {rounds} alternating rounds)\n"
    )
    print("| records | arxivmeta rec/s | µs/record | peer rec/s | ratio of bests | round ratios |")
    print("|---|---:|---:|---:|---:|---|")
    for name, mine in our_best.items():
        peer_rate, spread = peer_best[name], ratios[name]
        summary = f"median {statistics.median(spread):.2f}× ({min(spread):.2f}–{max(spread):.2f}×)"
        print(
            f"| {name} | {mine:,.0f} | {1e6 / mine:,.0f} | {peer_rate:,.0f} | "
            f"{mine / peer_rate:.2f}× | {summary} |"
        )


def parallel(aggregator: list[Any]) -> None:
    from arxivmeta.cli._io import Item
    from arxivmeta.cli._pipeline import Settings, chunked, run

    lines = [json.dumps(record, ensure_ascii=False).encode("utf-8") for record in aggregator]
    items = [Item(n, n, line) for n, line in enumerate(lines, 1)]
    print("\n## Worker processes (JSON text in, JSON text out; aggregator shape)\n")
    print("CPU: seconds of all processes (this one and its workers, once they exit).\n")
    print("| runner | records | wall s | rec/s (wall) | CPU s | rec per CPU-second |")
    print("|---|---:|---:|---:|---:|---:|")

    def report(name: str, done: int, wall: float, cpu: float) -> None:
        rates = f"{done / wall:,.0f} | {cpu:.2f} | {done / cpu:,.0f}"
        print(f"| {name} | {done:,} | {wall:.2f} | {rates} |")

    for jobs in (1, 2):
        started, cpu = time.perf_counter(), _cpu()
        done = sum(len(batch) for batch in run(chunked(items), Settings(), jobs))
        report(f"`--jobs {jobs}`", done, time.perf_counter() - started, _cpu() - cpu)
    try:
        import dask.bag as db

        from arxivmeta.dask import clean_bag
    except ImportError:
        print("| Dask | (dask not installed) | | | | |")
        return
    texts = [line.decode("utf-8") for line in lines]
    started, cpu = time.perf_counter(), _cpu()
    bag = clean_bag(db.from_sequence(texts, npartitions=32))
    done = bag.count().compute(scheduler="processes", num_workers=2)
    report("Dask, 2 worker processes", done, time.perf_counter() - started, _cpu() - cpu)


def _cpu() -> float:
    """CPU seconds of this process and of its children that have exited."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def curve(aggregator: list[Any]) -> None:
    from arxivmeta import clean_record

    clean = safe(clean_record)
    buckets: dict[int, list[float]] = defaultdict(list)
    for record in aggregator[:20]:
        clean(record)
    for record in aggregator:
        length = len(record.get("abstract") or "")
        started = time.process_time()
        clean(record)
        buckets[min(length // 500, 4)].append(time.process_time() - started)
    print("\n## Cost per record against abstract length (CPU time)\n")
    print("| abstract characters | records | median µs/record |")
    print("|---|---:|---:|")
    for bucket in sorted(buckets):
        label = f"{bucket * 500}–{bucket * 500 + 499}" if bucket < 4 else "2000+"
        times = buckets[bucket]
        print(f"| {label} | {len(times):,} | {statistics.median(times) * 1e6:,.0f} |")

    text = " ".join(r["abstract"] for r in aggregator if r.get("abstract"))
    template = aggregator[0]
    print("\n| one abstract grown to | µs (best of 3) | µs per 1,000 characters |")
    print("|---:|---:|---:|")
    for size in (1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000):
        record = {**template, "abstract": text[:size]}
        best = min(_timed(clean, record) for _ in range(3))
        print(f"| {size:,} | {best * 1e6:,.0f} | {best * 1e6 / (size / 1000):,.0f} |")


def _timed(function: Callable[[Any], Any], argument: Any) -> float:
    started = time.process_time()
    function(argument)
    return time.process_time() - started


def import_times() -> None:
    print(
        "\n## Import time (fresh interpreter, compiled bytecode, best of 5, interpreter "
        "start-up subtracted)\n"
    )
    print("| statement | seconds |")
    print("|---|---:|")
    # An installed package imports from the bytecode pip compiled at install time: the
    # timed runs read it from a cache in a temporary folder, written by a first run.
    with tempfile.TemporaryDirectory(prefix="arxivmeta-pycache-") as cache:
        env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "PYTHONPYCACHEPREFIX": cache}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        baseline = _best_run("pass", env)
        for code in (
            "import arxivmeta",
            "import arxivmeta; arxivmeta.clean_record",
            "import arxivmeta; arxivmeta.clean_record({'title': 'A  title'})",
            # A flattened abstract: the first call that builds the line-wrap word model.
            f"import arxivmeta; arxivmeta.clean_record({{'title': 'A  title', "
            f"'abstract': {_FIRST_ABSTRACT!r}}})",
        ):
            print(f"| `{code}` | {_best_run(code, env) - baseline:.3f} |")


_FIRST_ABSTRACT = (
    "In this paper we study distributed training at scale, and we propose a modelwith two "
    "parts that we train on many machines."
)


def _best_run(code: str, env: dict[str, str]) -> float:
    """Wall seconds of the fastest of five fresh interpreters running *code*."""
    subprocess.run([sys.executable, "-c", code], env=env, check=True)
    times = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], env=env, check=True)
        times.append(time.perf_counter() - started)
    return min(times)


def profile(aggregator: list[Any], count: int) -> None:
    from arxivmeta import clean_record

    clean = safe(clean_record)
    records = (aggregator * (count // max(len(aggregator), 1) + 1))[:count]
    for record in records[:20]:
        clean(record)
    profiler = cProfile.Profile()
    profiler.runcall(lambda: [clean(record) for record in records])
    stats = pstats.Stats(profiler)
    total = sum(entry[2] for entry in stats.stats.values())  # type: ignore[attr-defined]
    by_module: dict[str, float] = defaultdict(float)
    for (path, _, _), entry in stats.stats.items():  # type: ignore[attr-defined]
        by_module[_module(path)] += entry[2]
    print(f"\n## Profile: clean_record on {count:,} aggregator-shape records\n")
    print("| module | own time | share |")
    print("|---|---:|---:|")
    for module, seconds in sorted(by_module.items(), key=lambda pair: -pair[1])[:15]:
        print(f"| {module} | {seconds:.2f} s | {100 * seconds / total:.1f}% |")
    print("\nTop functions by own time:\n")
    stats.sort_stats("tottime").print_stats(20)


def _module(path: str) -> str:
    if path.startswith(("~", "<")):
        return "(builtins)"
    parts = Path(path).with_suffix("").parts
    for anchor in ("site-packages", "src"):
        if anchor in parts:
            return ".".join(parts[parts.index(anchor) + 1 :])
    return ".".join(parts[-2:])


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--limit", type=int, default=None, help="use an evenly spaced sample of N corpus records"
    )
    parser.add_argument(
        "--only", default=",".join(SECTIONS), help=f"comma-separated: {', '.join(SECTIONS)}"
    )
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="cProfile N records")
    parser.add_argument(
        "--rounds", type=int, default=3, help="alternating rounds of arxivmeta and the peer"
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    # Line buffering: worker processes fork from this one and must not inherit pending output.
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    if not corpus_path().exists():
        print(f"corpus not found at {corpus_path()}; set ARXIVMETA_CORPUS to run this benchmark")
        return 0
    only = set(args.only.split(","))
    corpus, aggregator, seed = load(args.limit)
    print(f"# Throughput: {len(corpus):,} corpus records, {len(seed)} seed records")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs\n")
    if only & {"single", "peer"}:
        shapes = {"corpus shape": corpus, "aggregator shape": aggregator, "seed page": seed}
        compare(shapes, rounds=args.rounds, with_peer="peer" in only)
    if "parallel" in only:
        parallel(aggregator)
    if "curve" in only:
        curve(aggregator)
    if "import" in only:
        import_times()
    if args.profile:
        profile(aggregator, args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
