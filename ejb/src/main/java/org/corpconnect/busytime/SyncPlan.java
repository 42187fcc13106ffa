package org.corpconnect.busytime;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.exchange.ExchangeGateway;

/**
 * The requests one refresh of an account sends: its users in groups of at most 100, times the
 * horizon cut into windows of at most 42 days, from the start of the current UTC day.
 */
record SyncPlan(TimeWindow horizon, List<Request> requests) {

    record Request(List<MailboxAddress> mailboxes, TimeWindow window) {
    }

    /** A refresh reads from the start of its UTC day: today's earlier busy time still counts for buffers. */
    static Instant windowStart(Instant now) {
        return now.truncatedTo(ChronoUnit.DAYS);
    }

    static SyncPlan of(List<MailboxAddress> mailboxes, Instant now, int horizonDays) {
        if (horizonDays < 1) {
            throw new IllegalArgumentException("The sync horizon is at least one day.");
        }
        Instant start = windowStart(now);
        TimeWindow horizon = new TimeWindow(start, start.plus(Duration.ofDays(horizonDays)));
        List<TimeWindow> windows = new ArrayList<>();
        for (Instant from = horizon.start(); from.isBefore(horizon.end()); ) {
            Instant to = from.plus(Duration.ofDays(ExchangeGateway.MAX_WINDOW_DAYS));
            to = to.isAfter(horizon.end()) ? horizon.end() : to;
            windows.add(new TimeWindow(from, to));
            from = to;
        }
        List<Request> requests = new ArrayList<>();
        int size = ExchangeGateway.MAX_MAILBOXES_PER_REQUEST;
        for (int i = 0; i < mailboxes.size(); i += size) {
            List<MailboxAddress> group = List.copyOf(mailboxes.subList(i, Math.min(mailboxes.size(), i + size)));
            windows.forEach(window -> requests.add(new Request(group, window)));
        }
        return new SyncPlan(horizon, List.copyOf(requests));
    }
}
