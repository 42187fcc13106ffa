package org.corpconnect.admin.sync;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.corpconnect.admin.AccountPage;
import org.corpconnect.admin.PageRequest;
import org.corpconnect.admin.sync.Freshness.Band;
import org.corpconnect.bookingrules.BookingPolicy;
import org.corpconnect.busytime.BusyTimeSync;
import org.corpconnect.connection.Connections;
import org.corpconnect.connection.ExchangeConnection;
import org.corpconnect.polling.KeptFreshBy;
import org.corpconnect.polling.Poller;
import org.corpconnect.push.WatchKeeper;
import org.corpconnect.users.BookableUser;
import org.corpconnect.users.Users;

@RequestScoped
public class SyncPage implements AccountPage {

    @Inject
    private Connections connections;

    @Inject
    private Users users;

    @Inject
    private BusyTimeSync sync;

    @Inject
    private BookingPolicy policy;

    @Inject
    private WatchKeeper push;

    @Inject
    private Poller poller;

    private final Clock clock = Clock.systemUTC();

    @Override
    public void show(PageRequest page) throws ServletException, IOException {
        long id = page.account().id();
        Instant now = clock.instant();
        Duration interval = policy.syncInterval();
        Optional<ExchangeConnection> connection = connections.findFor(id);
        // Each user's band by the rule availability applies (BookingPolicy), so the chart never disagrees with it.
        Map<BookableUser, Band> bands = new LinkedHashMap<>();
        for (BookableUser user : users.ofAccount(id)) {
            var state = new Freshness.UserState(user.refreshedAt(), policy.readabilityOf(user, connection, now).readable());
            bands.put(user, Freshness.bandOf(state, now, interval));
        }
        Map<Long, KeptFreshBy> keptFreshBy = poller.keptFreshBy(id);
        Map<KeptFreshBy, Integer> keptCounts = new EnumMap<>(KeptFreshBy.class);
        for (KeptFreshBy by : KeptFreshBy.values()) {
            keptCounts.put(by, 0);
        }
        keptFreshBy.values().forEach(by -> keptCounts.merge(by, 1, Integer::sum));
        page.set("connection", connection.orElse(null))
                .set("users", bands)
                .set("freshness", Freshness.of(bands.values()))
                .set("intervalMinutes", interval.toMinutes())
                .set("maxStalenessMinutes", policy.maxStaleness().toMinutes())
                .set("runs", sync.recentRuns(id))
                .set("nextRefresh", sync.nextRefresh(id).orElse(null))
                .set("refreshing", sync.refreshing(id))
                .set("push", push.state(id))
                .set("keptFreshBy", keptFreshBy)
                .set("keptCounts", keptCounts)
                .set("poll", poller.plan())
                .set("pollBookedDays", poller.bookedDays())
                .render("sync");
    }

    @Override
    public void change(PageRequest page) throws ServletException, IOException {
        if ("refresh".equals(page.param("action"))) {
            sync.refreshNow(page.account().id());
            page.redirect("sync", "Refresh started: reload in a few seconds to see the result.");
            return;
        }
        show(page);
    }
}
