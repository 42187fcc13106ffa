package org.corpconnect.admin.users;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corpconnect.BusinessException;
import org.corpconnect.admin.AccountPage;
import org.corpconnect.admin.PageRequest;
import org.corpconnect.busytime.BusyTimeSync;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.connection.ConnectionStatus;
import org.corpconnect.connection.Connections;
import org.corpconnect.connection.ExchangeConnection;
import org.corpconnect.delegation.DelegationAdvice;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.users.BookableUser;
import org.corpconnect.users.NewUser;
import org.corpconnect.users.UserImport;
import org.corpconnect.users.Users;

@RequestScoped
public class UsersPage implements AccountPage {

    @Inject
    private Users users;

    @Inject
    private UserImport userImport;

    @Inject
    private Connections connections;

    @Inject
    private BusyTimeSync sync;

    @Override
    public void show(PageRequest page) throws ServletException, IOException {
        var connection = connections.findFor(page.account().id());
        Map<BookableUser, String> advice = new LinkedHashMap<>();
        for (BookableUser user : users.ofAccount(page.account().id())) {
            advice.put(user, connection.map(c -> DelegationAdvice.forUser(c, user)).orElseGet(() -> DelegationAdvice
                    .forStatus(user.accessStatus(), AccessMode.IMPERSONATION, UNCONNECTED, user.address())));
        }
        page.set("users", advice).set("connected", connection.isPresent())
                .set("consentAdvice", connection.filter(UsersPage::mayLackConsent)
                        .map(c -> DelegationAdvice.consentMissing(DelegationAdvice.routeOf(c).graphApp().orElseThrow()))
                        .orElse(null))
                .render("users");
    }

    /** Names the dedicated mailbox in advice while the account has none yet. */
    private static final MailboxAddress UNCONNECTED = new MailboxAddress("dedicated-mailbox@example.com");

    /**
     * Graph's delegated mode with its sign-in refused: the dedicated mailbox's consent may be missing.
     * (The central mode needs no consent: a tenant-wide one would void its RBAC scope.)
     */
    private static boolean mayLackConsent(ExchangeConnection connection) {
        return connection.graph() && connection.accessMode() == AccessMode.DELEGATION
                && connection.status() == ConnectionStatus.CREDENTIAL_REJECTED;
    }

    @Override
    public void change(PageRequest page) throws ServletException, IOException {
        switch (page.param("action")) {
            case "add" -> add(page);
            case "import" -> importCsv(page);
            case "remove" -> {
                users.remove(page.account().id(), Long.parseLong(page.param("userId")));
                page.redirect("users", "User removed, with their busy time; their bookings stay.");
            }
            case "refresh" -> {
                sync.refreshNow(page.account().id());
                page.redirect("users", "Refresh started: reload in a few seconds to see the result.");
            }
            case "refresh-user" -> {
                long userId = Long.parseLong(page.param("userId"));
                users.get(page.account().id(), userId);
                sync.refreshUserNow(page.account().id(), userId);
                page.redirect("users", "Refresh of the user started: reload in a few seconds to see the result.");
            }
            default -> show(page);
        }
    }

    private void add(PageRequest page) throws ServletException, IOException {
        MailboxAddress address = null;
        ZoneId zone = null;
        try {
            address = new MailboxAddress(page.param("address"));
        } catch (BusinessException e) {
            page.error("address", e.getMessage());
        }
        try {
            zone = NewUser.zone(page.param("timeZone"));
        } catch (BusinessException e) {
            page.error("timeZone", e.getMessage());
        }
        if (!page.hasErrors()) {
            try {
                users.add(page.account(), new NewUser(address, page.param("displayName"), zone));
                page.redirect("users", "User " + address + " added; the next refresh checks their calendar.");
                return;
            } catch (BusinessException e) {
                page.error("address", e.getMessage());
            }
        }
        show(page);
    }

    private void importCsv(PageRequest page) throws ServletException, IOException {
        Part file = page.http().getPart("csv");
        if (file == null || file.getSize() == 0) {
            page.error("csv", "Choose a CSV file: address, display name, time zone per line.");
            show(page);
            return;
        }
        ZoneId zone;
        try {
            zone = NewUser.zone(page.param("defaultTimeZone").isEmpty() ? "Europe/Berlin" : page.param("defaultTimeZone"));
        } catch (BusinessException e) {
            page.error("defaultTimeZone", e.getMessage());
            show(page);
            return;
        }
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            List<UserImport.RowReport> report = userImport.importCsv(page.account(), reader, zone);
            page.set("importReport", report);
        } catch (BusinessException e) {
            page.error("csv", e.getMessage());
        }
        show(page);
    }
}
