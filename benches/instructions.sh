#!/usr/bin/env bash
# Instructions per run of a script bench, counted by callgrind: unlike
# wall-clock time they do not move with the machine's load, which is how
# benches/RESULTS.md compares script-engine changes.
#
#   benches/instructions.sh script/fixture/json/session_run session
#   benches/instructions.sh script/fixture/json/run fresh
#
# `session`: `Session::run` inclusive ÷ its calls. `fresh`: `Session::run`
# plus dropping the `Session`, ÷ runs (what `Program::run` does).
# Needs valgrind and python3. Add OUT=file to keep the callgrind profile
# (for `callgrind_annotate`).
set -euo pipefail
cd "$(dirname "$0")/.."
bench=${1:?usage: benches/instructions.sh BENCH session|fresh}
mode=${2:-session}
out=${OUT:-$(mktemp)}
cargo bench --bench script --no-run --message-format=json 2>/dev/null >"$out.build"
bin=$(python3 -c '
import json, sys
for line in open(sys.argv[1]):
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("target", {}).get("name") == "script" and m.get("executable"):
        print(m["executable"])
' "$out.build" | tail -1)
rm -f "$out.build"
toggles=(--toggle-collect=cbot_script::Session::run)
if [ "$mode" = fresh ]; then
  toggles+=("--toggle-collect=core::ptr::drop_in_place<cbot_script::Session>")
fi
env -u RUST_BACKTRACE valgrind --tool=callgrind "${toggles[@]}" --separate-recs=1 \
  --callgrind-out-file="$out" "$bin" --bench "$bench" --profile-time 3 >/dev/null 2>&1
python3 - "$out" "$bench" "$mode" <<'PY'
import re, sys
path, bench, mode = sys.argv[1:4]
lines = open(path).read().split("\n")
names = {}
for l in lines:
    m = re.match(r"c?fn=\((\d+)\)(?: (.*))?", l)
    if m and m.group(2):
        names[m.group(1)] = m.group(2)
ids = {i for i, n in names.items() if n.endswith("cbot_script::Session::run")}
calls = 0
for i, l in enumerate(lines):
    m = re.match(r"cfn=\((\d+)\)", l)
    if m and m.group(1) in ids:
        calls += int(re.match(r"calls=(\d+)", lines[i + 1]).group(1))
total = next(int(l.split()[1]) for l in lines if l.startswith(("summary:", "totals:")))
print(f"{bench}: {total // max(calls, 1):,} instructions per {mode} run ({calls} runs)")
PY
[ -n "${OUT:-}" ] || rm -f "$out"
