package org.corpconnect.calendar;

import java.util.Optional;

/**
 * Text that Exchange can store. EWS carries every string in XML 1.0, which has no place for NUL and
 * the other C0 controls (only tab, line feed and carriage return), lone surrogates, U+FFFE or U+FFFF;
 * Unicode's other non-characters (U+FDD0..U+FDEF, U+xFFFE and U+xFFFF on every plane) are refused
 * too, since they are not meant for interchange. Found up front, such text is a 400 naming the
 * field; found by Exchange, it is an error on every try.
 */
public final class ExchangeText {

    private ExchangeText() {
    }

    /** Why Exchange cannot store the text (the first offending character, by code point), or empty. */
    public static Optional<String> problemOf(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) { // codePointAt leaves only lone ones
                return Optional.of(String.format("contains a lone surrogate (U+%04X) at character %d, which is not text.", c, i + 1));
            }
            if (!isXmlChar(c)) {
                return Optional.of(String.format("contains U+%04X at character %d, which XML and so Exchange cannot carry.", c, i + 1));
            }
            if (isNonCharacter(c)) {
                return Optional.of(String.format("contains the non-character U+%04X at character %d.", c, i + 1));
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    // XML 1.0, production [2] Char.
    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static boolean isNonCharacter(int c) {
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }
}
