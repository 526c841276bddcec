#!/usr/bin/env bash
# HTTP benchmarks of the release server with wrk on loopback: seeds build/bench/tessera.db
# (2,000 accounts, 100,000 tickets) with bench/seed_db, starts `tessera serve --port 0` on it,
# and loads each scenario (64 connections, 2 threads, DURATION each): the health endpoint (the
# ceiling), the transparency board, customers' ticket lists, the operator queue, then ticket
# creation; then kills the server with -9 and checks every acknowledged creation is stored.
# Prints figures; never passes or fails on them. Usage: scripts/bench.sh  (DURATION=10s; SEED=0
# reuses the seeded database; SERVER=path/to/tessera measures another build, e.g. an older one).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
duration="${DURATION:-10s}"
connections="${CONNECTIONS:-64}"
out="build/bench"
server_binary="${SERVER:-build/release/server/tessera}"

bash scripts/build.sh release:tessera release:seed_db release:check_acknowledged
mkdir -p "$out"
if [[ "${SEED:-1}" == 1 || ! -f "$out/tessera.db" ]]; then
  build/release/bench/seed_db "$out/tessera.db" "$out/tokens"
fi
cp "$out/tessera.db" "$out/run.db"  # the runs write: keep the seeded copy for SEED=0
rm -f "$out/run.db-wal" "$out/run.db-shm" "$out"/acked.*

# Each scenario gets a fresh server process on the same database, so that one scenario's
# backlog (a slow endpoint keeps computing after wrk gave up) does not weigh on the next.
server_pid=""
trap '[[ -n "$server_pid" ]] && kill -9 "$server_pid" 2>/dev/null || true' EXIT
start_server() {
  rm -f "$out/server.log"  # else the loop below may read the previous server's port
  "$server_binary" serve --db "$out/run.db" --port 0 > "$out/server.log" 2>&1 &
  server_pid=$!
  port=""
  for _ in $(seq 1 100); do
    port="$(sed -n 's|^Tessera is serving http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$out/server.log" 2>/dev/null || true)"
    [[ -n "$port" ]] && break
    sleep 0.1
  done
  [[ -n "$port" ]] || { cat "$out/server.log"; exit 1; }
  base="http://127.0.0.1:$port"
}
kill_server() {
  kill -9 "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

echo "machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)); server build:" \
  "$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' build/release/CMakeCache.txt); wrk: $connections connections, 2 threads, $duration each"
export TESSERA_BENCH_TOKENS="$here/$out/tokens" TESSERA_BENCH_WRK="$here/bench/wrk"
export TESSERA_BENCH_ACKED="$here/$out/acked" TESSERA_BENCH_RUN="$(date +%s)"

# One line per scenario: requests/s, p50, p99, non-2xx answers and socket errors.
scenario() {
  local name="$1" path="$2" script="${3:-}"
  local args=(-t2 "-c$connections" "-d$duration" --latency --timeout 5s)
  [[ -n "$script" ]] && args+=(-s "bench/wrk/$script")
  start_server
  # Warm-up, not measured: a server that has run a while has its caches filled and has done
  # the scheduler's first pass over every account (it runs at start, then every minute).
  # The board's first answer computes it (5-12 s here): wait for it rather than time it out.
  if [[ -z "$script" ]]; then
    exec 3<>"/dev/tcp/127.0.0.1/$port"
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$path" >&3
    cat <&3 > /dev/null
    exec 3<&-
  fi
  wrk -t2 "-c$connections" -d3s --timeout 5s ${script:+-s "bench/wrk/$script"} "$base$path" > /dev/null 2>&1 || true
  wrk "${args[@]}" "$base$path" > "$out/wrk-$name.txt" 2>&1 || true
  awk -v name="$name" '
    /Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = $2 }
    /^ +99%/ { p99 = $2 }
    /Non-2xx or 3xx responses:/ { non2xx = $5 }
    /Socket errors:/ { errors = $0; sub(/^ +Socket errors: /, "", errors) }
    /^created_201/ { created = $2 }
    END {
      printf "%-14s %9s req/s   p50 %8s   p99 %8s   non-2xx %s%s%s\n", name, rps, p50, p99, non2xx + 0,
             errors ? "   socket errors: " errors : "", created != "" ? "   201: " created : ""
    }' "$out/wrk-$name.txt"
  kill_server  # -9: after the creations, every acknowledged one must be stored
}

scenario health /api/v1/health
scenario tickets_list /api/v1/tickets tickets_list.lua
scenario queue /api/v1/queue queue.lua
scenario board /api/v1/board
scenario create_ticket /api/v1/tickets create_ticket.lua

build/release/bench/check_acknowledged "$out/run.db" "$out"/acked.* || true

# [SECTION] The web client's first and repeat visits (issue 13 item 3): bytes on the wire and the
# first frame in headless Chromium (bench/first_visit.mjs), from a release server on a fresh
# database serving build/web/client/www. Targets: first visit <= 300 KB; repeat: index.html's 304.
echo
echo "web client: first and repeat visits"
bash scripts/build.sh release:tessera web:tessera_web
visit_out="$out/first-visit"
rm -rf "$visit_out" && mkdir -p "$visit_out"
"$server_binary" serve --db "$visit_out/visit.db" --port 0 --web-root build/web/client/www > "$visit_out/server.log" 2>&1 &
server_pid=$!
visit_port=""
for _ in $(seq 1 100); do
  visit_port="$(sed -n 's|^Tessera is serving http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$visit_out/server.log" 2>/dev/null || true)"
  [[ -n "$visit_port" ]] && break
  sleep 0.1
done
[[ -n "$visit_port" ]] || { cat "$visit_out/server.log"; exit 1; }
node bench/first_visit.mjs "http://127.0.0.1:$visit_port" || true
kill_server
for file in build/web/client/www/app.*.wasm build/web/client/www/app.*.js build/web/client/www/fonts/*.ttf; do
  [[ "$file" == *.br || "$file" == *.gz ]] && continue
  printf '%-48s %9d bytes   br %8d   gz %8d\n' "${file#build/web/client/www/}" "$(stat -c %s "$file")" \
    "$(stat -c %s "$file.br" 2>/dev/null || echo 0)" "$(stat -c %s "$file.gz" 2>/dev/null || echo 0)"
done
