package org.corpconnect.sim.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The NTLM primitives against their specifications' test vectors: RFC 1320 (MD4) and MS-NLMP 4.2.4 (NTLMv2). */
class NtlmAuthenticationTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void md4MatchesTheRfc1320TestSuite() {
        assertEquals("31d6cfe0d16ae931b73c59d7e0c089c0", md4(""));
        assertEquals("bde52cb31de33e46245e05fbdbd6fb24", md4("a"));
        assertEquals("a448017aaf21d8525fc10ae87aa6729d", md4("abc"));
        assertEquals("d9130a8164549fe818874806e1c7014b", md4("message digest"));
        assertEquals("d79e1c308aa5bbcdeea8ed63df412da9", md4("abcdefghijklmnopqrstuvwxyz"));
        assertEquals("043f8582f241db351ce627e153e7f0e4",
                md4("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"));
        assertEquals("e33b4ddc9c38f2199c3e7b164fcc0536",
                md4("12345678901234567890123456789012345678901234567890123456789012345678901234567890"));
    }

    @Test
    void ntlmV2ResponseMatchesTheMsNlmpExample() {
        // MS-NLMP 4.2.4: user "User", domain "Domain", password "Password", server challenge 0123456789abcdef,
        // client challenge aa..aa, time 0, target info MsvAvNbDomainName "Domain", MsvAvNbComputerName "Server".
        byte[] ntHash = Md4.digest("Password".getBytes(StandardCharsets.UTF_16LE));
        byte[] ntowfV2 = NtlmAuthentication.hmacMd5(ntHash, "USERDomain".getBytes(StandardCharsets.UTF_16LE));
        assertEquals("0c868a403bfd7a93a3001ef22ef02e3f", HEX.formatHex(ntowfV2));

        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        blob.writeBytes(HEX.parseHex("0101000000000000" + "0000000000000000" + "aaaaaaaaaaaaaaaa" + "00000000"));
        blob.writeBytes(HEX.parseHex("02000c00"));
        blob.writeBytes("Domain".getBytes(StandardCharsets.UTF_16LE));
        blob.writeBytes(HEX.parseHex("01000c00"));
        blob.writeBytes("Server".getBytes(StandardCharsets.UTF_16LE));
        blob.writeBytes(HEX.parseHex("0000000000000000"));
        byte[] serverChallenge = HEX.parseHex("0123456789abcdef");
        byte[] proof = HEX.parseHex("68cd0ab851e51c96aabc927bebef6a1c");
        byte[] response = concat(proof, blob.toByteArray());

        NtlmMessages.Authenticate auth = new NtlmMessages.Authenticate("Domain", "User", response);
        assertTrue(NtlmAuthentication.ntlmV2Matches("Password", auth, serverChallenge));
        assertFalse(NtlmAuthentication.ntlmV2Matches("password", auth, serverChallenge), "a wrong password");
        assertFalse(NtlmAuthentication.ntlmV2Matches("Password", auth, HEX.parseHex("0123456789abcdee")), "another challenge");
        assertFalse(NtlmAuthentication.ntlmV2Matches("Password",
                new NtlmMessages.Authenticate("Domain", "User", new byte[24]), serverChallenge), "NTLMv1 is refused");
    }

    @Test
    void theChallengeCarriesTheDomainAndTargetInformation() {
        byte[] challenge = NtlmMessages.challenge(new byte[8], "CONTOSO", "contoso.test", "EXCHANGE", java.time.Instant.EPOCH);
        assertEquals(2, NtlmMessages.type(challenge).orElseThrow());
        String text = new String(challenge, StandardCharsets.UTF_16LE);
        assertTrue(new String(challenge, StandardCharsets.UTF_16LE).contains("CONTOSO"), text);
        String hex = HEX.formatHex(challenge).toLowerCase(Locale.ROOT);
        assertTrue(hex.contains(HEX.formatHex("contoso.test".getBytes(StandardCharsets.UTF_16LE))), "the DNS domain AV pair");
    }

    private static String md4(String s) {
        return HEX.formatHex(Md4.digest(s.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
