#!/usr/bin/env bash
# A Payara deployment group of two instances on one PostgreSQL database, on this machine:
#
#   cluster/cluster.sh start    make the domain (DAS), the group, its two instances, the settings, deploy
#                               the EAR to the group and start both instances (the database must exist)
#   cluster/cluster.sh stop     stop the instances and the DAS, and delete them (the database stays)
#
# Also sourced by cluster/test-cluster.sh. Settings (environment): CLUSTER_PORT_BASE (9100: the DAS's
# Payara port base; instance N's is N hundred above it, its HTTP port at +80), CLUSTER_DIR (cluster/target),
# PAYARA_HOME (it/target/payara/payara6, unpacked by the build), CLUSTER_EAR (ear/target/exchange-connection.ear), DB_URL, DB_USER, DB_PASSWORD (PostgreSQL),
# CORPCONNECT_MASTER_KEY_FILE (made in CLUSTER_DIR if unset), EXCHANGE_ALLOWED_HOSTS,
# EXCHANGE_PLAIN_HTTP_HOSTS, SYNC_INTERVAL_MINUTES, SYNC_CLAIM_LEASE_SECONDS, ADMIN_FIRST_OPERATOR_PASSWORD.
set -euo pipefail

cluster_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port_base="${CLUSTER_PORT_BASE:-9100}"
cluster_dir="${CLUSTER_DIR:-$cluster_root/cluster/target}"
payara_home="${PAYARA_HOME:-$cluster_root/it/target/payara/payara6}"
domain="${CLUSTER_DOMAIN:-corpconnect-cluster}"
node="localhost-$domain"
group=corpconnect
instances=(instance1 instance2)
admin_port=$((port_base + 48))
asadmin=("$payara_home/bin/asadmin" --port "$admin_port")

java_bin="$(readlink -f "$(command -v java)")"
export AS_JAVA="${AS_JAVA:-${JAVA_HOME:-$(dirname "$(dirname "$java_bin")")}}"

# Instance N (1, 2): its Payara port base and HTTP port.
instance_port_base() { echo $((port_base + 100 * $1)); }
instance_http_port() { echo $(($(instance_port_base "$1") + 80)); }
instance_pid() { cat "$payara_home/glassfish/nodes/$node/${instances[$1 - 1]}/config/pid" 2>/dev/null; }

# A value for create-system-properties: its separators (: and =) escaped.
escaped() { local v="${1//\\/\\\\}"; v="${v//:/\\:}"; echo "${v//=/\\=}"; }

cluster_create() {
  if [ ! -x "$payara_home/bin/asadmin" ]; then
    echo "No Payara at $payara_home: build first (mvn -B verify, or mvn -B -pl it -am verify -Dit.test=none), or set PAYARA_HOME." >&2
    return 1
  fi
  local ear="${CLUSTER_EAR:-$cluster_root/ear/target/exchange-connection.ear}"
  [ -f "$ear" ] || { echo "No $ear: build first (mvn -B -DskipTests package)." >&2; return 1; }
  mkdir -p "$cluster_dir"
  if [ -z "${CORPCONNECT_MASTER_KEY_FILE:-}" ]; then
    # One key for both instances: every stored secret is sealed with it, whichever instance wrote it.
    [ -s "$cluster_dir/master.key" ] || (umask 077 && head -c 32 /dev/urandom | base64 > "$cluster_dir/master.key")
    export CORPCONNECT_MASTER_KEY_FILE="$cluster_dir/master.key"
  fi

  echo "==> The DAS (domain $domain, admin port $admin_port)"
  "$payara_home/bin/asadmin" create-domain --domaindir "$cluster_dir/domains" --nopassword=true \
    --portbase "$port_base" "$domain" >/dev/null
  "${asadmin[@]}" start-domain --domaindir "$cluster_dir/domains" "$domain" >/dev/null
  # Before the group's configuration is copied from default-config, so that it is hardened too.
  "${asadmin[@]}" multimode --file "$cluster_root/harden-domain.asadmin" >/dev/null

  echo "==> The deployment group '$group' and its instances on node $node"
  "${asadmin[@]}" copy-config default-config "$group-config" >/dev/null
  # Payara's timer store for deployment groups: with the default one (an embedded database per instance)
  # an instance's EJB timer service does not start (Payara issue 6381), and no application with a timer
  # deploys. The application's own timers are all non-persistent; its schedules are in its database.
  "${asadmin[@]}" set "configs.config.$group-config.ejb-container.ejb-timer-service.ejb-timer-service=DataGrid" >/dev/null
  "${asadmin[@]}" create-deployment-group "$group" >/dev/null
  local n
  for n in 1 2; do
    "${asadmin[@]}" create-instance --node "$node" --config "$group-config" \
      --portbase "$(instance_port_base "$n")" "${instances[$n - 1]}" >/dev/null
    "${asadmin[@]}" add-instance-to-deployment-group --instance "${instances[$n - 1]}" --deploymentgroup "$group" >/dev/null
    # Readiness asks the API through the instance's own HTTP port.
    "${asadmin[@]}" create-system-properties --target "${instances[$n - 1]}" \
      "health.self-url=$(escaped "http://localhost:$(instance_http_port "$n")/exchange-connection/")" >/dev/null
  done

  echo "==> The application's settings, for both instances (the group's configuration)"
  local settings=(
    "db.url=$(escaped "$DB_URL")"
    "db.user=$(escaped "$DB_USER")"
    "db.datasource-class=org.postgresql.ds.PGSimpleDataSource"
  )
  local name variable
  for name in exchange.allowed-hosts exchange.plain-http-hosts sync.interval-minutes sync.claim-lease-seconds \
              admin.first-operator.username; do
    variable="$(echo "$name" | tr 'a-z.-' 'A-Z__')"
    if [ -n "${!variable:-}" ]; then settings+=("$name=$(escaped "${!variable}")"); fi
  done
  "${asadmin[@]}" create-system-properties --target "$group-config" "$(IFS=:; echo "${settings[*]}")" >/dev/null

  echo "==> Deploying the EAR to the group"
  "${asadmin[@]}" deploy --target "$group" --name exchange-connection "$ear" >/dev/null
}

# Starts an instance (1 or 2) in the background: the secrets (DB_PASSWORD, the master key file, the first
# operator's password) reach it through this process's environment, as on a single server.
cluster_start_instance() {
  setsid "$payara_home/bin/asadmin" start-local-instance --node "$node" --sync normal "${instances[$1 - 1]}" \
    > "$cluster_dir/start-${instances[$1 - 1]}.log" 2>&1
}

# Waits until the instance (1 or 2) answers ready, at most the seconds given.
cluster_await_ready() {
  local port deadline=$((SECONDS + $2))
  port="$(instance_http_port "$1")"
  until curl -sf "http://localhost:$port/health/ready" | grep -q '"status":"UP"'; do
    if [ $SECONDS -ge $deadline ]; then
      echo "${instances[$1 - 1]} did not become ready in $2 s; the end of its log:" >&2
      tail -n 30 "$payara_home/glassfish/nodes/$node/${instances[$1 - 1]}/logs/server.log" >&2 || true
      return 1
    fi
    sleep 1
  done
}

cluster_start() {
  cluster_create
  echo "==> Starting both instances"
  cluster_start_instance 1 & local first=$!
  cluster_start_instance 2 & local second=$!
  wait "$first" "$second"
  cluster_await_ready 1 180
  cluster_await_ready 2 180
}

# Stops and deletes the instances and the DAS; safe to run when they are down or half made.
cluster_stop() {
  local n pid
  for n in 1 2; do
    pid="$(instance_pid "$n" || true)"
    if [ -n "$pid" ]; then kill -9 "$pid" 2>/dev/null || true; fi
  done
  "${asadmin[@]}" stop-domain --kill=true --domaindir "$cluster_dir/domains" "$domain" >/dev/null 2>&1 || true
  rm -rf "$cluster_dir/domains/$domain" "$payara_home/glassfish/nodes/$node"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-}" in
    start)
      : "${DB_URL:?set DB_URL (jdbc:postgresql://host:5432/db), DB_USER and DB_PASSWORD}" "${DB_USER:?}" "${DB_PASSWORD:?}"
      cluster_stop
      cluster_start
      cat <<TXT

The deployment group '$group' is running (two instances, one database).
  instance1   http://localhost:$(instance_http_port 1)/exchange-connection/admin/
  instance2   http://localhost:$(instance_http_port 2)/exchange-connection/admin/
  health      /health/ready on each (the load balancer's check)
  DAS         http://localhost:$admin_port   (asadmin --port $admin_port list-instances)
  logs        $payara_home/glassfish/nodes/$node/instance*/logs/server.log
Stop with: cluster/cluster.sh stop
TXT
      ;;
    stop) cluster_stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
  esac
fi
