package org.corpconnect.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.corpconnect.calendar.BusyType;

@Entity
@Table(name = "account")
@NamedQuery(name = "Account.bySlug", query = "select a from Account a where a.slug = :slug")
@NamedQuery(name = "Account.all", query = "select a from Account a order by a.name")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
    private Long id;

    /** Short, URL-safe key of the account, unique in the deployment (e.g. {@code demo}). */
    @Column(nullable = false, unique = true, length = 64)
    private String slug;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Which busy types make a slot unavailable, e.g. {@code BUSY,OOF,TENTATIVE}. */
    @Column(name = "blocking_busy_types", nullable = false, length = 100)
    private String blockingBusyTypes = DEFAULT_BLOCKING;

    static final String DEFAULT_BLOCKING = "BUSY,OOF,TENTATIVE";

    /** A booking's item deleted in Outlook cancels the booking; off: the booking stays, flagged. */
    @Column(name = "cancel_on_outlook_delete", nullable = false)
    private boolean cancelOnOutlookDelete;

    /** A booking's item moved in Outlook reschedules the booking (within its rules); off: the booking stays, flagged. */
    @Column(name = "follow_outlook_moves", nullable = false)
    private boolean followOutlookMoves;

    protected Account() {
        // for JPA
    }

    public Account(AccountSlug slug, String name, Instant createdAt) {
        this.slug = slug.value();
        this.name = requireName(name);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidAccount("An account name is required, at most 200 characters.");
        }
        return name.strip();
    }

    public Long id() {
        return id;
    }

    public AccountSlug slug() {
        return new AccountSlug(slug);
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public void rename(String newName) {
        this.name = requireName(newName);
    }

    public Set<BusyType> blockingBusyTypes() {
        EnumSet<BusyType> types = EnumSet.noneOf(BusyType.class);
        Arrays.stream(blockingBusyTypes.split(",")).filter(t -> !t.isBlank()).map(BusyType::valueOf).forEach(types::add);
        return types;
    }

    /** Free never blocks: a slot that is free in Exchange is free here. */
    public void blockOn(Set<BusyType> types) {
        if (types.contains(BusyType.FREE)) {
            throw new InvalidAccount("Free time cannot block a slot.");
        }
        this.blockingBusyTypes = types.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    public boolean cancelsOnOutlookDelete() {
        return cancelOnOutlookDelete;
    }

    public boolean followsOutlookMoves() {
        return followOutlookMoves;
    }

    /** What the account's bookings do when the user deletes or moves their item in Outlook. */
    public void followOutlook(boolean cancelOnDelete, boolean followMoves) {
        this.cancelOnOutlookDelete = cancelOnDelete;
        this.followOutlookMoves = followMoves;
    }

    @Override
    public String toString() {
        return "Account[" + slug + "]";
    }
}
