#!/usr/bin/env bash
# steppe against sqlite3, side by side in the same run: whole processes,
# medians from hyperfine, peak memory from /usr/bin/time -v.
#   bash Tests/Benchmark/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-20}
bash .ci/setup
# steppe and libSteppeCLI.so beside it (the reader of unusual command lines).
swift build -c release --product steppe 2>&1 | tail -1
swift build -c release --product SteppeCLI 2>&1 | tail -1
steppe=$(swift build -c release --show-bin-path)/steppe
work=.build/benchmark
mkdir -p "$work"

python3 - "$work" <<'PY'
import random, sys, os
work = sys.argv[1]
# 1. A 10,000-statement script: fact look-ups, unit arithmetic, plain arithmetic.
steppe, sql = [], []
for i in range(10000):
    k = i % 3
    if k == 0:
        steppe.append(f"protests.officers_killed * {i % 7 + 1}")
        sql.append(f"select 13 * {i % 7 + 1};")
    elif k == 1:
        steppe.append(f"{200 + i % 50} people / 5000 people")
        sql.append(f"select {200 + i % 50} * 1.0 / 5000;")
    else:
        steppe.append(f"{i} + {i % 13} * 2")
        sql.append(f"select {i} + {i % 13} * 2;")
open(os.path.join(work, "script.steppe"), "w").write("\n".join(steppe) + "\n")
open(os.path.join(work, "script.sql"), "w").write("\n".join(sql) + "\n")
# 2. A pack of 1,000,000 facts over 10,000 entities, and the same rows as CSV.
if not os.path.exists(os.path.join(work, "gen.csv")):
    random.seed(7)
    with open(os.path.join(work, "gen.steppe"), "w") as f, open(os.path.join(work, "gen.csv"), "w") as c:
        f.write('source gen "Generated benchmark facts" kind reference\n')
        for e in range(10000):
            f.write(f'entity e{e} "Entity {e}" kind thing\n')
        c.write("subject,property,value,unit,source\n")
        for e in range(10000):
            for p in range(100):
                v = random.randint(0, 1000)
                f.write(f"fact e{e}.p{p} = {v} people from gen\n")
                c.write(f"e{e},p{p},{v},people,gen\n")
open(os.path.join(work, "import.sql"), "w").write(
    ".mode csv\n.import " + os.path.join(work, "gen.csv") + " facts\n"
    "select count(*) from facts where source = 'gen' and unit = 'people' and cast(value as integer) > 500;\n")
PY

query='facts | where source == gen and value > 500 people | count'
# The answers must agree before anything is timed.
a=$("$steppe" --load "$work/gen.steppe" -c "$query" | tr -d ',')
b=$(sqlite3 :memory: < "$work/import.sql")
expected=$(python3 -c "import csv; print(sum(1 for r in csv.DictReader(open('$work/gen.csv')) if int(r['value']) > 500))")
[ "$a" = "$expected" ] && [ "$b" = "$expected" ] || { echo "answers differ: steppe $a, sqlite3 $b, expected $expected" >&2; exit 1; }
[ "$("$steppe" "$work/script.steppe" | wc -l)" = 10000 ] || { echo "steppe did not print 10,000 results" >&2; exit 1; }

hyperfine -N --warmup 10 --runs $((runs * 5)) --export-json "$work/startup.json" \
  "$steppe -c 1" "sqlite3 :memory: 'select 1'" >/dev/null
hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/script.json" \
  "$steppe $work/script.steppe" "sqlite3 :memory: '.read $work/script.sql'" >/dev/null
hyperfine --warmup 1 --runs "$((runs / 4 + 3))" --export-json "$work/pack.json" \
  "$steppe --load $work/gen.steppe -c '$query'" "sqlite3 :memory: < $work/import.sql" >/dev/null

peak() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk '/Maximum resident/ {print $6}'; }
mem_steppe=$(peak "$steppe" --load "$work/gen.steppe" -c "$query")
mem_sqlite=$(peak sh -c "sqlite3 :memory: < $work/import.sql")

python3 - "$work" "$mem_steppe" "$mem_sqlite" "$a" <<'PY'
import json, sys, os
work, ms, mq, answer = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
def medians(name):
    r = json.load(open(os.path.join(work, name)))["results"]
    return r[0]["median"] * 1000, r[1]["median"] * 1000
rows = [("start-up to a first result", *medians("startup.json"), "ms", 4.0),
        ("10,000-statement script", *medians("script.json"), "ms", 1.0),
        ("1M-fact pack, time", *medians("pack.json"), "ms", 1.5),
        ("1M-fact pack, peak memory", ms / 1024, mq / 1024, "MiB", 4.0)]
print(f"\n1M-fact answer: {answer} facts above 500 people (steppe and sqlite3 agree)\n")
print("| figure | steppe | sqlite3 | ratio | at most |")
print("| --- | --- | --- | --- | --- |")
ok = True
for name, s, q, unit, limit in rows:
    ratio = s / q
    ok &= ratio <= limit
    print(f"| {name} | {s:.1f} {unit} | {q:.1f} {unit} | {ratio:.2f} | {limit} |")
print("\nall within their limits" if ok else "\nSOME FIGURES ARE OVER THEIR LIMITS")
PY
