package org.corpconnect.it;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.corpconnect.busytime.BusyTimeStore;
import org.corpconnect.busytime.BusyTimeSync;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.it.TestAccounts.TestAccount;
import org.corpconnect.users.BookableUser;
import org.corpconnect.users.Users;

/** Test-only: sets up a synced account (POST) and reports its stored busy time and timer (GET). */
@WebServlet("/it-restart-probe")
public class RestartProbeServlet extends HttpServlet {

    @Inject
    TestAccounts fixture;

    @Inject
    BusyTimeStore store;

    @Inject
    BusyTimeSync sync;

    @Inject
    Users users;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SimulatorControl simulator = SimulatorControl.ofTestRun();
        simulator.loadDemo();
        TestAccount account = fixture.create(simulator);
        fixture.addUsers(account, List.of("anna.schmidt@contoso.test", "lukas.weber@contoso.test"));
        Instant before = Instant.now();
        fixture.connect(account, AccessMode.IMPERSONATION, account.secret());
        fixture.awaitRefreshedSince(account, before, Duration.ofSeconds(60));
        write(response, state(account.id()));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(response, state(Long.parseLong(request.getParameter("account"))));
    }

    private JsonObjectBuilder state(long accountId) {
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        TimeWindow horizon = new TimeWindow(today, today.plus(Duration.ofDays(365)));
        var users = Json.createObjectBuilder();
        for (BookableUser user : this.users.ofAccount(accountId)) {
            var intervals = Json.createArrayBuilder();
            store.of(user.id(), horizon).forEach(i -> intervals.add(i.start() + "/" + i.end() + "/" + i.type()));
            users.add(user.address().value(), Json.createObjectBuilder()
                    // Milliseconds: the database keeps microseconds, the clock gave nanoseconds.
                    .add("refreshedAt", user.refreshedAt().map(at -> at.truncatedTo(ChronoUnit.MILLIS).toString()).orElse(""))
                    .add("intervals", intervals));
        }
        return Json.createObjectBuilder()
                .add("account", accountId)
                .add("nextRefresh", sync.nextRefresh(accountId).map(Instant::toString).orElse(""))
                .add("users", users);
    }

    private static void write(HttpServletResponse response, JsonObjectBuilder body) throws IOException {
        response.setContentType("application/json");
        response.getWriter().write(body.build().toString());
    }
}
