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
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.corpconnect.account.Account;
import org.corpconnect.account.AccountDataVersions;
import org.corpconnect.audit.AuditEntry.Outcome;
import org.corpconnect.audit.AuditLog;
import org.corpconnect.busytime.BusyTimeStore;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.exchange.CalendarItemRef;
import org.corpconnect.exchange.ItemState;
import org.corpconnect.users.BookableUser;
import org.corpconnect.users.CalendarAccessStatus;
import org.corpconnect.users.UserNotFound;
import org.corpconnect.users.Users;
import org.corpconnect.webhook.WebhookEventType;
import org.corpconnect.webhook.WebhookOutbox;

/**
 * The bookings table: every change in a short transaction of its own, never around an Exchange call.
 * A change that confirms, moves or cancels a booking writes its webhook event in the same transaction.
 */
@Stateless
public class Bookings {

    private static final int USERS_PER_QUERY = 500;

    /** Who the audit log names for a change the user made in Outlook. */
    private static final String OUTLOOK_ACTOR = "outlook";

    private static final Set<BookingStatus> HOLDING = EnumSet.of(BookingStatus.PENDING, BookingStatus.CONFIRMED,
            BookingStatus.FAILED);

    @PersistenceContext(unitName = "corpconnect")
    private EntityManager em;

    @Inject
    private Users users;

    @Inject
    private BusyTimeStore busyTime;

    @Inject
    private AuditLog audit;

    @Inject
    private WebhookOutbox webhooks;

    @Inject
    private BookingLapses lapses;

    @Inject
    private AccountDataVersions versions;

    /** A booking found or made by {@link #reserve}: a new one comes with the claim on its write. */
    public record Reservation(Booking booking, boolean replay, Optional<String> claim) {
        static Reservation replay(Booking known) {
            return new Reservation(known, true, Optional.empty());
        }
    }

    /** The right to change a booking's calendar item until settled (or taken over after {@link BookingLapses#lease()}). */
    public record Claim(Booking booking, String id) {
        public String bookingId() {
            return booking.id();
        }
    }

    /** A claim settled; {@code removeItem}: the item its owner wrote or moved must go (the booking was cancelled or taken over). */
    public record Settled(Booking booking, boolean removeItem) {
    }

    /** A cancellation begun: with a claim, the caller deletes the item; without, it is settled already. */
    public record Cancellation(Booking booking, Optional<Claim> claim) {
    }

    /** The limits of the sweep: holds, writes and other claims older than these lapse. */
    public record Lapse(Instant holdsBefore, Instant writesBefore, Instant claimsBefore) {
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

    /** The account's users who have a booking holding a slot in the window (pending, confirmed, or failed but not given up). */
    public Set<Long> usersHoldingSlots(long accountId, TimeWindow window) {
        return Set.copyOf(em.createNamedQuery("Booking.usersHolding", Long.class)
                .setParameter("accountId", accountId)
                .setParameter("statuses", HOLDING)
                .setParameter("from", window.start())
                .setParameter("to", window.end())
                .getResultList());
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
     * The slots held by bookings of these users (as {@link #holdingSlotsOf}) in the window, by user: one
     * query, no entities, no transaction (availability's read).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<Long, List<TimeWindow>> heldSlotsOf(Collection<Long> userIds, TimeWindow window) {
        Map<Long, List<TimeWindow>> slots = new HashMap<>();
        if (userIds.isEmpty()) {
            return slots;
        }
        em.createNamedQuery("Booking.slotsOfUsers", Object[].class)
                .setParameter("userIds", userIds)
                .setParameter("statuses", HOLDING)
                .setParameter("from", window.start())
                .setParameter("to", window.end())
                .getResultList()
                .forEach(row -> slots.computeIfAbsent((Long) row[0], id -> new ArrayList<>())
                        .add(new TimeWindow((Instant) row[1], (Instant) row[2])));
        return slots;
    }

    /**
     * Reserves the slot: under a lock on the user's row, so that of two requests for one slot only one
     * passes the overlap check. A request whose key is known already gets that booking back instead.
     * A new booking comes back PENDING with its write claimed by the caller.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Reservation reserve(Account account, BookingRequest request) {
        Optional<Booking> known = byKey(account.id(), request.idempotencyKey());
        if (known.isPresent()) {
            return Reservation.replay(known.get());
        }
        BookableUser user = users.find(account.id(), request.user()).orElseThrow(UserNotFound::new);
        em.lock(user, LockModeType.PESSIMISTIC_WRITE);
        known = byKey(account.id(), request.idempotencyKey());
        if (known.isPresent()) {
            return Reservation.replay(known.get());
        }
        if (user.accessStatus() != CalendarAccessStatus.OK && user.accessStatus() != CalendarAccessStatus.UNCHECKED) {
            throw new UserNotBookable();
        }
        requireFree(account, user.id(), request.start(), request.end(), Optional.empty());
        String claim = newClaim();
        Booking booking = new Booking(account.id(), user.id(), request, request.fingerprint(), claim, now());
        em.persist(booking);
        return changed(booking, new Reservation(booking, false, Optional.of(claim)));
    }

    /**
     * Takes a FAILED booking, or one PENDING whose writer stopped answering before {@code staleBefore},
     * for another attempt by a retry. Of two callers only one gets it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Claim> resume(String bookingId, Instant staleBefore) {
        Booking booking = locked(bookingId);
        boolean failed = booking.status() == BookingStatus.FAILED && booking.operation().isEmpty();
        boolean abandoned = booking.status() == BookingStatus.PENDING && isStale(booking, staleBefore);
        if (!failed && !abandoned) {
            return Optional.empty();
        }
        if (abandoned) {
            booking.fail(booking.failure().orElse(null), true, now()); // Its writer may have written the item.
        }
        String claim = newClaim();
        booking.resume(now());
        booking.begin(BookingOperation.WRITE, claim, now());
        return changed(booking, Optional.of(new Claim(booking, claim)));
    }

    /**
     * The item of a write is in the calendar. The booking is confirmed if the claim is still the
     * writer's and it is still wanted; otherwise the writer is told to remove its item (the booking
     * was cancelled meanwhile, or the sweep or an admin settled it without this item).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Settled written(Claim claim, CalendarItemRef item) {
        Booking booking = locked(claim.bookingId());
        if (!booking.claimedBy(claim.id())) {
            return new Settled(booking, !booking.itemId().equals(Optional.of(item.itemId())));
        }
        if (booking.status() == BookingStatus.PENDING || booking.status() == BookingStatus.FAILED) {
            booking.confirm(item, now());
            webhooks.record(booking.accountId(), WebhookEventType.BOOKING_CREATED, BookingEvents.created(booking));
            return changed(booking, new Settled(booking, false));
        }
        return new Settled(booking, true); // Cancelled meanwhile: the claim stays until the item is gone.
    }

    /** The write did not happen (or may have, {@code mayHaveWritten}): FAILED, the slot still held for a retry. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Booking writeFailed(Claim claim, String reason, boolean mayHaveWritten) {
        Booking booking = locked(claim.bookingId());
        if (booking.claimedBy(claim.id())) {
            if (booking.status() == BookingStatus.PENDING || booking.status() == BookingStatus.FAILED) {
                booking.fail(reason, mayHaveWritten, now());
            } else if (!mayHaveWritten) {
                booking.cancelled(now());
            } // else cancelled meanwhile, an item may exist: the claim stays and the sweep removes the item.
        }
        return changed(booking, booking);
    }

    /** The live check found the slot taken: nothing was written. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void reject(Claim claim) {
        Booking booking = locked(claim.bookingId());
        if (booking.claimedBy(claim.id())) {
            if (booking.status() == BookingStatus.CANCELLED) {
                booking.cancelled(now());
            } else {
                booking.reject(now());
            }
            changed(booking, booking);
        }
    }

    /**
     * Starts a move: the new slot is held in the database first, so nothing else can take it meanwhile.
     * One change of a booking at a time: during another one this answers {@link BookingInProgress}.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Claim beginMove(Account account, String bookingId, Instant start, Instant end) {
        Booking booking = locked(account.id(), bookingId);
        if (booking.status() != BookingStatus.CONFIRMED) {
            throw BookingNotChangeable.notMovable(booking.status());
        }
        if (booking.operation().isPresent()) {
            throw BookingInProgress.changing();
        }
        long userId = booking.userId().orElseThrow(UserNotFound::new);
        em.lock(em.find(BookableUser.class, userId), LockModeType.PESSIMISTIC_WRITE);
        requireFree(account, userId, start, end, Optional.of(booking));
        String claim = newClaim();
        booking.beginMove(start, end, claim, now());
        return changed(booking, new Claim(booking, claim));
    }

    /** The item moved. {@code removeItem}: the booking was cancelled meanwhile, and the item must go. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Settled moved(Claim claim, CalendarItemRef item) {
        Booking booking = locked(claim.bookingId());
        if (!booking.claimedBy(claim.id())) {
            return new Settled(booking, false); // The sweep took it over: it makes the item follow the booking.
        }
        if (booking.status() == BookingStatus.CONFIRMED) {
            Optional<Instant> previousStart = booking.previousStart();
            Optional<Instant> previousEnd = booking.previousEnd();
            booking.moved(item, now());
            // Only a move changes the times: the sweep also makes an item follow an unfinished cancellation's booking.
            if (previousStart.isPresent() && previousEnd.isPresent()
                    && !(previousStart.get().equals(booking.start()) && previousEnd.get().equals(booking.end()))) {
                webhooks.record(booking.accountId(), WebhookEventType.BOOKING_RESCHEDULED,
                        BookingEvents.rescheduled(booking, previousStart.get(), previousEnd.get()));
            }
            return changed(booking, new Settled(booking, false));
        }
        return new Settled(booking, true);
    }

    /**
     * The booking's item as the account's new protocol names it, if the booking still holds the ref that
     * was carried over (a move or a write settled meanwhile keeps what it stored). No claim is needed:
     * the item and its place are unchanged, only its name.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean carriedOver(String bookingId, CalendarItemRef from, CalendarItemRef to) {
        Booking booking = em.find(Booking.class, bookingId, LockModeType.PESSIMISTIC_WRITE);
        return booking != null && booking.carryOver(from, to);
    }

    /** The bookings of an account whose item was named by a connection before {@code generation}. */
    public List<Booking> namedBefore(long accountId, long generation) {
        return em.createNamedQuery("Booking.itemNamedBefore", Booking.class)
                .setParameter("accountId", accountId)
                .setParameter("generation", generation)
                .getResultList();
    }

    /** Exchange did not take the move: the booking goes back to its times (or, cancelled meanwhile, its item must go). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Settled moveFailed(Claim claim) {
        Booking booking = locked(claim.bookingId());
        if (!booking.claimedBy(claim.id())) {
            return new Settled(booking, false);
        }
        if (booking.status() == BookingStatus.CONFIRMED) {
            booking.moveBack(now());
            return changed(booking, new Settled(booking, false));
        }
        return new Settled(booking, true);
    }

    /**
     * Starts a cancellation. Settled at once, with no claim, when nothing is in the calendar, or when a
     * write or move is in progress: its owner (or the sweep) then removes the item, and the cancellation
     * is never undone. Otherwise the caller deletes the item under the claim and then {@link #cancelled}.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Cancellation beginCancel(Account account, String bookingId, CancelledBy actor) {
        Booking booking = locked(account.id(), bookingId);
        if (!booking.status().holdsTheSlot()) {
            return new Cancellation(booking, Optional.empty());
        }
        Optional<BookingOperation> running = booking.operation();
        if (running.isPresent()) {
            if (running.get() == BookingOperation.CANCEL) {
                throw BookingInProgress.changing();
            }
            booking.cancelling(actor);
            booking.cancel(now());
            recordCancelled(booking);
            return changed(booking, new Cancellation(booking, Optional.empty()));
        }
        booking.cancelling(actor);
        if (booking.itemId().isEmpty() && !booking.itemMayExist()) {
            booking.cancelled(now());
            recordCancelled(booking);
            return changed(booking, new Cancellation(booking, Optional.empty()));
        }
        String claim = newClaim();
        booking.begin(BookingOperation.CANCEL, claim, now());
        return changed(booking, new Cancellation(booking, Optional.of(new Claim(booking, claim))));
    }

    /** The item is gone: the booking is cancelled and its claim ends. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Booking cancelled(Claim claim) {
        Booking booking = locked(claim.bookingId());
        if (booking.claimedBy(claim.id())) {
            boolean reported = booking.status() == BookingStatus.CANCELLED; // Cancelled during a write or move: reported then.
            booking.cancelled(now());
            if (!reported) {
                recordCancelled(booking);
            }
        }
        return changed(booking, booking);
    }

    /** Exchange did not take the change: the booking is as it was, the claim ends. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Booking giveUp(Claim claim) {
        Booking booking = locked(claim.bookingId());
        if (booking.claimedBy(claim.id())) {
            if (booking.operation().equals(Optional.of(BookingOperation.CANCEL)) && booking.status() != BookingStatus.CANCELLED) {
                booking.cancelling(null); // Not cancelled after all: whoever cancels it later is its actor.
            }
            booking.endOperation(now());
        }
        return changed(booking, booking);
    }

    // ---- Outlook-side changes of a booking's own item (OutlookChanges reads the items, these decide).

    /** What following the user's change in Outlook did to a booking. */
    public enum Followed {
        /** The item is at the booking's times (a flag, if any, cleared). */
        IN_STEP,
        CANCELLED,
        RESCHEDULED,
        /** Newly flagged. */
        FLAGGED,
        /** Flagged already for this change, or its flag cleared by an admin. */
        UNCHANGED,
        /** The booking changed since its item was read (our own move, a cancellation): decided at the next read. */
        STALE
    }

    /**
     * The confirmed bookings of these users whose items are theirs to follow: written, no change of the item
     * in progress, not over yet.
     */
    public List<Booking> withItemsToFollow(long accountId, Set<Long> userIds, Instant endingAfter) {
        List<Long> users = List.copyOf(userIds);
        List<Booking> found = new java.util.ArrayList<>();
        // In chunks: a whole account's refresh names all its users, a pushed change one.
        for (int from = 0; from < users.size(); from += USERS_PER_QUERY) {
            found.addAll(em.createNamedQuery("Booking.itemsToFollow", Booking.class)
                    .setParameter("accountId", accountId)
                    .setParameter("userIds", users.subList(from, Math.min(users.size(), from + USERS_PER_QUERY)))
                    .setParameter("confirmed", BookingStatus.CONFIRMED)
                    .setParameter("after", endingAfter)
                    .getResultList());
        }
        return found;
    }

    /**
     * Applies what was read of a booking's item ({@code seen}) if the booking is still the version read before
     * Exchange was asked: our own move or a cancellation meanwhile makes the reading stale (decided again at
     * the next one). Gone: cancelled with actor OUTLOOK, or flagged, as the account says. Elsewhere: rescheduled
     * there, unless {@code moveRefused} (the booking rules) or another booking holding that time refuses it, or
     * flagged, as the account says. At the booking's times: in step, a flag cleared. Each change is audited and
     * its webhook written in this transaction.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Followed followOutlook(String bookingId, long versionRead, ItemState seen, Optional<String> moveRefused) {
        Booking booking = em.find(Booking.class, bookingId, LockModeType.PESSIMISTIC_WRITE);
        if (booking == null || booking.version() != versionRead || booking.status() != BookingStatus.CONFIRMED
                || booking.operation().isPresent()) {
            return Followed.STALE;
        }
        Account account = em.find(Account.class, booking.accountId());
        String what = "booking " + booking.id() + " of " + booking.userAddress().value() + " at " + booking.start();
        Optional<ItemState.At> at = seen instanceof ItemState.At moved ? Optional.of(moved) : Optional.empty();
        if (at.filter(to -> booking.itemAt(to.start(), to.end())).isPresent()) {
            if (booking.inStepWithOutlook(now())) {
                audit.recordWithChange(account.id(), OUTLOOK_ACTOR, "booking.outlook-flag-cleared", Outcome.SUCCESS,
                        what + ": its calendar item is back at the booking's time; the flag is cleared.");
            }
            return Followed.IN_STEP;
        }
        if (booking.keptDespite(at.map(ItemState.At::start), at.map(ItemState.At::end))) {
            return Followed.UNCHANGED; // An admin chose to keep the booking as it is, whatever the settings say now.
        }
        if (at.isEmpty()) {
            if (account.cancelsOnOutlookDelete()) {
                booking.cancelling(CancelledBy.OUTLOOK);
                booking.cancelled(now());
                recordCancelled(booking);
                audit.recordWithChange(account.id(), OUTLOOK_ACTOR, "booking.cancelled-in-outlook", Outcome.SUCCESS,
                        what + ": its calendar item was deleted in Outlook, so the booking is cancelled.");
                return changed(booking, Followed.CANCELLED);
            }
            return flagged(booking, OutlookChange.DELETED, Optional.empty(), Optional.empty(), Optional.empty(),
                    what + ": its calendar item was deleted in Outlook; the booking stays (the account does not cancel on that), flagged.");
        }
        ItemState.At to = at.get();
        String where = "moved in Outlook to " + to.start() + " - " + to.end();
        if (!account.followsOutlookMoves()) {
            return flagged(booking, OutlookChange.MOVED, Optional.of(to.start()), Optional.of(to.end()), Optional.empty(),
                    what + ": its calendar item was " + where + "; the booking stays (the account does not follow moves), flagged.");
        }
        Optional<String> refused = moveRefused.or(() -> heldByAnother(booking, to));
        if (refused.isPresent()) {
            return flagged(booking, OutlookChange.MOVE_REFUSED, Optional.of(to.start()), Optional.of(to.end()), refused,
                    what + ": its calendar item was " + where + ", which the booking cannot take (" + refused.get() + "); flagged.");
        }
        Instant previousStart = booking.start();
        Instant previousEnd = booking.end();
        booking.followOutlookMove(to.start(), to.end(), now());
        webhooks.record(booking.accountId(), WebhookEventType.BOOKING_RESCHEDULED,
                BookingEvents.rescheduled(booking, previousStart, previousEnd));
        audit.recordWithChange(account.id(), OUTLOOK_ACTOR, "booking.rescheduled-in-outlook", Outcome.SUCCESS,
                what + ": its calendar item was " + where + ", so the booking is rescheduled there.");
        return changed(booking, Followed.RESCHEDULED); // A flag alone holds no other slot: no version raised for one.
    }

    /** An admin keeps a flagged booking as it is: the flag goes, and the same change does not flag it again. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Booking dismissOutlookFlag(Account account, String bookingId, String actor) {
        Booking booking = locked(account.id(), bookingId);
        if (booking.dismissOutlookFlag(now())) {
            audit.recordWithChange(account.id(), actor, "booking.outlook-flag-dismissed", Outcome.SUCCESS, "booking "
                    + booking.id() + " of " + booking.userAddress().value() + " at " + booking.start()
                    + ": kept as it is, whatever its item's change in Outlook.");
        }
        return booking;
    }

    private Followed flagged(Booking booking, OutlookChange change, Optional<Instant> itemStart, Optional<Instant> itemEnd,
                             Optional<String> refusal, String detail) {
        if (!booking.flag(change, itemStart, itemEnd, refusal, now())) {
            return Followed.UNCHANGED;
        }
        audit.recordWithChange(booking.accountId(), OUTLOOK_ACTOR, "booking.outlook-change-flagged", Outcome.SUCCESS, detail);
        return Followed.FLAGGED;
    }

    /** Another booking of the user's holding the item's new time, under the user's lock as for any move. */
    private Optional<String> heldByAnother(Booking booking, ItemState.At at) {
        long userId = booking.userId().orElseThrow(UserNotFound::new);
        em.lock(em.find(BookableUser.class, userId), LockModeType.PESSIMISTIC_WRITE);
        return em.createNamedQuery("Booking.overlapping", Booking.class)
                .setParameter("userId", userId)
                .setParameter("statuses", HOLDING)
                .setParameter("start", at.start())
                .setParameter("end", at.end())
                .getResultStream()
                .filter(other -> !other.id().equals(booking.id()))
                .findFirst()
                .map(other -> "another booking (" + other.id() + ") holds that time");
    }

    // ---- The sweep: lapsed holds and changes whose owner is gone.

    /** The bookings for the sweep to settle, oldest first: lapsed holds and stale claims. */
    public List<String> toSweep(Lapse lapse, int max) {
        return em.createQuery("select b.id from Booking b where"
                        + " (b.operation is null and b.status = :failed and b.updatedAt < :lapsedBefore)"
                        + " or (b.operation = :write and b.operationAt < :writeStaleBefore)"
                        + " or (b.operation <> :write and b.operationAt < :staleBefore)"
                        + " order by b.updatedAt", String.class)
                .setParameter("failed", BookingStatus.FAILED)
                .setParameter("write", BookingOperation.WRITE)
                .setParameter("lapsedBefore", lapse.holdsBefore())
                .setParameter("writeStaleBefore", lapse.writesBefore())
                .setParameter("staleBefore", lapse.claimsBefore())
                .setMaxResults(max)
                .getResultList();
    }

    /** Claims a booking for the sweep if it still needs it (see {@link #toSweep}). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Claim> takeOver(String bookingId, Lapse lapse) {
        Booking booking = locked(bookingId);
        Optional<BookingOperation> running = booking.operation();
        boolean lapsedHold = running.isEmpty() && booking.status() == BookingStatus.FAILED
                && booking.updatedAt().isBefore(lapse.holdsBefore());
        boolean staleClaim = running.isPresent() && isStale(booking,
                running.get() == BookingOperation.WRITE ? lapse.writesBefore() : lapse.claimsBefore());
        if (!lapsedHold && !staleClaim) {
            return Optional.empty();
        }
        if (booking.status() == BookingStatus.PENDING) {
            booking.fail("The booking's calendar write stopped (the server restarted) before Exchange answered.",
                    true, now());
        }
        String claim = newClaim();
        booking.begin(BookingOperation.SWEEP, claim, now());
        return changed(booking, Optional.of(new Claim(booking, claim)));
    }

    /** The sweep found no item: the hold ends, the booking keeps why it failed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Booking release(Claim claim) {
        Booking booking = locked(claim.bookingId());
        if (booking.claimedBy(claim.id()) && booking.status() == BookingStatus.FAILED) {
            booking.release("Its calendar item was never written.", now());
        }
        return changed(booking, booking);
    }

    /**
     * An admin gives up a hold without asking Exchange: a FAILED booking, or a PENDING one whose writer
     * stopped answering. A writer that comes back after all finds its claim gone and removes its item.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Booking releaseHold(Account account, String bookingId, String actor) {
        Booking booking = locked(account.id(), bookingId);
        boolean failed = booking.status() == BookingStatus.FAILED && booking.operation().isEmpty();
        boolean abandoned = booking.status() == BookingStatus.PENDING && isStale(booking, now().minus(lapses.lease()));
        if (!failed && !abandoned) {
            throw BookingNotChangeable.notReleasable(booking.status(), lapses.lease());
        }
        booking.release("Released by an admin before its calendar item was written.", now());
        audit.record(account.id(), actor, "booking.released", Outcome.SUCCESS, "booking " + booking.id() + " of "
                + booking.userAddress().value() + " at " + booking.start() + ": its slot is free again (Exchange not asked)");
        return changed(booking, booking);
    }

    private void recordCancelled(Booking booking) {
        webhooks.record(booking.accountId(), WebhookEventType.BOOKING_CANCELLED, BookingEvents.cancelled(booking, booking.cancelledBy()));
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
                .anyMatch(i -> itself.map(b -> !isOwnItem(i, b.start(), b.end())).orElse(true));
        if (bookedMeanwhile || busyInExchange) {
            throw new SlotTaken();
        }
    }

    /** A booking's own calendar item shows up in the synced busy time once written, at the booking's times. */
    static boolean isOwnItem(BusyInterval interval, Instant start, Instant end) {
        return interval.start().equals(start) && interval.end().equals(end);
    }

    /**
     * Raises the account's data version as the last statement of a change of one of its bookings, so that
     * no availability answer kept from before it is served again ({@link AccountDataVersions}).
     */
    private <T> T changed(Booking booking, T result) {
        versions.changed(booking.accountId());
        return result;
    }

    private Booking locked(String bookingId) {
        Booking booking = bookingId == null ? null : em.find(Booking.class, bookingId, LockModeType.PESSIMISTIC_WRITE);
        if (booking == null) {
            throw new BookingNotFound();
        }
        return booking;
    }

    /** Only within the account, as {@link #get}. */
    private Booking locked(long accountId, String bookingId) {
        Booking booking = locked(bookingId);
        if (booking.accountId() != accountId) {
            throw new BookingNotFound();
        }
        return booking;
    }

    private static boolean isStale(Booking booking, Instant before) {
        return booking.operationAt().map(at -> at.isBefore(before)).orElse(false);
    }

    private static String newClaim() {
        return UUID.randomUUID().toString();
    }

    private static Instant now() {
        return Instant.now(Clock.systemUTC());
    }
}
