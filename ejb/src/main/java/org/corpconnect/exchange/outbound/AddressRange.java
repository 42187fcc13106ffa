package org.corpconnect.exchange.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** A CIDR block of IPv4 or IPv6 addresses, e.g. {@code 10.0.0.0/8} or {@code fc00::/7}. */
record AddressRange(byte[] network, int prefixLength) {

    /**
     * Every range that is not the public internet: unspecified, loopback, private (RFC 1918), shared
     * (RFC 6598), link-local, unique-local, multicast, documentation, benchmarking and reserved ranges,
     * and the IPv6 forms that carry an IPv4 address inside (compatible, NAT64, 6to4, Teredo). An
     * IPv4-mapped address ({@code ::ffff:a.b.c.d}) needs no entry: the JDK resolves it to the IPv4 address.
     */
    static final List<AddressRange> NOT_PUBLIC = List.of(
            parse("0.0.0.0/8"), parse("10.0.0.0/8"), parse("100.64.0.0/10"), parse("127.0.0.0/8"),
            parse("169.254.0.0/16"), parse("172.16.0.0/12"), parse("192.0.0.0/24"), parse("192.0.2.0/24"),
            parse("192.88.99.0/24"), parse("192.168.0.0/16"), parse("198.18.0.0/15"), parse("198.51.100.0/24"),
            parse("203.0.113.0/24"), parse("224.0.0.0/4"), parse("240.0.0.0/4"),
            parse("::/96"), parse("64:ff9b::/96"), parse("64:ff9b:1::/48"),
            parse("100::/64"), parse("2001::/32"), parse("2001:db8::/32"), parse("2002::/16"),
            parse("fc00::/7"), parse("fe80::/10"), parse("fec0::/10"), parse("ff00::/8"));

    AddressRange {
        network = network.clone();
        if (prefixLength < 0 || prefixLength > network.length * 8) {
            throw new IllegalArgumentException("A prefix length of " + prefixLength + " does not fit the address.");
        }
    }

    /** {@code address/prefix}, or a single address; the address must be a literal (no name lookup). */
    static AddressRange parse(String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        byte[] bytes = literal(address);
        int prefix;
        try {
            prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a prefix length: " + cidr);
        }
        return new AddressRange(bytes, prefix);
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefixLength; bit += 8) {
            int bits = Math.min(8, prefixLength - bit);
            int mask = (0xFF << (8 - bits)) & 0xFF;
            if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    static boolean isPublic(InetAddress address) {
        return NOT_PUBLIC.stream().noneMatch(range -> range.contains(address));
    }

    /** The bytes of an IPv4 or IPv6 literal ({@code [..]} allowed); never a DNS lookup. */
    static byte[] literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean ipv4 = bare.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = bare.contains(":") && bare.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            throw new IllegalArgumentException("Not an IP address: " + text);
        }
        try {
            // A literal is parsed, never looked up; an IPv4-mapped IPv6 literal comes back as IPv4.
            return InetAddress.getByName(bare).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an IP address: " + text);
        }
    }

    static boolean isLiteral(String text) {
        try {
            literal(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange range && range.prefixLength == prefixLength
                && java.util.Arrays.equals(range.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public byte[] network() {
        return network.clone();
    }
}
