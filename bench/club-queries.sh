#!/usr/bin/env bash
# The reading-club feed's queries straight on PostgreSQL (pgbench), first page against the page at depth $DEPTH, in
# latest and hot order: the SQL the service sends for a page (the posts of the page; authors and images are one
# more indexed lookup each for 20 ids, the same at any depth). $SECONDS_EACH seconds per query, 2 clients.
set -euo pipefail
DB=${DB:-youguang_bench}
DEPTH=${DEPTH:-500000}
SECONDS_EACH=${SECONDS_EACH:-10}
PSQL="psql -U postgres -h 127.0.0.1 -At -d $DB"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

IFS='|' read -r at id <<<"$($PSQL -F '|' -c "select published_at, id from club_post where status = 'PUBLISHED' and deleted_at is null
  order by published_at desc, id desc offset $((DEPTH - 1)) limit 1")"
snapshot=$($PSQL -c "select max(id) from club_hot_snapshot where ready")

latest="select * from club_post p where p.status = 'PUBLISHED' and p.deleted_at is null"
order="order by p.published_at desc, p.id desc limit 21"
hot="select h.place, h.post_id from club_hot_rank h join club_post p on p.id = h.post_id where h.snapshot_id = $snapshot
  and p.status = 'PUBLISHED' and p.deleted_at is null"
echo "$latest $order;" > "$work/latest-first.sql"
echo "$latest and p.published_at <= '$at' and (p.published_at < '$at' or p.id < $id) $order;" > "$work/latest-deep.sql"
echo "$hot and h.place > 0 order by h.place limit 21;" > "$work/hot-first.sql"
echo "$hot and h.place > $DEPTH order by h.place limit 21;" > "$work/hot-deep.sql"

for q in latest-first latest-deep hot-first hot-deep; do
  tps=$(pgbench -U postgres -h 127.0.0.1 -n -c 2 -j 2 -T "$SECONDS_EACH" -f "$work/$q.sql" "$DB" 2>/dev/null \
    | awk -F' = ' '/latency average/ {lat=$2} /^tps/ {split($2, t, " "); tps=t[1]} END {print lat " avg, " int(tps) " tps"}')
  buffers=$($PSQL -c "explain (analyze, buffers, format json) $(cat "$work/$q.sql" | tr -d ';')" \
    | python3 -c 'import json,sys; p=json.load(sys.stdin)[0]; print("%d buffers, %.2f ms once" % (p["Plan"]["Shared Hit Blocks"] + p["Plan"]["Shared Read Blocks"], p["Execution Time"]))')
  printf '%-13s %-28s %s\n' "$q" "$tps" "$buffers"
done
