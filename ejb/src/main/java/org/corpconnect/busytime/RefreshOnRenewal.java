package org.corpconnect.busytime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.corpconnect.connection.ConnectionRenewed;

/** A renewed connection (new account, new credential) gets its timer and a refresh of every user at once. */
@ApplicationScoped
public class RefreshOnRenewal {

    @Inject
    private BusyTimeSync sync;

    void renewed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConnectionRenewed renewal) {
        sync.renewed(renewal.accountId());
    }
}
