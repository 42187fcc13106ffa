package org.corpconnect.admin.apikeys;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.corpconnect.BusinessException;
import org.corpconnect.admin.AccountPage;
import org.corpconnect.admin.PageRequest;
import org.corpconnect.apikey.ApiKeys;

@RequestScoped
public class ApiKeysPage implements AccountPage {

    @Inject
    private ApiKeys apiKeys;

    /** The new key between the POST that made it and the GET that shows it, once; never stored anywhere else. */
    private static final String NEW_KEY = ApiKeysPage.class.getName() + ".newKey";

    @Override
    public void show(PageRequest page) throws ServletException, IOException {
        HttpSession session = page.http().getSession();
        Object newKey = session.getAttribute(NEW_KEY);
        if (newKey != null) {
            session.removeAttribute(NEW_KEY);
            page.set("newKey", newKey);
        }
        page.set("keys", apiKeys.ofAccount(page.account().id())).render("api-keys");
    }

    @Override
    public void change(PageRequest page) throws ServletException, IOException {
        try {
            if ("create".equals(page.param("action"))) {
                // Post, redirect, get: a reload shows the list, and creates no second key.
                String token = apiKeys.create(page.account(), page.param("name"), page.me().username()).token();
                page.http().getSession().setAttribute(NEW_KEY, token);
                page.redirect("api-keys", "Key created.");
                return;
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
