package org.corpconnect.admin.week;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.corpconnect.bookingrules.WorkingHours;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;
import org.corpconnect.calendar.TimeWindow;

/**
 * One user's week (Monday to Sunday in the user's zone) laid out for drawing: each day a column of an
 * SVG whose units are fixed here, each busy interval and booking cut at midnights into blocks placed
 * by their local wall-clock time, overlapping busy blocks side by side. Pure: the page fills it from
 * {@code CalendarSnapshot}.
 */
public final class WeekLayout {

    /** SVG units: a gutter of hour labels, a row of day names, 20 units an hour. */
    public static final double WIDTH = 1000;
    public static final double GUTTER = 48;
    public static final double HEADER = 36;
    public static final double HOUR = 20;
    public static final double HEIGHT = HEADER + 24 * HOUR;
    public static final double DAY_WIDTH = (WIDTH - GUTTER) / 7;
    /** Busy blocks take the left part of a day, bookings the right: a booking is also busy in Exchange once written. */
    private static final double BUSY_SHARE = 0.6;
    private static final double GAP = 3;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /** A booking as the week shows it. */
    public record Held(String id, Instant start, Instant end, String title, String status) {
    }

    /** One thing in the week as listed under the drawing: the whole interval, with its times in the user's zone. */
    public record Item(String kind, Instant start, Instant end, boolean blocking, String from, String to, String title) {
    }

    /** A drawn piece of an item within one day; {@code item} is its index in {@link Week#items()}. */
    public record Block(int item, String kind, boolean blocking, double x, double y, double width, double height, String label) {
    }

    /** A band behind the blocks: working hours, or the time before the busy time was read. */
    public record Band(double x, double y, double width, double height) {
    }

    public record Day(LocalDate date, String name, double x, List<Block> blocks, Optional<Band> working, Optional<Band> unread) {
    }

    public record Week(LocalDate monday, ZoneId zone, TimeWindow window, List<Day> days, List<Item> items, Optional<Double> nowY,
                       Optional<Double> nowX) {

        public LocalDate previous() {
            return monday.minusWeeks(1);
        }

        public LocalDate next() {
            return monday.plusWeeks(1);
        }

        public List<Integer> hours() {
            List<Integer> hours = new ArrayList<>();
            for (int h = 0; h <= 24; h += 2) {
                hours.add(h);
            }
            return hours;
        }

        public double hourY(int hour) {
            return HEADER + hour * HOUR;
        }

        public double width() {
            return WIDTH;
        }

        public double height() {
            return HEIGHT;
        }

        /** The drawing's height with room below the last hour's label. */
        public double viewHeight() {
            return HEIGHT + 10;
        }

        public double gutter() {
            return GUTTER;
        }

        public double header() {
            return HEADER;
        }

        public double dayWidth() {
            return DAY_WIDTH;
        }
    }

    private WeekLayout() {
    }

    /** The Monday of the week of {@code date}. */
    public static LocalDate mondayOf(LocalDate date) {
        return date.minusDays(date.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
    }

    /** The instants of the week of {@code monday} in the zone (a DST week is an hour longer or shorter). */
    public static TimeWindow window(LocalDate monday, ZoneId zone) {
        return new TimeWindow(monday.atStartOfDay(zone).toInstant(), monday.plusDays(7).atStartOfDay(zone).toInstant());
    }

    public static Week of(LocalDate monday, ZoneId zone, List<BusyInterval> busy, Set<BusyType> blocking, List<Held> bookings,
                          WorkingHours workingHours, Optional<Instant> readFrom, Instant now) {
        TimeWindow window = window(monday, zone);
        List<Item> items = new ArrayList<>();
        busy.stream().sorted(Comparator.comparing(BusyInterval::start).thenComparing(BusyInterval::end))
                .forEach(b -> items.add(item(b.type().name(), b.start(), b.end(), blocking.contains(b.type()), "", zone)));
        bookings.stream().sorted(Comparator.comparing(Held::start))
                .forEach(b -> items.add(item("BOOKING", b.start(), b.end(), true, b.title() + " (" + b.status() + ")", zone)));
        List<Day> days = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            LocalDate date = monday.plusDays(d);
            double x = GUTTER + d * DAY_WIDTH;
            days.add(new Day(date, DAY.format(date), x, blocksOf(date, zone, x, items),
                    workingHours.spanOn(date, zone).map(span -> band(date, zone, x, span.start(), span.end())),
                    readFrom.flatMap(from -> unread(date, zone, x, from))));
        }
        boolean nowInWeek = !now.isBefore(window.start()) && now.isBefore(window.end());
        Optional<Double> nowY = nowInWeek ? Optional.of(y(now.atZone(zone).toLocalTime())) : Optional.empty();
        Optional<Double> nowX = nowInWeek
                ? Optional.of(GUTTER + ChronoUnit.DAYS.between(monday, now.atZone(zone).toLocalDate()) * DAY_WIDTH) : Optional.empty();
        return new Week(monday, zone, window, List.copyOf(days), List.copyOf(items), nowY, nowX);
    }

    private static Item item(String kind, Instant start, Instant end, boolean blocking, String title, ZoneId zone) {
        return new Item(kind, start, end, blocking, local(start, zone), local(end, zone), title);
    }

    private static String local(Instant at, ZoneId zone) {
        ZonedDateTime time = at.atZone(zone);
        return DAY.format(time) + " " + CLOCK.format(time);
    }

    private static List<Block> blocksOf(LocalDate date, ZoneId zone, double x, List<Item> items) {
        Instant dayStart = date.atStartOfDay(zone).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
        record Piece(int item, Item of, Instant start, Instant end) {
        }
        List<Piece> busy = new ArrayList<>();
        List<Piece> held = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            boolean overlaps = item.end().isAfter(dayStart) && item.start().isBefore(dayEnd);
            boolean momentInDay = item.start().equals(item.end()) && !item.start().isBefore(dayStart) && item.start().isBefore(dayEnd);
            if (overlaps || momentInDay) {
                Instant start = item.start().isBefore(dayStart) ? dayStart : item.start();
                Instant end = item.end().isAfter(dayEnd) ? dayEnd : item.end();
                (item.kind().equals("BOOKING") ? held : busy).add(new Piece(i, item, start, end));
            }
        }
        List<Block> blocks = new ArrayList<>();
        // Greedy lanes: each busy piece takes the first lane whose last piece has ended.
        List<Instant> laneEnds = new ArrayList<>();
        List<Integer> lanes = new ArrayList<>();
        for (Piece piece : busy) {
            int lane = 0;
            while (lane < laneEnds.size() && laneEnds.get(lane).isAfter(piece.start())) {
                lane++;
            }
            if (lane == laneEnds.size()) {
                laneEnds.add(piece.end());
            } else {
                laneEnds.set(lane, piece.end());
            }
            lanes.add(lane);
        }
        double laneWidth = (DAY_WIDTH * BUSY_SHARE - GAP) / Math.max(1, laneEnds.size());
        for (int p = 0; p < busy.size(); p++) {
            Piece piece = busy.get(p);
            blocks.add(block(piece.item(), piece.of(), x + GAP + lanes.get(p) * laneWidth, laneWidth - 1,
                    piece.start(), piece.end(), date, zone));
        }
        for (Piece piece : held) {
            blocks.add(block(piece.item(), piece.of(), x + DAY_WIDTH * BUSY_SHARE + GAP, DAY_WIDTH * (1 - BUSY_SHARE) - 2 * GAP,
                    piece.start(), piece.end(), date, zone));
        }
        return List.copyOf(blocks);
    }

    private static Block block(int index, Item item, double x, double width, Instant start, Instant end, LocalDate date, ZoneId zone) {
        double top = yOn(start, date, zone);
        double bottom = yOn(end, date, zone);
        // At least a visible sliver (two minutes' height) for a very short or zero-length item.
        double height = Math.max(bottom - top, HOUR / 30);
        String label = item.kind().equals("BOOKING") ? "Booked" : label(BusyType.valueOf(item.kind()));
        return new Block(index, item.kind(), item.blocking(), round(x), round(top), round(width), round(height), label);
    }

    private static String label(BusyType type) {
        return switch (type) {
            case BUSY -> "Busy";
            case TENTATIVE -> "Tentative";
            case OOF -> "Away";
            case WORKING_ELSEWHERE -> "Elsewhere";
            case NO_DATA -> "No data";
            case FREE -> "Free";
        };
    }

    private static Band band(LocalDate date, ZoneId zone, double x, Instant start, Instant end) {
        double top = yOn(start, date, zone);
        return new Band(round(x), round(top), round(DAY_WIDTH), round(yOn(end, date, zone) - top));
    }

    /** The part of the day before the busy time was read: unknown, not free. */
    private static Optional<Band> unread(LocalDate date, ZoneId zone, double x, Instant readFrom) {
        Instant dayStart = date.atStartOfDay(zone).toInstant();
        if (!readFrom.isAfter(dayStart)) {
            return Optional.empty();
        }
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
        return Optional.of(band(date, zone, x, dayStart, readFrom.isBefore(dayEnd) ? readFrom : dayEnd));
    }

    /** The height of an instant within its local day; the next midnight is the bottom (24:00). */
    private static double yOn(Instant at, LocalDate date, ZoneId zone) {
        ZonedDateTime time = at.atZone(zone);
        return time.toLocalDate().isAfter(date) ? HEADER + 24 * HOUR : y(time.toLocalTime());
    }

    private static double y(LocalTime time) {
        return HEADER + Duration.between(LocalTime.MIDNIGHT, time).toMinutes() * HOUR / 60.0;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
