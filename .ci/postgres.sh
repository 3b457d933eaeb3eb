#!/usr/bin/env bash
# Install (if needed) and start a local PostgreSQL for the decision-log tests; print the test URL.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get update -q >&2 && apt-get install -y -q postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q "^${version} main"; then
  pg_createcluster "$version" main >&2
fi
pg_ctlcluster "$version" main start >&2 2>/dev/null || true
for _ in $(seq 1 30); do
  if su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done
su postgres -c "psql -qAtc \"select 1 from pg_roles where rolname='rightscan'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"create role rightscan login password 'rightscan-test'\"" >&2
su postgres -c "psql -qAtc \"select 1 from pg_database where datname='rightscan_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O rightscan rightscan_test" >&2
echo "postgresql://rightscan:rightscan-test@127.0.0.1:5432/rightscan_test"
