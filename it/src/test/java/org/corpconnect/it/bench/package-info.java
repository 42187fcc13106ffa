/**
 * Benchmarks ({@code *Bench}), run only by the {@code bench} profile ({@code bench/run.sh}), never by the
 * default build. They print figures into the file named by {@code BENCH_FIGURES_FILE}
 * ({@link org.corpconnect.it.bench.BenchFigures}) and assert correctness only, never a time: figures
 * depend on the machine. {@code bench/README.md} holds the figures and what limits each.
 */
package org.corpconnect.it.bench;
