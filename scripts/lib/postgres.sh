# A throwaway PostgreSQL for the tests. Sourced by scripts/test-all.sh; bash only.
#
#   source scripts/lib/postgres.sh
#   if ensure_postgres_installed; then
#     start_throwaway_postgres --ssl        # does nothing when TEST_DATABASE_URL is already set
#     trap stop_throwaway_postgres EXIT     # stops only a server this script started
#     ... tests that read TEST_DATABASE_URL (and TEST_DATABASE_CA_FILE with --ssl) ...
#   fi                                      # else: the message says the PostgreSQL half did not run
#
# As root (CI runs as root) the server runs as the `postgres` user (PostgreSQL refuses to run as
# root), in a temporary folder that user owns; as a normal user it runs as that user, no runuser.
# It listens on 127.0.0.1 only, on a free port, and on a unix socket inside the folder; trust
# authentication, so the folder and port must stay on this machine (they do). fsync is off: the
# data is thrown away, and a crash of the PostgreSQL process alone loses nothing (the kernel has the
# pages); synchronous_commit stays on, so an acknowledged commit survives `pg_ctl stop -m immediate`.

PG_THROWAWAY_DIR=""
PG_THROWAWAY_BIN=""

# The newest installed server's bin folder (Debian puts each major version in its own folder).
_pg_bin_dir() {
  local candidate best
  # Glob order is lexical (10 before 9): pick the highest major version explicitly.
  best=$(for candidate in /usr/lib/postgresql/*/bin; do
    [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ] && echo "$candidate"
  done | sort -t/ -k5,5n | tail -n 1)
  if [ -z "$best" ] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    best=$(dirname "$(command -v initdb)")
  fi
  [ -n "$best" ] && echo "$best"
}

# Runs a command as the server's user: `postgres` when we are root, ourselves otherwise.
_pg_as_owner() {
  if [ "$(id -u)" = "0" ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Returns 0 when a server can be started here (or TEST_DATABASE_URL names one). When PostgreSQL is
# missing: as root with apt, installs Debian's `postgresql`; otherwise prints that the PostgreSQL
# half of the tests cannot run and returns 1 - except under CI=true, where that is a failure and
# the script exits.
ensure_postgres_installed() {
  if [ -n "${TEST_DATABASE_URL:-}" ]; then
    return 0
  fi
  if [ -n "$(_pg_bin_dir)" ]; then
    return 0
  fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's PostgreSQL for the PostgreSQL half of the tests..."
    if (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null); then
      [ -n "$(_pg_bin_dir)" ] && return 0
    fi
    echo "Installing PostgreSQL with apt-get failed." >&2
  fi
  echo "" >&2
  echo "PostgreSQL is not installed and cannot be installed here (that needs root and apt-get):" >&2
  echo "the PostgreSQL half of the tests CANNOT RUN. Install it (Debian/Ubuntu: apt-get install postgresql)," >&2
  echo "or set TEST_DATABASE_URL=postgres://user@host:port/db to a server the tests may create databases on." >&2
  if [ "${CI:-}" = "true" ]; then
    echo "CI=true: a missing PostgreSQL is a failure, not a skip." >&2
    exit 1
  fi
  return 1
}

# A free TCP port on 127.0.0.1, chosen by the kernel. (Another program may take it before the
# server binds it; start_throwaway_postgres then tries another.)
_pg_free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# start_throwaway_postgres [--ssl] [--durable]
# Starts a new server and exports TEST_DATABASE_URL (postgres://postgres@127.0.0.1:PORT/postgres).
# With --durable, fsync and full_page_writes stay on (PostgreSQL's defaults), so a commit waits for
# the disk as the SQLite file's synchronous=FULL does: the bench uses it to compare the engines fairly.
# With --ssl the server also accepts TLS (ssl=on, a self-signed certificate for 127.0.0.1 and
# localhost made with openssl) and TEST_DATABASE_CA_FILE names that certificate, so a client can
# use sslmode=require, or verify-full with the CA file. When TEST_DATABASE_URL is already set, it
# is used as it is and nothing is started.
start_throwaway_postgres() {
  local ssl=0 durable=0 arg
  for arg in "$@"; do
    case "$arg" in
      --ssl) ssl=1 ;;
      --durable) durable=1 ;;
      *) echo "start_throwaway_postgres: unknown option $arg" >&2; return 1 ;;
    esac
  done
  if [ -n "${TEST_DATABASE_URL:-}" ]; then
    echo "Using the PostgreSQL at TEST_DATABASE_URL (none started)."
    return 0
  fi
  PG_THROWAWAY_BIN=$(_pg_bin_dir) || true
  if [ -z "$PG_THROWAWAY_BIN" ]; then
    echo "start_throwaway_postgres: no PostgreSQL installed (call ensure_postgres_installed first)" >&2
    return 1
  fi
  local base="${TMPDIR:-/tmp}"
  # As root, the postgres user must be able to reach the folder: use /tmp, not root's TMPDIR.
  [ "$(id -u)" = "0" ] && base=/tmp
  PG_THROWAWAY_DIR=$(mktemp -d "$base/slt-pg.XXXXXX")
  if [ "$(id -u)" = "0" ]; then
    chown postgres: "$PG_THROWAWAY_DIR"
  fi
  local dir="$PG_THROWAWAY_DIR"
  local t0 t1 t2
  t0=$(date +%s%N)
  # -N: no fsync of the new files (thrown away anyway); C locale: byte order, like SQLite's BINARY.
  if ! _pg_as_owner "$PG_THROWAWAY_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale -N >"$dir/initdb.log" 2>&1; then
    echo "initdb failed:" >&2
    cat "$dir/initdb.log" >&2
    stop_throwaway_postgres
    return 1
  fi
  t1=$(date +%s%N)

  local opts="-k $dir -c listen_addresses=127.0.0.1 -c max_connections=200"
  [ "$durable" = "1" ] || opts="$opts -c fsync=off -c full_page_writes=off"
  if [ "$ssl" = "1" ]; then
    # A self-signed certificate for 127.0.0.1 and localhost: it is its own CA (TEST_DATABASE_CA_FILE).
    if ! openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
      -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
      -keyout "$dir/server.key" -out "$dir/server.crt" >"$dir/openssl.log" 2>&1; then
      echo "openssl could not make a certificate:" >&2
      cat "$dir/openssl.log" >&2
      stop_throwaway_postgres
      return 1
    fi
    chmod 600 "$dir/server.key"
    chmod 644 "$dir/server.crt"
    [ "$(id -u)" = "0" ] && chown postgres: "$dir/server.key" "$dir/server.crt"
    opts="$opts -c ssl=on -c ssl_cert_file=$dir/server.crt -c ssl_key_file=$dir/server.key"
  fi

  local port attempt
  for attempt in 1 2 3 4 5; do
    port=$(_pg_free_port)
    if _pg_as_owner "$PG_THROWAWAY_BIN/pg_ctl" -D "$dir/data" -o "-p $port $opts" -l "$dir/server.log" -w -t 30 start >"$dir/pg_ctl.log" 2>&1; then
      t2=$(date +%s%N)
      # For restart_throwaway_postgres, which may start it again on the same port.
      echo "-p $port $opts" >"$dir/server.opts"
      export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
      if [ "$ssl" = "1" ]; then
        export TEST_DATABASE_CA_FILE="$dir/server.crt"
      fi
      echo "Started a throwaway PostgreSQL $("$PG_THROWAWAY_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port$([ "$ssl" = "1" ] && echo " (ssl=on)")$([ "$durable" = "1" ] && echo " (fsync=on)")" \
        "(initdb $(((t1 - t0) / 1000000)) ms, start $(((t2 - t1) / 1000000)) ms)."
      return 0
    fi
    # Most likely the port was taken in between; anything else shows in the log.
    if ! grep -q "could not bind\|Address already in use" "$dir/server.log" 2>/dev/null; then
      break
    fi
    echo "Port $port was taken; trying another (attempt $attempt)." >&2
  done
  echo "PostgreSQL did not start:" >&2
  cat "$dir/pg_ctl.log" "$dir/server.log" >&2 2>/dev/null
  stop_throwaway_postgres
  return 1
}

# restart_throwaway_postgres [fast|immediate] [seconds down]
# Restarts the server start_throwaway_postgres started (same folder, port and options), as its
# owner, and waits until it accepts connections again. `fast` (the default) ends every session and
# checkpoints; `immediate` is a crash of the server. With no pause this is `pg_ctl restart`; with
# one, `pg_ctl stop`, the pause, then `pg_ctl start`: a restart that lasts long enough for the
# clients to see it (as a failover would). For bench/instances.ts, which restarts it under load.
restart_throwaway_postgres() {
  local mode="${1:-fast}" down="${2:-0}"
  local dir="$PG_THROWAWAY_DIR"
  if [ -z "$dir" ] || [ ! -f "$dir/data/postmaster.pid" ]; then
    echo "restart_throwaway_postgres: no server started by start_throwaway_postgres is running" >&2
    return 1
  fi
  if [ "$down" = "0" ]; then
    _pg_as_owner "$PG_THROWAWAY_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m "$mode" -w -t 60 restart >"$dir/pg_ctl-restart.log" 2>&1 || {
      echo "pg_ctl restart failed:" >&2
      cat "$dir/pg_ctl-restart.log" >&2
      return 1
    }
    return 0
  fi
  _pg_as_owner "$PG_THROWAWAY_BIN/pg_ctl" -D "$dir/data" -m "$mode" -w -t 60 stop >"$dir/pg_ctl-restart.log" 2>&1 &&
    sleep "$down" &&
    _pg_as_owner "$PG_THROWAWAY_BIN/pg_ctl" -D "$dir/data" -o "$(cat "$dir/server.opts")" -l "$dir/server.log" -w -t 60 start >>"$dir/pg_ctl-restart.log" 2>&1 || {
    echo "stopping and starting PostgreSQL again failed:" >&2
    cat "$dir/pg_ctl-restart.log" >&2
    return 1
  }
}

# Stops the server start_throwaway_postgres started and removes its folder. Safe to call twice,
# and does nothing when none was started (TEST_DATABASE_URL given). Call it from a trap.
stop_throwaway_postgres() {
  local dir="$PG_THROWAWAY_DIR"
  [ -n "$dir" ] || return 0
  PG_THROWAWAY_DIR=""
  if [ -f "$dir/data/postmaster.pid" ]; then
    _pg_as_owner "$PG_THROWAWAY_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
      echo "pg_ctl stop failed (server log: $dir/server.log)" >&2
  fi
  case "$dir" in
    */slt-pg.*) rm -rf "$dir" ;;
  esac
  unset TEST_DATABASE_URL TEST_DATABASE_CA_FILE
  return 0
}
