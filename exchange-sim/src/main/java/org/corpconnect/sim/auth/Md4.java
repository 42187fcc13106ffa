package org.corpconnect.sim.auth;

import java.util.Arrays;

/**
 * MD4 (RFC 1320), for the NT one-way function of NTLM (MS-NLMP 3.3.1: MD4 of the UTF-16LE password).
 * The JDK has no public MD4 and the simulator's runtime stays JDK-only, so these few lines stand here;
 * they are checked against the RFC's test suite.
 */
final class Md4 {
    private static final int[] S1 = {3, 7, 11, 19};
    private static final int[] S2 = {3, 5, 9, 13};
    private static final int[] S3 = {3, 9, 11, 15};
    private static final int[] K2 = {0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15};
    private static final int[] K3 = {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15};

    private Md4() {
    }

    static byte[] digest(byte[] message) {
        int padded = ((message.length + 8) / 64 + 1) * 64;
        byte[] m = Arrays.copyOf(message, padded);
        m[message.length] = (byte) 0x80;
        long bits = (long) message.length * 8;
        for (int i = 0; i < 8; i++) {
            m[padded - 8 + i] = (byte) (bits >>> (8 * i));
        }
        int[] h = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
        int[] x = new int[16];
        for (int block = 0; block < padded; block += 64) {
            for (int i = 0; i < 16; i++) {
                int o = block + 4 * i;
                x[i] = (m[o] & 0xff) | (m[o + 1] & 0xff) << 8 | (m[o + 2] & 0xff) << 16 | (m[o + 3] & 0xff) << 24;
            }
            int a = h[0], b = h[1], c = h[2], d = h[3];
            // Each step updates a and renames the registers (a, b, c, d) = (d, a', b, c), as the RFC's
            // [ABCD k s], [DABC k s], ... sequence does; after four steps the names are back in place.
            for (int i = 0; i < 48; i++) {
                int f;
                int k;
                int s;
                if (i < 16) {
                    f = (b & c) | (~b & d);
                    k = i;
                    s = S1[i % 4];
                } else if (i < 32) {
                    f = ((b & c) | (b & d) | (c & d)) + 0x5A827999;
                    k = K2[i - 16];
                    s = S2[i % 4];
                } else {
                    f = (b ^ c ^ d) + 0x6ED9EBA1;
                    k = K3[i - 32];
                    s = S3[i % 4];
                }
                int rotated = Integer.rotateLeft(a + f + x[k], s);
                a = d;
                d = c;
                c = b;
                b = rotated;
            }
            h[0] += a;
            h[1] += b;
            h[2] += c;
            h[3] += d;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < 16; i++) {
            out[i] = (byte) (h[i / 4] >>> (8 * (i % 4)));
        }
        return out;
    }
}
