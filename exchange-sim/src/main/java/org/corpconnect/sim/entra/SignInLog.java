package org.corpconnect.sim.entra;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Entra's sign-in log: every token request and every password posted to the sign-in page, with the
 * app, whether it was app-only or for a user, which mailbox, and the outcome. Bounded; never holds a
 * secret, a password or a token.
 */
public final class SignInLog {
    private static final int CAPACITY = 10_000;

    /**
     * One sign-in. {@code flow}: the grant type, or {@code interactive} for the sign-in page;
     * {@code mailbox} empty for app-only; {@code credential} secret, certificate, public or password;
     * {@code errorCode} the AADSTS code of a failure.
     */
    public record Entry(Instant time, String tenant, String clientId, String flow, Optional<String> mailbox,
                        String resource, String credential, boolean succeeded, Optional<Integer> errorCode) {
        public boolean appOnly() {
            return mailbox.isEmpty();
        }
    }

    private final Deque<Entry> entries = new ArrayDeque<>();

    public synchronized void add(Entry entry) {
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized void clear() {
        entries.clear();
    }
}
