package org.corpconnect.exchange.graph;

import java.util.Optional;

/** What Graph answered to one request: the status, the body as text, and its Retry-After, if any. */
record GraphAnswer(int status, String body, Optional<String> retryAfter) {

    boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
