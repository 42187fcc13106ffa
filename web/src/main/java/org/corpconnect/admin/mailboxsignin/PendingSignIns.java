package org.corpconnect.admin.mailboxsignin;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.ExchangeCredential;

/**
 * Sign-ins started and not yet finished, by their {@code state}, in this server's memory (an instance
 * behind a load balancer needs sticky sessions, as the admin session itself does). Each is taken once.
 */
@ApplicationScoped
public class PendingSignIns {

    /** As long as Entra ID's code lives: a sign-in left longer is started again. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    /** What the finish needs: who started it for which account, the app, the PKCE verifier; the answer once parked. */
    record Pending(long accountId, String accountSlug, String admin, MailboxAddress mailbox, URI authority,
                   String clientId, ExchangeCredential.AppSecret appSecret, URI redirectUri, Secret codeVerifier,
                   Instant expires, Optional<Answer> answer) {

        Pending answered(Answer given) {
            return new Pending(accountId, accountSlug, admin, mailbox, authority, clientId, appSecret, redirectUri,
                    codeVerifier, expires, Optional.of(given));
        }
    }

    /** Entra ID's answer at the redirect URI: a code, or an error and its description. */
    record Answer(Optional<Secret> code, String error, String errorDescription) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    void put(String state, Pending started) {
        Instant now = Instant.now();
        pending.values().removeIf(p -> p.expires().isBefore(now));
        pending.put(state, started);
    }

    /** Parks Entra ID's answer beside its sign-in; false for an unknown, expired or already answered state. */
    boolean answer(String state, Answer answer) {
        if (state == null) {
            return false;
        }
        Pending answered = pending.computeIfPresent(state, (s, p) -> p.answer().isPresent()
                || p.expires().isBefore(Instant.now()) ? p : p.answered(answer));
        return answered != null && answered.answer().filter(a -> a == answer).isPresent();
    }

    /** The sign-in, once: later calls with the same state find nothing. */
    Optional<Pending> take(String state) {
        return Optional.ofNullable(state == null ? null : pending.remove(state))
                .filter(p -> !p.expires().isBefore(Instant.now()));
    }
}
