package org.corpconnect.exchange.outbound;

import java.net.InetAddress;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * One entry of an allow-list: {@code public} (every public address, any port), a host name, an IP
 * address or a CIDR block, each but {@code public} and a CIDR block optionally with {@code :port}
 * ({@code [..]:port} for IPv6).
 */
sealed interface HostRule {

    boolean admits(String hostName, InetAddress address, int port);

    /** Every address outside {@link AddressRange#NOT_PUBLIC}, on any port. */
    record Public() implements HostRule {
        @Override
        public boolean admits(String hostName, InetAddress address, int port) {
            return AddressRange.isPublic(address);
        }
    }

    /** The host as the URL names it: the operator trusts the name, whatever it resolves to. */
    record Name(String host, OptionalInt port) implements HostRule {
        @Override
        public boolean admits(String hostName, InetAddress address, int port) {
            return normalized(hostName).equals(host) && (this.port.isEmpty() || this.port.getAsInt() == port);
        }
    }

    /** Addresses in a block (one address is a block of one). */
    record Range(AddressRange range, OptionalInt port) implements HostRule {
        @Override
        public boolean admits(String hostName, InetAddress address, int port) {
            return range.contains(address) && (this.port.isEmpty() || this.port.getAsInt() == port);
        }
    }

    static HostRule parse(String entry) {
        String text = entry.strip();
        if (text.equalsIgnoreCase("public")) {
            return new Public();
        }
        if (text.contains("/")) {
            return new Range(AddressRange.parse(text), OptionalInt.empty());
        }
        String host = text;
        OptionalInt port = OptionalInt.empty();
        if (text.startsWith("[")) { // [v6] or [v6]:port
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("An IPv6 address in brackets lacks its ']': " + entry);
            }
            host = text.substring(0, close + 1);
            if (close + 1 < text.length()) {
                port = port(text.substring(close + 1), entry);
            }
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) { // host:port
            host = text.substring(0, text.indexOf(':'));
            port = port(text.substring(text.indexOf(':')), entry);
        }
        if (AddressRange.isLiteral(host)) {
            return new Range(AddressRange.parse(host), port);
        }
        if (!host.matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\\.?")) {
            throw new IllegalArgumentException("Not a host name, IP address or CIDR block: " + entry);
        }
        return new Name(normalized(host), port);
    }

    private static OptionalInt port(String colonPort, String entry) {
        try {
            int port = Integer.parseInt(colonPort.substring(1));
            if (colonPort.charAt(0) == ':' && port > 0 && port < 65536) {
                return OptionalInt.of(port);
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            // reported below
        }
        throw new IllegalArgumentException("Not a port (1 to 65535): " + entry);
    }

    /** Lower case, without a trailing dot or IPv6 brackets: how names are compared. */
    static String normalized(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        bare = bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
        return bare.toLowerCase(Locale.ROOT);
    }
}
