#!/usr/bin/env bash
# The cluster, tested end to end (CI runs it after the build): a deployment group of two instances on
# one PostgreSQL database (its own database and role, corpconnect_cluster, made here as root through the
# postgres account, as on Debian), the Exchange simulator, and three accounts connected through the admin
# pages. It shows that an API key revoked on one instance's admin page is refused at once by the other (each
# has a JPA cache of its own), and, from the database, that over several refresh intervals each account's due
# refresh ran exactly once in all, then kills (kill -9) the instance running a refresh in the middle of it and shows
# the other instance finishing that very refresh. Prints the figures; exits non-zero on any failure;
# tears everything down (the database too).
#
# Needs the build (mvn -B verify, or -DskipTests package plus the it module's unpacked Payara), PostgreSQL
# on localhost:5432, curl and psql. Ports: CLUSTER_PORT_BASE (32000: below Linux's ephemeral ports, 32768 and up,
# where an outgoing connection of the tests beside it once held the DAS's port) and the three hundreds above it,
# the simulator on CLUSTER_PORT_BASE + 25.
set -euo pipefail

export CLUSTER_PORT_BASE="${CLUSTER_PORT_BASE:-32000}"
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=cluster.sh
source "$here/cluster.sh"

interval_seconds=15
intervals=4
sim_port=$((port_base + 25))
sim="http://localhost:$sim_port"
database=corpconnect_cluster
db_password="cluster-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
operator_password="Cluster-Operator-Pa55"
admin_password="Cluster-Admin-Pa55!"
accounts=(1 2 3)

export DB_URL="jdbc:postgresql://localhost:5432/$database"
export DB_USER="$database"
export DB_PASSWORD="$db_password"
export SYNC_INTERVAL_MINUTES="0.25"
export SYNC_CLAIM_LEASE_SECONDS=6
export EXCHANGE_ALLOWED_HOSTS="public,localhost:$sim_port,127.0.0.1:$sim_port"
export EXCHANGE_PLAIN_HTTP_HOSTS="localhost:$sim_port,127.0.0.1:$sim_port"
export ADMIN_FIRST_OPERATOR_USERNAME=operator
export ADMIN_FIRST_OPERATOR_PASSWORD="$operator_password"

as_postgres() { PGOPTIONS=--client-min-messages=warning runuser -u postgres -- "$@"; }
sql() { PGPASSWORD="$db_password" psql -h localhost -U "$database" -d "$database" -v ON_ERROR_STOP=1 -Atq -F ' ' -c "$1"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

sim_pid=""
tear_down() {
  local status=$?
  trap - EXIT
  echo "==> Tearing down"
  cluster_stop
  if [ -n "$sim_pid" ]; then kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; fi
  as_postgres psql -q -c "DROP DATABASE IF EXISTS $database" >/dev/null 2>&1 || true
  as_postgres psql -q -c "DROP ROLE IF EXISTS $database" >/dev/null 2>&1 || true
  [ $status -eq 0 ] && echo "CLUSTER TEST PASSED" || echo "CLUSTER TEST FAILED (exit $status)" >&2
  exit $status
}
trap tear_down EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
started=$SECONDS

echo "==> PostgreSQL: database and role $database"
as_postgres psql -q -c "DROP DATABASE IF EXISTS $database" >/dev/null
as_postgres psql -q -c "DROP ROLE IF EXISTS $database" >/dev/null
as_postgres psql -q -c "CREATE ROLE $database LOGIN PASSWORD '$db_password'" >/dev/null
as_postgres psql -q -c "CREATE DATABASE $database OWNER $database" >/dev/null

cluster_stop
mkdir -p "$cluster_dir"
echo "==> The Exchange simulator on port $sim_port"
schema_dir="$cluster_root/../shared/ews-schema/exchange-online-2023"
sim_args=(--port "$sim_port" --https-port -1 --dataset demo)
if [ -d "$schema_dir" ]; then sim_args+=(--schema-dir "$schema_dir"); fi
# Copies: a build running meanwhile may rewrite the jar under a running simulator, or the EAR.
cp "$cluster_root/exchange-sim/target/exchange-sim.jar" "$cluster_dir/exchange-sim.jar"
cp "$cluster_root/ear/target/exchange-connection.ear" "$cluster_dir/exchange-connection.ear"
export CLUSTER_EAR="$cluster_dir/exchange-connection.ear"
setsid java -jar "$cluster_dir/exchange-sim.jar" "${sim_args[@]}" > "$cluster_dir/simulator.log" 2>&1 &
sim_pid=$!

cluster_create
echo "==> Starting both instances"
cluster_start_instance 1 & first=$!
cluster_start_instance 2 & second=$!
wait "$first" "$second"
cluster_await_ready 1 240
cluster_await_ready 2 240
echo "    ready after $((SECONDS - started)) s"

control() {
  curl -sf -o /dev/null -X "$1" -H 'Authorization: Bearer sim-control-token' -H 'Content-Type: application/json' \
    ${3:+--data "$3"} "$sim/control/$2"
}

# An admin-page session on an instance: sign-in with the page's CSRF token; the session cookie is kept
# in a jar of the session's own (curl sends the Secure cookie to http://localhost).
jar() { echo "$cluster_dir/session-$1.cookies"; }
csrf_of() { grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
page() { curl -sf -b "$(jar "$1")" -c "$(jar "$1")" "http://localhost:$(instance_http_port "$2")/exchange-connection/$3"; }
sign_in() { # session instance user password page-it-may-open
  rm -f "$(jar "$1")"
  local token
  token="$(page "$1" "$2" admin/login | csrf_of)"
  curl -sf -o /dev/null -b "$(jar "$1")" -c "$(jar "$1")" --data-urlencode "csrf=$token" \
    --data-urlencode "username=$3" --data-urlencode "password=$4" \
    "http://localhost:$(instance_http_port "$2")/exchange-connection/admin/login"
  page "$1" "$2" "$5" >/dev/null || fail "sign-in of $3 on instance$2"
}
await_sql() { # what expected-value query (at most 60 s)
  local deadline=$((SECONDS + 60))
  until [ "$(sql "$3")" = "$2" ]; do
    [ $SECONDS -lt $deadline ] || fail "$1"
    sleep 0.5
  done
}

echo "==> Three accounts, each with its dedicated mailbox and three users, connected through the admin pages"
sign_in operator 1 operator "$operator_password" admin/accounts
for a in "${accounts[@]}"; do
  mailbox="svc-cluster-$a@contoso.test"
  control POST mailboxes "{\"address\":\"$mailbox\",\"displayName\":\"Booking service $a\",\"password\":\"Svc-Pa55-$a!\",\"timeZone\":\"Europe/Berlin\"}"
  control PUT "impersonation/${mailbox/@/%40}" '{"scope":"all"}'
  token="$(page operator 1 admin/accounts | csrf_of)"
  curl -sf -o /dev/null -b "$(jar operator)" -c "$(jar operator)" --data-urlencode "csrf=$token" \
    --data-urlencode "slug=cluster-$a" --data-urlencode "name=Cluster organisation $a" \
    --data-urlencode "adminUsername=cluster-admin-$a" --data-urlencode "adminPassword=$admin_password" \
    "http://localhost:$(instance_http_port 1)/exchange-connection/admin/accounts" || fail "creating account cluster-$a"
  # Each account's admin works on one instance or the other: the group serves them alike.
  on=$(( (a % 2) + 1 ))
  sign_in "admin$a" "$on" "cluster-admin-$a" "$admin_password" "admin/accounts/cluster-$a/users"
  for user in anna.schmidt lukas.weber sophie.mueller; do
    token="$(page "admin$a" "$on" "admin/accounts/cluster-$a/users" | csrf_of)"
    curl -sf -o /dev/null -b "$(jar "admin$a")" -c "$(jar "admin$a")" --data-urlencode "csrf=$token" \
      --data-urlencode action=add --data-urlencode "address=$user@contoso.test" --data-urlencode "timeZone=Europe/Berlin" \
      "http://localhost:$(instance_http_port "$on")/exchange-connection/admin/accounts/cluster-$a/users" || fail "adding $user"
  done
  token="$(page "admin$a" "$on" "admin/accounts/cluster-$a/connection" | csrf_of)"
  curl -sf -o /dev/null -b "$(jar "admin$a")" -c "$(jar "admin$a")" -F "csrf=$token" -F "serviceMailbox=$mailbox" \
    -F protocol=EWS -F "ewsUrl=$sim/EWS/Exchange.asmx" -F accessMode=IMPERSONATION -F authMethod=PASSWORD \
    -F passwordScheme=BASIC -F "password=Svc-Pa55-$a!" -F action=save \
    "http://localhost:$(instance_http_port "$on")/exchange-connection/admin/accounts/cluster-$a/connection" \
    || fail "connecting account cluster-$a"
done
await_sql "three healthy connections" 3 "SELECT count(*) FROM exchange_connection WHERE status = 'HEALTHY'"
await_sql "three accounts on the refresh schedule" 3 "SELECT count(*) FROM refresh_schedule"
echo "    connected after $((SECONDS - started)) s"

echo "==> An API key revoked on instance1 is refused at once by instance2"
# Each instance has a JPA shared cache of its own, without coordination: a key check that read the key's entity
# would find it in instance2's cache, from the requests before the revocation, not yet revoked.
keys="admin/accounts/cluster-2/api-keys" # cluster-2's admin works on instance1
token="$(page admin2 1 "$keys" | csrf_of)"
curl -sf -o /dev/null -b "$(jar admin2)" -c "$(jar admin2)" --data-urlencode "csrf=$token" --data-urlencode action=create \
  --data-urlencode "name=Cluster front end" "http://localhost:$(instance_http_port 1)/exchange-connection/$keys" \
  || fail "creating an API key"
shown="$(page admin2 1 "$keys")" # the new key, shown this once
api_key="$(grep -o 'id="new-key">[^<]*' <<<"$shown" | sed 's/.*>//')"
key_id="$(grep -o 'name="keyId" value="[^"]*"' <<<"$shown" | head -1 | sed 's/.*value="//; s/"$//')"
[ -n "$api_key" ] && [ -n "$key_id" ] || fail "the API keys page shows no new key"
api() { curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $api_key" \
  "http://localhost:$(instance_http_port "$1")/exchange-connection/api/v1/webhooks"; }
for n in 2 1 2 1 2; do [ "$(api $n)" = 200 ] || fail "the new API key refused by instance$n"; done
curl -sf -o /dev/null -b "$(jar admin2)" -c "$(jar admin2)" --data-urlencode "csrf=$(csrf_of <<<"$shown")" \
  --data-urlencode action=revoke --data-urlencode "keyId=$key_id" \
  "http://localhost:$(instance_http_port 1)/exchange-connection/$keys" || fail "revoking the API key"
revoked_ms=$(date +%s%3N)
on2="$(api 2)"
after_ms=$(( $(date +%s%3N) - revoked_ms ))
on1="$(api 1)"
echo "    the key: 200 from instance2, 1, 2, 1, 2; revoked on instance1 (revoked_at set:" \
  "$(sql "SELECT revoked_at IS NOT NULL FROM api_key WHERE id = $key_id")); then $on2 from instance2 (${after_ms} ms after), $on1 from instance1"
[ "$on2" = 401 ] || fail "instance2 answered $on2 to the API key revoked on instance1"
[ "$on1" = 401 ] || fail "instance1 answered $on1 to the API key it revoked"

echo "==> Watching $intervals refresh intervals of ${interval_seconds} s"
watch_from="$(sql "SELECT now()")"
sleep $((intervals * interval_seconds + 2))
watch_to="$(sql "SELECT now()")"
echo "    refreshes of due times in [$watch_from, $watch_to), per account and instance:"
sql "SELECT a.slug, split_part(r.run_by, '/', 1), count(*) FROM refresh_run r JOIN account a ON a.id = r.account_id
     WHERE r.due_at >= '$watch_from' AND r.due_at < '$watch_to' GROUP BY 1, 2 ORDER BY 1, 2" | sed 's/^/      /'
twice="$(sql "SELECT count(*) FROM (SELECT account_id, due_at FROM refresh_run WHERE due_at IS NOT NULL
              GROUP BY 1, 2 HAVING count(*) > 1) d")"
echo "    due refreshes run more than once: $twice"
[ "$twice" = 0 ] || { sql "SELECT account_id, due_at, run_by FROM refresh_run ORDER BY 1, 2"; fail "a due refresh ran twice"; }
for a in "${accounts[@]}"; do
  runs="$(sql "SELECT count(*) FROM refresh_run r JOIN account a ON a.id = r.account_id WHERE a.slug = 'cluster-$a'
               AND r.due_at >= '$watch_from' AND r.due_at < '$watch_to'")"
  gaps="$(sql "SELECT count(*) FROM (SELECT due_at - lag(due_at) OVER (ORDER BY due_at) AS step FROM refresh_run r
               JOIN account a ON a.id = r.account_id WHERE a.slug = 'cluster-$a' AND r.due_at IS NOT NULL) s
               WHERE s.step <> interval '$interval_seconds seconds'")"
  echo "    cluster-$a: $runs due refreshes in $intervals intervals, $gaps interval(s) without one"
  [ "$runs" -ge $((intervals - 1)) ] || fail "cluster-$a refreshed $runs times in $intervals intervals"
  [ "$gaps" = 0 ] || fail "cluster-$a missed an interval"
done
both="$(sql "SELECT count(DISTINCT split_part(run_by, '/', 1)) FROM refresh_run")"
echo "    instances that ran refreshes: $both"

echo "==> Killing the instance that runs a refresh, in the middle of it"
# The simulator answers cluster-1's busy-time requests slowly, so that its refresh is surely under way.
control POST faults '{"kind":"LATENCY","operation":"GetUserAvailabilityRequest","mailbox":"svc-cluster-1@contoso.test","millis":4000,"times":-1}'
slow_from="$(sql "SELECT now()")"
account_id="$(sql "SELECT id FROM account WHERE slug = 'cluster-1'")"
deadline=$((SECONDS + 60))
holder=""
until [ -n "$holder" ]; do
  [ $SECONDS -lt $deadline ] || fail "no refresh of cluster-1 under way within 60 s"
  sleep 0.2
  read -r due holder < <(sql "SELECT to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), claimed_by
    FROM refresh_schedule WHERE account_id = $account_id AND claimed_until > now() AND due_at <= now()
    AND due_at > '$slow_from'") || true
done
victim="${holder%%/*}"
victim_n="${victim#instance}"
survivor="instance$((3 - victim_n))"
sleep 1
[ "$(sql "SELECT count(*) FROM refresh_run WHERE account_id = $account_id AND due_at = '$due'")" = 0 ] \
  || fail "the refresh due $due ended before the kill"
kill -9 "$(instance_pid "$victim_n")"
killed_at=$SECONDS
echo "    $victim (pid killed) held cluster-1's refresh due $due; $survivor is left"
control DELETE faults
await_sql "the refresh due $due finished by $survivor within 60 s" 1 \
  "SELECT count(*) FROM refresh_run WHERE account_id = $account_id AND due_at = '$due'"
takeover=$((SECONDS - killed_at))
finished_by="$(sql "SELECT split_part(run_by, '/', 1) FROM refresh_run WHERE account_id = $account_id AND due_at = '$due'")"
echo "    the refresh due $due was finished by $finished_by, $takeover s after the kill"
[ "$finished_by" = "$survivor" ] || fail "the refresh due $due finished by $finished_by, not by $survivor"
[ "$(sql "SELECT count(*) FROM refresh_run WHERE account_id = $account_id AND due_at = '$due'")" = 1 ] \
  || fail "the refresh due $due recorded more than once"
# Every account goes on being refreshed, by the survivor alone.
after="$(sql "SELECT now()")"
sleep $((interval_seconds + 5))
for a in "${accounts[@]}"; do
  by="$(sql "SELECT string_agg(DISTINCT split_part(r.run_by, '/', 1), ',') FROM refresh_run r JOIN account a
             ON a.id = r.account_id WHERE a.slug = 'cluster-$a' AND r.started_at >= '$after'")"
  echo "    cluster-$a refreshed after the kill by: ${by:-nobody}"
  [ "$by" = "$survivor" ] || fail "cluster-$a not refreshed by $survivor alone after the kill"
done
twice="$(sql "SELECT count(*) FROM (SELECT account_id, due_at FROM refresh_run WHERE due_at IS NOT NULL
              GROUP BY 1, 2 HAVING count(*) > 1) d")"
[ "$twice" = 0 ] || fail "a due refresh ran twice"
echo "==> Figures: $(sql "SELECT count(*) FROM refresh_run WHERE due_at IS NOT NULL") due refreshes in all, none twice;" \
  "takeover after $takeover s (lease ${SYNC_CLAIM_LEASE_SECONDS} s); whole test $((SECONDS - started)) s"
