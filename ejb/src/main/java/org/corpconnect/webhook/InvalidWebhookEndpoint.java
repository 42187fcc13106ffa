package org.corpconnect.webhook;

import org.corpconnect.BusinessException;

/** An endpoint URL that is not one, or that the server may not call; the message says which, as an admin may read it. */
public class InvalidWebhookEndpoint extends BusinessException {

    public InvalidWebhookEndpoint(String message) {
        super(message);
    }

    /** The field it is about, for the API's {@code errors}. */
    public String field() {
        return "url";
    }
}
