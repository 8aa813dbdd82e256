"""Records per second for ``clean_record`` on the corpus, by source format, on one core.

Run: ``python benchmarks/bench_records.py [--explain]``. Reads the corpus from
``$ARXIVMETA_CORPUS`` or ``<repo>/../shared/corpus/dev.jsonl``.
"""

from __future__ import annotations

import collections
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    corpus = Path(os.environ.get("ARXIVMETA_CORPUS", REPO.parent / "shared/corpus/dev.jsonl"))
    if not corpus.exists():
        print(f"corpus not found at {corpus}; set ARXIVMETA_CORPUS to run this benchmark")
        return 0
    sys.path.insert(0, str(REPO / "src"))
    from arxivmeta.records import clean_and_explain, clean_record

    clean = clean_and_explain if "--explain" in sys.argv else clean_record
    records = [json.loads(line) for line in corpus.read_text("utf-8").splitlines() if line]
    for record in records[:50]:  # load word lists and tables before timing
        clean(record)
    by_format: dict[str, list[float]] = collections.defaultdict(list)
    start = time.perf_counter()
    for record in records:
        began = time.perf_counter()
        clean(record)
        by_format[record.get("source_format", "?")].append(time.perf_counter() - began)
    total = time.perf_counter() - start
    print(f"{len(records)} records in {total:.2f} s: {len(records) / total:,.0f} records/s")
    for name, times in sorted(by_format.items()):
        print(f"  {name:14} {len(times):5} records  {len(times) / sum(times):8,.0f} records/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
