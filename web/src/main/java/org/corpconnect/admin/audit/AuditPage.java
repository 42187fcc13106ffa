package org.corpconnect.admin.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import java.io.IOException;
import org.corpconnect.admin.AccountPage;
import org.corpconnect.admin.PageRequest;
import org.corpconnect.audit.AuditLog;

@RequestScoped
public class AuditPage implements AccountPage {

    @Inject
    private AuditLog audit;

    @Override
    public void show(PageRequest page) throws ServletException, IOException {
        page.set("entries", audit.recent(page.account().id(), 200)).render("audit");
    }

    @Override
    public void change(PageRequest page) throws ServletException, IOException {
        show(page);
    }
}
