package org.corpconnect.admin.webhooks;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.corpconnect.BusinessException;
import org.corpconnect.admin.AccountPage;
import org.corpconnect.admin.PageRequest;
import org.corpconnect.webhook.IssuedEndpointSecret;
import org.corpconnect.webhook.WebhookDeliveries;
import org.corpconnect.webhook.WebhookEndpoint;
import org.corpconnect.webhook.WebhookEndpoints;

@RequestScoped
public class WebhooksPage implements AccountPage {

    /** Rows of the delivery log shown: the newest. */
    private static final int LOG_ROWS = 200;

    /** The new secret between the POST that made it and the GET that shows it, once; never stored anywhere else in plain text. */
    private static final String NEW_SECRET = WebhooksPage.class.getName() + ".newSecret";

    /** A secret to show once, and the endpoint it signs for. */
    public record ShownSecret(long endpointId, String url, String secret) {
    }

    @Inject
    private WebhookEndpoints endpoints;

    @Inject
    private WebhookDeliveries deliveries;

    @Override
    public void show(PageRequest page) throws ServletException, IOException {
        HttpSession session = page.http().getSession();
        Object newSecret = session.getAttribute(NEW_SECRET);
        if (newSecret != null) {
            session.removeAttribute(NEW_SECRET);
            page.set("newSecret", newSecret);
        }
        long accountId = page.account().id();
        var list = endpoints.ofAccount(accountId);
        Map<Long, String> urls = list.stream().collect(Collectors.toMap(WebhookEndpoint::id, e -> e.url().toString()));
        page.set("now", Instant.now(Clock.systemUTC()))
                .set("endpoints", list)
                .set("endpointUrls", urls)
                .set("deliveries", deliveries.ofAccount(accountId, LOG_ROWS))
                .render("webhooks");
    }

    @Override
    public void change(PageRequest page) throws ServletException, IOException {
        long accountId = page.account().id();
        String actor = page.me().username();
        try {
            switch (page.param("action")) {
                case "add" -> {
                    // Post, redirect, get: a reload shows the list, and adds no second endpoint.
                    showOnce(page, endpoints.register(accountId, page.param("url"), actor));
                    page.redirect("webhooks", "Endpoint added: copy its secret now.");
                    return;
                }
                case "rotate" -> {
                    showOnce(page, endpoints.rotateSecret(accountId, endpointId(page), actor));
                    page.redirect("webhooks", "New secret made: both secrets sign until the time shown.");
                    return;
                }
                case "remove" -> {
                    endpoints.remove(accountId, endpointId(page), actor);
                    page.redirect("webhooks", "Endpoint removed: nothing more is sent to it.");
                    return;
                }
                default -> page.error("url", "Unknown action.");
            }
        } catch (BusinessException e) {
            page.error("url", e.getMessage());
        }
        show(page);
    }

    private static void showOnce(PageRequest page, IssuedEndpointSecret issued) {
        page.http().getSession().setAttribute(NEW_SECRET,
                new ShownSecret(issued.endpoint().id(), issued.endpoint().url().toString(), issued.secret().reveal()));
    }

    /** A number, or the form names nothing on this page (AccountPages answers 400). */
    private static long endpointId(PageRequest page) {
        return Long.parseLong(page.param("endpointId"));
    }
}
