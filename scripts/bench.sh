#!/usr/bin/env bash
# HTTP benchmarks of the release server with wrk on loopback: seeds build/bench/tessera.db
# (2,000 accounts, 100,000 tickets) with bench/seed_db, starts `tessera serve --port 0` on it,
# and loads each scenario (64 connections, 2 threads, DURATION each): the health endpoint (the
# ceiling), then each read — customers' ticket lists, a ticket's detail, GET /me, the operator
# queue, the transparency board — as served and again with the answers kept serialized off,
# each beside its target (>= 50 % of health's requests/s, p99 <= 20 ms); then ticket creation
# (target >= 3,000/s); then kills the server with -9 and checks every acknowledged creation is stored.
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
  awk -v name="$name" -v health="${health_rps:-}" -v kind="${kind:-}" '
    function ms(text) {  # wrk prints 850.00us, 1.20ms, 2.01s
      if (text ~ /us$/) return text / 1000
      if (text ~ /ms$/) return text + 0
      if (text ~ /s$/) return text * 1000
      return text + 0
    }
    /Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = $2 }
    /^ +99%/ { p99 = $2 }
    /Non-2xx or 3xx responses:/ { non2xx = $5 }
    /Socket errors:/ { errors = $0; sub(/^ +Socket errors: /, "", errors) }
    /^created_201/ { created = $2 }
    END {
      verdict = ""
      if (kind == "read" && health > 0)
        verdict = sprintf("   %3.0f%% of health, target >= 50%% and p99 <= 20 ms: %s", 100 * rps / health,
                          (rps >= health / 2 && ms(p99) <= 20) ? "met" : "NOT met")
      if (kind == "create")
        verdict = sprintf("   target >= 3000/s: %s", rps >= 3000 ? "met" : "NOT met")
      printf "%-14s %9s req/s   p50 %8s   p99 %8s   non-2xx %s%s%s%s\n", name, rps, p50, p99, non2xx + 0,
             errors ? "   socket errors: " errors : "", created != "" ? "   201: " created : "", verdict
    }' "$out/wrk-$name.txt"
  if [[ "$name" == health ]]; then health_rps="$(sed -n 's/^Requests\/sec: *//p' "$out/wrk-$name.txt")"; fi
  kill_server  # -9: after the creations, every acknowledged one must be stored
}

health_rps=""
kind="" scenario health /api/v1/health
for cache in on off; do
  # The answers kept serialized (docs/operations.md "Speed"): on, as served; off, every answer
  # computed, to show what the reads cost without it (a user's first request, a busy writer).
  if [[ "$cache" == off ]]; then export TESSERA_ANSWER_CACHE_MIB=0; echo "answers kept serialized: off"; fi
  suffix=""; [[ "$cache" == off ]] && suffix="_nokeep"
  kind=read scenario "tickets_list$suffix" /api/v1/tickets tickets_list.lua
  kind=read scenario "ticket_detail$suffix" /api/v1/tickets/1 ticket_detail.lua
  kind=read scenario "me$suffix" /api/v1/me me.lua
  kind=read scenario "queue$suffix" /api/v1/queue queue.lua
  kind=read scenario "board$suffix" /api/v1/board
done
unset TESSERA_ANSWER_CACHE_MIB
kind=create scenario create_ticket /api/v1/tickets create_ticket.lua

build/release/bench/check_acknowledged "$out/run.db" "$out"/acked.* || true

# -----------------------------------------------------------------------------------------
# Live streams (issue 13 item 4): 1,000 event streams held (GET /api/v1/events, 4 per seeded
# customer from 250 customers, from loopback addresses 127.0.6.1-10 so that the per-address cap
# of 128 holds without any exemption; and the operator's 4, who hears every ticket) while wrk
# loads customers' ticket lists; the same wrk run first with no stream, on the same server.
# One line: streams held, list req/s, p50, p99 beside the target (p99 <= 20 ms), the server's
# RSS and threads, the delivery time of an event (a ticket created every 500 ms: POST sent ->
# the last stream that should hear it has it); then the bench program's own lines.
# STREAMS=1000; STREAMS_CONNECTIONS=16 (wrk's connections in this block).
streams_list_wrk() {  # wrk on the list, 3 s warm-up then DURATION: "req/s p50 p99 non-2xx"
  local list_connections="$1" file="$2"
  wrk -t2 "-c$list_connections" -d3s --timeout 5s -s bench/wrk/tickets_list.lua "$base/api/v1/tickets" > /dev/null 2>&1 || true
  wrk -t2 "-c$list_connections" "-d$duration" --latency --timeout 5s -s bench/wrk/tickets_list.lua \
    "$base/api/v1/tickets" > "$file" 2>&1 || true
  awk '/Requests\/sec:/ { rps = $2 } /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
       /Non-2xx or 3xx responses:/ { non2xx = $5 }
       END { printf "list %s req/s p50 %s p99 %s (target <= 20ms)%s", rps, p50, p99, non2xx ? ", non-2xx " non2xx : "" }' "$file"
}
streams_process_figures() {  # the server's resident memory and thread count
  awk '/^VmRSS:/ { rss = $2 } /^Threads:/ { threads = $2 } END { printf "RSS %.0f MB, %d threads", rss / 1024, threads }' \
    "/proc/$server_pid/status"
}
bash scripts/build.sh release:streams > /dev/null
stream_count="${STREAMS:-1000}"
stream_connections="${STREAMS_CONNECTIONS:-16}"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true  # a descriptor per stream, in the server and in the client
export TESSERA_MAX_STREAMS="$((stream_count + 4))"  # and the operator's 4
start_server
unset TESSERA_MAX_STREAMS
streams_quiet="$(streams_list_wrk "$stream_connections" "$out/wrk-streams-none.txt"), $(streams_process_figures)"
hold_seconds=$(( ${duration%s} + 4 ))  # wrk's warm-up (3 s), the measure, a second more
build/release/bench/streams "$port" "$out/tokens/creators.txt" "$stream_count" "$hold_seconds" \
  "$out/tokens/operator.txt" > "$out/streams.txt" 2>&1 &
streams_pid=$!
for _ in $(seq 1 600); do
  grep -q '^ready:' "$out/streams.txt" 2>/dev/null && break
  sleep 0.1
done
streams_held="$(streams_process_figures)"
streams_loaded="$(streams_list_wrk "$stream_connections" "$out/wrk-streams-held.txt")"
wait "$streams_pid" || true
printf 'streams %s held | %s | %s | event delivery %s | no stream: %s | load %s, wrk %s connections\n' \
  "$(sed -n 's/^ready: \([0-9]*\) of \([0-9]*\).*/\1 of \2/p' "$out/streams.txt")" "$streams_loaded" "$streams_held" \
  "$(sed -n 's/.*should hear it \(p50 [0-9.]* ms\), p99 [0-9.]* ms, \(max [0-9.]* ms\).*/\1, \2/p' "$out/streams.txt")" \
  "$streams_quiet" "$(cut -d' ' -f1-3 /proc/loadavg)" "$stream_connections"
sed 's/^/  streams: /' "$out/streams.txt"
kill_server

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
