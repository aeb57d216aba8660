#!/usr/bin/env bash
# How long `search` takes on a pack of 1,000,000 facts, release build:
# `:timer on` times each statement alone (the pack's loading is not in it).
#   bash Tests/Benchmark/search.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
swift build -c release --product steppe 2>&1 | tail -1
steppe=$(swift build -c release --show-bin-path)/steppe
work=.build/benchmark
mkdir -p "$work"
# The pack of run.sh: 10,000 entities, 100 properties each, one figure a fact.
if [ ! -f "$work/gen.steppe" ]; then
  python3 - "$work" <<'PY'
import random, sys, os
random.seed(7)
with open(os.path.join(sys.argv[1], "gen.steppe"), "w") as f:
    f.write('source gen "Generated benchmark facts" kind reference\n')
    for e in range(10000):
        f.write(f'entity e{e} "Entity {e}" kind thing\n')
    for e in range(10000):
        for p in range(100):
            f.write(f"fact e{e}.p{p} = {random.randint(0, 1000)} people from gen\n")
PY
fi
for query in 'search p99' 'search entity 9999 p42' 'search 999' 'search e42' 'search airport'; do
  for _ in $(seq "$runs"); do
    "$steppe" --load "$work/gen.steppe" -c ':timer on' -c "$query | count" 2>&1 >/dev/null | sed -n 's/^time: //p'
  done | sort -n | awk -v q="$query" '{ t[NR] = $1 } END { printf "%-36s median %s ms over %d runs\n", q, t[int((NR + 1) / 2)], NR }'
done
# CPU time, which other work on the machine does not inflate: ten searches
# in one process, less the load alone, over ten.
user() { /usr/bin/time -f %U "$@" 2>&1 >/dev/null | tail -1; }
ten=(); for _ in $(seq 10); do ten+=(-c 'search entity 9999 p42 | count'); done
load=$(user "$steppe" --load "$work/gen.steppe" -c 1)
both=$(user "$steppe" --load "$work/gen.steppe" "${ten[@]}")
python3 -c "print(f'CPU time a search: {($both - $load) / 10 * 1000:.0f} ms (load alone {$load} s)')"
