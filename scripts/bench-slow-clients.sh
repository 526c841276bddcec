#!/usr/bin/env bash
# The slow-client figure (issue 14): starts `tessera serve` on a fresh database and runs
# bench/slow_clients against it — p50/p99 of ordinary requests with no other load, then while
# 500 connections trickle their headers, in the same run. Prints figures; never passes or fails.
# Usage: scripts/bench-slow-clients.sh  (SECONDS_PER_PHASE=10, TRICKLING=500; PRESET=release,
# or PRESET=native to measure the sanitizer build)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
preset="${PRESET:-release}"
bash scripts/build.sh "$preset:tessera" "$preset:slow_clients"
out="build/bench-slow"
rm -rf "$out" && mkdir -p "$out"
"build/$preset/server/tessera" serve --db "$out/tessera.db" --port 0 > "$out/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true' EXIT
port=""
for _ in $(seq 1 200); do
  port="$(sed -n 's|^Tessera is serving http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$out/server.log" 2>/dev/null || true)"
  [[ -n "$port" ]] && break
  sleep 0.1
done
[[ -n "$port" ]] || { cat "$out/server.log"; exit 1; }
"build/$preset/bench/slow_clients" "$port" "${SECONDS_PER_PHASE:-10}" "${TRICKLING:-500}"
