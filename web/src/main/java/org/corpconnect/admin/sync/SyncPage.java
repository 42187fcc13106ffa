package org.corpconnect.admin.sync;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import java.io.IOException;
import org.corpconnect.admin.AccountPage;
import org.corpconnect.admin.PageRequest;
import org.corpconnect.busytime.BusyTimeSync;
import org.corpconnect.connection.Connections;
import org.corpconnect.users.Users;

@RequestScoped
public class SyncPage implements AccountPage {

    @Inject
    private Connections connections;

    @Inject
    private Users users;

    @Inject
    private BusyTimeSync sync;

    @Override
    public void show(PageRequest page) throws ServletException, IOException {
        long id = page.account().id();
        page.set("connection", connections.findFor(id).orElse(null))
                .set("users", users.ofAccount(id))
                .set("runs", sync.recentRuns(id))
                .set("nextRefresh", sync.nextRefresh(id).orElse(null))
                .set("refreshing", sync.refreshing(id))
                .render("sync");
    }

    @Override
    public void change(PageRequest page) throws ServletException, IOException {
        if ("refresh".equals(page.param("action"))) {
            sync.refreshNow(page.account().id());
            page.redirect("sync", "Refresh started: reload in a few seconds to see the result.");
            return;
        }
        show(page);
    }
}
