package org.corpconnect.exchange.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The operator's rule for outbound calls: which addresses the server may connect to on an admin's
 * behalf ({@code exchange.allowed-hosts}, by default {@code public}: public addresses only), and which
 * of them may be called over plain HTTP ({@code exchange.plain-http-hosts}, by default none: HTTPS
 * only). Entries are {@link HostRule}s, separated by commas or spaces.
 */
public final class OutboundPolicy {

    private final List<HostRule> allowed;
    private final List<HostRule> plainHttp;

    private OutboundPolicy(List<HostRule> allowed, List<HostRule> plainHttp) {
        this.allowed = List.copyOf(allowed);
        this.plainHttp = List.copyOf(plainHttp);
    }

    /**
     * @param allowedHosts   the allow-list, e.g. {@code public, localhost:8025, 10.1.2.0/24}
     * @param plainHttpHosts where plain HTTP is allowed too, e.g. {@code localhost:8025}; blank: nowhere
     * @throws IllegalArgumentException naming the entry that is not a host, address, block or port
     */
    public static OutboundPolicy of(String allowedHosts, String plainHttpHosts) {
        return new OutboundPolicy(rules(allowedHosts), rules(plainHttpHosts));
    }

    /** Only public addresses, only HTTPS: the default. */
    public static OutboundPolicy publicHttpsOnly() {
        return of("public", "");
    }

    private static List<HostRule> rules(String entries) {
        if (entries == null || entries.isBlank()) {
            return List.of();
        }
        return Arrays.stream(entries.split("[,\\s]+")).filter(e -> !e.isBlank()).map(OutboundPolicy::rule).toList();
    }

    private static HostRule rule(String entry) {
        try {
            return HostRule.parse(entry);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a host, host:port, IP address or CIDR block: '" + entry + "' ("
                    + e.getMessage() + ")");
        }
    }

    /**
     * Checks a URL when it is saved or before it is used: http(s), plain HTTP only where allowed, and
     * every address its host resolves to now allowed. The connection itself is checked again
     * ({@link #checkConnection}): what a name resolves to may change until then.
     *
     * @throws OutboundRefused if the server may not call it, or the name does not resolve
     */
    public void checkUrl(URI url) {
        Objects.requireNonNull(url);
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null) {
            // Scheme and host only: a URL may carry user:password, and the reason goes to the log.
            throw new OutboundRefused("not an http(s) URL with a host: " + scheme + "://" + url.getHost());
        }
        int port = url.getPort() > 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(HostRule.normalized(url.getHost()));
        } catch (UnknownHostException e) {
            throw new OutboundRefused(url.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            checkConnection(scheme, url.getHost(), address, port);
        }
    }

    /**
     * Checks the one address a connection is about to be opened to, after name resolution: the
     * caller then connects to exactly this address (no second lookup).
     *
     * @param scheme   {@code http} or {@code https}
     * @param hostName the host as the URL names it (for name entries and the log)
     * @throws OutboundRefused if the server may not connect there
     */
    public void checkConnection(String scheme, String hostName, InetAddress address, int port) {
        Objects.requireNonNull(address);
        String where = hostName + " (" + address.getHostAddress() + ") port " + port;
        if (allowed.stream().noneMatch(rule -> rule.admits(hostName, address, port))) {
            throw new OutboundRefused(where + " is not in exchange.allowed-hosts");
        }
        if (!"https".equalsIgnoreCase(scheme)) {
            if (!"http".equalsIgnoreCase(scheme)) {
                throw new OutboundRefused(where + ": scheme " + scheme + " is neither https nor http");
            }
            if (plainHttp.stream().noneMatch(rule -> rule.admits(hostName, address, port))) {
                throw new OutboundRefused(where + ": plain http is not in exchange.plain-http-hosts");
            }
        }
    }

    @Override
    public String toString() {
        return "OutboundPolicy[allowed=" + allowed + ", plainHttp=" + plainHttp + "]";
    }
}
