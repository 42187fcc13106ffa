package org.corpconnect.busytime;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corpconnect.account.AccountDataVersions;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.calendar.WorkingWeek;
import org.corpconnect.users.BookableUser;

@Stateless
public class BusyTimeStore {

    @PersistenceContext(unitName = "corpconnect")
    private EntityManager em;

    @Inject
    private AccountDataVersions versions;

    /**
     * Replaces the users' busy time and marks them fresh, all in one transaction. A user whose busy
     * time is what is stored already (same digest) keeps its rows: only the freshness is written.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void replace(Map<Long, List<BusyInterval>> intervalsByUser, Map<Long, WorkingWeek> workingWeeks,
                        Instant refreshedAt) {
        if (intervalsByUser.isEmpty()) {
            return;
        }
        Map<Long, String> digests = new HashMap<>();
        List<Long> changed = new ArrayList<>();
        intervalsByUser.forEach((userId, intervals) -> {
            String digest = BusyDigest.of(intervals);
            digests.put(userId, digest);
            BookableUser user = em.find(BookableUser.class, userId);
            if (user != null && !user.busyDigest().filter(digest::equals).isPresent()) {
                changed.add(userId);
            }
        });
        if (!changed.isEmpty()) {
            em.createNamedQuery("StoredBusyInterval.deleteOfUsers").setParameter("userIds", changed).executeUpdate();
            changed.forEach(userId -> intervalsByUser.get(userId)
                    .forEach(interval -> em.persist(new StoredBusyInterval(userId, interval))));
        }
        Set<Long> accounts = new HashSet<>();
        intervalsByUser.keySet().forEach(userId -> {
            BookableUser user = em.find(BookableUser.class, userId);
            if (user != null) {
                accounts.add(user.account().id());
                user.refreshed(refreshedAt, digests.get(userId));
                WorkingWeek week = workingWeeks.get(userId);
                if (week != null) {
                    user.workingWeekReported(week);
                }
            }
        });
        versions.changed(accounts);
    }

    /** Keeps the users' last known busy time, and says why it could not be refreshed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void refreshFailed(Map<Long, String> errorsByUser, Instant at) {
        Set<Long> accounts = new HashSet<>();
        errorsByUser.forEach((userId, error) -> {
            BookableUser user = em.find(BookableUser.class, userId);
            if (user != null) {
                user.refreshFailed(error, at);
                accounts.add(user.account().id());
            }
        });
        versions.changed(accounts);
    }

    /** The busy time of these users in the window, by user: one query, no entities, no transaction. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<Long, List<BusyInterval>> ofUsers(Collection<Long> userIds, TimeWindow window) {
        Map<Long, List<BusyInterval>> busy = new HashMap<>();
        if (userIds.isEmpty()) {
            return busy;
        }
        em.createNamedQuery("StoredBusyInterval.ofUsers", Object[].class)
                .setParameter("userIds", userIds)
                .setParameter("from", window.start())
                .setParameter("to", window.end())
                .getResultList()
                .forEach(row -> busy.computeIfAbsent((Long) row[0], id -> new ArrayList<>())
                        .add(new BusyInterval((Instant) row[1], (Instant) row[2], (BusyType) row[3])));
        return busy;
    }

    /** Where a refresh at {@code refreshedAt} began reading: nothing earlier is stored. */
    public static Instant readFrom(Instant refreshedAt) {
        return SyncPlan.windowStart(refreshedAt);
    }

    public List<BusyInterval> of(long userId, TimeWindow window) {
        return em.createNamedQuery("StoredBusyInterval.ofUser", StoredBusyInterval.class)
                .setParameter("userId", userId)
                .setParameter("from", window.start())
                .setParameter("to", window.end())
                .getResultStream()
                .map(StoredBusyInterval::toInterval)
                .toList();
    }
}
