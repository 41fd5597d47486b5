#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 for the tests (trust auth, loopback only)
# and prints its URL. Used by .ci/run; developers run it too:
#   export TRACEHOUND_TEST_PG=$(bash scripts/start-postgres.sh)
set -euo pipefail
port=${PGPORT_TEST:-55432}
bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
dir=${PGDATA_TEST:-/tmp/tracehound-pg-$port}
url="postgres://postgres@127.0.0.1:$port/tracehound"
if [[ -f $dir/data/postmaster.pid ]] && su postgres -c "$bindir/pg_ctl -D $dir/data status" >/dev/null 2>&1; then
  echo "$url"
  exit 0
fi
rm -rf "$dir"
mkdir -p "$dir"
chown postgres "$dir"
su postgres -c "$bindir/initdb -D $dir/data --auth=trust -U postgres" >/dev/null
su postgres -c "$bindir/pg_ctl -D $dir/data -l $dir/log -w -o \"-k $dir -p $port -c listen_addresses=127.0.0.1\" start" >/dev/null
su postgres -c "$bindir/createdb -h 127.0.0.1 -p $port tracehound"
echo "$url"
