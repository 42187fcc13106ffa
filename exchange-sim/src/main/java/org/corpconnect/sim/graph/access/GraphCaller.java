package org.corpconnect.sim.graph.access;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.corpconnect.sim.directory.MailboxAddress;

/**
 * Who a Microsoft Graph request signed in as, read from its access token: an application alone
 * (app-only, {@code permissions} are its application roles such as {@code Calendars.ReadWrite}) or an
 * application acting for a signed-in mailbox (delegated, {@code permissions} are the granted scopes
 * such as {@code Calendars.ReadWrite.Shared}).
 */
public record GraphCaller(String tenantId, String appId, Optional<MailboxAddress> signedInMailbox, Set<String> permissions) {
    public GraphCaller {
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(appId);
        Objects.requireNonNull(signedInMailbox);
        permissions = Set.copyOf(permissions);
    }

    public boolean delegated() {
        return signedInMailbox.isPresent();
    }

    /** For the request log: "app:{appId}" or "{mailbox} via {appId}". */
    public String describe() {
        return signedInMailbox.map(m -> m.value() + " via " + appId).orElse("app:" + appId);
    }
}
