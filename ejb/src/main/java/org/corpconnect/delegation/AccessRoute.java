package org.corpconnect.delegation;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.exchange.AccessMode;

/**
 * How an account reaches its users' calendars, as far as the advice needs it: the access mode, the
 * dedicated mailbox and, on Microsoft Graph, the app (the tenant's admin-consent URL included) whose
 * grants an Exchange admin changes.
 */
public record AccessRoute(AccessMode mode, MailboxAddress serviceMailbox, Optional<GraphApp> graphApp) {

    /** The Entra ID app a Graph connection signs in with. */
    public record GraphApp(String tenant, String appId, URI adminConsentUrl) {
        public GraphApp {
            Objects.requireNonNull(tenant);
            Objects.requireNonNull(appId);
            Objects.requireNonNull(adminConsentUrl);
        }
    }

    public AccessRoute {
        Objects.requireNonNull(mode);
        Objects.requireNonNull(serviceMailbox);
        Objects.requireNonNull(graphApp);
    }

    public static AccessRoute ews(AccessMode mode, MailboxAddress serviceMailbox) {
        return new AccessRoute(mode, serviceMailbox, Optional.empty());
    }

    public static AccessRoute graph(AccessMode mode, MailboxAddress serviceMailbox, GraphApp app) {
        return new AccessRoute(mode, serviceMailbox, Optional.of(app));
    }

    /** Central (app-only, RBAC for Applications) on Graph; impersonation on EWS. */
    public boolean central() {
        return mode == AccessMode.IMPERSONATION;
    }
}
