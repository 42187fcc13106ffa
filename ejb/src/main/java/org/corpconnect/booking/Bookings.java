package org.corpconnect.booking;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.corpconnect.account.Account;
import org.corpconnect.busytime.BusyTimeStore;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.users.BookableUser;
import org.corpconnect.users.CalendarAccessStatus;
import org.corpconnect.users.UserNotFound;
import org.corpconnect.users.Users;

/** The bookings table: every change in a short transaction of its own, never around an Exchange call. */
@Stateless
public class Bookings {

    private static final Set<BookingStatus> HOLDING = EnumSet.of(BookingStatus.PENDING, BookingStatus.CONFIRMED,
            BookingStatus.FAILED);

    @PersistenceContext(unitName = "corpconnect")
    private EntityManager em;

    @Inject
    private Users users;

    @Inject
    private BusyTimeStore busyTime;

    public record Reservation(Booking booking, boolean replay) {
    }

    public Optional<Booking> byKey(long accountId, String idempotencyKey) {
        return em.createNamedQuery("Booking.byKey", Booking.class)
                .setParameter("accountId", accountId)
                .setParameter("key", idempotencyKey)
                .getResultStream()
                .findFirst();
    }

    /** Only within the account: another account's booking is as absent as one that never existed. */
    public Booking get(long accountId, String bookingId) {
        Booking booking = bookingId == null ? null : em.find(Booking.class, bookingId);
        if (booking == null || booking.accountId() != accountId) {
            throw new BookingNotFound();
        }
        return booking;
    }

    public List<Booking> ofAccount(long accountId, TimeWindow window) {
        return em.createNamedQuery("Booking.ofAccount", Booking.class)
                .setParameter("accountId", accountId)
                .setParameter("from", window.start())
                .setParameter("to", window.end())
                .getResultList();
    }

    /** The bookings that hold a slot of this user's (pending, confirmed, or failed but not given up) in the window. */
    public List<Booking> holdingSlotsOf(long userId, TimeWindow window) {
        return em.createNamedQuery("Booking.ofUser", Booking.class)
                .setParameter("userId", userId)
                .setParameter("statuses", HOLDING)
                .setParameter("from", window.start())
                .setParameter("to", window.end())
                .getResultList();
    }

    /**
     * Reserves the slot: under a lock on the user's row, so that of two requests for one slot only one
     * passes the overlap check. A request whose key is known already gets that booking back instead.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Reservation reserve(Account account, BookingRequest request) {
        Optional<Booking> known = byKey(account.id(), request.idempotencyKey());
        if (known.isPresent()) {
            return new Reservation(known.get(), true);
        }
        BookableUser user = users.find(account.id(), request.user()).orElseThrow(UserNotFound::new);
        em.lock(user, LockModeType.PESSIMISTIC_WRITE);
        known = byKey(account.id(), request.idempotencyKey());
        if (known.isPresent()) {
            return new Reservation(known.get(), true);
        }
        if (user.accessStatus() != CalendarAccessStatus.OK && user.accessStatus() != CalendarAccessStatus.UNCHECKED) {
            throw new UserNotBookable();
        }
        requireFree(account, user.id(), request.start(), request.end(), Optional.empty());
        Booking booking = new Booking(account.id(), user.id(), request, request.fingerprint(), now());
        em.persist(booking);
        return new Reservation(booking, false);
    }

    /** Moves a booking to a new slot in the database first, so nothing else can take that slot meanwhile. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Booking move(Account account, String bookingId, Instant start, Instant end) {
        Booking booking = get(account.id(), bookingId);
        if (booking.status() != BookingStatus.CONFIRMED) {
            throw new InvalidBooking("status", "only a confirmed booking can be moved; this one is " + booking.status() + ".");
        }
        long userId = booking.userId().orElseThrow(UserNotFound::new);
        em.lock(em.find(BookableUser.class, userId), LockModeType.PESSIMISTIC_WRITE);
        requireFree(account, userId, start, end, Optional.of(booking));
        booking.moved(start, end, null, now());
        return booking;
    }

    private void requireFree(Account account, long userId, Instant start, Instant end, Optional<Booking> itself) {
        boolean bookedMeanwhile = em.createNamedQuery("Booking.overlapping", Booking.class)
                .setParameter("userId", userId)
                .setParameter("statuses", HOLDING)
                .setParameter("start", start)
                .setParameter("end", end)
                .getResultStream()
                .anyMatch(other -> itself.map(b -> !b.id().equals(other.id())).orElse(true));
        Set<BusyType> blocking = account.blockingBusyTypes();
        boolean busyInExchange = busyTime.of(userId, new TimeWindow(start, end)).stream()
                .filter(i -> blocking.contains(i.type()))
                .anyMatch(i -> itself.map(b -> !isOwnItem(i, b)).orElse(true));
        if (bookedMeanwhile || busyInExchange) {
            throw new SlotTaken();
        }
    }

    /** A booking's own calendar item shows up in the synced busy time once written. */
    static boolean isOwnItem(BusyInterval interval, Booking booking) {
        return interval.start().equals(booking.start()) && interval.end().equals(booking.end());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Booking confirm(String bookingId, String itemId, String changeKey) {
        Booking booking = em.find(Booking.class, bookingId);
        booking.confirmed(itemId, changeKey, now());
        return booking;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Booking fail(String bookingId, String reason) {
        Booking booking = em.find(Booking.class, bookingId);
        booking.failed(reason, now());
        return booking;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void reject(String bookingId) {
        em.find(Booking.class, bookingId).rejected(now());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Booking moveBack(String bookingId, Instant start, Instant end) {
        Booking booking = em.find(Booking.class, bookingId);
        booking.moved(start, end, null, now());
        return booking;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Booking updateChangeKey(String bookingId, String changeKey) {
        Booking booking = em.find(Booking.class, bookingId);
        booking.moved(booking.start(), booking.end(), changeKey, now());
        return booking;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Booking cancelled(String bookingId) {
        Booking booking = em.find(Booking.class, bookingId);
        booking.cancelled(now());
        return booking;
    }

    /**
     * Takes a FAILED booking, or one PENDING since before {@code staleBefore} (its writer died), for
     * another attempt. Of two callers only one gets it: the version check decides.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(String bookingId, long seenVersion, Instant staleBefore) {
        int claimed = em.createQuery("update Booking b set b.status = :pending, b.updatedAt = :now, b.version = b.version + 1"
                        + " where b.id = :id and b.version = :version"
                        + " and (b.status = :failed or (b.status = :pending and b.updatedAt < :staleBefore))")
                .setParameter("pending", BookingStatus.PENDING)
                .setParameter("failed", BookingStatus.FAILED)
                .setParameter("now", now())
                .setParameter("id", bookingId)
                .setParameter("version", seenVersion)
                .setParameter("staleBefore", staleBefore)
                .executeUpdate();
        em.getEntityManagerFactory().getCache().evict(Booking.class, bookingId);
        return claimed == 1;
    }

    private static Instant now() {
        return Instant.now(Clock.systemUTC());
    }
}
