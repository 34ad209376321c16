#!/usr/bin/env bash
# Search latency over 100 000 story documents on the local PostgreSQL (loopback only): builds a scratch database
# with the schema and index of db/migration/V10__editorial_workflow.sql and db/vendor/postgresql/V10_1, fills it
# with generated Chinese text (one document in ten contains 城管), and times the exact query SearchService issues
# with pgbench: the tier boundary, the newest tier's matches and, when they do not fill the page, the older tier's
# (see SearchService). Prints p50/p95/p99 per query. Usage: bench/search-bench.sh [seconds per query, default 20]
set -euo pipefail
SECONDS_EACH=${1:-20}
DB=youguang_searchbench
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
WORK=$(mktemp -d)
# KEEP=1 keeps the generated database for the next run (generating it takes minutes on a busy machine)
trap 'rm -rf "$WORK"; [ "${KEEP:-}" = 1 ] || $PSQL -d postgres -c "drop database if exists $DB" >/dev/null' EXIT

if [ "${KEEP:-}" = 1 ] && $PSQL -d $DB -Atc "select 1 from search_document limit 1" >/dev/null 2>&1; then
  echo "reusing $DB"
else
$PSQL -d postgres -c "drop database if exists $DB" -c "create database $DB"
$PSQL -d $DB <<'SQL'
create table search_document (
    entry_type varchar(16) not null, entry_id bigint not null, slug varchar(96), title varchar(200) not null,
    body varchar(1000000) not null, terms varchar(1000000) not null, published_at timestamp with time zone not null,
    primary key (entry_type, entry_id));
create index search_document_type_idx on search_document (entry_type, published_at);
create index search_document_published_idx on search_document (published_at);
-- Han characters of the bureau's report, as the vocabulary of the generated text
create temporary table pool as select string_agg(c, '') as p from (select distinct c from regexp_split_to_table(
  '市城管局党建工作坚持以习近平新时代中国特色社会主义思想为指导全面贯彻落实党的二十大二十届三中全会和总书记在盐城考察时重要指示精神'
  || '以党的政治建设为统领向中心聚焦为大局发力推动党建率先业务争先深度融合着力打造城市好管家党建品牌切实以高质量党建护航城管高质量发展'
  || '严明政治纪律和政治规矩落实民主集中制党内组织生活请示报告等组织制度选树个在平凡岗位作出不平凡业绩的先进典型编辑事迹选编拍摄短视频'
  || '冰河勇救落水儿童荣登全国见义勇为勇士榜用劳动守护环境奉献擦亮干净底色执法队伍中铁汉绣娘形象青年读书社清风随手拍监督渠道', '') c
  where c <> '管') d;
insert into search_document (entry_type, entry_id, slug, title, body, terms, published_at)
select 'STORY', g, 'story-' || g, substr(b.body, 1, 14), b.body, t.terms, now() - g * interval '1 minute'
from generate_series(1, 100000) g
cross join lateral (select case when g % 10 = 0 then '城管' else '' end
    || string_agg(substr(pool.p, 1 + floor(random() * length(pool.p))::int, 1), '') as body
    from pool, generate_series(1, 160) i where g > 0) b
cross join lateral (select ' ' || string_agg(distinct substr(b.body, i, 2), ' ') || ' ' as terms
    from generate_series(1, length(b.body) - 1) i) t;
create index search_document_terms_idx on search_document using gin (to_tsvector('simple', terms));
analyze search_document;
SQL
fi

RECENT=${RECENT:-5000}
tier() { # $1: the query text, $2: its tsquery, $3: the tier's date condition, $4: limit
  cat <<SQL
select * from (select entry_type, entry_id, slug, title, body, published_at,
 (case when lower(title) like '%$1%' escape '\\' then 2 else 0 end + case when lower(body) like '%$1%' escape '\\' then 1 else 0 end) as score
 from search_document where published_at <= now() and $3 and to_tsvector('simple', terms) @@ cast('$2' as tsquery)) d
 order by d.score desc, d.published_at desc, d.entry_type, d.entry_id desc limit $4
SQL
}
query() { # the statements SearchService sends for a first page: the tier boundary, the newest tier, the older one if needed
  echo "select published_at as boundary from search_document where published_at <= now() order by published_at desc offset $((RECENT - 1)) limit 1 \\gset"
  echo "select count(*) as tier0, sum(length(body)) as bytes0 from ($(tier "$1" "$2" "published_at >= ':boundary'" 21 | tr '\n' ' ')) t \\gset"
  echo "\\if :tier0 < 21"
  echo "\\set rest 21 - :tier0"
  echo "select count(*) as tier1, sum(length(body)) as bytes1 from ($(tier "$1" "$2" "published_at < ':boundary'" ":rest" | tr '\n' ' ')) t \\gset"
  echo "\\endif"
}
echo "documents: $($PSQL -d $DB -Atc 'select count(*) from search_document')"
for q in "城管|'城管'" "绣娘|'绣娘'" "党建品牌|'党建' & '建品' & '品牌'"; do
  text=${q%%|*}; ts=$(printf '%s' "${q#*|}" | sed "s/'/''/g")
  query "$text" "$ts" > "$WORK/q.sql"
  hits=$($PSQL -d $DB -Atc "select count(*) from search_document where to_tsvector('simple', terms) @@ cast('$ts' as tsquery)")
  (cd "$WORK" && rm -f pgbench_log.* && pgbench -h 127.0.0.1 -U postgres -n -c 2 -j 2 -T "$SECONDS_EACH" -f q.sql -l $DB >/dev/null 2>&1)
  cat "$WORK"/pgbench_log.* | awk '{print $3/1000}' | sort -n | awk -v q="$text" -v h="$hits" \
    '{a[NR]=$1} END {printf "%-8s %6d matching  n=%6d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms\n", q, h, NR, a[int(NR*0.5)], a[int(NR*0.95)], a[int(NR*0.99)]}'
done
