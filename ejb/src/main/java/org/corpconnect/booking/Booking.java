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
import java.util.Optional;
import java.util.UUID;
import org.corpconnect.calendar.MailboxAddress;

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
@NamedQuery(name = "Booking.ofAccount",
        query = "select b from Booking b where b.accountId = :accountId and b.startAt < :to and b.endAt > :from"
                + " order by b.startAt, b.id")
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

    @Column(length = 1000)
    private String failure;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Booking() {
        // for JPA
    }

    Booking(long accountId, long userId, BookingRequest request, String requestHash, Instant now) {
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
    }

    void confirmed(String newItemId, String newChangeKey, Instant now) {
        status = BookingStatus.CONFIRMED;
        itemId = newItemId;
        itemChangeKey = newChangeKey;
        failure = null;
        updatedAt = now;
    }

    void failed(String reason, Instant now) {
        status = BookingStatus.FAILED;
        failure = reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
        updatedAt = now;
    }

    void rejected(Instant now) {
        status = BookingStatus.REJECTED;
        updatedAt = now;
    }

    void resumed(Instant now) {
        status = BookingStatus.PENDING;
        updatedAt = now;
    }

    void moved(Instant newStart, Instant newEnd, String newChangeKey, Instant now) {
        startAt = newStart;
        endAt = newEnd;
        if (newChangeKey != null) {
            itemChangeKey = newChangeKey;
        }
        updatedAt = now;
    }

    void cancelled(Instant now) {
        status = BookingStatus.CANCELLED;
        updatedAt = now;
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

    long version() {
        return version;
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
