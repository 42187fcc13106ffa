#!/usr/bin/env bash
# Runs the whole product on this machine: builds it, starts the Exchange simulator with its demo
# mailboxes, starts a Payara domain, deploys the EAR, which creates the demo accounts (one on EWS, one on
# Microsoft Graph) connected to the simulator, and prints the URLs. Ctrl-C stops everything. Data stays in .run/.
set -euo pipefail

root="$(cd "$(dirname "$0")" && pwd)"
run="$root/.run"
shared="${SHARED_DIR:-$root/../shared}"
http_port="${HTTP_PORT:-8080}"
admin_port="${ADMIN_PORT:-4848}"
sim_port="${SIM_PORT:-8025}"
sim_https_port="${SIM_HTTPS_PORT:-8443}"
domain=demo
demo_password='Demo-Service-Pa55!'
graph_secret='Demo-Graph-Secret-1!'
graph_mailbox=graph-bookings@contoso.test

java_bin="$(readlink -f "$(command -v java)")"
export AS_JAVA="${JAVA_HOME:-$(dirname "$(dirname "$java_bin")")}"

mkdir -p "$run"
echo "==> Building (the first run downloads Payara and the dependencies from Maven Central)"
(cd "$root" && mvn -B -q -Pdemo -DskipTests package)

payara_home="$run/payara/payara6"
asadmin=("$payara_home/bin/asadmin" --port "$admin_port")
chmod +x "$payara_home/bin/"* "$payara_home/glassfish/bin/"*

# The master key never enters the database or the repository: one random key per machine, in .run/.
if [ ! -s "$run/master.key" ]; then
  (umask 077 && head -c 32 /dev/urandom | base64 > "$run/master.key")
fi
export CORPCONNECT_MASTER_KEY_FILE="$run/master.key"
export DEMO_ENABLED=true
export DEMO_EWS_URL="http://localhost:$sim_port/EWS/Exchange.asmx"
# The server calls public Exchange hosts over HTTPS, and on this machine only the simulator (plain HTTP;
# its Autodiscover answers with 127.0.0.1).
export EXCHANGE_ALLOWED_HOSTS="${EXCHANGE_ALLOWED_HOSTS:-public,localhost:$sim_port,127.0.0.1:$sim_port}"
export EXCHANGE_PLAIN_HTTP_HOSTS="${EXCHANGE_PLAIN_HTTP_HOSTS:-localhost:$sim_port,127.0.0.1:$sim_port}"
export DEMO_SERVICE_PASSWORD="$demo_password"
# The second demo account speaks Microsoft Graph (central mode) with the simulator's demo app; Graph and
# Entra ID are the simulator's HTTPS side, whose certificate the server trusts as it would a private CA's.
export DEMO_GRAPH_CLIENT_SECRET="$graph_secret"
export GRAPH_ENDPOINT="https://localhost:$sim_https_port/v1.0"
export GRAPH_AUTHORITY_HOST="https://localhost:$sim_https_port"
export EXCHANGE_TRUSTED_CERTIFICATES_FILE="$run/exchange-sim.pem"
# Readiness asks the API itself through the server's own HTTP port.
export HEALTH_SELF_URL="http://localhost:$http_port/exchange-connection/"
# Sign-ins of the admin pages, created at the first start only (change them there afterwards).
export ADMIN_FIRST_OPERATOR_USERNAME=operator
export ADMIN_FIRST_OPERATOR_PASSWORD="${ADMIN_FIRST_OPERATOR_PASSWORD:-Operator-Demo-Pa55}"
export DEMO_ADMIN_PASSWORD="${DEMO_ADMIN_PASSWORD:-Contoso-Admin-Pa55}"

sim_pid=""
stop_all() {
  trap - EXIT INT TERM
  echo
  echo "==> Stopping"
  "${asadmin[@]}" stop-domain --domaindir "$run/domains" "$domain" >/dev/null 2>&1 || true
  if [ -n "$sim_pid" ]; then
    kill "$sim_pid" 2>/dev/null || true
    wait "$sim_pid" 2>/dev/null || true
  fi
  echo "Stopped. Data kept in $run (delete it to start afresh)."
}
trap stop_all EXIT
trap 'exit 130' INT TERM

if [ ! -d "$run/domains/$domain" ]; then
  echo "==> Creating the Payara domain '$domain' (admin port $admin_port, HTTP port $http_port)"
  "$payara_home/bin/asadmin" create-domain --domaindir "$run/domains" --nopassword=true \
    --adminport "$admin_port" --instanceport "$http_port" "$domain" >/dev/null
  # Payara's welcome page and its assets, which name and show it (README, "Hardening an existing domain").
  rm -rf "$run/domains/$domain/docroot/"*
fi
# The HTTP listeners' guard (harden-domain-once.asadmin), read from the domain's lib/ at start: this build's.
cp "$root/listener-guard/target/corpconnect-listener-guard.jar" "$run/domains/$domain/lib/"

echo "==> Starting the Exchange simulator on port $sim_port (HTTPS $sim_https_port, certificate $run/exchange-sim.pem)"
# Microsoft's schemas are in the team's shared directory, never in this repository: a clone without it
# still runs, with a simulator that checks no request against the schema (its first line says so).
schema_dir="$shared/ews-schema/exchange-online-2023"
if [ -d "$schema_dir" ]; then
  schema_args=(--schema-dir "$schema_dir")
else
  schema_args=(--no-schema)
fi
# setsid: Ctrl-C reaches this script only, which then stops each process in order.
setsid java -jar "$root/exchange-sim/target/exchange-sim.jar" --port "$sim_port" --dataset demo \
  --https-port "$sim_https_port" --certificate-file "$run/exchange-sim.pem" \
  "${schema_args[@]}" > "$run/simulator.log" 2>&1 &
sim_pid=$!
for _ in $(seq 1 60); do
  curl -s -o /dev/null "http://localhost:$sim_port/EWS/Exchange.asmx" && break
  kill -0 "$sim_pid" 2>/dev/null || { cat "$run/simulator.log"; exit 1; }
  sleep 0.5
done
if [ ! -d "$schema_dir" ]; then
  echo "    $(head -n 1 "$run/simulator.log")"
  echo "    (no $schema_dir: the team's shared directory is expected beside this clone, or SHARED_DIR=...)"
fi

# What an Exchange Online admin does for the Graph demo account, through the simulator's control API: a
# dedicated mailbox of its own and six users with calendars; the dedicated mailbox and five of the users
# join the group the central app's RBAC for Applications scope filters on (Finn stays out, to show the fix).
control() {
  local request=(-sf -o /dev/null -X "$1" -H 'Authorization: Bearer sim-control-token' -H 'Content-Type: application/json')
  if [ $# -ge 3 ]; then request+=(--data "$3"); fi
  curl "${request[@]}" "http://localhost:$sim_port/control/$2"
}
add_graph_demo_organisation() {
  local monday since
  monday="$(date -u -d "$(date -u +%F) -$(( $(date -u +%u) - 1 )) days" +%F)"
  since="$(date -u -d "$monday -21 days" +%F)"
  control POST mailboxes "{\"address\":\"$graph_mailbox\",\"displayName\":\"Booking Service (Graph)\",\"password\":\"$demo_password\",\"timeZone\":\"Europe/London\"}"
  while IFS=, read -r address name zone; do
    local events="[{\"subject\":\"Daily stand-up\",\"start\":\"${since}T08:30:00Z\",\"end\":\"${since}T08:45:00Z\",\"freeBusy\":\"Busy\",\"sensitivity\":\"Normal\",\"recurrence\":{\"pattern\":\"WEEKLY\",\"interval\":1,\"daysOfWeek\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"],\"startDate\":\"$since\",\"endDate\":null,\"count\":null}},
      {\"subject\":\"Team meeting\",\"start\":\"$(date -u -d "$since +1 day" +%F)T13:00:00Z\",\"end\":\"$(date -u -d "$since +1 day" +%F)T14:00:00Z\",\"freeBusy\":\"Busy\",\"sensitivity\":\"Normal\",\"recurrence\":{\"pattern\":\"WEEKLY\",\"interval\":1,\"daysOfWeek\":[\"TUESDAY\"],\"startDate\":\"$(date -u -d "$since +1 day" +%F)\",\"endDate\":null,\"count\":null}},
      {\"subject\":\"Customer workshop\",\"start\":\"$(date -u -d "$monday +2 days" +%F)T10:00:00Z\",\"end\":\"$(date -u -d "$monday +2 days" +%F)T12:00:00Z\",\"freeBusy\":\"Busy\",\"sensitivity\":\"Normal\"},
      {\"subject\":\"Training (maybe)\",\"start\":\"$(date -u -d "$monday +10 days" +%F)T14:00:00Z\",\"end\":\"$(date -u -d "$monday +10 days" +%F)T16:00:00Z\",\"freeBusy\":\"Tentative\",\"sensitivity\":\"Normal\"}]"
    control POST mailboxes "{\"address\":\"$address\",\"displayName\":\"$name\",\"password\":\"Demo-User-Pa55!\",\"timeZone\":\"$zone\",\"workingHours\":{\"days\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"],\"start\":\"08:00\",\"end\":\"17:00\"},\"events\":$events}"
    if [ "$address" != finn.walsh@contoso.test ]; then
      control PUT "groups/corpconnect-booking%40contoso.test/members/${address/@/%40}"
    fi
  done < <(tail -n +2 "$root/ejb/src/main/resources/demo/contoso-graph-users.csv")
  control PUT "groups/corpconnect-booking%40contoso.test/members/${graph_mailbox/@/%40}"
}
add_graph_demo_organisation

wait_until_ready() {
  for _ in $(seq 1 "$1"); do
    curl -sf "http://localhost:$http_port/health/ready" | grep -q '"status":"UP"' && return 0
    sleep 1
  done
  return 1
}

echo "==> Starting Payara and deploying the EAR"
setsid "${asadmin[@]}" start-domain --domaindir "$run/domains" "$domain" >/dev/null
# The server as shipped: no Server or X-Powered-By header (README, "Hardening an existing domain").
"${asadmin[@]}" multimode --file "$root/harden-domain.asadmin" >/dev/null
# Once per domain, then a restart: the listeners' guard and neutral error pages.
if [ ! -f "$run/domains/$domain/config/hardened-once.marker" ]; then
  "${asadmin[@]}" multimode --file "$root/harden-domain-once.asadmin" >/dev/null
  "${asadmin[@]}" restart-domain --domaindir "$run/domains" "$domain" >/dev/null
  touch "$run/domains/$domain/config/hardened-once.marker"
fi
# An EAR left deployed by an earlier run is still loading when start-domain returns; redeploying
# over it at that moment breaks both, so let it finish first.
if "${asadmin[@]}" list-applications 2>/dev/null | grep -q '^exchange-connection'; then
  wait_until_ready 90 || true
fi
"${asadmin[@]}" deploy --force=true --name exchange-connection "$root/ear/target/exchange-connection.ear" >/dev/null

if ! wait_until_ready 120; then
  echo "The application did not become ready; the end of the server log:" >&2
  tail -n 40 "$run/domains/$domain/logs/server.log" >&2
  exit 1
fi

cat <<TXT

Exchange corporate connection is running.
  Admin pages        http://localhost:$http_port/exchange-connection/admin/
                     operator: operator / $ADMIN_FIRST_OPERATOR_PASSWORD   demo account admin: demo-admin / $DEMO_ADMIN_PASSWORD
  API                http://localhost:$http_port/exchange-connection/api/v1/   (OpenAPI: http://localhost:$http_port/openapi)
  Health             http://localhost:$http_port/health   (live: /health/live, ready: /health/ready)
  Payara admin       http://localhost:$admin_port
  Exchange simulator http://localhost:$sim_port/EWS/Exchange.asmx   (log: $run/simulator.log)
  Demo accounts      'demo' (Contoso), on EWS as booking-service@contoso.test (password $demo_password)
                     'demo-graph' (Contoso Online), on Microsoft Graph (central mode) as the app
                     4f0b9e2a-6c1d-4e3b-8a57-2d9c0e1f3b61 (secret $graph_secret), dedicated mailbox $graph_mailbox
                     its admin: demo-graph-admin / $DEMO_ADMIN_PASSWORD
  Server log         $run/domains/$domain/logs/server.log

Press Ctrl-C to stop.
TXT
wait "$sim_pid"
