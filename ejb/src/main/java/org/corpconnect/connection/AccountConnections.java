package org.corpconnect.connection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.exchange.ExchangeGateway;

/** Opens an account's guarded way to Exchange, and records what its use teaches about the connection. */
@ApplicationScoped
public class AccountConnections {

    @Inject
    private Connections connections;

    @Inject
    private ExchangeGateway gateway;

    @Inject
    private CredentialGuard guard;

    /**
     * @throws NotConnected when the account has no connection
     * @throws ConnectionPaused when its credential was rejected and not replaced since
     */
    public AccountExchange open(long accountId) {
        ExchangeConnection connection = connections.findFor(accountId).orElseThrow(NotConnected::new);
        if (connection.status() == ConnectionStatus.CREDENTIAL_REJECTED
                || guard.isRejected(accountId, connection.credentialGeneration())) {
            throw new ConnectionPaused();
        }
        return new AccountExchange(accountId, connections.accessOf(connection), connection.itemNamingSince(), gateway, this);
    }

    CredentialGuard guard() {
        return guard;
    }

    void rejected(long accountId, long generation, CredentialRejected rejection) {
        guard.rejected(accountId, generation);
        connections.recordRejected(accountId, generation, rejection.getMessage());
    }
}
