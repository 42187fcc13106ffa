package org.corpconnect.bookingrules;

import java.util.Optional;

/** Whether a user's stored busy time may be trusted now, and if not, why (for the caller to show). */
public record Readability(boolean readable, Optional<String> problem) {

    static final Readability READABLE = new Readability(true, Optional.empty());

    static Readability unreadable(String problem) {
        return new Readability(false, Optional.of(problem));
    }
}
