package org.corpconnect.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.exchange.CalendarItemRef;

@Entity
@Table(name = "booking")
@NamedQuery(name = "Booking.byKey",
        query = "select b from Booking b where b.accountId = :accountId and b.idempotencyKey = :key")
@NamedQuery(name = "Booking.overlapping",
        query = "select b from Booking b where b.userId = :userId and b.status in :statuses"
                + " and b.startAt < :end and b.endAt > :start")
@NamedQuery(name = "Booking.ofUser",
        query = "select b from Booking b where b.userId = :userId and b.status in :statuses"
                + " and b.startAt < :to and b.endAt > :from")
@NamedQuery(name = "Booking.usersHolding",
        query = "select distinct b.userId from Booking b where b.accountId = :accountId and b.userId is not null"
                + " and b.status in :statuses and b.startAt < :to and b.endAt > :from")
@NamedQuery(name = "Booking.slotsOfUsers",
        query = "select b.userId, b.startAt, b.endAt from Booking b where b.userId in :userIds and b.status in :statuses"
                + " and b.startAt < :to and b.endAt > :from order by b.startAt")
@NamedQuery(name = "Booking.ofAccount",
        query = "select b from Booking b where b.accountId = :accountId and b.startAt < :to and b.endAt > :from"
                + " order by b.startAt, b.id")
@NamedQuery(name = "Booking.itemsToFollow",
        query = "select b from Booking b where b.accountId = :accountId and b.userId in :userIds and b.status = :confirmed"
                + " and b.itemId is not null"
                + " and b.operation is null and b.endAt > :after order by b.userAddress, b.startAt")
@NamedQuery(name = "Booking.itemNamedBefore",
        query = "select b from Booking b where b.accountId = :accountId and b.itemId is not null"
                + " and b.itemGeneration < :generation order by b.userAddress, b.id")
public class Booking {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "user_id")
    private Long userId;

    @Column(name = "user_address", nullable = false, length = 320, updatable = false)
    private String userAddress;

    @Column(name = "start_at", nullable = false)
    private Instant startAt;

    @Column(name = "end_at", nullable = false)
    private Instant endAt;

    @Column(nullable = false, length = 255)
    private String title;

    @Column(name = "invitee_name", length = 200)
    private String inviteeName;

    @Column(name = "invitee_email", length = 320)
    private String inviteeEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private BookingStatus status;

    @Column(name = "idempotency_key", nullable = false, length = 200, updatable = false)
    private String idempotencyKey;

    /** What was asked, to refuse the same key with another request. */
    @Column(name = "request_hash", nullable = false, length = 64, updatable = false)
    private String requestHash;

    @Column(name = "item_id", length = 1000)
    private String itemId;

    @Column(name = "item_change_key", length = 200)
    private String itemChangeKey;

    /** The credential generation of the connection that named the item (see {@link CalendarItemRef#namedAt()}). */
    @Column(name = "item_generation", nullable = false)
    private long itemGeneration;

    @Column(length = 1000)
    private String failure;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The calendar change in progress on this booking's item, if any (see {@link BookingOperation}). */
    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private BookingOperation operation;

    /** Who holds {@link #operation}: the token of the one claim that may settle it. */
    @Column(name = "operation_id", length = 36)
    private String operationId;

    @Column(name = "operation_at")
    private Instant operationAt;

    /** The times before a move in progress, to put back if Exchange refuses the move. */
    @Column(name = "previous_start_at")
    private Instant previousStartAt;

    @Column(name = "previous_end_at")
    private Instant previousEndAt;

    /** A write was sent whose answer got lost: Exchange may hold the item though no id is known. */
    @Column(name = "item_may_exist", nullable = false)
    private boolean itemMayExist;

    /** Who cancelled it, or is cancelling it (kept from the start of a cancellation to its end). */
    @Enumerated(EnumType.STRING)
    @Column(name = "cancelled_by", length = 10)
    private CancelledBy cancelledBy;

    /** The item changed in Outlook and the booking did not follow: what (see {@link OutlookFlag}). */
    @Enumerated(EnumType.STRING)
    @Column(name = "outlook_change", length = 20)
    private OutlookChange outlookChange;

    @Column(name = "outlook_change_at")
    private Instant outlookChangeAt;

    @Column(name = "outlook_start_at")
    private Instant outlookStartAt;

    @Column(name = "outlook_end_at")
    private Instant outlookEndAt;

    @Column(name = "outlook_detail", length = 500)
    private String outlookDetail;

    /** The change whose flag an admin cleared ({@link #seen}), so that it does not flag the booking again. */
    @Column(name = "outlook_dismissed", length = 100)
    private String outlookDismissed;

    /** Every change also checks the version it read (JPA's optimistic check), under the row lock Bookings takes. */
    @Version
    private long version;

    protected Booking() {
        // for JPA
    }

    /** A new booking, PENDING, its write claimed by {@code operationId}. */
    Booking(long accountId, long userId, BookingRequest request, String requestHash, String operationId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.accountId = accountId;
        this.userId = userId;
        this.userAddress = request.user().value();
        this.startAt = request.start();
        this.endAt = request.end();
        this.title = request.title();
        this.inviteeName = request.invitee().map(BookingRequest.Invitee::name).orElse(null);
        this.inviteeEmail = request.invitee().map(BookingRequest.Invitee::email).orElse(null);
        this.idempotencyKey = request.idempotencyKey();
        this.requestHash = requestHash;
        this.status = BookingStatus.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
        begin(BookingOperation.WRITE, operationId, now);
    }

    // ---- Transitions. Bookings calls them under a lock on the row, after checking the claim.

    void begin(BookingOperation newOperation, String newOperationId, Instant now) {
        operation = newOperation;
        operationId = newOperationId;
        operationAt = now;
        updatedAt = now;
    }

    /** The change in progress is over (done, given up, or handed to the sweep by the status). */
    void endOperation(Instant now) {
        operation = null;
        operationId = null;
        operationAt = null;
        previousStartAt = null;
        previousEndAt = null;
        updatedAt = now;
    }

    void resume(Instant now) {
        status = BookingStatus.PENDING;
        updatedAt = now;
    }

    void confirm(CalendarItemRef item, Instant now) {
        status = BookingStatus.CONFIRMED;
        itemId = item.itemId();
        itemChangeKey = item.changeKey();
        itemGeneration = item.namedAt();
        itemMayExist = false;
        failure = null;
        endOperation(now);
    }

    void fail(String reason, boolean mayHaveWritten, Instant now) {
        status = BookingStatus.FAILED;
        failure = reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
        itemMayExist = mayHaveWritten;
        endOperation(now);
    }

    void reject(Instant now) {
        status = BookingStatus.REJECTED;
        endOperation(now);
    }

    /** The hold lapsed (or an admin gave it up): the slot is free, the failure stays to say why. */
    void release(String reason, Instant now) {
        status = BookingStatus.RELEASED;
        if (failure == null) {
            failure = reason;
        }
        itemMayExist = false;
        endOperation(now);
    }

    /** Holds the new slot in the database while the item moves; the old times wait in case Exchange refuses. */
    void beginMove(Instant newStart, Instant newEnd, String newOperationId, Instant now) {
        begin(BookingOperation.MOVE, newOperationId, now);
        previousStartAt = startAt;
        previousEndAt = endAt;
        startAt = newStart;
        endAt = newEnd;
    }

    /** The item is at the booking's times; it may have been found again under another name (a protocol move). */
    void moved(CalendarItemRef item, Instant now) {
        itemId = item.itemId();
        if (item.changeKey() != null || item.namedAt() != itemGeneration) {
            itemChangeKey = item.changeKey();
        }
        itemGeneration = item.namedAt();
        endOperation(now);
    }

    /** The item's ref carried over to the account's new protocol, if it is still the one carried over. */
    boolean carryOver(CalendarItemRef from, CalendarItemRef to) {
        if (!from.equals(itemRef().orElse(null))) {
            return false;
        }
        itemId = to.itemId();
        itemChangeKey = to.changeKey();
        itemGeneration = to.namedAt();
        return true;
    }

    void moveBack(Instant now) {
        if (previousStartAt != null) {
            startAt = previousStartAt;
            endAt = previousEndAt;
        }
        endOperation(now);
    }

    /**
     * Cancelled. With a change of the item still in progress, that change's owner (or, if it is gone,
     * the sweep) removes the item: the cancellation is recorded at once and never undone.
     */
    void cancel(Instant now) {
        status = BookingStatus.CANCELLED;
        updatedAt = now;
    }

    /** A cancellation begun by {@code actor} (null: none after all): kept for the event that reports it when it ends. */
    void cancelling(CancelledBy actor) {
        cancelledBy = actor;
    }

    /** Who cancelled it; a booking whose item vanished with no cancellation asked for was cancelled in Outlook. */
    CancelledBy cancelledBy() {
        return cancelledBy == null ? CancelledBy.OUTLOOK : cancelledBy;
    }

    void cancelled(Instant now) {
        status = BookingStatus.CANCELLED;
        itemMayExist = false;
        endOperation(now);
    }

    // ---- Outlook-side changes of its item (OutlookChanges decides, Bookings applies under the row lock).

    /**
     * Flags what Outlook did to the item, unless this very change is flagged already or an admin cleared its
     * flag: whether the flag is new.
     */
    boolean flag(OutlookChange change, Optional<Instant> itemStart, Optional<Instant> itemEnd, Optional<String> refusal,
                 Instant now) {
        String seen = seen(itemStart, itemEnd);
        boolean same = change == outlookChange && Optional.ofNullable(outlookStartAt).equals(itemStart)
                && Optional.ofNullable(outlookEndAt).equals(itemEnd);
        if (same || seen.equals(outlookDismissed)) {
            return false;
        }
        outlookChange = change;
        outlookChangeAt = now;
        outlookStartAt = itemStart.orElse(null);
        outlookEndAt = itemEnd.orElse(null);
        outlookDetail = refusal.map(r -> r.length() <= 500 ? r : r.substring(0, 500)).orElse(null);
        outlookDismissed = null;
        updatedAt = now;
        return true;
    }

    /** Whether its item at these times is where the booking says: Exchange keeps whole seconds (see BookingItem). */
    boolean itemAt(Instant itemStart, Instant itemEnd) {
        return itemStart.equals(startAt.truncatedTo(ChronoUnit.SECONDS)) && itemEnd.equals(endAt.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Whether an admin chose to keep the booking despite this very change (gone, or these times). */
    boolean keptDespite(Optional<Instant> itemStart, Optional<Instant> itemEnd) {
        return seen(itemStart, itemEnd).equals(outlookDismissed);
    }

    /** The item is where the booking says (moved back, or followed): no flag, nothing dismissed. Whether there was a flag. */
    boolean inStepWithOutlook(Instant now) {
        boolean flagged = outlookChange != null;
        clearFlag();
        outlookDismissed = null;
        if (flagged) {
            updatedAt = now;
        }
        return flagged;
    }

    /** An admin keeps the booking as it is: the flag goes, and this change does not flag it again. */
    boolean dismissOutlookFlag(Instant now) {
        if (outlookChange == null) {
            return false;
        }
        outlookDismissed = seen(Optional.ofNullable(outlookStartAt), Optional.ofNullable(outlookEndAt));
        clearFlag();
        updatedAt = now;
        return true;
    }

    /** Rescheduled to where the user moved its item in Outlook: the item is already there. */
    void followOutlookMove(Instant newStart, Instant newEnd, Instant now) {
        startAt = newStart;
        endAt = newEnd;
        inStepWithOutlook(now);
        updatedAt = now;
    }

    private void clearFlag() {
        outlookChange = null;
        outlookChangeAt = null;
        outlookStartAt = null;
        outlookEndAt = null;
        outlookDetail = null;
    }

    /** One observed state of the item, as a key: gone, or its times. */
    private static String seen(Optional<Instant> itemStart, Optional<Instant> itemEnd) {
        return itemStart.isEmpty() ? "gone" : itemStart.get() + "/" + itemEnd.orElseThrow();
    }

    /** The flag, while the booking still holds its slot (a cancelled booking needs no action). */
    public Optional<OutlookFlag> outlookFlag() {
        if (outlookChange == null || !status.holdsTheSlot()) {
            return Optional.empty();
        }
        return Optional.of(new OutlookFlag(outlookChange, outlookChangeAt, Optional.ofNullable(outlookStartAt),
                Optional.ofNullable(outlookEndAt), Optional.ofNullable(outlookDetail)));
    }

    long version() {
        return version;
    }

    boolean claimedBy(String claim) {
        return operationId != null && operationId.equals(claim);
    }

    Optional<BookingOperation> operation() {
        return Optional.ofNullable(operation);
    }

    Optional<Instant> operationAt() {
        return Optional.ofNullable(operationAt);
    }

    Optional<Instant> previousStart() {
        return Optional.ofNullable(previousStartAt);
    }

    Optional<Instant> previousEnd() {
        return Optional.ofNullable(previousEndAt);
    }

    Optional<CalendarItemRef> itemRef() {
        return itemId().map(id -> new CalendarItemRef(id, itemChangeKey, itemGeneration));
    }

    boolean itemMayExist() {
        return itemMayExist;
    }

    public String id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public Optional<Long> userId() {
        return Optional.ofNullable(userId);
    }

    public MailboxAddress userAddress() {
        return new MailboxAddress(userAddress);
    }

    public Instant start() {
        return startAt;
    }

    public Instant end() {
        return endAt;
    }

    public String title() {
        return title;
    }

    public Optional<BookingRequest.Invitee> invitee() {
        return inviteeEmail == null ? Optional.empty() : Optional.of(new BookingRequest.Invitee(inviteeName, inviteeEmail));
    }

    public BookingStatus status() {
        return status;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    String requestHash() {
        return requestHash;
    }

    public Optional<String> itemId() {
        return Optional.ofNullable(itemId);
    }

    Optional<String> itemChangeKey() {
        return Optional.ofNullable(itemChangeKey);
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "Booking[" + id + ", " + status + "]";
    }
}
