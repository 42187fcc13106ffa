package org.corpconnect.webhook;

import org.corpconnect.BusinessException;

/** No such endpoint in this account (another account's is just as absent). */
public class WebhookEndpointNotFound extends BusinessException {

    public WebhookEndpointNotFound() {
        super("No such webhook endpoint in this account.");
    }
}
