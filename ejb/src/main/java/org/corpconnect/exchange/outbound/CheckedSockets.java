package org.corpconnect.exchange.outbound;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.http.HttpHost;
import org.apache.http.config.Registry;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.LayeredConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.protocol.HttpContext;

/**
 * Apache HttpClient 4's socket factories with the operator's {@link OutboundPolicy} in front: HttpClient
 * resolves the host, then hands each address to {@code connectSocket}, which checks that very address
 * and connects to it. So the address checked is the address connected (no second lookup), and every
 * connection is checked: the first, Autodiscover's guesses and every redirect alike. Every HttpClient
 * that calls where an admin said (EWS, Autodiscover, token endpoints, webhook endpoints) connects through these.
 */
public final class CheckedSockets {

    private static final Logger LOG = Logger.getLogger(CheckedSockets.class.getName());

    private CheckedSockets() {
    }

    /**
     * Plain and TLS sockets, checked. TLS with the JDK's trust store and HttpClient's host name check:
     * never ews-java-api's own factory, whose trust manager accepts any single self-signed certificate
     * ({@code EwsX509TrustManager} only checks its dates), which would hand the credential to whoever
     * answers. An Exchange with a certificate of a private CA needs that CA in the server's trust store.
     */
    public static Registry<ConnectionSocketFactory> checked(Supplier<OutboundPolicy> policy) {
        return RegistryBuilder.<ConnectionSocketFactory>create()
                .register("http", new Checked("http", PlainConnectionSocketFactory.getSocketFactory(), policy))
                .register("https", new Checked("https", SSLConnectionSocketFactory.getSocketFactory(), policy))
                .build();
    }

    /** The refusal, as HttpClient expects a failed connect: it then tries the host's next address, if any. */
    public static final class RefusedConnection extends ConnectException {
        private final transient OutboundRefused refusal;

        RefusedConnection(OutboundRefused refusal) {
            super(refusal.getMessage());
            this.refusal = refusal;
            initCause(refusal);
        }

        public OutboundRefused refusal() {
            return refusal;
        }
    }

    private static final class Checked implements LayeredConnectionSocketFactory {
        private final String scheme;
        private final ConnectionSocketFactory delegate;
        private final Supplier<OutboundPolicy> policy;

        Checked(String scheme, ConnectionSocketFactory delegate, Supplier<OutboundPolicy> policy) {
            this.scheme = scheme;
            this.delegate = delegate;
            this.policy = policy;
        }

        @Override
        public Socket createSocket(HttpContext context) throws IOException {
            return delegate.createSocket(context);
        }

        @Override
        public Socket connectSocket(int connectTimeout, Socket socket, HttpHost host, InetSocketAddress remoteAddress,
                InetSocketAddress localAddress, HttpContext context) throws IOException {
            try {
                policy.get().checkConnection(scheme, host.getHostName(), remoteAddress.getAddress(),
                        remoteAddress.getPort());
            } catch (OutboundRefused refused) {
                LOG.log(Level.INFO, "Outbound call refused: {0}", refused.reason());
                if (socket != null) {
                    socket.close();
                }
                throw new RefusedConnection(refused);
            }
            return delegate.connectSocket(connectTimeout, socket, host, remoteAddress, localAddress, context);
        }

        @Override
        public Socket createLayeredSocket(Socket socket, String target, int port, HttpContext context)
                throws IOException {
            if (delegate instanceof LayeredConnectionSocketFactory layered) {
                return layered.createLayeredSocket(socket, target, port, context);
            }
            throw new IOException("No TLS over " + scheme + ".");
        }
    }
}
