package org.corpconnect.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Times on the admin pages ({@code <a:time>} in {@code WEB-INF/tags/time.tag}, functions of
 * {@code WEB-INF/admin.tld}): to the minute, in UTC as the page is sent, then rewritten into the
 * reader's own zone by {@code admin-static/times.js}; an age ("3 minutes ago") where it matters.
 * Values may be an {@link Instant}, an {@link Optional} of one, or null (nothing to show).
 */
public final class PageTimes {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private PageTimes() {
    }

    /** The instant for {@code <time datetime>}, to the second (never nanoseconds); empty for none. */
    public static String iso(Object value) {
        return instant(value).map(at -> at.truncatedTo(ChronoUnit.SECONDS).toString()).orElse("");
    }

    /** The instant as people read it when no script runs: {@code 2026-12-06 07:32 UTC}. */
    public static String minute(Object value) {
        return instant(value).map(MINUTE::format).orElse("");
    }

    /** How long ago (or how soon) from now: {@code just now}, {@code 3 minutes ago}, {@code in 2 hours}. */
    public static String ago(Object value) {
        return instant(value).map(at -> ago(at, Instant.now())).orElse("");
    }

    static String ago(Instant at, Instant now) {
        Duration between = Duration.between(at, now);
        boolean future = between.isNegative();
        long minutes = between.abs().toMinutes();
        if (minutes < 1) {
            return future ? "in less than a minute" : "just now";
        }
        String span;
        if (minutes < 60) {
            span = count(minutes, "minute");
        } else if (minutes < 48 * 60) {
            span = count(minutes / 60, "hour");
        } else {
            span = count(minutes / (24 * 60), "day");
        }
        return future ? "in " + span : span + " ago";
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static Optional<Instant> instant(Object value) {
        if (value instanceof Optional<?> optional) {
            return optional.filter(Instant.class::isInstance).map(Instant.class::cast);
        }
        return value instanceof Instant at ? Optional.of(at) : Optional.empty();
    }
}
