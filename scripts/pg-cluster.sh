#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests that must stop or restart their server (never the shared one).
#   pg-cluster.sh start DIR PORT   creates the cluster in DIR when absent, starts it on 127.0.0.1:PORT
#   pg-cluster.sh restart DIR      restarts it (fast shutdown: open transactions are rolled back)
#   pg-cluster.sh stop DIR         stops it
# DIR is owned by the postgres user when run as root (initdb refuses root). Trust auth, user postgres.
set -euo pipefail
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -x "$bin/initdb" ] || { echo "pg-cluster.sh: no PostgreSQL binaries under /usr/lib/postgresql (apt-get install postgresql)" >&2; exit 3; }
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
command="$1"; dir="$2"
case "$command" in
  start)
    port="$3"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      mkdir -p "$dir/data" "$dir/socket"
      [ "$(id -u)" = 0 ] && chown -R postgres "$dir"
      as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/socket" start >/dev/null
    ;;
  restart) as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w restart >/dev/null ;;
  stop) as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null ;;
  *) echo "usage: pg-cluster.sh start DIR PORT | restart DIR | stop DIR" >&2; exit 2 ;;
esac
