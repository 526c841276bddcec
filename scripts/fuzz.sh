#!/usr/bin/env bash
# Runs every libFuzzer target (tests/fuzz: the request decoders of shared/, the limited JSON
# parser, the HTTP layer's request parser and framing checks) for a bounded time each, from the
# committed corpus (tests/fuzz/corpus/<target>, read only; new inputs go to build/fuzz/corpus).
# Usage: scripts/fuzz.sh [seconds per target, default 300]  — 300 before a release; scripts/test.sh
# runs it with 40. Prints the executions per target and "fuzz: N passed, M failed"; a crash's
# input is kept as build/fuzz/findings/<target>-crash-* and fails the run.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
source scripts/env.sh
seconds="${1:-300}"
mkdir -p build
bash scripts/build.sh fuzz > build/fuzz-build.log 2>&1 || { tail -n 40 build/fuzz-build.log; echo "fuzz: 0 passed, 1 failed"; exit 1; }

targets=(request_decoders json_limits http_request)
declare -A max_len=([request_decoders]=8192 [json_limits]=8192 [http_request]=20000)
mkdir -p build/fuzz/findings
passed=0
failed=0
for target in "${targets[@]}"; do
  work="build/fuzz/corpus/$target"
  log="build/fuzz/$target.log"
  mkdir -p "$work"
  # Each job in its own process group would be tidier; the target exits by itself at -max_total_time.
  "build/fuzz/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len="${max_len[$target]}" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="build/fuzz/findings/$target-" \
    "$work" "tests/fuzz/corpus/$target" > "$log" 2>&1
  code=$?
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -n1)
  corpus=$(find "$work" -type f | wc -l)
  if [[ "$code" == 0 ]]; then
    passed=$((passed + 1))
    printf 'fuzz %-18s %10s executions in %s s, corpus %s\n' "$target" "${runs:-?}" "$seconds" "$corpus"
  else
    failed=$((failed + 1))
    printf 'fuzz %-18s FAILED (exit %s) after %s executions; its log: %s\n' "$target" "$code" "${runs:-?}" "$log"
    grep -E 'ERROR|SUMMARY|Test unit written|artifact' "$log" | head -n 12
  fi
done
echo "fuzz: $passed passed, $failed failed"
[[ "$failed" == 0 ]]
