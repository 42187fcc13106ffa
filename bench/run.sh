#!/usr/bin/env bash
# The benchmarks, with one command: bench/run.sh (from anywhere; about 40 minutes on 2 cores, ScaleBench most of it).
# 1. The *Bench classes of it/ on the integration-test domain (ports 28048/28080, simulator on 28025),
#    through the bench profile; the upstream modules are built, their unit tests are not run.
# 2. The simulator's own benchmark main (10,000 mailboxes, GetUserAvailability for 100 of them).
# The figures go to bench/results/latest.txt. Extra Maven arguments: BENCH_MAVEN_ARGS (e.g. -o).
# BENCH_SCALE=1 adds ScaleBench (100 accounts of 1,000 users; see bench/README.md, Scale, before running it on
# the embedded H2: it left the domain's database unreadable there).
# BENCH_PORTS=18 BENCH_DOMAIN=corpconnect-it-perf runs on ports 18000/18048/18080/18025/18026/18027 and that
# domain instead (beside another checkout's test runs); the default is the integration tests' own: 28, corpconnect-it.
set -euo pipefail

# All in one function: bash has read the whole of it before it runs, so editing this file mid-run is harmless.
main() {
    cd "$(dirname "$0")/.."
    root=$(pwd)
    shared_dir=${SHARED_DIR:-$root/../shared}
    figures=$root/it/target/bench-figures.txt
    results=$root/bench/results
    mkdir -p "$results"

    p=${BENCH_PORTS:-28}
    ports="-Dit.portbase=${p}000 -Dit.admin.port=${p}048 -Dit.http.port=${p}080 -Dit.sim.port=${p}025 -Dit.redirector.port=${p}026"
    ports="$ports -Dit.webhook.port=${p}027"
    ports="$ports -Dit.domain=${BENCH_DOMAIN:-corpconnect-it}"
    # The integration-test domain and simulator port are shared with test runs: never run beside one.
    busy() {
        ss -ltn 2>/dev/null | grep -qE ":(${p}048|${p}080|${p}025)\b" || pgrep -f "it.http.port=${p}080" >/dev/null \
            || { [ "$p" = 28 ] && pgrep -f failsafe >/dev/null; }
    }
    for attempt in $(seq 1 60); do
        busy || break
        [ "$attempt" = 60 ] && { echo "Ports ${p}048/${p}080/${p}025 or a test run still busy after 30 min; giving up." >&2; exit 1; }
        echo "An integration-test run is using the test domain; waiting 30 s ($attempt/60)."
        sleep 30
    done

    rm -f "$figures"
    started=$(date -u +%s)
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    command="mvn -B verify -pl it -am -Pbench -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false $ports ${BENCH_MAVEN_ARGS:-}"
    echo "$command"
    # shellcheck disable=SC2086
    set +e
    mvn -B verify -pl it -am -Pbench -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false $ports ${BENCH_MAVEN_ARGS:-} \
        | tee "$results/maven.log" | grep -E 'BENCH |Tests run|ERROR|FAIL|BUILD'
    maven_status=${PIPESTATUS[0]}
    set -e

    sim_command="java -cp exchange-sim/target/exchange-sim.jar org.corpconnect.sim.benchmark.AvailabilityBenchmark 10000 20 $shared_dir/ews-schema/exchange-online-2023"
    echo "$sim_command"
    sim_output=$($sim_command 2>&1 | grep -vE '^\s*$' | grep -E 'Loaded|GetUserAvailability' || true)
    echo "$sim_output"

    {
        echo "# Benchmark figures, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!bench/results' 2>/dev/null || echo ' (with uncommitted changes)')"
        echo "# machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/Mem:/ {print $2}') GB memory, $(java -version 2>&1 | head -1), $(uname -sr)"
        echo "# command: bench/run.sh = $command; then $sim_command"
        echo "# maven exit status: $maven_status; total $(( $(date -u +%s) - started )) s; load average (1, 5, 15 min) before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
        echo
        if [ -f "$figures" ]; then cat "$figures"; else echo "(no figures: see bench/results/maven.log)"; fi
        echo
        echo "# exchange-sim AvailabilityBenchmark (10,000 generated mailboxes, 20 rounds, no latency, responses not validated)"
        echo "$sim_output" | sed 's/^/sim: /'
    } > "$results/latest.txt"
    echo "Figures: $results/latest.txt"
    exit "$maven_status"
}

main "$@"
