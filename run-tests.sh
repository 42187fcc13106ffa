#!/usr/bin/env bash
# The whole test suite: compilation, the unit tests, and the integration tests on the real server (Payara,
# the EAR, the Exchange simulator) in halves that run side by side: two on the embedded H2 and, where
# PostgreSQL runs, two on PostgreSQL. Much of an integration test is waiting (server starts, Exchange's
# answers, the sweep's timers), so the halves share a machine's cores well; each runs in a copy of the tree
# built once here, with its own ports, Payara domain and simulator.
#
# The PostgreSQL halves and the cluster test (cluster/test-cluster.sh) run wherever they can: as root, with
# PostgreSQL answering on localhost:5432 (.ci/run starts it). The PostgreSQL halves then run on the databases
# corpconnect_it_1 and corpconnect_it_2 (role and password corpconnect_it), made anew here. Elsewhere one
# line says what is left out. IT_POSTGRESQL=1 and IT_CLUSTER=1 require them (IT_POSTGRESQL=1 not as root:
# the role and both databases made beforehand, README "Tests"); IT_POSTGRESQL=0 and IT_CLUSTER=0 leave them out.
#
# Arguments go to every Maven build (e.g. -o). IT_PORTBASES moves the halves' ports: four Payara port
# bases, one per half (H2 first and second, PostgreSQL first and second; default "28000 30000 29000 31000");
# each half uses its base and 100 ports above it. Logs and the copies: target/tests/. The figures of the
# run (the time and deployments of each half, the slowest classes) are printed at the end.
set -euo pipefail
cd "$(dirname "$0")"
work=target/tests
shared_dir=${SHARED_DIR:-$(cd .. && pwd)/shared}
if [ ! -f "$shared_dir/ews-schema/exchange-online-2023/ews-validate.xsd" ] \
        || [ ! -f "$shared_dir/graph-schema/v1.0-cleanMetadata.xml" ]; then
    echo "The tests need the EWS and Graph schemas of the team's shared directory, expected at $shared_dir" \
        "(beside this clone; SHARED_DIR=DIR to point elsewhere). ./run-demo.sh runs without it." >&2
    exit 1
fi
read -r -a bases <<< "${IT_PORTBASES:-28000 30000 29000 31000}"
started=$SECONDS

# The first half: the slowest class (AdminPagesIT) and a few others, about half of the suite's time (it also runs
# after the unit tests, in the same build); most of them share one deployment. The second half is every other
# *IT, so a new class always runs somewhere.
first_half=(AdminPagesIT BookingFaultsGraphIT BookingCrashIT WebhookCrashIT PollingIT ReadinessIT WebhooksIT GraphRequestsIT)
first=$(IFS=,; echo "${first_half[*]}")
second="*IT$(printf ',!%s' "${first_half[@]}")"

ports() { # Maven's port and domain properties of the half whose Payara port base is $1, domain $2
    echo "-Dit.portbase=$1 -Dit.admin.port=$(($1 + 48)) -Dit.http.port=$(($1 + 80)) -Dit.sim.port=$(($1 + 25))" \
        "-Dit.redirector.port=$(($1 + 26)) -Dit.webhook.port=$(($1 + 27)) -Dit.domain=$2"
}
stamped=(-B -Dorg.slf4j.simpleLogger.showDateTime=true "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss")
mkdir -p "$work"
rm -rf "${work:?}"/* it/target/failsafe-reports it/target/failsafe-reports-postgresql # nothing of an earlier run

local_postgresql() { # as root, with a PostgreSQL answering on localhost:5432
    [ "$(id -u)" = 0 ] && (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null
}
postgresql=${IT_POSTGRESQL:-}
if [ -z "$postgresql" ]; then
    if local_postgresql; then
        postgresql=1
    else
        postgresql=0
        echo "==> The PostgreSQL halves are left out: they need root and PostgreSQL on localhost:5432 (README, \"Tests\")."
    fi
fi
if [ "$postgresql" = 1 ] && [ "$(id -u)" = 0 ]; then
    # The tests' role and their two databases, made anew. The role may checkpoint and read the data directory's
    # setting: SecretsAtRestIT searches the files.
    (cd / && runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -p 5432) > "$work/postgresql.log" 2>&1 <<'SQL' \
        || { echo "The tests' role and databases could not be made on PostgreSQL (localhost:5432):"; cat "$work/postgresql.log"; exit 1; }
SET client_min_messages = warning;
SELECT 'CREATE ROLE corpconnect_it LOGIN PASSWORD ''corpconnect_it'''
    WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'corpconnect_it') \gexec
GRANT pg_checkpoint, pg_read_all_settings TO corpconnect_it;
DROP DATABASE IF EXISTS corpconnect_it_1;
DROP DATABASE IF EXISTS corpconnect_it_2;
CREATE DATABASE corpconnect_it_1 OWNER corpconnect_it;
CREATE DATABASE corpconnect_it_2 OWNER corpconnect_it;
SQL
fi

echo "==> Building once (compilation, no tests): $work/build.log"
mvn "${stamped[@]}" -DskipTests package "-Dshared.dir=$shared_dir" "$@" > "$work/build.log" 2>&1 \
    || { tail -n 40 "$work/build.log"; exit 1; }

# A half other than the first: a copy of the built tree (its timestamps kept, so nothing compiles again).
copy_tree() {
    mkdir -p "$work/$1"
    tar -c --exclude=./target --exclude=./.git --exclude=./.run --exclude=./exchange-sim/interop/node_modules . \
        | tar -x -C "$work/$1"
}
names=() pids=() logs=() reports=()
half() { # name, directory, log, reports directory, then the Maven arguments
    local name=$1 dir=$2 log=$3 report=$4
    shift 4
    (cd "$dir" && mvn "${stamped[@]}" "$@") > "$log" 2>&1 &
    names+=("$name") pids+=($!) logs+=("$log") reports+=("$report")
}
copies=(h2-2)
[ "$postgresql" = 1 ] && copies+=(pg-1 pg-2)
for copy in "${copies[@]}"; do copy_tree "$copy"; done # all before any build writes to the tree again
# The copies' builds: the integration tests only; their classes, copied with their timestamps, are up to date
# (the compiler's incremental mode would compile everything again: it keeps the sources' absolute paths).
no_unit_tests=(-pl it -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dmaven.compiler.useIncrementalCompilation=false)
# shellcheck disable=SC2046
half "H2, first half, with the unit tests" . "$work/h2-1.log" it/target/failsafe-reports \
    verify "-Dshared.dir=$shared_dir" "$@" "-Dit.test=$first" $(ports "${bases[0]}" corpconnect-it)
# shellcheck disable=SC2046
half "H2, second half" "$work/h2-2" "$work/h2-2.log" "$work/h2-2/it/target/failsafe-reports" \
    verify "${no_unit_tests[@]}" "-Dshared.dir=$shared_dir" "$@" "-Dit.test=$second" $(ports "${bases[1]}" corpconnect-it-2)
if [ "$postgresql" = 1 ]; then
    for n in 1 2; do
        tests=$first
        [ "$n" = 1 ] || tests=$second
        # shellcheck disable=SC2046
        half "PostgreSQL, $([ "$n" = 1 ] && echo first || echo second) half" "$work/pg-$n" "$work/pg-$n.log" \
            "$work/pg-$n/it/target/failsafe-reports-postgresql" \
            verify "${no_unit_tests[@]}" -Pit-postgresql "-Dshared.dir=$shared_dir" "$@" "-Dit.test=$tests" \
            "-Dit.postgresql.url=jdbc:postgresql://localhost:5432/corpconnect_it_$n" $(ports "${bases[$((n + 1))]}" "corpconnect-it-$((n + 2))")
    done
fi
cluster=${IT_CLUSTER:-}
if [ -z "$cluster" ]; then
    if local_postgresql; then
        cluster=1
    else
        cluster=0
        echo "==> The cluster test is left out: it needs root and PostgreSQL on localhost:5432 (README, \"Tests\")."
    fi
fi
if [ "$cluster" = 1 ]; then
    # The cluster test on the first half's Payara, once that build has unpacked it (the EAR and the simulator
    # it copies were built above).
    (
        until [ -n "$(ls -A it/target/payara/.markers 2>/dev/null)" ]; do
            kill -0 "${pids[0]}" 2>/dev/null || { echo "No Payara: the first half's build ended before unpacking it."; exit 1; }
            sleep 5
        done
        cluster_started=$SECONDS
        cluster/test-cluster.sh
        echo "The cluster test took $(( (SECONDS - cluster_started) / 60 )) min $(( (SECONDS - cluster_started) % 60 )) s."
    ) > "$work/cluster.log" 2>&1 &
    names+=("Cluster test (cluster/test-cluster.sh)") pids+=($!) logs+=("$work/cluster.log") reports+=("")
fi
echo "==> ${#pids[@]} builds and tests side by side: ${logs[*]}"

failed=0
for i in "${!pids[@]}"; do
    if wait "${pids[$i]}"; then
        echo "==> ${names[$i]}: passed ($(( (SECONDS - started) / 60 )) min in)"
    else
        failed=1
        echo "==> ${names[$i]}: FAILED (${logs[$i]}):"
        if [ -n "${reports[$i]}" ]; then
            grep -E '\[ERROR\] (Tests run:|  |Failures:|Errors:)|<<< (FAILURE|ERROR)' "${logs[$i]}" | head -n 40
        else
            tail -n 40 "${logs[$i]}"
        fi
    fi
done

# The figures: each build's phases from its time-stamped log, and the slowest classes on each database.
mmss() { printf '%d:%02d' $(($1 / 60)) $(($1 % 60)); }
stamp='[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}'
at() { # epoch second of the first line of log $1 containing $2 (FIRST, LAST: its first or last line); empty if none
    local when
    case $2 in
        FIRST) when=$(grep -m 1 -oE "$stamp" "$1" 2>/dev/null) ;;
        LAST) when=$(grep -oE "$stamp" "$1" 2>/dev/null | tail -n 1) ;;
        *) when=$(grep -F -- "$2" "$1" 2>/dev/null | grep -m 1 -oE "$stamp") ;;
    esac
    [ -z "$when" ] || date -d "$when" +%s
}
counts() { # classes, tests and failures of a failsafe report directory
    cat "$1"/TEST-*.xml 2>/dev/null | grep -o '<testsuite [^>]*' | awk '
        { for (i = 1; i <= NF; i++) { split($i, kv, "=\""); sub(/"$/, "", kv[2]); a[kv[1]] = kv[2] }
          classes++; tests += a["tests"]; bad += a["failures"] + a["errors"]; skipped += a["skipped"] }
        END { printf "%d classes, %d tests, %d failed, %d skipped", classes, tests, bad, skipped }'
}
class_times() { # "seconds class" per class of a failsafe report directory
    for f in "$1"/TEST-*.xml; do
        [ -e "$f" ] || continue
        grep -o '<testsuite [^>]*' "$f" | tr ' ' '\n' | awk -F'"' '
            /^name=/ { n = $2; sub(/.*\./, "", n) } /^time=/ { t = $2 } END { printf "%.0f %s\n", t, n }'
    done
}
echo
echo "==== Test figures: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end ===="
printf '  %-44s %7s\n' "building once" "$(mmss $(( $(at "$work/build.log" LAST) - $(at "$work/build.log" FIRST) )))"
for i in "${!names[@]}"; do
    if [ -z "${reports[$i]}" ]; then
        printf '  %-44s %s\n' "${names[$i]}" "$(grep -E '^(CLUSTER TEST|The cluster test took)' "${logs[$i]}" | tr '\n' ' ')"
        continue
    fi
    first_line=$(at "${logs[$i]}" FIRST) its=$(at "${logs[$i]}" ":integration-test (") last=$(at "${logs[$i]}" LAST)
    deployments=$(grep -oE 'Deployments: [0-9]+' "${logs[$i]}" | awk '{ n += $2 } END { print n + 0 }')
    printf '  %-44s %7s   integration tests %s: %s, %s deployments\n' "${names[$i]}" "$(mmss $((last - first_line)))" \
        "$([ -n "$its" ] && mmss $((last - its)) || echo '-')" "$(counts "${reports[$i]}")" "$deployments"
done
printf '  %-44s %7s\n' "all of it" "$(mmss $((SECONDS - started)))"
for i in "${!names[@]}"; do [ -z "${reports[$i]}" ] || class_times "${reports[$i]}" | sed "s/\$/ (${names[$i]%%,*})/"; done | sort -nr > "$work/it-classes.txt"
echo "slowest integration-test classes, seconds (all of them: $work/it-classes.txt):"
head -n 12 "$work/it-classes.txt" | sed 's/^/  /'
exit "$failed"
