#!/usr/bin/env bash
# steppe against sqlite3, side by side in the same run: whole processes,
# medians from hyperfine, instructions from callgrind, peak memory from
# /usr/bin/time -v. Each figure is the WORST case over the shapes a user's
# work comes in: every output format for the script, every order of facts
# for the pack.
#   bash Tests/Benchmark/run.sh [RUNS]
# STEPPE_BIN=path measures that binary instead of building one.
# Each figure is a function below (fig_*) that appends rows to $rows; add a
# figure by adding a function and a line in the list at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-20}
work=.build/benchmark
rows=$work/rows.tsv
orders="subject-major property-major shuffled"
formats="table csv json markdown"
query='facts | where source == gen and value > 500 people | count'

build() {
  bash .ci/setup
  # callgrind counts the instructions; a new machine may lack it.
  if ! command -v valgrind >/dev/null; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq valgrind >/dev/null
  fi
  if [ -n "${STEPPE_BIN:-}" ]; then
    steppe=$STEPPE_BIN
  else
    # steppe and libSteppeCLI.so beside it (the reader of unusual command lines).
    swift build -c release --product steppe 2>&1 | tail -1
    swift build -c release --product SteppeCLI 2>&1 | tail -1
    steppe=$(swift build -c release --show-bin-path)/steppe
  fi
  mkdir -p "$work"
  : > "$rows"
}

# The inputs: a 10,000-statement script (and its sqlite3 twin), and a pack of
# 1,000,000 facts over 10,000 entities written in each order of $orders, with
# the same rows as CSV for sqlite3's .import.
generate() {
  python3 - "$work" <<'PY'
import random, sys, os
work = sys.argv[1]
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
random.seed(7)
values = [[random.randint(0, 1000) for p in range(100)] for e in range(10000)]
subject_major = [(e, p) for e in range(10000) for p in range(100)]
property_major = [(e, p) for p in range(100) for e in range(10000)]
shuffled = list(subject_major)
random.Random(11).shuffle(shuffled)
for name, order in (("subject-major", subject_major), ("property-major", property_major), ("shuffled", shuffled)):
    path = os.path.join(work, f"gen-{name}.steppe")
    if os.path.exists(path) and os.path.exists(os.path.join(work, f"gen-{name}.csv")):
        continue
    with open(path, "w") as f, open(os.path.join(work, f"gen-{name}.csv"), "w") as c:
        f.write('source gen "Generated benchmark facts" kind reference\n')
        for e in range(10000):
            f.write(f'entity e{e} "Entity {e}" kind thing\n')
        c.write("subject,property,value,unit,source\n")
        for e, p in order:
            v = values[e][p]
            f.write(f"fact e{e}.p{p} = {v} people from gen\n")
            c.write(f"e{e},p{p},{v},people,gen\n")
    open(os.path.join(work, f"import-{name}.sql"), "w").write(
        ".mode csv\n.import " + os.path.join(work, f"gen-{name}.csv") + " facts\n"
        "select count(*) from facts where source = 'gen' and unit = 'people' and cast(value as integer) > 500;\n")
PY
}

# The answers must agree before anything is timed.
check() {
  expected=$(python3 -c "import csv; print(sum(1 for r in csv.DictReader(open('$work/gen-subject-major.csv')) if int(r['value']) > 500))")
  for order in $orders; do
    a=$("$steppe" --load "$work/gen-$order.steppe" -c "$query" | tr -d ',')
    b=$(sqlite3 :memory: < "$work/import-$order.sql")
    [ "$a" = "$expected" ] && [ "$b" = "$expected" ] || { echo "answers differ ($order): steppe $a, sqlite3 $b, expected $expected" >&2; exit 1; }
  done
  answer=$expected
  for format in $formats; do
    # One result per statement: a line each in table form, more in the others.
    n=$("$steppe" --format "$format" "$work/script.steppe" | wc -l)
    [ "$n" -ge 10000 ] || { echo "steppe --format $format printed $n lines for 10,000 results" >&2; exit 1; }
  done
}

# row FIGURE STEPPE SQLITE UNIT LIMIT [DETAIL]
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$rows"; }
instructions() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/Collected/ {print $4}'; }
peak_kib() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk '/Maximum resident/ {print $6}'; }

# paired NAME RUNS PER_ROUND WARMUP HYPERFINE_FLAGS COMMAND_A COMMAND_B prints
# the medians (ms) of RUNS runs of each command, timed by hyperfine in rounds
# of PER_ROUND runs that alternate which command goes first. This machine's
# speed changes under it (the same sqlite3 script took 47 ms in one block of
# runs and 82 ms in the next): in short rounds both commands meet the same
# moments, where one long block each could give either the luck.
paired() {
  local name=$1 n=$2 per=$3 warmup=$4 flags=$5 a=$6 b=$7 round=0 done=0 k
  rm -f "$work/$name".round-*.json
  while [ "$done" -lt "$n" ]; do
    k=$(( n - done < per ? n - done : per ))
    if [ $((round % 2)) -eq 0 ]; then set -- "$a" "$b"; else set -- "$b" "$a"; fi
    # shellcheck disable=SC2086
    hyperfine $flags --warmup "$warmup" --runs "$k" --export-json "$work/$name.round-$round.json" "$1" "$2" >/dev/null
    done=$((done + k))
    round=$((round + 1))
  done
  python3 - "$a" "$b" "$work/$name".round-*.json <<'PY'
import json, statistics, sys
a, b, files = sys.argv[1], sys.argv[2], sys.argv[3:]
times = {a: [], b: []}
for f in files:
    for r in json.load(open(f))["results"]:
        times[r["command"]] += r["times"]
print(f"{statistics.median(times[a]) * 1000:.3f} {statistics.median(times[b]) * 1000:.3f}")
PY
}

fig_startup() {
  read -r s q < <(paired startup $((runs * 5)) 10 5 -N "$steppe -c 1" "sqlite3 :memory: 'select 1'")
  row "start-up to a first result, time" "$s" "$q" ms 3.0
  row "start-up to a first result, instructions" "$(instructions "$steppe" -c 1)" "$(instructions sqlite3 :memory: 'select 1')" instructions 4.0
}

# Each format against sqlite3's plainest output (list mode), the cheapest of
# its modes: steppe prints a lone figure in table and markdown form as a plain
# line, where sqlite3 -table and -markdown draw a table round every result.
fig_script() {
  for format in $formats; do
    read -r s q < <(paired "script-$format" "$runs" 2 1 -N \
      "$steppe --format $format $work/script.steppe" "sqlite3 :memory: '.read $work/script.sql'")
    row "10,000-statement script" "$s" "$q" ms 0.8 "$format"
  done
}

# The same, in instructions (callgrind), which a busy machine does not disturb.
fig_script_instructions() {
  local q
  q=$(instructions sqlite3 :memory: ".read $work/script.sql")
  for format in $formats; do
    row "10,000-statement script, instructions" "$(instructions "$steppe" --format "$format" "$work/script.steppe")" "$q" instructions 0.8 "$format"
  done
}

fig_pack() {
  for order in $orders; do
    read -r s q < <(paired "pack-$order" "$((runs / 4 + 3))" 1 0 "" \
      "$steppe --load $work/gen-$order.steppe -c '$query'" "sqlite3 :memory: < $work/import-$order.sql")
    row "1M-fact pack, time" "$s" "$q" ms 1.5 "$order"
  done
}

fig_memory() {
  for order in $orders; do
    row "1M-fact pack, peak memory" "$(peak_kib "$steppe" --load "$work/gen-$order.steppe" -c "$query")" \
      "$(peak_kib sh -c "sqlite3 :memory: < $work/import-$order.sql")" KiB 3.0 "$order"
  done
}

# The same 1,000,000 rows as a CSV pack (`--load gen.csv`, which makes the
# 10,000 entities it names), against sqlite3's .import of that very file.
fig_csv_pack() {
  printf 'source gen "Generated benchmark facts" kind reference\n' > "$work/gen-source.steppe"
  for order in $orders; do
    a=$("$steppe" --load "$work/gen-source.steppe" --load "$work/gen-$order.csv" -c "$query" 2>/dev/null | tr -d ',')
    [ "$a" = "$answer" ] || { echo "the CSV pack gives $a ($order), expected $answer" >&2; exit 1; }
    read -r s q < <(paired "csv-$order" "$((runs / 4 + 3))" 1 0 "" \
      "$steppe --load $work/gen-source.steppe --load $work/gen-$order.csv -c '$query'" "sqlite3 :memory: < $work/import-$order.sql")
    row "1M-row CSV pack, time" "$s" "$q" ms 1.5 "$order"
  done
}

# The worst ratio of each figure, with every case in the detail column.
report() {
  python3 - "$rows" "$answer" <<'PY'
import sys
rows, answer = sys.argv[1], sys.argv[2]
figures = {}
for line in open(rows):
    name, s, q, unit, limit, detail = (line.rstrip("\n").split("\t") + [""])[:6]
    figures.setdefault(name, []).append((float(s), float(q), unit, float(limit), detail))
def show(x, unit):
    if unit == "KiB": return f"{x / 1024:.1f} MiB"
    if unit == "instructions": return f"{x / 1e6:.2f} M"
    return f"{x:.1f} {unit}"
print(f"\n1M-fact answer: {answer} facts above 500 people (steppe and sqlite3 agree)\n")
print("| figure | steppe | sqlite3 | ratio | at most | worst of |")
print("| --- | --- | --- | --- | --- | --- |")
ok = True
for name, cases in figures.items():
    s, q, unit, limit, detail = max(cases, key=lambda c: c[0] / c[1])
    ratio = s / q
    ok &= ratio <= limit
    every = ", ".join(f"{d} {c[0] / c[1]:.2f}" for c in cases for d in [c[4]] if d)
    worst = f"{detail} (of {every})" if every else ""
    print(f"| {name} | {show(s, unit)} | {show(q, unit)} | {ratio:.2f} | {limit} | {worst} |")
print("\nall within their limits" if ok else "\nSOME FIGURES ARE OVER THEIR LIMITS")
PY
}

build
generate
check
for figure in fig_startup fig_script fig_script_instructions fig_pack fig_memory fig_csv_pack; do
  "$figure"
done
report
