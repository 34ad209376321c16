#!/usr/bin/env bash
# Import at scale: the packaged service's `import` command over 1,000, 5,000 and 10,000 generated Markdown stories,
# each into a fresh PostgreSQL database, then the 10,000 again unchanged.
#
#   bench/import.sh [sizes...]      (default: 1000 5000 10000)
#
# Prints, per size, the import's own time (from the log line that says the service started to the importer's report
# line: JVM start, migrations and shutdown left out) and the time per 1,000 files; then re-imports the largest set
# unchanged and prints the rows written to every table meanwhile (from PostgreSQL's statistics), which must be 0.
# Needs: java 17, PostgreSQL on 127.0.0.1:5432 (trust), python3.
set -euo pipefail
sizes=("${@:-1000 5000 10000}")
read -r -a sizes <<< "${sizes[*]}"
cd "$(dirname "$0")/.."
source bench/lib.sh
work=$(mktemp -d /tmp/youguang-import-bench.XXXX)
db=youguang_import_bench
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
build_if_stale
psql() { command psql -h 127.0.0.1 -U postgres -q "$@"; }

largest=0
for n in "${sizes[@]}"; do (( n > largest )) && largest=$n; done
echo "generating $largest stories"
python3 - "$work/content" "$largest" <<'EOF'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
os.makedirs(os.path.join(root, "stories"), exist_ok=True)
para = "凌晨五点，街道还没有醒来，他已经沿着责任路段走完了第一遍。**第{p}段**：垃圾桶的位置、井盖的松动、占道的摊点，他都记在本子上，再一件件去处理。群众说，有他在，这条街就让人放心。\n\n"
for i in range(1, n + 1):
    with open(os.path.join(root, "stories", "bench-%05d.md" % i), "w") as f:
        f.write("---\nslug: bench-%d\ntitle: 平凡岗位上的第%d个故事\nperson: 城管队员%d\nrole: 执法队员\nunit: 市城市管理局\n"
                "summary: 第%d个基准测试故事的摘要。\npublished: 2024-%02d-%02dT09:00+08:00\ntags: [基准, 第%d组]\n---\n\n"
                % (i, i, i, i, i % 12 + 1, i % 28 + 1, i % 10))
        for p in range(1, 7):
            f.write(para.format(p=p))
EOF
# a folder per size holding its first n files (hard links: the importer refuses symbolic links out of its folder)
for n in "${sizes[@]}"; do
  mkdir -p "$work/set-$n/stories"
  for i in $(seq 1 "$n"); do printf -v f 'bench-%05d.md' "$i"; ln "$work/content/stories/$f" "$work/set-$n/stories/$f"; done
done

start_s3proxy
make_jwt_keys
phone_key=$(openssl rand -base64 32)
sleep 3

# the import command on a folder; prints the import's own time in ms and the report line
import() { # $1: folder
  env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" QUARKUS_DATASOURCE_USERNAME=postgres \
      QUARKUS_DATASOURCE_PASSWORD= YOUGUANG_S3_ENDPOINT="http://127.0.0.1:$s3port" YOUGUANG_S3_ACCESS_KEY=bench \
      YOUGUANG_S3_SECRET_KEY=bench-secret-key YOUGUANG_JWT_PRIVATE_KEY="$work/jwt-private.pem" \
      YOUGUANG_JWT_PUBLIC_KEY="$work/jwt-public.pem" YOUGUANG_PHONE_KEY="$phone_key" \
      YOUGUANG_CONTENT_DIR="$1" YOUGUANG_DATA_DIR="$work/data" QUARKUS_HTTP_PORT=0 YOUGUANG_MANAGEMENT_PORT=0 \
      java -Xmx512m -jar target/quarkus-app/quarkus-run.jar import "$1" > "$work/import.log" 2>&1
  python3 "$work/elapsed.py" "$work/import.log"
}
fresh() { psql -d postgres -c "drop database if exists $db with (force)" -c "create database $db"; }

cat > "$work/elapsed.py" <<'EOF'
import re, sys
from datetime import datetime
stamp = lambda line: datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f")
started = report = None
for line in open(sys.argv[1], encoding="utf-8"):
    if "[io.quarkus]" in line and " started in " in line:
        started = stamp(line)
    elif "[cn.youguang.content.ContentImporter]" in line and "Content import from" in line:
        report = line
if started is None or report is None:
    sys.exit("the import did not run: see " + sys.argv[1])
print(int((stamp(report) - started).total_seconds() * 1000), re.search(r"\d+ files: .*", report).group(0))
EOF
printf '%-8s %-12s %-16s %s\n' files import_ms ms_per_1000 report
for n in "${sizes[@]}"; do
  fresh
  read -r own report <<< "$(import "$work/set-$n")"
  printf '%-8s %-12s %-16s %s\n' "$n" "$own" "$(( own * 1000 / n ))" "$report"
done

# unchanged: the largest set again on the same database; every table's inserts, updates and deletes meanwhile
stats="select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) from pg_stat_user_tables"
per_table="select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables order by relname"
sleep 1
psql -d $db -Atc "$per_table" > "$work/before"
read -r ms report <<< "$(import "$work/set-$largest")"
sleep 1   # the statistics collector reports with a short delay
psql -d $db -Atc "$per_table" > "$work/after"
echo "re-import of $largest unchanged files: $ms ms; report: $report"
echo "rows written during it, per table (tables with none left out):"
LC_ALL=C sort -o "$work/before" "$work/before"; LC_ALL=C sort -o "$work/after" "$work/after"
LC_ALL=C join -t'|' "$work/before" "$work/after" | awk -F'|' '{d=($5-$2)+($6-$3)+($7-$4); if (d) {printf "  %s %d\n", $1, d; t+=d}} END {printf "  total %d\n", t}'
