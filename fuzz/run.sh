#!/usr/bin/env sh
# Fuzz each target for a bounded time; exit non-zero on the first crash.
# Usage: fuzz/run.sh [seconds-per-target]   (default 20; needs `pip install atheris`)
# Crash inputs are written to $FUZZ_ARTIFACTS (default: a fresh temporary directory).
set -eu
seconds="${1:-20}"
python="${PYTHON:-python}"
here="$(cd "$(dirname "$0")" && pwd)"
artifacts="${FUZZ_ARTIFACTS:-$(mktemp -d)}"
mkdir -p "$artifacts"
for target in fuzz_parse_identifier fuzz_clean_record fuzz_native_wraps; do
    echo "fuzzing $target for ${seconds}s (crash inputs go to $artifacts)"
    "$python" "$here/$target.py" -max_total_time="$seconds" -rss_limit_mb=2048 \
        -timeout=10 -max_len=4096 -artifact_prefix="$artifacts/$target-" -print_final_stats=1
done
