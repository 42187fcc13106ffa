package org.corpconnect.exchange.ews;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import microsoft.exchange.webservices.data.core.CookieProcessingTargetAuthenticationStrategy;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import org.apache.http.config.Registry;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.BasicHttpClientConnectionManager;
import org.corpconnect.exchange.outbound.CheckedSockets;
import org.corpconnect.exchange.outbound.OutboundPolicy;

/**
 * ews-java-api's ExchangeService whose HttpClient connects only where the {@link OutboundPolicy} allows,
 * and trusts only the certificates the JDK trusts ({@link CheckedSockets#checked}).
 */
final class CheckedExchangeService extends ExchangeService {

    private final OutboundPolicy policy;
    private final BasicHttpClientConnectionManager connection;

    CheckedExchangeService(ExchangeVersion version, OutboundPolicy policy) {
        super(version);
        this.policy = Objects.requireNonNull(policy);
        // ews-java-api's own client, replaced by the same (one connection, ews-java-api's cookie-keeping
        // authentication strategy) with its connection manager kept here, for closeConnection. With a user agent
        // of its own, HttpClient does not look its version up as a class-path resource (EwsServicePool says why).
        try {
            httpClient.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connection = new BasicHttpClientConnectionManager(createConnectionSocketFactoryRegistry());
        httpClient = HttpClients.custom()
                .setConnectionManager(connection)
                .setTargetAuthenticationStrategy(new CookieProcessingTargetAuthenticationStrategy())
                .setUserAgent(EwsGateway.USER_AGENT)
                .build();
    }

    /**
     * Ends the connection of the call that just finished, as when each call had a service of its own: kept idle,
     * it may be closed by Exchange (or a proxy) at any moment, and a request written onto it would go unanswered.
     */
    void closeConnection() {
        connection.closeIdleConnections(0, TimeUnit.MILLISECONDS);
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
