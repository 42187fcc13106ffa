package org.corpconnect.admin.bookings;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.corpconnect.BusinessException;
import org.corpconnect.account.Accounts;
import org.corpconnect.admin.AccountPage;
import org.corpconnect.admin.PageRequest;
import org.corpconnect.booking.BookingWriter;
import org.corpconnect.booking.Bookings;
import org.corpconnect.booking.CancelledBy;
import org.corpconnect.calendar.TimeWindow;

@RequestScoped
public class BookingsPage implements AccountPage {

    @Inject
    private Bookings bookings;

    @Inject
    private BookingWriter writer;

    @Inject
    private Accounts accounts;

    @Override
    public void show(PageRequest page) throws ServletException, IOException {
        LocalDate from = date(page, "from", LocalDate.now(ZoneOffset.UTC).minusDays(7));
        LocalDate to = date(page, "to", from.plusDays(60));
        if (to.isBefore(from) || to.isAfter(from.plusDays(366))) {
            page.error("to", "The end is after the start, at most a year later.");
            to = from.plusDays(60);
        }
        String user = page.param("user").toLowerCase(Locale.ROOT);
        String status = page.param("status");
        var list = bookings.ofAccount(page.account().id(), new TimeWindow(from.atStartOfDay().toInstant(ZoneOffset.UTC),
                        to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))).stream()
                .filter(b -> user.isEmpty() || b.userAddress().value().contains(user))
                .filter(b -> status.isEmpty() || b.status().name().equals(status))
                .toList();
        page.set("bookings", list).set("from", from).set("to", to).render("bookings");
    }

    @Override
    public void change(PageRequest page) throws ServletException, IOException {
        try {
            switch (page.param("action")) {
                case "cancel" -> {
                    writer.cancel(page.account(), page.param("bookingId"), CancelledBy.ADMIN);
                    page.redirect("bookings", "Booking cancelled; its calendar item is deleted.");
                    return;
                }
                case "outlook-settings" -> {
                    accounts.followOutlook(page.account().id(), checked(page, "cancelOnOutlookDelete"),
                            checked(page, "followOutlookMoves"), page.me().username());
                    page.redirect("bookings", "Saved: what bookings do when their item is deleted or moved in Outlook.");
                    return;
                }
                case "dismiss-flag" -> {
                    bookings.dismissOutlookFlag(page.account(), page.param("bookingId"), page.me().username());
                    page.redirect("bookings", "Flag cleared: the booking stays as it is.");
                    return;
                }
                case "release" -> {
                    // The database alone: this works while Exchange is down, which is when it is needed.
                    bookings.releaseHold(page.account(), page.param("bookingId"), page.me().username());
                    page.redirect("bookings", "Hold released: the slot can be booked again.");
                    return;
                }
                default -> page.error("booking", "Unknown action.");
            }
        } catch (BusinessException e) {
            page.error("booking", e.getMessage());
        }
        show(page);
    }

    /** A checkbox: sent as "on" when ticked, not sent at all when not. */
    private static boolean checked(PageRequest page, String field) {
        return page.param(field).equals("on");
    }

    private static LocalDate date(PageRequest page, String field, LocalDate fallback) {
        String value = page.param(field);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            page.error(field, "A date such as 2026-12-01.");
            return fallback;
        }
    }
}
