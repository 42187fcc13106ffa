package org.corpconnect.busytime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.corpconnect.calendar.BusyInterval;

/**
 * An event that spans the seam between two request windows comes back as two intervals, each clipped
 * to its window: this puts them together again, so the stored busy time is the calendar's.
 */
final class WindowSeams {

    private WindowSeams() {
    }

    static List<BusyInterval> join(List<BusyInterval> intervals, Set<Instant> seams) {
        List<BusyInterval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(BusyInterval::start).thenComparing(BusyInterval::end));
        List<BusyInterval> joined = new ArrayList<>(sorted.size());
        List<BusyInterval> openAtSeam = new ArrayList<>();
        for (BusyInterval interval : sorted) {
            BusyInterval continued = seams.contains(interval.start())
                    ? openAtSeam.stream().filter(o -> o.end().equals(interval.start()) && o.type() == interval.type())
                            .findFirst().orElse(null)
                    : null;
            if (continued != null) {
                openAtSeam.remove(continued);
                joined.remove(continued);
                BusyInterval whole = new BusyInterval(continued.start(), interval.end(), interval.type());
                joined.add(whole);
                track(whole, seams, openAtSeam);
            } else {
                joined.add(interval);
                track(interval, seams, openAtSeam);
            }
        }
        joined.sort(Comparator.comparing(BusyInterval::start).thenComparing(BusyInterval::end));
        return joined;
    }

    private static void track(BusyInterval interval, Set<Instant> seams, List<BusyInterval> openAtSeam) {
        if (seams.contains(interval.end())) {
            openAtSeam.add(interval);
        }
    }
}
