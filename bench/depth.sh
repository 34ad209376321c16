#!/usr/bin/env bash
# Depth at scale: the first page against the page at cursor depth 500,000 for every keyset list that grows without
# bound (issue 13 item 4, issue 11 item 8), over HTTP against the packaged service on PostgreSQL.
#
#   bench/depth.sh [rows]      rows stories, street reports and club posts, rows / 10 videos (default 1000000)
#
# Makes the database youguang_depth_bench (dropped and made again; REUSE=1 keeps a previous run's rows and skips the
# generation), starts S3Proxy, a WeChat stand-in (Python, loopback: code2session answers openid "o-<code>") and the
# packaged service once so Flyway makes the schema, signs in a citizen and creates a dispatcher through the admin
# API, generates the rows with SQL (bench/depth-rows.sql, bench/club-rows.sql), restarts the service so its caches
# start empty, waits for the club's hot snapshot, and then, per list, runs wrk on the first page and the deep page
# interleaved (A B, B A, …) and prints requests/s, p95 and the deep/first ratios. The deep cursors are made from the
# database in the API's own format (base64url of "p1.<micros>.<id>", hot: "h1.<snapshot>.<rank>"), as a client
# holds them after paging that far, and each is checked to answer 200 with a full page first.
#
# Public story and video lists are answered from the service's read cache (PublicReplies) after their first request,
# so they are measured twice: as sent (from memory) and uncached, each request with an extra ignored query parameter
# (bench/uncached.lua) so that it misses the cache and runs the resource's SQL and serialization. The club feed and the
# signed-in lists (report queue, my reports) have no such cache. EXPLAIN (ANALYZE, BUFFERS) of each list's query,
# first page against deep page, is printed too.
# The hot ranking runs every hour here (YOUGUANG_CLUB_HOT_EVERY=PT1H, as the README advises for large clubs) so a new
# snapshot of 1,000,000 posts is not made in the middle of a measurement; the script waits for the service's own
# (made a few seconds after start, its statement allowed YOUGUANG_CLUB_HOT_TIMEOUT).
# Needs: java 17, PostgreSQL on 127.0.0.1:5432 (trust), python3, Debian's wrk (installed if missing).
set -euo pipefail
ROWS=${1:-1000000}
DEPTH=${DEPTH:-500000}
SECONDS_EACH=${SECONDS_EACH:-8}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-3}
REUSE=${REUSE:-}
LISTS=${LISTS:-}    # a subset of the lists below, e.g. LISTS="videos-uncached club-latest"
cd "$(dirname "$0")/.."
source bench/lib.sh
work=$(mktemp -d /tmp/youguang-depth-bench.XXXX)
db=youguang_depth_bench
PSQL=(psql -h 127.0.0.1 -U postgres -X -q -At -d "$db")
pids=()
service=""
cleanup() {
  [[ -n $service ]] && kill "$service" 2>/dev/null || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }

command -v wrk >/dev/null || { echo "installing wrk (Debian's package)"; DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null; }
build_if_stale

if [[ -z $REUSE ]]; then
  psql -h 127.0.0.1 -U postgres -X -q -d postgres -c "drop database if exists $db with (force)" -c "create database $db"
fi

mkdir -p "$work/content/stories"
start_s3proxy

# WeChat's sign-in API as far as the service uses it here (as in bench/submit.sh)
wxport=$(free_port)
cat > "$work/wechat.py" <<'EOF'
import json, sys, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
class WeChat(BaseHTTPRequestHandler):
    def reply(self, body):
        data = json.dumps(body).encode()
        self.send_response(200); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data))); self.end_headers(); self.wfile.write(data)
    def do_GET(self):
        query = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
        if self.path.startswith("/sns/jscode2session"):
            self.reply({"openid": "o-" + query["js_code"][0], "session_key": "c2Vzc2lvbi1rZXktMTIzNDU2Nw=="})
        else:
            self.reply({"access_token": "ACCESS_TOKEN", "expires_in": 7200})
    def do_POST(self):
        self.reply({"access_token": "ACCESS_TOKEN", "expires_in": 7200, "errcode": 0, "errmsg": "ok"})
    def log_message(self, *args):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), WeChat).serve_forever()
EOF
python3 "$work/wechat.py" "$wxport" &
pids+=($!)

make_jwt_keys
phone_key=$(openssl rand -base64 32)
# loopback-only accounts of a scratch database; fixed so that REUSE=1 can sign in again
admin_password=depth-bench-admin-2026
dispatcher_password=queue-at-depth-2026
port=$(free_port); mgmt=$(free_port)
base="http://127.0.0.1:$port"

start_service() {  # the packaged service, production profile, -Xmx512m; waits until ready
  local started=$(date +%s%N)
  env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" QUARKUS_DATASOURCE_USERNAME=postgres \
      QUARKUS_DATASOURCE_PASSWORD= YOUGUANG_S3_ENDPOINT="http://127.0.0.1:$s3port" YOUGUANG_S3_ACCESS_KEY=bench \
      YOUGUANG_S3_SECRET_KEY=bench-secret-key YOUGUANG_JWT_PRIVATE_KEY="$work/jwt-private.pem" \
      YOUGUANG_JWT_PUBLIC_KEY="$work/jwt-public.pem" YOUGUANG_PHONE_KEY="$phone_key" \
      YOUGUANG_CONTENT_DIR="$work/content" YOUGUANG_DATA_DIR="$work/data" QUARKUS_HTTP_PORT="$port" \
      YOUGUANG_MANAGEMENT_PORT="$mgmt" YOUGUANG_WECHAT_APP_ID=wxbench00000000000 YOUGUANG_WECHAT_SECRET=bench-secret \
      YOUGUANG_WECHAT_API_URL="http://127.0.0.1:$wxport" \
      YOUGUANG_ADMIN_USERNAME=depthadmin YOUGUANG_ADMIN_PASSWORD="$admin_password" \
      YOUGUANG_CLUB_HOT_EVERY=PT1H \
      java -Xmx512m -jar target/quarkus-app/quarkus-run.jar >> "$work/service.log" 2>&1 &
  service=$!
  for _ in $(seq 1 1200); do
    curl -sf -o /dev/null "http://127.0.0.1:$mgmt/q/health/ready" && break
    kill -0 "$service" 2>/dev/null || break
    sleep 0.5
  done
  curl -sf -o /dev/null "http://127.0.0.1:$mgmt/q/health/ready" || { echo "the service did not start"; tail -40 "$work/service.log"; exit 1; }
  echo "service ready in $(( ($(date +%s%N) - started) / 1000000 )) ms"
}
stop_service() {
  kill "$service"; wait "$service" 2>/dev/null || true; service=""
}
json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)[\"$1\"])"; }
citizen_token() {
  curl -sf -H 'Content-Type: application/json' -d '{"code":"depth-citizen-main"}' "$base/api/auth/wechat" | json_field accessToken
}
staff_token() {  # username password
  curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" "$base/api/auth/login" \
    | json_field accessToken
}

# --- first start: the schema, the accounts (the dispatcher through the admin API, the citizen through WeChat's
# sign-in, so the generated reports can name the citizen's account)
start_service
admin=$(staff_token depthadmin "$admin_password")
code=$(curl -s -o "$work/created.json" -w '%{http_code}' -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d "{\"username\":\"depthdispatch\",\"password\":\"$dispatcher_password\",\"displayName\":\"调度员\",\"roles\":[\"dispatcher\"]}" \
  "$base/api/admin/users")
[[ $code == 201 || ( $code == 409 && -n $REUSE ) ]] || { echo "creating the dispatcher answered $code: $(cat "$work/created.json")"; exit 1; }
citizen_token > /dev/null
citizen=$("${PSQL[@]}" -c "select id from app_user where openid = 'o-depth-citizen-main'")
echo "citizen account $citizen (openid o-depth-citizen-main)"
stop_service

if [[ -z $REUSE ]]; then
  echo "generating $ROWS stories, $ROWS street reports, $((ROWS / 10)) videos, $ROWS club posts (load $(load))"
  gen_started=$(date +%s)
  psql -h 127.0.0.1 -U postgres -X -q -d "$db" -v rows="$ROWS" -v citizen="$citizen" -v part=stories -f bench/depth-rows.sql \
    > "$work/gen-stories.log" 2>&1 &
  a=$!
  psql -h 127.0.0.1 -U postgres -X -q -d "$db" -v rows="$ROWS" -v citizen="$citizen" -v part=reports -f bench/depth-rows.sql \
    > "$work/gen-reports.log" 2>&1 &
  b=$!
  psql -h 127.0.0.1 -U postgres -X -q -d "$db" -v posts="$ROWS" -f bench/club-rows.sql > "$work/gen-club.log" 2>&1 &
  c=$!
  for p in $a $b $c; do wait "$p" || { echo "generation failed:"; cat "$work"/gen-*.log; exit 1; }; done
  echo "rows inserted in $(( $(date +%s) - gen_started )) s (load $(load)); vacuum analyze"
  "${PSQL[@]}" -c "vacuum analyze"
  echo "generated in $(( $(date +%s) - gen_started )) s (load $(load))"
fi
# The service makes this period's hot snapshot a few seconds after it starts (YOUGUANG_CLUB_HOT_EVERY=PT1H: the next
# one only after the measurements); its one ranking statement may run for YOUGUANG_CLUB_HOT_TIMEOUT (5 min).
"${PSQL[@]}" -c "delete from club_hot_snapshot"
start_service
"${PSQL[@]}" -c "select 'stories ' || (select count(*) from story) || ', reports ' || (select count(*) from report)
  || ', mine ' || (select count(*) from report where reporter_id = $citizen) || ', videos ' || (select count(*) from video)
  || ', club posts ' || (select count(*) from club_post)"

hot_started=$(date +%s)
snapshot=""
while [[ -z $snapshot ]] && (( $(date +%s) - hot_started < 330 )); do
  sleep 2
  snapshot=$("${PSQL[@]}" -c "select max(id) from club_hot_snapshot where ready")
done
[[ -n $snapshot ]] || { echo "the service made no hot snapshot within 5 minutes"; grep -i "hot" "$work/service.log" | tail -5; exit 1; }
echo "the service's hot snapshot of $("${PSQL[@]}" -c "select count(*) from club_hot_rank where snapshot_id = $snapshot") posts was ready $(( $(date +%s) - hot_started )) s after it started (load $(load))"

# --- sign-ins
dtoken=$(staff_token depthdispatch "$dispatcher_password")
ctoken=$(citizen_token)

# --- the cursors a client holds after paging DEPTH rows (or the deepest full page a filter allows)
enc() { printf '%s' "$1" | base64 -w0 | tr '+/' '-_' | tr -d '='; }
declare -A first deep auth script where depth_of
keyset() {  # name table time-column condition first-url -> sets first/deep/depth_of/where
  local name=$1 table=$2 time=$3 cond=$4 url=$5
  local n d row
  n=$("${PSQL[@]}" -c "select count(*) from $table where $cond")
  d=$(( n - 21 < DEPTH ? n - 21 : DEPTH ))
  row=$("${PSQL[@]}" -c "select (extract(epoch from $time) * 1000000)::bigint || '.' || id from $table where $cond
    order by $time desc, id desc offset $((d - 1)) limit 1")
  first[$name]=$url
  deep[$name]="$url&cursor=$(enc "p1.$row")"
  depth_of[$name]=$d
  where[$name]="select * from $table where $cond"
  explain_time[$name]=$time
  explain_at[$name]=$("${PSQL[@]}" -c "select $time from $table where $cond order by $time desc, id desc offset $((d - 1)) limit 1")
  explain_id[$name]=${row#*.}
}
declare -A explain_time explain_at explain_id
keyset stories story published_at "status = 'PUBLISHED' and published_at <= now()" "/api/stories?limit=20"
keyset videos video published_at "published = true and status = 'READY'" "/api/videos?limit=20"
keyset queue report created_at "channel = 'STREET' and held = false" "/api/dispatch/reports?limit=20"
keyset queue-closed report created_at "channel = 'STREET' and held = false and status = 'CLOSED'" "/api/dispatch/reports?limit=20&status=closed"
keyset queue-overdue report created_at "channel = 'STREET' and held = false and overdue = true" "/api/dispatch/reports?limit=20&overdue=true"
keyset mine report created_at "reporter_id = $citizen" "/api/me/reports?limit=20"
keyset club-latest club_post published_at "status = 'PUBLISHED' and deleted_at is null" "/api/club/posts?sort=latest&limit=20"
first[club-hot]="/api/club/posts?sort=hot&limit=20"
deep[club-hot]="/api/club/posts?sort=hot&limit=20&cursor=$(enc "h1.$snapshot.$DEPTH")"
depth_of[club-hot]=$DEPTH
for k in queue queue-closed queue-overdue; do auth[$k]="Authorization: Bearer $dtoken"; done
auth[mine]="Authorization: Bearer $ctoken"

# the story and video lists twice: as served (read cache) and each request missing the cache
lists=(${LISTS:-stories stories-uncached videos videos-uncached queue queue-closed queue-overdue mine club-latest club-hot})
for k in stories videos; do
  first[$k-uncached]=${first[$k]}; deep[$k-uncached]=${deep[$k]}; depth_of[$k-uncached]=${depth_of[$k]}
  script[$k-uncached]=bench/uncached.lua
done

echo
echo "checking every URL answers 200 with a full page of 20"
for k in "${lists[@]}"; do
  for u in "${first[$k]}" "${deep[$k]}"; do
    if [[ -n ${auth[$k]:-} ]]; then
      code=$(curl -s -o "$work/page.json" -w '%{http_code}' -H "${auth[$k]}" "$base$u")
    else
      code=$(curl -s -o "$work/page.json" -w '%{http_code}' "$base$u")
    fi
    items=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["items"]))' "$work/page.json" 2>/dev/null || echo 0)
    [[ $code == 200 && $items == 20 ]] || { echo "$k: $u answered $code with $items items: $(head -c 300 "$work/page.json")"; exit 1; }
  done
  printf '  %-16s depth %7d ok\n' "$k" "${depth_of[$k]}"
done

# --- the SQL of each list, first page against deep page, once each with EXPLAIN (ANALYZE, BUFFERS)
explain() {  # sql -> "ms buffers"
  "${PSQL[@]}" -c "explain (analyze, buffers, format json) $1" | python3 -c 'import json,sys
p = json.load(sys.stdin)[0]
print("%.2f ms %d buffers" % (p["Execution Time"], p["Plan"].get("Shared Hit Blocks", 0) + p["Plan"].get("Shared Read Blocks", 0)))'
}
echo
echo "SQL of a page (21 rows), EXPLAIN ANALYZE once each after one warm-up run (load $(load))"
printf '%-16s %-26s %-26s\n' list "first page" "deep page"
for k in stories videos queue queue-closed queue-overdue mine club-latest; do
  t=${explain_time[$k]}
  f="${where[$k]} order by $t desc, id desc limit 21"
  d="${where[$k]} and $t <= '${explain_at[$k]}' and ($t < '${explain_at[$k]}' or id < ${explain_id[$k]}) order by $t desc, id desc limit 21"
  explain "$f" >/dev/null; explain "$d" >/dev/null
  printf '%-16s %-26s %-26s\n' "$k" "$(explain "$f")" "$(explain "$d")"
done
hot="select h.place, h.post_id from club_hot_rank h join club_post p on p.id = h.post_id where h.snapshot_id = $snapshot
  and p.status = 'PUBLISHED' and p.deleted_at is null"
explain "$hot and h.place > 0 order by h.place limit 21" >/dev/null
printf '%-16s %-26s %-26s\n' club-hot "$(explain "$hot and h.place > 0 order by h.place limit 21")" \
  "$(explain "$hot and h.place > $DEPTH order by h.place limit 21")"
"${PSQL[@]}" -c "explain (analyze, buffers) ${where[queue-overdue]} and created_at <= '${explain_at[queue-overdue]}'
  and (created_at < '${explain_at[queue-overdue]}' or id < ${explain_id[queue-overdue]}) order by created_at desc, id desc limit 21" \
  > "$work/explain-queue-overdue.txt"

# --- wrk, first page and deep page interleaved
measure() {  # list url -> "rps p95"
  local k=$1 u=$2 args=(-t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_EACH}s" -s "${script[$k]:-bench/p95.lua}")
  [[ -n ${auth[$k]:-} ]] && args+=(-H "${auth[$k]}")
  local out
  out=$(wrk "${args[@]}" "$base$u" | tail -1)
  if [[ $out != *"errors 0"* ]]; then echo "  ($k: $out)" >&2; fi
  awk '{print $2, $7}' <<<"$out"
}
echo
echo "warming up (JIT, connection pools)"
for k in "${lists[@]}"; do
  for u in "${first[$k]}" "${deep[$k]}"; do
    a=(-t1 -c2 -d2s -s "${script[$k]:-bench/p95.lua}"); [[ -n ${auth[$k]:-} ]] && a+=(-H "${auth[$k]}")
    wrk "${a[@]}" "$base$u" > /dev/null
  done
done
echo
echo "wrk -t$THREADS -c$CONNECTIONS, ${SECONDS_EACH}s a run, $ROUNDS rounds of first/deep (A B, B A, A B); r/s is the mean, p95 the median of the rounds"
printf '%-16s %7s %10s %9s %10s %9s %8s %8s  %s\n' list depth "first r/s" "p95 ms" "deep r/s" "p95 ms" "p95 x" "r/s x" "load"
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
for k in "${lists[@]}"; do
  fr=0; dr=0; fps=(); dps=()
  for round in $(seq 1 "$ROUNDS"); do
    # A B, then B A: a load that drifts during the rounds favours neither page
    for which in $( ((round % 2)) && echo "first deep" || echo "deep first"); do
      if [[ $which == first ]]; then
        read -r r p < <(measure "$k" "${first[$k]}"); fr=$(echo "$fr + $r" | bc -l); fps+=("$p")
      else
        read -r r p < <(measure "$k" "${deep[$k]}"); dr=$(echo "$dr + $r" | bc -l); dps+=("$p")
      fi
    done
  done
  fp=$(median "${fps[@]}"); dp=$(median "${dps[@]}")
  printf '%-16s %7d %10.0f %9.2f %10.0f %9.2f %8.2f %8.2f  %s\n' "$k" "${depth_of[$k]}" "$(echo "$fr / $ROUNDS" | bc -l)" "$fp" \
    "$(echo "$dr / $ROUNDS" | bc -l)" "$dp" "$(echo "$dp / $fp" | bc -l)" "$(echo "$fr / $dr" | bc -l)" "$(load)"
done
echo
echo "the club's pages at one connection (a phone's request without others queued before it on the 2 cores)"
for k in club-latest club-hot; do
  [[ " ${lists[*]} " == *" $k "* ]] || continue
  for u in "${first[$k]}" "${deep[$k]}"; do
    printf '%-16s %-6s %s  load %s\n' "$k" "$([[ $u == "${first[$k]}" ]] && echo first || echo deep)" \
      "$(wrk -t1 -c1 -d"${SECONDS_EACH}s" -s bench/p95.lua "$base$u" | tail -1)" "$(load)"
  done
done
echo
echo "p95 x: deep page's p95 over the first page's; r/s x: first page's throughput over the deep page's (cost ratio)."
echo "stories and videos are served from the read cache after the first request; *-uncached miss it on every request."
echo "EXPLAIN of the deep overdue page kept in $work/explain-queue-overdue.txt; service log in $work/service.log"
