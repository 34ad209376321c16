#!/usr/bin/env bash
# The read cache's memory bound: 100,000 stories (generated with bench/depth-rows.sql), each read once through the
# packaged service at -Xmx512m, then the heap after a full collection, the read cache's own size and the RSS.
#
#   bench/heap.sh [stories]      (default 100000)
#
# Every story detail is kept by the read cache until its byte bound (YOUGUANG_READ_CACHE_MAX_BYTES, 64 MiB) evicts
# the least used; this shows the bound holds over far more replies than fit. Prints heap used after a full GC
# (jcmd GC.heap_info) before and after the reads, the gauge youguang_read_cache_bytes and the RSS.
# Needs: java 17 (jcmd), PostgreSQL on 127.0.0.1:5432 (trust), python3, Debian's wrk (installed if missing).
set -euo pipefail
STORIES=${1:-100000}
cd "$(dirname "$0")/.."
source bench/lib.sh
work=$(mktemp -d /tmp/youguang-heap-bench.XXXX)
db=youguang_heap_bench
pids=()
service=""
cleanup() { [[ -n $service ]] && kill "$service" 2>/dev/null || true; for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
command -v wrk >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null; }
build_if_stale
psql -h 127.0.0.1 -U postgres -X -q -d postgres -c "drop database if exists $db with (force)" -c "create database $db"
mkdir -p "$work/content/stories"
start_s3proxy
make_jwt_keys
phone_key=$(openssl rand -base64 32)
port=$(free_port); mgmt=$(free_port)
start() {
  env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" QUARKUS_DATASOURCE_USERNAME=postgres \
      QUARKUS_DATASOURCE_PASSWORD= YOUGUANG_S3_ENDPOINT="http://127.0.0.1:$s3port" YOUGUANG_S3_ACCESS_KEY=bench \
      YOUGUANG_S3_SECRET_KEY=bench-secret-key YOUGUANG_JWT_PRIVATE_KEY="$work/jwt-private.pem" \
      YOUGUANG_JWT_PUBLIC_KEY="$work/jwt-public.pem" YOUGUANG_PHONE_KEY="$phone_key" \
      YOUGUANG_CONTENT_DIR="$work/content" YOUGUANG_DATA_DIR="$work/data" QUARKUS_HTTP_PORT="$port" \
      YOUGUANG_MANAGEMENT_PORT="$mgmt" java -Xmx512m -jar target/quarkus-app/quarkus-run.jar >> "$work/service.log" 2>&1 &
  service=$!
  for _ in $(seq 1 1200); do curl -sf -o /dev/null "http://127.0.0.1:$mgmt/q/health/ready" && return; sleep 0.5; done
  echo "the service did not start"; tail -30 "$work/service.log"; exit 1
}
heap_mib() { # used heap after a full collection
  jcmd "$service" GC.run >/dev/null
  jcmd "$service" GC.heap_info | python3 -c 'import re,sys; t=sys.stdin.read(); m=re.search(r"used (\d+)K", t); print(int(m.group(1))//1024)'
}
echo "migrating a fresh database"
start; kill "$service"; wait "$service" 2>/dev/null || true
echo "generating $STORIES stories"
psql -h 127.0.0.1 -U postgres -X -q -d "$db" -v rows="$STORIES" -v citizen=0 -v part=stories -f bench/depth-rows.sql >/dev/null
start
before=$(heap_mib)
cat > "$work/every.lua" <<EOF
local n = 0
request = function() n = n + 1; return wrk.format("GET", "/api/stories/depth-" .. n) end
EOF
echo "reading each of the $STORIES stories once"
# wrk runs by time: it is stopped once the service has answered every story (counted by its own metrics)
wrk -t1 -c1 -d30m -s "$work/every.lua" "http://127.0.0.1:$port" > "$work/wrk.out" 2>&1 &
reader=$!
answered() { curl -s "http://127.0.0.1:$mgmt/q/metrics" | awk '/^http_server_requests_seconds_count.*uri="\/api\/stories\/\{slug\}"/ {s += $2} END {printf "%d", s}'; }
until (( $(answered) >= STORIES )); do sleep 2; done
kill "$reader" 2>/dev/null || true
echo "$(answered) story reads answered"
after=$(heap_mib)
cache=$(curl -s "http://127.0.0.1:$mgmt/q/metrics" | awk '/^youguang_read_cache_bytes/ {printf "%d", $2 / 1048576}')
echo "heap used after a full GC: ${before} MiB before the reads, ${after} MiB after; read cache ${cache} MiB (bound 64 MiB); RSS $(( $(ps -o rss= -p "$service") / 1024 )) MiB; -Xmx512m"
