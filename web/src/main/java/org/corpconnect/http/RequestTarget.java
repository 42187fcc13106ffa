package org.corpconnect.http;

import java.util.Optional;
import java.util.regex.Pattern;

/** The raw (undecoded) path and query of a request, and what makes them ambiguous. */
record RequestTarget(String rawPath, String rawQuery) {

    /** %-escapes that decode into a path separator, a dot, a percent sign or a control character. */
    private static final Pattern AMBIGUOUS_ESCAPE = Pattern.compile("%(2[fFeE5]|5[cC]|[01][0-9a-fA-F]|7[fF])");
    private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9a-fA-F]{2})");
    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)\\.{1,2}(/|$)");

    /** Why the target is refused, in words for the caller; empty for a plain one. */
    Optional<String> ambiguity() {
        if (BAD_ESCAPE.matcher(rawPath).find() || (rawQuery != null && BAD_ESCAPE.matcher(rawQuery).find())) {
            return Optional.of("The request target has a % that is not followed by two hexadecimal digits.");
        }
        if (AMBIGUOUS_ESCAPE.matcher(rawPath).find()) {
            return Optional.of("The request path encodes a slash, backslash, dot, percent sign or control character.");
        }
        if (DOT_SEGMENT.matcher(rawPath).find() || rawPath.contains("//")) {
            return Optional.of("The request path has a dot segment or an empty segment.");
        }
        if (rawPath.chars().anyMatch(c -> c == '\\' || c == ';' || c < 0x20 || c == 0x7f)) {
            return Optional.of("The request path has a backslash, a semicolon or a control character.");
        }
        if (rawQuery != null && rawQuery.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of("The query has a control character.");
        }
        return Optional.empty();
    }
}
