package org.corpconnect.admin.week;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.corpconnect.BusinessException;
import org.corpconnect.admin.AccountPage;
import org.corpconnect.admin.PageRequest;
import org.corpconnect.availability.CalendarSnapshot;
import org.corpconnect.availability.CalendarSnapshots;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.users.BookableUser;
import org.corpconnect.users.Users;

/**
 * {@code week?user=<address>&from=<date>}: one user's week, Monday to Sunday in the user's zone, as
 * availability sees it (for a support call: "why is Tuesday morning not offered?").
 */
@RequestScoped
public class WeekPage implements AccountPage {

    @Inject
    private Users users;

    @Inject
    private CalendarSnapshots snapshots;

    private final Clock clock = Clock.systemUTC();

    @Override
    public void show(PageRequest page) throws ServletException, IOException {
        List<BookableUser> all = users.ofAccount(page.account().id());
        page.set("users", all);
        Optional<BookableUser> user = user(page, all);
        if (user.isPresent()) {
            Instant now = clock.instant();
            LocalDate day = date(page).orElseGet(() -> now.atZone(user.get().timeZone()).toLocalDate());
            LocalDate monday = WeekLayout.mondayOf(day);
            CalendarSnapshot seen = snapshots.of(page.account(), user.get().address(),
                    WeekLayout.window(monday, user.get().timeZone()), now);
            List<WeekLayout.Held> held = seen.bookings().stream()
                    .map(b -> new WeekLayout.Held(b.id(), b.start(), b.end(), b.title(), b.status().name())).toList();
            page.set("user", user.get()).set("seen", seen)
                    .set("week", WeekLayout.of(monday, user.get().timeZone(), seen.busy(), seen.blocking(), held,
                            seen.workingHours(), seen.readFrom(), now));
        }
        page.render("week");
    }

    @Override
    public void change(PageRequest page) throws ServletException, IOException {
        show(page);
    }

    private static Optional<BookableUser> user(PageRequest page, List<BookableUser> all) {
        if (page.param("user").isEmpty()) {
            return Optional.empty();
        }
        try {
            MailboxAddress address = new MailboxAddress(page.param("user"));
            Optional<BookableUser> found = all.stream().filter(u -> u.address().equals(address)).findFirst();
            if (found.isEmpty()) {
                page.error("user", "No user " + address + " in this account.");
            }
            return found;
        } catch (BusinessException e) {
            page.error("user", e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(PageRequest page) {
        if (page.param("from").isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(page.param("from")));
        } catch (DateTimeParseException e) {
            page.error("from", "A date such as 2026-12-07; the week around it is shown.");
            return Optional.empty();
        }
    }
}
