#!/usr/bin/env bash
# Reading-club feed benchmark: first pages and the page at depth 500,000, latest and hot, over loopback.
# Needs a running service on $BASE whose database ($DB) holds the rows of bench/club-rows.sql and a hot snapshot
# (the service makes one a few seconds after start and every 10 minutes). Each URL gets $SECONDS_EACH seconds of
# wrk with $CONNECTIONS connections; the whole run stays under a minute.
set -euo pipefail
BASE=${BASE:-http://127.0.0.1:8080}
DB=${DB:-youguang_bench}
DEPTH=${DEPTH:-500000}
SECONDS_EACH=${SECONDS_EACH:-10}
CONNECTIONS=${CONNECTIONS:-4}
here=$(cd "$(dirname "$0")" && pwd)

# the cursors a client would hold after paging DEPTH posts, made from the database instead of 25,000 requests
latest_row=$(psql -U postgres -h 127.0.0.1 -At -d "$DB" -c "select (extract(epoch from published_at) * 1000000)::bigint || '.' || id
  from club_post where status = 'PUBLISHED' and deleted_at is null order by published_at desc, id desc offset $((DEPTH - 1)) limit 1")
snapshot=$(psql -U postgres -h 127.0.0.1 -At -d "$DB" -c "select max(id) from club_hot_snapshot where ready")
latest_cursor=$(printf 'p1.%s' "$latest_row" | base64 -w0 | tr '+/' '-_' | tr -d '=')
hot_cursor=$(printf 'h1.%s.%s' "$snapshot" "$DEPTH" | base64 -w0 | tr '+/' '-_' | tr -d '=')

for url in "/api/club/posts?sort=latest&limit=20" "/api/club/posts?sort=latest&limit=20&cursor=$latest_cursor" \
           "/api/club/posts?sort=hot&limit=20" "/api/club/posts?sort=hot&limit=20&cursor=$hot_cursor"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$url")
  printf '%-70s %s  ' "${url:0:70}" "$status"
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" -s "$here/p95.lua" "$BASE$url" | tail -1
done
