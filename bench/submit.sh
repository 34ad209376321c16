#!/usr/bin/env bash
# Citizen submissions under load: the packaged service at -Xmx512m on PostgreSQL, 64 concurrent submitters.
#
#   bench/submit.sh [seconds]      (default 20)
#
# Each submission hashes its query code with Argon2id (19 MiB a hash), so this is the service's memory-bound path.
# Starts the database youguang_submit_bench (dropped and made again), an S3Proxy process, a small WeChat stand-in
# (Python, loopback: code2session answers openid "o-<code>") and the packaged service (production profile, -Xmx512m).
# 64 citizens sign in; wrk then keeps 64 connections submitting 清风 reports, each with its own Idempotency-Key,
# and prints requests/s, p50/p95/p99, the reports written and the service's RSS and GC time.
# The per-user and per-address limits are raised for the run (YOUGUANG_FEEDBACK_SUBMITS_PER_*): every request comes
# from 127.0.0.1 and each citizen submits far more than 10 an hour here; that is configuration an office network
# behind one address would need too, not a benchmark mode.
# Needs: java 17, PostgreSQL on 127.0.0.1:5432 (trust), python3, Debian's wrk (installed if missing).
set -euo pipefail
DURATION=${1:-20}
SUBMITTERS=${SUBMITTERS:-64}
cd "$(dirname "$0")/.."
source bench/lib.sh
work=$(mktemp -d /tmp/youguang-submit-bench.XXXX)
db=youguang_submit_bench
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "installing wrk (Debian's package)"; DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null; }
build_if_stale

psql -h 127.0.0.1 -U postgres -q -d postgres -c "drop database if exists $db with (force)" -c "create database $db"
mkdir -p "$work/content/stories"
start_s3proxy

# WeChat's sign-in API as far as the service uses it here
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
port=$(free_port); mgmt=$(free_port)
env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD= YOUGUANG_S3_ENDPOINT="http://127.0.0.1:$s3port" YOUGUANG_S3_ACCESS_KEY=bench \
    YOUGUANG_S3_SECRET_KEY=bench-secret-key YOUGUANG_JWT_PRIVATE_KEY="$work/jwt-private.pem" \
    YOUGUANG_JWT_PUBLIC_KEY="$work/jwt-public.pem" YOUGUANG_PHONE_KEY="$(openssl rand -base64 32)" \
    YOUGUANG_CONTENT_DIR="$work/content" YOUGUANG_DATA_DIR="$work/data" QUARKUS_HTTP_PORT="$port" \
    YOUGUANG_MANAGEMENT_PORT="$mgmt" YOUGUANG_WECHAT_APP_ID=wxbench00000000000 YOUGUANG_WECHAT_SECRET=bench-secret \
    YOUGUANG_WECHAT_API_URL="http://127.0.0.1:$wxport" \
    YOUGUANG_FEEDBACK_SUBMITS_PER_USER_HOUR=100000 YOUGUANG_FEEDBACK_SUBMITS_PER_IP_HOUR=1000000 \
    java -Xmx512m -Xlog:gc:file="$work/gc.log" -jar target/quarkus-app/quarkus-run.jar > "$work/service.log" 2>&1 &
service=$!
pids+=($service)
for _ in $(seq 1 600); do
  curl -sf -o /dev/null "http://127.0.0.1:$mgmt/q/health/ready" && break
  sleep 0.5
done
curl -sf -o /dev/null "http://127.0.0.1:$mgmt/q/health/ready" || { echo "the service did not start"; tail -30 "$work/service.log"; exit 1; }
base="http://127.0.0.1:$port"
echo "service ready; bounded hashing: $(grep -o 'Argon2id: [^(]*' "$work/service.log" | head -1)"

# 64 citizens
: > "$work/tokens"
for i in $(seq 1 "$SUBMITTERS"); do
  curl -sf -H 'Content-Type: application/json' -d "{\"code\":\"bench-citizen-$i\"}" "$base/api/auth/wechat" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])' >> "$work/tokens"
done
rss_before=$(ps -o rss= -p "$service")

cat > "$work/submit.lua" <<'EOF'
local tokens = {}
for line in io.lines(os.getenv("TOKENS")) do tokens[#tokens + 1] = line end
local counter = 0
local id = 0
function setup(thread) id = id + 1; thread:set("tid", id) end
function init(args) math.randomseed(os.time() * 1000 + tid) end
local body = '{"channel":"supervision","category":"conduct","description":"执法人员在检查时态度粗暴，基准测试提交"}'
function request()
  counter = counter + 1
  local token = tokens[((counter + tid * 7919) % #tokens) + 1]
  local key = string.format("bench-%d-%d-%08x%08x", tid, counter, math.random(0, 0x7fffffff), math.random(0, 0x7fffffff))
  return wrk.format("POST", "/api/reports", {["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token, ["Idempotency-Key"] = key}, body)
end
local statuses = {}
function response(status) statuses[status] = (statuses[status] or 0) + 1 end
done = function(summary, latency, requests)
  io.write(string.format("requests/s %.1f  p50 %.0f ms  p95 %.0f ms  p99 %.0f ms  max %.0f ms  non-2xx/3xx %d  timeouts %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.errors.status, summary.errors.timeout))
end
EOF
echo "wrk: $SUBMITTERS connections submitting for ${DURATION}s"
gc_before=$(grep -c 'Pause' "$work/gc.log" || true)
TOKENS="$work/tokens" wrk -t2 -c"$SUBMITTERS" -d"${DURATION}s" --timeout 30s -s "$work/submit.lua" "$base" | tee "$work/wrk.out"
rss_after=$(ps -o rss= -p "$service")
reports=$(psql -h 127.0.0.1 -U postgres -d $db -Atc "select count(*) from report")
gc_ms=$(awk '/Pause/ {gsub("ms","",$NF); s+=$NF} END {printf "%.0f", s}' "$work/gc.log")
echo "reports written: $reports"
echo "RSS: $((rss_before / 1024)) MiB before, $((rss_after / 1024)) MiB after; GC pauses in total ${gc_ms} ms (whole run)"
