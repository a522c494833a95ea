#!/usr/bin/env bash
# Installs (if missing) and starts a local PostgreSQL server, and creates the test user and database that
# the store's tests use on PostgreSQL (TestDatabases): user scalloy_test / password scalloy_test, database
# scalloy_test, recreated empty on each run. Needs root (apt-get, pg_ctlcluster) or an existing server.
# Under CI=true a server that cannot be started is a failure; elsewhere the tests skip with a message.
set -euo pipefail

fail_or_skip() {
  echo "PostgreSQL test server: $1" >&2
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  echo "PostgreSQL tests will be skipped (set CI=true to make this a failure)." >&2
  exit 0
}

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing PostgreSQL for the store's tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
      || fail_or_skip "apt-get install postgresql failed"
  else
    fail_or_skip "PostgreSQL is not installed and this user cannot install it"
  fi
fi

version="$(pg_lsclusters -h 2>/dev/null | awk 'NR==1 {print $1}')"
cluster="$(pg_lsclusters -h 2>/dev/null | awk 'NR==1 {print $2}')"
[ -n "$version" ] || fail_or_skip "no PostgreSQL cluster found (pg_lsclusters)"
if ! pg_lsclusters -h | awk 'NR==1 {print $4}' | grep -q online; then
  pg_ctlcluster "$version" "$cluster" start || fail_or_skip "pg_ctlcluster $version $cluster start failed"
fi

as_postgres() { if [ "$(id -u)" = "0" ]; then su postgres -c "$1"; else sh -c "$1"; fi; }
as_postgres "psql -v ON_ERROR_STOP=1 -q -o /dev/null" <<'SQL' || fail_or_skip "cannot create the test user and database"
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'scalloy_test' AND pid <> pg_backend_pid();
DROP DATABASE IF EXISTS scalloy_test;
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'scalloy_test') THEN
    CREATE ROLE scalloy_test LOGIN PASSWORD 'scalloy_test' CREATEROLE CREATEDB;
  END IF;
END $$;
CREATE DATABASE scalloy_test OWNER scalloy_test;
SQL
echo "PostgreSQL $version/$cluster is running with the test database scalloy_test"
