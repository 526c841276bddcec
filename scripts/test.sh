#!/usr/bin/env bash
# Sets up, builds and runs every test suite: domain (native), server, client (native
# headless frames), domain again as WebAssembly under Node, and the end-to-end scenarios in
# headless Chromium (tests/e2e/run.mjs), then each libFuzzer target for 40 s (scripts/fuzz.sh:
# a crash fails the run; each target counts as a test), and the include layers
# (scripts/check-layers.sh, one test). Prints a line per suite and a closing "N passed, M failed" line;
# exits non-zero if anything failed.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
source scripts/env.sh
started=$(date +%s)

bash scripts/build.sh native web || { echo "tests: build failed"; echo "0 passed, 1 failed"; exit 1; }

mkdir -p build/test-logs
total_passed=0
total_failed=0
summary=()

# Reads a Boost.Test short report from $1 and adds its counts.
count_boost() {
  local name="$1" log="$2" code="$3" passed failed
  passed=$(grep -oE '[0-9]+ test cases? out of [0-9]+ passed' "$log" | head -n1 | grep -oE '^[0-9]+')
  failed=$(grep -oE '[0-9]+ test cases? out of [0-9]+ (failed|aborted)' "$log" | grep -oE '^[0-9]+' | awk '{ sum += $1 } END { print sum + 0 }')
  passed=${passed:-0}
  failed=${failed:-0}
  if [[ "$code" != 0 && "$failed" == 0 ]]; then failed=1; fi  # crashed or failed to start
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  summary+=("$(printf '%-14s %4d passed, %d failed' "$name" "$passed" "$failed")")
  if [[ "$failed" != 0 ]]; then echo "---- $name failed; its log ($log):"; tail -n 60 "$log"; fi
}

run_boost() {
  local name="$1"; shift
  local log="build/test-logs/$name.log" t0=$(date +%s)
  echo "test: $name"
  "$@" --report_level=short --log_level=error > "$log" 2>&1
  local code=$?
  count_boost "$name" "$log" "$code"
  echo "      $(( $(date +%s) - t0 )) s"
}

# The layers of server/ and client/ (docs/architecture.md): no #include runs up one.
echo "test: layers"
if bash scripts/check-layers.sh > build/test-logs/layers.log 2>&1; then
  total_passed=$((total_passed + 1)); summary+=("$(printf '%-14s %4d passed, %d failed' layers 1 0)")
else
  total_failed=$((total_failed + 1)); summary+=("$(printf '%-14s %4d passed, %d failed' layers 0 1)")
  echo "---- layers failed:"; cat build/test-logs/layers.log
fi

run_boost domain build/native/tests/domain/tessera_domain_tests
run_boost server build/native/tests/server/tessera_server_tests
run_boost client build/native/tests/client/tessera_client_tests
run_boost domain-wasm node build/web/tests/domain/tessera_domain_tests.js

echo "test: e2e (headless Chromium)"
t0=$(date +%s)
e2e_log=build/test-logs/e2e.log
TESSERA_BIN="$here/build/native/server/tessera" TESSERA_WEB_ROOT="$here/build/web/client/www" \
  TESSERA_E2E_OUT="$here/build/e2e" node tests/e2e/run.mjs > "$e2e_log" 2>&1
code=$?
summary_line=$(grep -E '^e2e: [0-9]+ passed, [0-9]+ failed' "$e2e_log" | tail -n1)
passed=$(sed -E 's/^e2e: ([0-9]+) passed.*/\1/' <<< "$summary_line")
failed=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<< "$summary_line")
passed=${passed:-0}; failed=${failed:-0}
if [[ "$code" != 0 && "$failed" == 0 ]]; then failed=1; fi
total_passed=$((total_passed + passed)); total_failed=$((total_failed + failed))
summary+=("$(printf '%-14s %4d passed, %d failed' e2e "$passed" "$failed")")
grep -E 'first frame|^idle:|screenshots in' "$e2e_log" | head -n 4
if [[ "$failed" != 0 ]]; then echo "---- e2e failed; its log:"; tail -n 60 "$e2e_log"; fi
echo "      $(( $(date +%s) - t0 )) s"

echo "test: fuzz (libFuzzer, ${TESSERA_FUZZ_SECONDS:-40} s per target)"
t0=$(date +%s)
fuzz_log=build/test-logs/fuzz.log
bash scripts/fuzz.sh "${TESSERA_FUZZ_SECONDS:-40}" > "$fuzz_log" 2>&1
code=$?
summary_line=$(grep -E '^fuzz: [0-9]+ passed, [0-9]+ failed' "$fuzz_log" | tail -n1)
passed=$(sed -E 's/^fuzz: ([0-9]+) passed.*/\1/' <<< "$summary_line")
failed=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<< "$summary_line")
passed=${passed:-0}; failed=${failed:-0}
if [[ "$code" != 0 && "$failed" == 0 ]]; then failed=1; fi
total_passed=$((total_passed + passed)); total_failed=$((total_failed + failed))
summary+=("$(printf '%-14s %4d passed, %d failed' fuzz "$passed" "$failed")")
grep -E '^fuzz ' "$fuzz_log"
if [[ "$failed" != 0 ]]; then echo "---- fuzz failed; its log:"; tail -n 40 "$fuzz_log"; fi
echo "      $(( $(date +%s) - t0 )) s"

echo
echo "Suites:"
printf '  %s\n' "${summary[@]}"
echo "Whole run: $(( $(date +%s) - started )) s"
echo "${total_passed} passed, ${total_failed} failed"
[[ "$total_failed" == 0 ]]
