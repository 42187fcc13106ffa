package org.corpconnect.sim.graph.access;

import java.util.Objects;

/** The access model's answer for one caller, one mailbox and one operation. */
public sealed interface CalendarAccessDecision {

    /** Allowed; {@code seesDetails}: subject and location of others' events may be returned. */
    record Allowed(boolean seesDetails) implements CalendarAccessDecision {
    }

    /** Refused, with the HTTP status and the Graph error (code and message) Exchange Online answers. */
    record Denied(int httpStatus, String code, String message) implements CalendarAccessDecision {
        public Denied {
            Objects.requireNonNull(code);
            Objects.requireNonNull(message);
        }
    }
}
