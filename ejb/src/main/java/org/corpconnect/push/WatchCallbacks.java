package org.corpconnect.push;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.corpconnect.audit.AuditEntry.Outcome;
import org.corpconnect.audit.AuditLog;
import org.corpconnect.busytime.BusyTimeSync;
import org.corpconnect.exchange.ExchangeGateway;
import org.corpconnect.exchange.WatchCallback;
import org.corpconnect.exchange.WatchNotice;

/**
 * Exchange's callbacks to the product's public URL. Reading one is quick and touches nothing; the
 * notices are handled afterwards on the keeper's executor, so that the callback is answered at once
 * (Graph wants an answer within 3 s). Only a notice whose secret token matches its watch's counts:
 * anyone can call the URL. A change reads again only the watched user's busy time.
 */
@ApplicationScoped
public class WatchCallbacks {

    private static final Logger LOG = Logger.getLogger(WatchCallbacks.class.getName());

    @Inject
    private ExchangeGateway gateway;

    @Inject
    private WatchedCalendars watches;

    @Inject
    private WatchKeeper keeper;

    @Inject
    private BusyTimeSync sync;

    @Inject
    private AuditLog audit;

    @Resource(lookup = WatchKeeper.EXECUTOR)
    private ManagedExecutorService executor;

    /** The callback as the gateway reads it; empty when it is not one (answer 400). */
    public Optional<WatchCallback> read(Map<String, String> query, String body) {
        return gateway.readCallback(query, body);
    }

    /** Hands the notices over to be handled after the callback is answered. */
    public void accept(WatchCallback.Notices notices) {
        if (!notices.notices().isEmpty()) {
            executor.execute(() -> handle(notices.notices()));
        }
    }

    private record WatchedUser(long accountId, long userId) {
    }

    private void handle(List<WatchNotice> notices) {
        Set<WatchedUser> changed = new LinkedHashSet<>();
        Set<String> refused = new LinkedHashSet<>();
        for (WatchNotice notice : notices) {
            Optional<WatchedCalendar> found = watches.byWatchId(notice.watchId());
            if (found.isEmpty()) {
                LOG.fine(() -> "A callback for watch " + notice.watchId() + ", which is not (or no longer) ours: ignored.");
                continue;
            }
            WatchedCalendar watch = found.get();
            if (notice.secretToken().filter(token -> SecretTokens.matches(token, watch.secretSha256())).isEmpty()) {
                if (refused.add(notice.watchId())) {
                    LOG.warning("A callback for " + watch + " came without its secret token or with a wrong one: ignored.");
                    audit.record(watch.accountId(), "exchange-callback", "calendar-watch.callback-refused", Outcome.REFUSED,
                            "A callback for user " + watch.userId() + "'s calendar watch did not carry the watch's secret"
                                    + " token: nothing was refreshed.");
                }
                continue;
            }
            WatchedUser user = new WatchedUser(watch.accountId(), watch.userId());
            switch (notice.kind()) {
                case CHANGED, RESYNC_NEEDED -> changed.add(user);
                case REMOVED -> {
                    // Changes between its end and the new watch would be missed: read the user once more.
                    watches.remove(watch.id());
                    keeper.keepSoon(watch.accountId());
                    changed.add(user);
                }
                case RENEWAL_NEEDED -> {
                    watches.renewSoon(watch.id());
                    keeper.keepSoon(watch.accountId());
                }
            }
        }
        changed.forEach(user -> sync.refreshUserNow(user.accountId(), user.userId()));
    }
}
