package org.corpconnect.sim.faults;

import java.util.Collection;
import java.util.Locale;

/**
 * One injected misbehaviour. A rule matches an EWS or Graph operation (or any, when null) and a mailbox
 * (or any): the authenticated, impersonated or targeted mailbox of the request; on Graph the URL's
 * mailbox and the caller, the signed-in mailbox or {@code app:{appId}} for an app alone. {@code times}
 * limits how often it fires (negative: always).
 *
 * <ul>
 *   <li>LATENCY: wait {@code millis} plus {@code perMailboxMillis} per target mailbox before answering.</li>
 *   <li>HTTP_503: answer 503 Service Unavailable without processing.</li>
 *   <li>CONNECTION_RESET: close the connection without any response, without processing.</li>
 *   <li>COMMIT_THEN_DROP: process the request (the change is made), wait {@code millis}, then close the
 *       connection without a response: the client times out although the item exists.</li>
 *   <li>SERVER_BUSY: answer ErrorServerBusy with BackOffMilliseconds = {@code millis} (Graph: 429 with
 *       Retry-After, in seconds).</li>
 * </ul>
 */
public record FaultRule(String id, Kind kind, String operation, String mailbox, long millis, long perMailboxMillis,
                        int times) {

    public enum Kind { LATENCY, HTTP_503, CONNECTION_RESET, COMMIT_THEN_DROP, SERVER_BUSY }

    public static FaultRule of(Kind kind) {
        return new FaultRule(null, kind, null, null, 0, 0, -1);
    }

    public FaultRule forOperation(String op) {
        return new FaultRule(id, kind, op, mailbox, millis, perMailboxMillis, times);
    }

    public FaultRule forMailbox(String smtp) {
        return new FaultRule(id, kind, operation, smtp == null ? null : smtp.toLowerCase(Locale.ROOT), millis,
                perMailboxMillis, times);
    }

    public FaultRule millis(long value) {
        return new FaultRule(id, kind, operation, mailbox, value, perMailboxMillis, times);
    }

    public FaultRule perMailboxMillis(long value) {
        return new FaultRule(id, kind, operation, mailbox, millis, value, times);
    }

    public FaultRule times(int value) {
        return new FaultRule(id, kind, operation, mailbox, millis, perMailboxMillis, value);
    }

    FaultRule withId(String value) {
        return new FaultRule(value, kind, operation, mailbox, millis, perMailboxMillis, times);
    }

    boolean matches(String op, Collection<String> mailboxes) {
        return (operation == null || operation.equalsIgnoreCase(op))
                && (mailbox == null || mailboxes.contains(mailbox));
    }
}
