#!/usr/bin/env bash
# gcmplan benchmark: whole-process time and peak memory, on a release build.
#
#   bash benches/run.sh
#
# Uses hyperfine (Debian package `hyperfine`, installed here when missing and
# run as root) for timing and GNU time for peak resident memory. Kept out of
# `cargo test`: speed is measured, never asserted.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v hyperfine >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null
  else
    echo "hyperfine is missing: apt-get install hyperfine" >&2
    exit 2
  fi
fi

cargo build --release --quiet
bin=target/release/gcmplan
large=benches/large-answers.toml
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== input: $large ($(grep -c '^\[\[measures\]\]' "$large") measures, 23 objectives)"
echo "== diff: benches/diff-old.toml -> benches/diff-new.toml (220 measures each, revisions 3 and 4)"
# `gcmplan diff` exits 1 when the files differ, as diff(1) does, so hyperfine
# runs with -i; each command's exit code is checked once first instead.
$bin check $large >/dev/null
$bin render $large -o $out/plan.md --force 2>/dev/null
for ext in html docx json; do $bin render $large -o $out/plan.$ext --force 2>/dev/null; done
rc=0; $bin diff benches/diff-old.toml benches/diff-new.toml >/dev/null || rc=$?
[ "$rc" = 1 ] || { echo "gcmplan diff exited $rc, expected 1" >&2; exit 2; }
hyperfine --warmup 5 --runs 50 -N -i --export-json "$out/times.json" \
  "$bin check $large" \
  "$bin render $large -o $out/plan.md --force" \
  "$bin render $large -o $out/plan.html --force" \
  "$bin render $large -o $out/plan.docx --force" \
  "$bin render $large -o $out/plan.json --force" \
  "$bin render examples/philippines-systemic.toml -o $out/ph.md --force" \
  "$bin diff benches/diff-old.toml benches/diff-new.toml"

# Medians resist the noise of other work on the machine better than means.
echo "== medians (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
python3 -c 'import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print("%8.1f ms  %s" % (r["median"] * 1000, r["command"]))' "$out/times.json"

echo "== peak memory (maximum resident set size)"
for cmd in "check $large" "render $large -o $out/plan.md --force" \
  "render $large -o $out/plan.html --force" "render $large -o $out/plan.docx --force" \
  "render $large -o $out/plan.json --force" \
  "diff benches/diff-old.toml benches/diff-new.toml"; do
  # diff exits 1 on differences; any other command must succeed.
  kb=$(/usr/bin/time -f '%M' $bin $cmd 2>&1 >/dev/null | tail -1) || [ "${cmd%% *}" = diff ]
  echo "gcmplan $cmd: ${kb} KB"
done
