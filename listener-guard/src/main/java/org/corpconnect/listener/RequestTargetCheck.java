package org.corpconnect.listener;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Why the server could not decode a raw request target: its path and query as received, one char per
 * byte (ISO-8859-1), before any %-decoding.
 */
final class RequestTargetCheck {

    private RequestTargetCheck() {
    }

    /** The reason, in words for the caller; empty for a target the server decodes unambiguously. */
    static Optional<String> undecodable(String rawPath, String rawQuery) {
        if (hasBadEscape(rawPath) || (rawQuery != null && hasBadEscape(rawQuery))) {
            return Optional.of("The request target has a % that is not followed by two hexadecimal digits.");
        }
        byte[] path = percentDecoded(rawPath);
        if (!isUtf8(path)) {
            return Optional.of("The request path does not decode to UTF-8 text.");
        }
        for (byte b : path) {
            // A NUL or other control character ends or splits a name in the file system and the logs;
            // a backslash is a separator to some of them (the server itself refuses an encoded one).
            if ((b >= 0 && b < 0x20) || b == 0x7f || b == '\\') {
                return Optional.of("The request path has a control character or a backslash.");
            }
        }
        return Optional.empty();
    }

    private static boolean hasBadEscape(String raw) {
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
            if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                return true;
            }
        }
        return false;
    }

    /** Only called once every % is known to start a valid escape. */
    private static byte[] percentDecoded(String raw) {
        byte[] bytes = new byte[raw.length()];
        int length = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                bytes[length++] = (byte) (hex(raw.charAt(i + 1)) << 4 | hex(raw.charAt(i + 2)));
                i += 2;
            } else {
                bytes[length++] = (byte) c;
            }
        }
        return Arrays.copyOf(bytes, length);
    }

    /** Strict: overlong forms ({@code %c0%ae} for a dot), surrogates and stray continuation bytes fail. */
    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
