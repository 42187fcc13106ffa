package org.corpconnect.sim.auth;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The three NTLM messages (MS-NLMP 2.2.1) as a server reads and writes them: NEGOTIATE (type 1) is
 * recognised, CHALLENGE (type 2) is built with the target information a domain member server sends,
 * AUTHENTICATE (type 3) is parsed into the fields verification needs.
 */
final class NtlmMessages {
    static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);

    static final int NEGOTIATE_UNICODE = 0x00000001;
    static final int REQUEST_TARGET = 0x00000004;
    static final int NEGOTIATE_NTLM = 0x00000200;
    static final int NEGOTIATE_ALWAYS_SIGN = 0x00008000;
    static final int TARGET_TYPE_DOMAIN = 0x00010000;
    static final int NEGOTIATE_EXTENDED_SESSIONSECURITY = 0x00080000;
    static final int NEGOTIATE_TARGET_INFO = 0x00800000;
    static final int NEGOTIATE_VERSION = 0x02000000;
    static final int NEGOTIATE_128 = 0x20000000;
    static final int NEGOTIATE_56 = 0x80000000;

    private NtlmMessages() {
    }

    /** The message type (1, 2 or 3) of a token, if it is an NTLM message at all. */
    static Optional<Integer> type(byte[] token) {
        if (token.length < 12 || !Arrays.equals(Arrays.copyOf(token, 8), SIGNATURE)) {
            return Optional.empty();
        }
        return Optional.of(le(token).getInt(8));
    }

    /**
     * A CHALLENGE message: Unicode, NTLM with extended session security, the NetBIOS domain as target
     * name, and the target information (AV pairs) NTLMv2 clients put into their response.
     */
    static byte[] challenge(byte[] serverChallenge, String netbiosDomain, String dnsDomain, String netbiosComputer,
                            Instant now) {
        byte[] targetName = unicode(netbiosDomain);
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        avPair(info, 2, unicode(netbiosDomain));
        avPair(info, 1, unicode(netbiosComputer));
        avPair(info, 4, unicode(dnsDomain));
        avPair(info, 3, unicode(netbiosComputer.toLowerCase(java.util.Locale.ROOT) + "." + dnsDomain));
        avPair(info, 7, le(new byte[8]).putLong(fileTime(now)).array());
        avPair(info, 0, new byte[0]);
        byte[] targetInfo = info.toByteArray();
        int header = 56;
        int flags = NEGOTIATE_UNICODE | REQUEST_TARGET | NEGOTIATE_NTLM | NEGOTIATE_ALWAYS_SIGN | TARGET_TYPE_DOMAIN
                | NEGOTIATE_EXTENDED_SESSIONSECURITY | NEGOTIATE_TARGET_INFO | NEGOTIATE_VERSION | NEGOTIATE_128
                | NEGOTIATE_56;
        ByteBuffer b = le(new byte[header + targetName.length + targetInfo.length]);
        b.put(SIGNATURE).putInt(2);
        field(b, targetName.length, header);
        b.putInt(flags).put(serverChallenge).put(new byte[8]);
        field(b, targetInfo.length, header + targetName.length);
        b.put((byte) 10).put((byte) 0).putShort((short) 17763).put(new byte[3]).put((byte) 0x0F); // Windows Server 2019
        b.put(targetName).put(targetInfo);
        return b.array();
    }

    /** The fields of an AUTHENTICATE message that verification needs. */
    record Authenticate(String domain, String user, byte[] ntResponse) {
    }

    static Optional<Authenticate> parseAuthenticate(byte[] token) {
        try {
            ByteBuffer b = le(token);
            int flags = b.getInt(60);
            boolean unicode = (flags & NEGOTIATE_UNICODE) != 0;
            byte[] nt = payload(token, 20);
            String domain = text(payload(token, 28), unicode);
            String user = text(payload(token, 36), unicode);
            return Optional.of(new Authenticate(domain, user, nt));
        } catch (IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static byte[] payload(byte[] token, int fieldOffset) {
        ByteBuffer b = le(token);
        int length = Short.toUnsignedInt(b.getShort(fieldOffset));
        int offset = b.getInt(fieldOffset + 4);
        if (offset < 0 || offset + length > token.length) {
            throw new IndexOutOfBoundsException("field outside the message");
        }
        return Arrays.copyOfRange(token, offset, offset + length);
    }

    private static String text(byte[] bytes, boolean unicode) {
        return new String(bytes, unicode ? StandardCharsets.UTF_16LE : StandardCharsets.US_ASCII);
    }

    static byte[] unicode(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    private static void avPair(ByteArrayOutputStream out, int id, byte[] value) {
        out.writeBytes(le(new byte[4]).putShort((short) id).putShort((short) value.length).array());
        out.writeBytes(value);
    }

    private static void field(ByteBuffer b, int length, int offset) {
        b.putShort((short) length).putShort((short) length).putInt(offset);
    }

    /** Windows FILETIME: 100 ns intervals since 1601-01-01. */
    private static long fileTime(Instant t) {
        return (t.getEpochSecond() + 11_644_473_600L) * 10_000_000L + t.getNano() / 100;
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
