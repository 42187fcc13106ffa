package org.corpconnect.busytime;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;

@Entity
@Table(name = "busy_interval")
@Cacheable(false) // Replaced wholesale by bulk deletes, which bypass the shared cache.
@NamedQuery(name = "StoredBusyInterval.ofUser",
        query = "select b from StoredBusyInterval b where b.userId = :userId and b.endAt > :from and b.startAt < :to"
                + " order by b.startAt, b.endAt, b.busyType") // one order on every database
@NamedQuery(name = "StoredBusyInterval.ofUsers",
        query = "select b.userId, b.startAt, b.endAt, b.busyType from StoredBusyInterval b where b.userId in :userIds"
                + " and b.endAt > :from and b.startAt < :to order by b.startAt, b.endAt, b.busyType")
@NamedQuery(name = "StoredBusyInterval.deleteOfUsers",
        query = "delete from StoredBusyInterval b where b.userId in :userIds")
public class StoredBusyInterval {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "busy_interval_seq")
    @SequenceGenerator(name = "busy_interval_seq", sequenceName = "busy_interval_seq", allocationSize = 500)
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "start_at", nullable = false, updatable = false)
    private Instant startAt;

    @Column(name = "end_at", nullable = false, updatable = false)
    private Instant endAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "busy_type", nullable = false, length = 20, updatable = false)
    private BusyType busyType;

    protected StoredBusyInterval() {
        // for JPA
    }

    StoredBusyInterval(long userId, BusyInterval interval) {
        this.userId = userId;
        this.startAt = interval.start();
        this.endAt = interval.end();
        this.busyType = interval.type();
    }

    public BusyInterval toInterval() {
        return new BusyInterval(startAt, endAt, busyType);
    }
}
