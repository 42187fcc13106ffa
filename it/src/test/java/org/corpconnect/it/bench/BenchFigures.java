package org.corpconnect.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Where a benchmark's figures go: one line each, {@code name = value unit  # note}, appended to the file
 * named by {@code BENCH_FIGURES_FILE} (set by the bench profile, so the server's benches inherit it too).
 */
public final class BenchFigures {

    private static final Logger LOG = Logger.getLogger(BenchFigures.class.getName());

    private BenchFigures() {
    }

    public static synchronized void record(String name, double value, String unit, String note) {
        String number = value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
        String line = name + " = " + number + (unit.isEmpty() ? "" : " " + unit) + (note.isEmpty() ? "" : "  # " + note);
        LOG.info("BENCH " + line);
        String file = System.getenv("BENCH_FIGURES_FILE");
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Files.writeString(Path.of(file), line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the figure " + name + " to " + file, e);
        }
    }

    public static void record(String name, double value, String unit) {
        record(name, value, unit, "");
    }
}
