# Sourced by run-tests: makes a PostgreSQL available to the tests and exports its JDBC URL as
# ANNALS_TEST_POSTGRES_URL. Order of choice:
#   1. ANNALS_TEST_POSTGRES_URL already set: used as it is;
#   2. a server answering at 127.0.0.1:5432: database `test` (created when missing), user postgres, trust auth;
#   3. otherwise a throwaway cluster in a temporary directory on a free port, installed with apt-get when
#      the binaries are missing, stopped and deleted when the calling script exits.
# ANNALS_TEST_POSTGRES_THROWAWAY=1 skips step 2 (to try step 3 on a machine that has a server).
# Each test class creates its own randomly named schemas and drops them when its JVM exits.

annals_pg_answers() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

annals_pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

annals_pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

annals_pg_throwaway() {
  local bin port dir
  bin="$(annals_pg_bin)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "run-tests: no PostgreSQL binaries; installing the postgresql package" >&2
    if [ "$(id -u)" = 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2; }
    else
      sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
    fi
    bin="$(annals_pg_bin)"
  fi
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
  port=55432
  while annals_pg_answers 127.0.0.1 "$port"; do port=$((port + 1)); done
  dir="$(mktemp -d /tmp/annals-test-pg.XXXXXX)"
  mkdir -p "$dir/data" "$dir/socket"
  [ "$(id -u)" = 0 ] && chown -R postgres "$dir"
  annals_pg_as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  annals_pg_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/socket -c max_connections=200 -c fsync=on" start >&2 \
    || { cat "$dir/server.log" >&2; return 1; }
  ANNALS_TEST_PG_STOP="annals_pg_as_owner '$bin/pg_ctl' -D '$dir/data' -m fast stop >/dev/null 2>&1; rm -rf '$dir'"
  trap 'eval "$ANNALS_TEST_PG_STOP"' EXIT
  echo "run-tests: started a throwaway PostgreSQL at 127.0.0.1:$port (in $dir)" >&2
  export ANNALS_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres"
}

if [ -n "${ANNALS_TEST_POSTGRES_URL:-}" ]; then
  echo "run-tests: PostgreSQL tests use $ANNALS_TEST_POSTGRES_URL" >&2
elif [ "${ANNALS_TEST_POSTGRES_THROWAWAY:-0}" != 1 ] && annals_pg_answers 127.0.0.1 5432; then
  if command -v psql >/dev/null 2>&1 \
      && ! psql -h 127.0.0.1 -U postgres -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = 'test'" | grep -q 1; then
    psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE test" >&2
  fi
  export ANNALS_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:5432/test?user=postgres"
  echo "run-tests: PostgreSQL tests use the server at 127.0.0.1:5432" >&2
else
  annals_pg_throwaway
fi
