package org.corpconnect.admin.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How fresh an account's users' busy time is, at a glance: each user in one band, and the bands as
 * the segments of one bar (SVG units out of {@link #WIDTH}). Pure: the page says, per user, when the
 * busy time was read and whether availability trusts it now.
 */
public final class Freshness {

    public static final double WIDTH = 1000;

    public enum Band {
        FRESH("read within one refresh interval"),
        LATE("older than one interval, still offered"),
        NOT_OFFERED("not offered: the last refresh failed or the busy time is too old"),
        NEVER("never read");

        private final String meaning;

        Band(String meaning) {
            this.meaning = meaning;
        }

        public String meaning() {
            return meaning;
        }
    }

    public record UserState(Optional<Instant> refreshedAt, boolean readable) {
    }

    public record Segment(Band band, int count, double x, double width) {
    }

    private final Map<Band, Integer> counts;
    private final int total;

    private Freshness(Map<Band, Integer> counts, int total) {
        this.counts = counts;
        this.total = total;
    }

    /** The chart of the users' bands ({@link #bandOf} each). */
    public static Freshness of(Collection<Band> users) {
        Map<Band, Integer> counts = new EnumMap<>(Band.class);
        for (Band band : Band.values()) {
            counts.put(band, 0);
        }
        users.forEach(band -> counts.merge(band, 1, Integer::sum));
        return new Freshness(counts, users.size());
    }

    public static Band bandOf(UserState user, Instant now, Duration interval) {
        if (user.refreshedAt().isEmpty()) {
            return Band.NEVER;
        }
        if (!user.readable()) {
            return Band.NOT_OFFERED;
        }
        return user.refreshedAt().get().isBefore(now.minus(interval)) ? Band.LATE : Band.FRESH;
    }

    public int total() {
        return total;
    }

    public int count(Band band) {
        return counts.get(band);
    }

    /** Every band, the empty ones too (for the legend). */
    public List<Band> bands() {
        return List.of(Band.values());
    }

    /** The bar's segments, the empty bands left out, in the order of the bands. */
    public List<Segment> segments() {
        List<Segment> segments = new ArrayList<>();
        double x = 0;
        for (Band band : Band.values()) {
            int count = counts.get(band);
            if (count > 0) {
                double width = WIDTH * count / total;
                segments.add(new Segment(band, count, x, width));
                x += width;
            }
        }
        return segments;
    }
}
