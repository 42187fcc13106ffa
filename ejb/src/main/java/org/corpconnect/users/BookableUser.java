package org.corpconnect.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.corpconnect.account.Account;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.WorkingWeek;

@Entity
@Table(name = "bookable_user")
@NamedQuery(name = "BookableUser.ofAccount",
        query = "select u from BookableUser u where u.account.id = :accountId order by u.address")
@NamedQuery(name = "BookableUser.byAddresses",
        query = "select u from BookableUser u where u.account.id = :accountId and u.address in :addresses")
@NamedQuery(name = "BookableUser.byAddress",
        query = "select u from BookableUser u where u.account.id = :accountId and u.address = :address")
public class BookableUser {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bookable_user_seq")
    @SequenceGenerator(name = "bookable_user_seq", sequenceName = "bookable_user_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @Column(nullable = false, length = 320, updatable = false)
    private String address;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(name = "access_status", nullable = false, length = 30)
    private CalendarAccessStatus accessStatus;

    @Column(name = "access_detail", length = 1000)
    private String accessDetail;

    @Column(name = "access_checked_at")
    private Instant accessCheckedAt;

    /** Last time this user's busy time was replaced by a successful read. */
    @Column(name = "refreshed_at")
    private Instant refreshedAt;

    @Column(name = "refresh_error", length = 1000)
    private String refreshError;

    @Column(name = "refresh_failed_at")
    private Instant refreshFailedAt;

    @Column(name = "busy_digest", length = 64)
    private String busyDigest;

    @Column(name = "work_days", length = 80)
    private String workDays;

    @Column(name = "work_start", length = 5)
    private String workStart;

    @Column(name = "work_end", length = 5)
    private String workEnd;

    protected BookableUser() {
        // for JPA
    }

    BookableUser(Account account, MailboxAddress address, String displayName, ZoneId timeZone) {
        this.account = account;
        this.address = address.value();
        this.displayName = displayName;
        this.timeZone = timeZone.getId();
        this.accessStatus = CalendarAccessStatus.UNCHECKED;
    }

    public void accessChecked(CalendarAccessStatus status, String detail, Instant at) {
        this.accessStatus = status;
        this.accessDetail = truncate(detail);
        this.accessCheckedAt = at;
    }

    /** Fresh as of now; the digest names the busy time now stored. */
    public void refreshed(Instant at, String digest) {
        this.busyDigest = digest;
        refreshed(at);
    }

    public void refreshed(Instant at) {
        this.refreshedAt = at;
        this.refreshError = null;
        this.refreshFailedAt = null;
    }

    /** The working hours Exchange reported with the user's free/busy. */
    public void workingWeekReported(WorkingWeek week) {
        this.workDays = week.days().stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        this.workStart = week.start().toString();
        this.workEnd = week.end().toString();
    }

    public Optional<WorkingWeek> workingWeek() {
        if (workDays == null || workStart == null || workEnd == null) {
            return Optional.empty();
        }
        Set<DayOfWeek> days = workDays.isEmpty() ? Set.of()
                : Arrays.stream(workDays.split(",")).map(DayOfWeek::valueOf).collect(Collectors.toSet());
        return Optional.of(new WorkingWeek(days, LocalTime.parse(workStart), LocalTime.parse(workEnd)));
    }

    public void refreshFailed(String error, Instant at) {
        this.refreshError = truncate(error);
        this.refreshFailedAt = at;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    public Long id() {
        return id;
    }

    public Account account() {
        return account;
    }

    public MailboxAddress address() {
        return new MailboxAddress(address);
    }

    public String displayName() {
        return displayName;
    }

    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public CalendarAccessStatus accessStatus() {
        return accessStatus;
    }

    public Optional<String> accessDetail() {
        return Optional.ofNullable(accessDetail);
    }

    public Optional<Instant> accessCheckedAt() {
        return Optional.ofNullable(accessCheckedAt);
    }

    public Optional<String> busyDigest() {
        return Optional.ofNullable(busyDigest);
    }

    public Optional<Instant> refreshedAt() {
        return Optional.ofNullable(refreshedAt);
    }

    public Optional<String> refreshError() {
        return Optional.ofNullable(refreshError);
    }

    public Optional<Instant> refreshFailedAt() {
        return Optional.ofNullable(refreshFailedAt);
    }

    @Override
    public String toString() {
        return "BookableUser[" + address + "]";
    }
}
