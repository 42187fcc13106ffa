package org.corpconnect.availability;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import org.corpconnect.account.Account;
import org.corpconnect.booking.Bookings;
import org.corpconnect.bookingrules.BookingPolicy;
import org.corpconnect.busytime.BusyTimeStore;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.users.BookableUser;
import org.corpconnect.users.UserNotFound;
import org.corpconnect.users.Users;

/**
 * What {@link FreeSlots} reads of one user, for people to look at (the admin pages' week view): the
 * same stores and rules, never a call to Exchange.
 */
@Stateless
public class CalendarSnapshots {

    @Inject
    private Users users;

    @Inject
    private BusyTimeStore busyTime;

    @Inject
    private Bookings bookings;

    @Inject
    private BookingPolicy policy;

    public CalendarSnapshot of(Account account, MailboxAddress address, TimeWindow window, Instant now) {
        BookableUser user = users.find(account.id(), address).orElseThrow(UserNotFound::new);
        return new CalendarSnapshot(user, window, busyTime.of(user.id(), window), account.blockingBusyTypes(),
                bookings.holdingSlotsOf(user.id(), window), policy.workingHoursOf(user),
                policy.readabilityOf(user, policy.connectionOf(account.id()), now),
                user.refreshedAt().map(BusyTimeStore::readFrom));
    }
}
