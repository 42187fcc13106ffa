package org.corpconnect.exchange.ews;

import java.util.Objects;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import org.apache.http.config.Registry;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.corpconnect.exchange.outbound.CheckedSockets;
import org.corpconnect.exchange.outbound.OutboundPolicy;

/**
 * ews-java-api's ExchangeService whose HttpClient connects only where the {@link OutboundPolicy} allows,
 * and trusts only the certificates the JDK trusts ({@link CheckedSockets#checked}).
 */
final class CheckedExchangeService extends ExchangeService {

    private final OutboundPolicy policy;

    CheckedExchangeService(ExchangeVersion version, OutboundPolicy policy) {
        super(version);
        this.policy = Objects.requireNonNull(policy);
    }

    /**
     * Called by ews-java-api's constructor, before {@link #policy} is set: the factories read it at
     * connection time, by then it is.
     */
    @Override
    protected Registry<ConnectionSocketFactory> createConnectionSocketFactoryRegistry() {
        return CheckedSockets.checked(() -> policy);
    }
}
