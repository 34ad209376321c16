# Shared by the benchmark scripts (sourced, not run): the packaged jar built when its sources are newer, a free
# loopback port, the S3Proxy process and a JWT key pair in the script's $work folder. Scripts keep $pids for cleanup.

# builds the packaged service and S3Proxy's jar when missing or older than the sources
build_if_stale() {
  if [[ ! -f target/quarkus-app/quarkus-run.jar || ! -f target/s3proxy/s3proxy.jar ]] \
      || [[ -n $(find src/main pom.xml -newer target/quarkus-app/quarkus-run.jar -type f | head -1) ]]; then
    echo "building the packaged service"
    ./mvnw -B -q package -DskipTests -Dexec.skip=true
  fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# S3Proxy on a free port with its objects under $work/objects; sets s3port (keys: bench / bench-secret-key)
start_s3proxy() {
  s3port=$(free_port)
  mkdir -p "$work/objects"
  printf 's3proxy.endpoint=http://127.0.0.1:%s\ns3proxy.authorization=aws-v2-or-v4\ns3proxy.identity=bench\ns3proxy.credential=bench-secret-key\njclouds.provider=filesystem\njclouds.filesystem.basedir=%s\n' \
    "$s3port" "$work/objects" > "$work/s3proxy.properties"
  java -jar target/s3proxy/s3proxy.jar --properties "$work/s3proxy.properties" > "$work/s3proxy.log" 2>&1 &
  pids+=($!)
}

# an RS256 key pair for the service's tokens: $work/jwt-private.pem and $work/jwt-public.pem
make_jwt_keys() {
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/jwt-private.pem" 2>/dev/null
  openssl pkey -in "$work/jwt-private.pem" -pubout -out "$work/jwt-public.pem"
}
