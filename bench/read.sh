#!/usr/bin/env bash
# Public reads, the packaged service beside nginx serving the exact same bytes from files, in one run.
#
#   bench/read.sh [N]      N stories generated as Markdown (default 2000)
#
# Starts PostgreSQL's database youguang_read_bench (dropped and made again), an S3Proxy process, the packaged
# service (-Xmx512m, production profile) importing N generated stories, and nginx with the service's own reply
# bytes as files. wrk (one thread, on the other core) then measures each request kind against both, interleaved
# A B A B so machine noise hits both alike, and prints requests/s, p99 and the service's share of nginx's
# throughput. The service and nginx are each pinned to core 0 (one nginx worker); wrk runs on core 1.
# Needs: java 17, PostgreSQL on 127.0.0.1:5432 (trust), and Debian's nginx-light and wrk (installed if missing).
set -euo pipefail
N=${1:-2000}
SECONDS_EACH=${SECONDS_EACH:-8}
CONNECTIONS=${CONNECTIONS:-32}
ROUNDS=${ROUNDS:-2}
cd "$(dirname "$0")/.."
source bench/lib.sh
root=$(pwd)
work=$(mktemp -d /tmp/youguang-read-bench.XXXX)
chmod 755 "$work"   # nginx's worker (nobody) reads the files under it
db=youguang_read_bench
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [[ -f "$work/nginx.pid" ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

for tool in nginx wrk; do
  if ! command -v "$tool" >/dev/null && [[ ! -x /usr/sbin/$tool ]]; then
    echo "installing $tool (Debian's package)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$([[ $tool == nginx ]] && echo nginx-light || echo wrk)" >/dev/null
  fi
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

build_if_stale


# --- the data set: N stories with tags, a collection of the first 20, one article
echo "generating $N stories"
mkdir -p "$work/content/stories" "$work/content/articles" "$work/content/collections"
for i in $(seq 1 "$N"); do
  printf -- '---\nslug: bench-%d\ntitle: 平凡岗位上的第%d个故事\nperson: 城管队员%d\nrole: 执法队员\nunit: 市城市管理局\nsummary: 第%d个基准测试故事的摘要，长度与真实故事相近。\npublished: 2024-%02d-%02dT09:00+08:00\ntags: [基准, 第%d组]\n---\n\n' \
    "$i" "$i" "$i" "$i" $(( (i % 12) + 1 )) $(( (i % 28) + 1 )) $(( i % 10 )) > "$work/content/stories/bench-$i.md"
  for p in 1 2 3 4 5 6; do
    printf '凌晨五点，街道还没有醒来，他已经沿着责任路段走完了第一遍。**第%d段**：垃圾桶的位置、井盖的松动、占道的摊点，他都记在本子上，再一件件去处理。群众说，有他在，这条街就让人放心。\n\n' "$p" >> "$work/content/stories/bench-$i.md"
  done
done
{ printf -- '---\nslug: bench-collection\ntitle: 基准合集\nsummary: 前二十个故事\npublished: 2024-12-31T09:00+08:00\nstories:\n'
  for i in $(seq 1 20); do printf '  - bench-%d\n' "$i"; done
  printf -- '---\n\n合集介绍。\n'; } > "$work/content/collections/bench-collection.md"
printf -- '---\nslug: bench-article\ntitle: 基准文章\nkind: news\nsummary: 一篇新闻\npublished: 2024-12-31T09:00+08:00\n---\n\n%s\n' \
  "$(for p in $(seq 1 8); do printf '城市管理工作的第%d段说明，内容与真实新闻篇幅相近。' "$p"; done)" > "$work/content/articles/bench-article.md"

# --- database and object store
psql -h 127.0.0.1 -U postgres -q -d postgres -c "drop database if exists $db with (force)" -c "create database $db"
start_s3proxy
make_jwt_keys

# --- the service, on core 0
port=$(free_port); mgmt=$(free_port)
started=$(date +%s%N)
env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD= YOUGUANG_S3_ENDPOINT="http://127.0.0.1:$s3port" YOUGUANG_S3_ACCESS_KEY=bench \
    YOUGUANG_S3_SECRET_KEY=bench-secret-key YOUGUANG_JWT_PRIVATE_KEY="$work/jwt-private.pem" \
    YOUGUANG_JWT_PUBLIC_KEY="$work/jwt-public.pem" YOUGUANG_PHONE_KEY="$(openssl rand -base64 32)" \
    YOUGUANG_CONTENT_DIR="$work/content" YOUGUANG_DATA_DIR="$work/data" QUARKUS_HTTP_PORT="$port" \
    YOUGUANG_MANAGEMENT_PORT="$mgmt" \
    taskset -c 0 java -Xmx512m -jar target/quarkus-app/quarkus-run.jar > "$work/service.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 600); do
  curl -sf -o /dev/null "http://127.0.0.1:$mgmt/q/health/ready" && break
  sleep 0.5
done
curl -sf -o /dev/null "http://127.0.0.1:$mgmt/q/health/ready" || { echo "the service did not start"; tail -30 "$work/service.log"; exit 1; }
ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
echo "service ready in ${ready_ms} ms (import of $N stories included)"

base="http://127.0.0.1:$port"
# the request kinds, the service's URL for each
first_page="/api/stories?limit=20"
cursor=""
for _ in $(seq 1 25); do   # a page at depth 500 (25 pages of 20), as a phone scrolling would reach it
  cursor=$(curl -s "$base/api/stories?limit=20${cursor:+&cursor=$cursor}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["nextCursor"] or "")')
done
declare -A url=(
  [story-detail]="/api/stories/bench-$((N / 2))"
  [story-list]="$first_page"
  [story-list-depth-500]="/api/stories?limit=20&cursor=$cursor"
  [story-304]="/api/stories/bench-$((N / 2))"
  [article-detail]="/api/articles/bench-article"
  [collection-detail]="/api/collections/bench-collection"
  [video-list]="/api/videos?limit=20"
)
kinds=(story-detail story-list story-list-depth-500 story-304 article-detail collection-detail video-list)

# --- nginx: the same bytes as files, on core 0 with one worker
mkdir -p "$work/www"
for k in "${kinds[@]}"; do
  curl -sf "$base${url[$k]}" -o "$work/www/$k.json"
done
chmod -R a+rX "$work/www"
etag=$(curl -sI "$base${url[story-304]}" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')
nport=$(free_port)
cat > "$work/nginx.conf" <<EOF
worker_processes 1;
worker_cpu_affinity 01;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  # nginx at its best for small static files: descriptors and stat results kept in memory
  open_file_cache max=1000 inactive=60s;
  open_file_cache_valid 60s;
  server {
    listen 127.0.0.1:$nport;
    root $work/www;
    etag on;
  }
}
EOF
"$NGINX" -c "$work/nginx.conf"
nginx_etag=$(curl -sI "http://127.0.0.1:$nport/story-304.json" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')

measure() {  # url [header] -> "rps p99ms"
  local target=$1 header=${2:-}
  local out
  if [[ -n $header ]]; then
    out=$(taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -H "$header" "$target")
  else
    out=$(taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$target")
  fi
  local rps p99
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' <<<"$out")
  local non2xx
  non2xx=$(awk '/Non-2xx or 3xx/ {print $5}' <<<"$out")
  [[ -n $non2xx ]] && echo "  ($target answered $non2xx non-2xx/3xx)" >&2
  echo "$rps $p99"
}
for k in "${kinds[@]}"; do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$nport/$k.json") == 200 ]] || { echo "nginx does not serve $k"; exit 1; }
  [[ $(curl -s -o /dev/null -w '%{http_code}' "$base${url[$k]}") == 200 ]] || { echo "the service does not serve $k"; exit 1; }
done

# warm both (JIT, caches)
for k in "${kinds[@]}"; do
  taskset -c 1 wrk -t1 -c8 -d2s "$base${url[$k]}" >/dev/null
done

printf '\n%-22s %12s %10s %12s %10s %8s\n' "request" "service r/s" "p99 ms" "nginx r/s" "p99 ms" "share"
for k in "${kinds[@]}"; do
  s_rps=0; n_rps=0; s_p99=0; n_p99=0
  header=""; nheader=""
  if [[ $k == story-304 ]]; then header="If-None-Match: $etag"; nheader="If-None-Match: $nginx_etag"; fi
  for _ in $(seq 1 "$ROUNDS"); do
    read -r r p < <(measure "$base${url[$k]}" "$header")
    s_rps=$(echo "$s_rps + $r" | bc -l); s_p99=$(echo "if ($p > $s_p99) $p else $s_p99" | bc -l)
    read -r r p < <(measure "http://127.0.0.1:$nport/$k.json" "$nheader")
    n_rps=$(echo "$n_rps + $r" | bc -l); n_p99=$(echo "if ($p > $n_p99) $p else $n_p99" | bc -l)
  done
  printf '%-22s %12.0f %10.2f %12.0f %10.2f %7.0f%%\n' "$k" "$(echo "$s_rps / $ROUNDS" | bc -l)" "$s_p99" \
    "$(echo "$n_rps / $ROUNDS" | bc -l)" "$n_p99" "$(echo "100 * $s_rps / $n_rps" | bc -l)"
done
rss=$(ps -o rss= -p "${pids[1]}" | tr -d ' ')
echo
echo "service RSS after the run: $((rss / 1024)) MiB; ready in ${ready_ms} ms; $N stories; $CONNECTIONS connections, ${SECONDS_EACH}s x $ROUNDS rounds each"
