package org.corpconnect.busytime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.corpconnect.calendar.BusyInterval;

/** The SHA-256 of a user's busy intervals, in a fixed order: equal digests, equal busy time. */
final class BusyDigest {

    private BusyDigest() {
    }

    static String of(List<BusyInterval> intervals) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            intervals.stream()
                    .sorted(Comparator.comparing(BusyInterval::start).thenComparing(BusyInterval::end).thenComparing(BusyInterval::type))
                    .forEach(i -> digest.update((i.start() + "/" + i.end() + "/" + i.type() + "\n").getBytes(StandardCharsets.US_ASCII)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
