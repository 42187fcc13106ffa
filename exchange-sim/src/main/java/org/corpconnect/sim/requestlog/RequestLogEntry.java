package org.corpconnect.sim.requestlog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One EWS or Graph request as the simulator saw it: who authenticated, whom they acted as, which mailboxes
 * they targeted and what they asked to see. Tests assert on it, e.g. that no Detailed view was ever
 * requested. Never holds passwords, tokens or item contents. For Graph, {@code application} is the app id,
 * {@code accessMode} "app-only" or "delegated", {@code requestedProperties} the $select and
 * {@code returnedProperties} what the answer held; EWS leaves those three empty.
 */
public record RequestLogEntry(Instant time, String path, String operation, String authenticatedAs,
                              AuthOutcome authOutcome, String impersonated, String anchorMailbox,
                              String requestServerVersion, List<String> targetMailboxes, String requestedView,
                              List<String> requestedProperties, List<String> responseCodes, int httpStatus,
                              String application, String accessMode, List<String> returnedProperties) {

    /**
     * How the request's credentials fared. NTLM_CHALLENGE is the middle step of an NTLM handshake (a
     * 401 with the server's challenge); SCHEME_DISABLED a scheme the server has turned off.
     */
    public enum AuthOutcome {
        SUCCESS, NO_CREDENTIALS, WRONG_PASSWORD, UNKNOWN_ACCOUNT, LOCKED_OUT, INVALID_TOKEN, NTLM_CHALLENGE,
        SCHEME_DISABLED, NOT_CHECKED
    }

    /** Filled in while a request is processed, frozen when the response has been sent. */
    public static final class Builder {
        private final Instant time;
        private final String path;
        private String operation;
        private String authenticatedAs;
        private AuthOutcome authOutcome = AuthOutcome.NOT_CHECKED;
        private String impersonated;
        private String anchorMailbox;
        private String requestServerVersion;
        private final List<String> targetMailboxes = new ArrayList<>();
        private String requestedView;
        private final List<String> requestedProperties = new ArrayList<>();
        private final List<String> responseCodes = new ArrayList<>();
        private int httpStatus;
        private String application;
        private String accessMode;
        private final List<String> returnedProperties = new ArrayList<>();

        public Builder(Instant time, String path) {
            this.time = time;
            this.path = path;
        }

        public Builder operation(String v) { operation = v; return this; }
        public Builder authenticatedAs(String v) { authenticatedAs = v; return this; }
        public Builder authOutcome(AuthOutcome v) { authOutcome = v; return this; }
        public Builder impersonated(String v) { impersonated = v; return this; }
        public Builder anchorMailbox(String v) { anchorMailbox = v; return this; }
        public Builder requestServerVersion(String v) { requestServerVersion = v; return this; }
        public synchronized Builder targetMailbox(String v) { if (!targetMailboxes.contains(v)) { targetMailboxes.add(v); } return this; }
        public Builder requestedView(String v) { requestedView = v; return this; }
        public synchronized Builder requestedProperty(String v) { requestedProperties.add(v); return this; }
        public synchronized Builder responseCode(String v) { responseCodes.add(v); return this; }
        public Builder httpStatus(int v) { httpStatus = v; return this; }
        public Builder application(String v) { application = v; return this; }
        public Builder accessMode(String v) { accessMode = v; return this; }
        public synchronized Builder returnedProperty(String v) { if (!returnedProperties.contains(v)) { returnedProperties.add(v); } return this; }
        public String operation() { return operation; }
        private boolean recorded;

        /** True the first time only: the entry is recorded once, before the response leaves. */
        public synchronized boolean markRecorded() {
            boolean first = !recorded;
            recorded = true;
            return first;
        }

        public synchronized RequestLogEntry build() {
            return new RequestLogEntry(time, path, operation, authenticatedAs, authOutcome, impersonated, anchorMailbox,
                    requestServerVersion, List.copyOf(targetMailboxes), requestedView, List.copyOf(requestedProperties),
                    List.copyOf(responseCodes), httpStatus, application, accessMode, List.copyOf(returnedProperties));
        }
    }
}
