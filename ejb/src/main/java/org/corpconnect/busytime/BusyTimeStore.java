package org.corpconnect.busytime;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.corpconnect.exchange.BusyInterval;
import org.corpconnect.exchange.TimeWindow;
import org.corpconnect.exchange.WorkingWeek;
import org.corpconnect.users.BookableUser;

@Stateless
public class BusyTimeStore {

    @PersistenceContext(unitName = "corpconnect")
    private EntityManager em;

    /** Replaces the users' busy time and marks them fresh, all in one transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void replace(Map<Long, List<BusyInterval>> intervalsByUser, Map<Long, WorkingWeek> workingWeeks,
                        Instant refreshedAt) {
        if (intervalsByUser.isEmpty()) {
            return;
        }
        em.createNamedQuery("StoredBusyInterval.deleteOfUsers")
                .setParameter("userIds", List.copyOf(intervalsByUser.keySet()))
                .executeUpdate();
        intervalsByUser.forEach((userId, intervals) -> {
            intervals.forEach(interval -> em.persist(new StoredBusyInterval(userId, interval)));
            BookableUser user = em.find(BookableUser.class, userId);
            if (user != null) {
                user.refreshed(refreshedAt);
                WorkingWeek week = workingWeeks.get(userId);
                if (week != null) {
                    user.workingWeekReported(week);
                }
            }
        });
    }

    /** Keeps the users' last known busy time, and says why it could not be refreshed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void refreshFailed(Map<Long, String> errorsByUser, Instant at) {
        errorsByUser.forEach((userId, error) -> {
            BookableUser user = em.find(BookableUser.class, userId);
            if (user != null) {
                user.refreshFailed(error, at);
            }
        });
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
