package org.corpconnect.admin.apikeys;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import java.io.IOException;
import org.corpconnect.BusinessException;
import org.corpconnect.admin.AccountPage;
import org.corpconnect.admin.PageRequest;
import org.corpconnect.apikey.ApiKeys;

@RequestScoped
public class ApiKeysPage implements AccountPage {

    @Inject
    private ApiKeys apiKeys;

    @Override
    public void show(PageRequest page) throws ServletException, IOException {
        page.set("keys", apiKeys.ofAccount(page.account().id())).render("api-keys");
    }

    @Override
    public void change(PageRequest page) throws ServletException, IOException {
        try {
            if ("create".equals(page.param("action"))) {
                // Shown in this answer only: it is neither stored nor put into the session.
                page.set("newKey", apiKeys.create(page.account(), page.param("name"), page.me().username()).token());
            } else if ("revoke".equals(page.param("action"))) {
                apiKeys.revoke(page.account().id(), Long.parseLong(page.param("keyId")), page.me().username());
                page.redirect("api-keys", "Key revoked: requests with it are refused from now on.");
                return;
            }
        } catch (BusinessException | NumberFormatException e) {
            page.error("name", e.getMessage());
        }
        show(page);
    }
}
