#!/usr/bin/env bash
# Start and memory beside a bare Quarkus REST hello-world, built by this script with the same Quarkus version.
#
#   bench/start-memory.sh [reads]      (default 100000)
#
# For each application: the time from `java -Xmx512m -jar` to the first successful answer (the service's readiness,
# the hello-world's GET /hello; the service twice: on a fresh database, with migrations and the content import, and
# restarted on it), and the RSS after that many reads (the service: a mix of story, article,
# collection, tag and video reads over the sample content; the hello-world: GET /hello), each read by wrk over
# loopback. Prints both and the service's ratio. The service runs as production does: PostgreSQL (a fresh database
# youguang_start_bench), an S3Proxy process, the sample content of content/ imported at start.
# Needs: java 17, PostgreSQL on 127.0.0.1:5432 (trust), python3, Debian's wrk (installed if missing).
set -euo pipefail
READS=${1:-100000}
cd "$(dirname "$0")/.."
source bench/lib.sh
root=$(pwd)
work=$(mktemp -d /tmp/youguang-start-bench.XXXX)
db=youguang_start_bench
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
command -v wrk >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null; }
build_if_stale
quarkus_version=$(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' pom.xml)

# --- the hello-world: quarkus-rest and one resource, nothing else
echo "building a Quarkus $quarkus_version REST hello-world"
mkdir -p "$work/hello/src/main/java/bench"
cat > "$work/hello/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>hello</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>io.quarkus</groupId>
        <artifactId>quarkus-bom</artifactId>
        <version>$quarkus_version</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>io.quarkus</groupId>
      <artifactId>quarkus-rest</artifactId>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>io.quarkus</groupId>
        <artifactId>quarkus-maven-plugin</artifactId>
        <version>$quarkus_version</version>
        <extensions>true</extensions>
        <executions><execution><goals><goal>build</goal></goals></execution></executions>
      </plugin>
    </plugins>
  </build>
</project>
EOF
cat > "$work/hello/src/main/java/bench/Hello.java" <<'EOF'
package bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/hello")
public class Hello {
    @GET
    public String hello() {
        return "hello";
    }
}
EOF
./mvnw -B -q -f "$work/hello/pom.xml" package -DskipTests

# reads until at least $READS answered: wrk runs by time, so it runs in 5 s rounds
read_until() { # $1: base URL, $2: wrk script
  local total=0 n
  while (( total < READS )); do
    n=$(wrk -t1 -c8 -d5s -s "$2" "$1" | awk '/requests in/ {print $1}')
    total=$(( total + n ))
  done
  echo "$total"
}
rss_mib() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }
wait_for() { # $1: URL; prints ms from $2 (ns) to its first 200
  for _ in $(seq 1 2400); do
    if curl -sf -o /dev/null "$1"; then echo $(( ($(date +%s%N) - $2) / 1000000 )); return; fi
    sleep 0.05
  done
  echo "never"; return 1
}

# --- the service
psql -h 127.0.0.1 -U postgres -q -d postgres -c "drop database if exists $db with (force)" -c "create database $db"
start_s3proxy
make_jwt_keys
sleep 3
port=$(free_port); mgmt=$(free_port)
started=$(date +%s%N)
env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD= YOUGUANG_S3_ENDPOINT="http://127.0.0.1:$s3port" YOUGUANG_S3_ACCESS_KEY=bench \
    YOUGUANG_S3_SECRET_KEY=bench-secret-key YOUGUANG_JWT_PRIVATE_KEY="$work/jwt-private.pem" \
    YOUGUANG_JWT_PUBLIC_KEY="$work/jwt-public.pem" YOUGUANG_PHONE_KEY="$(openssl rand -base64 32)" \
    YOUGUANG_CONTENT_DIR="$root/content" YOUGUANG_DATA_DIR="$work/data" QUARKUS_HTTP_PORT="$port" \
    YOUGUANG_MANAGEMENT_PORT="$mgmt" java -Xmx512m -jar target/quarkus-app/quarkus-run.jar > "$work/service.log" 2>&1 &
service=$!
pids+=($service)
service_ready=$(wait_for "http://127.0.0.1:$mgmt/q/health/ready" "$started")
service_rss_ready=$(rss_mib "$service")
base="http://127.0.0.1:$port"
# the mix: every published story, article and collection, the lists, tags and videos of the sample content
python3 - "$base" > "$work/urls" <<'EOF'
import json, sys, urllib.request
base = sys.argv[1]
get = lambda p: json.load(urllib.request.urlopen(base + p))
urls = ["/api/stories?limit=20", "/api/articles?limit=20", "/api/videos?limit=20", "/api/tags", "/api/collections"]
urls += ["/api/stories/" + s["slug"] for s in get("/api/stories?limit=50")["items"]]
urls += ["/api/articles/" + a["slug"] for a in get("/api/articles?limit=50")["items"]]
print("\n".join(urls))
EOF
cat > "$work/mix.lua" <<EOF
local urls = {}
for line in io.lines("$work/urls") do urls[#urls + 1] = line end
local i = 0
request = function() i = i + 1; return wrk.format("GET", urls[(i % #urls) + 1]) end
EOF
echo "service: $(wc -l < "$work/urls") URLs in the read mix"
service_reads=$(read_until "$base" "$work/mix.lua")
service_rss=$(rss_mib "$service")
kill "$service"; wait "$service" 2>/dev/null || true
# the start an operator sees most: the same database again (migrated, content unchanged)
started=$(date +%s%N)
env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD= YOUGUANG_S3_ENDPOINT="http://127.0.0.1:$s3port" YOUGUANG_S3_ACCESS_KEY=bench \
    YOUGUANG_S3_SECRET_KEY=bench-secret-key YOUGUANG_JWT_PRIVATE_KEY="$work/jwt-private.pem" \
    YOUGUANG_JWT_PUBLIC_KEY="$work/jwt-public.pem" YOUGUANG_PHONE_KEY="$(openssl rand -base64 32)" \
    YOUGUANG_CONTENT_DIR="$root/content" YOUGUANG_DATA_DIR="$work/data" QUARKUS_HTTP_PORT="$port" \
    YOUGUANG_MANAGEMENT_PORT="$mgmt" java -Xmx512m -jar target/quarkus-app/quarkus-run.jar > "$work/service2.log" 2>&1 &
service=$!
pids+=($service)
service_restart=$(wait_for "http://127.0.0.1:$mgmt/q/health/ready" "$started")
kill "$service"; wait "$service" 2>/dev/null || true

# --- the hello-world, the same way
hport=$(free_port)
started=$(date +%s%N)
java -Xmx512m -Dquarkus.http.port="$hport" -jar "$work/hello/target/quarkus-app/quarkus-run.jar" > "$work/hello.log" 2>&1 &
hello=$!
pids+=($hello)
hello_ready=$(wait_for "http://127.0.0.1:$hport/hello" "$started")
hello_rss_ready=$(rss_mib "$hello")
printf 'request = function() return wrk.format("GET", "/hello") end\n' > "$work/hello.lua"
hello_reads=$(read_until "http://127.0.0.1:$hport" "$work/hello.lua")
hello_rss=$(rss_mib "$hello")

printf '\n%-22s %14s %14s %12s %14s\n' "" "ready (ms)" "RSS ready" "reads" "RSS after"
printf '%-22s %14s %14s %12s %14s\n' "service, fresh database" "$service_ready" "${service_rss_ready} MiB" "$service_reads" "${service_rss} MiB"
printf '%-22s %14s\n' "service, restart" "$service_restart"
printf '%-22s %14s %14s %12s %14s\n' "hello-world" "$hello_ready" "${hello_rss_ready} MiB" "$hello_reads" "${hello_rss} MiB"
python3 -c "print('service / hello-world: start %.1f x (restart %.1f x), RSS after reads %.1f x' % ($service_ready / $hello_ready, $service_restart / $hello_ready, $service_rss / $hello_rss))"
echo "(load average $(cut -d' ' -f1-3 /proc/loadavg))"
