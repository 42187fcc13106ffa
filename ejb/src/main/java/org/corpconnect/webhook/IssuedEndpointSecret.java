package org.corpconnect.webhook;

import org.corpconnect.credentials.Secret;

/** An endpoint with its signing secret in plain text: shown once, to whoever created or rotated it, never again. */
public record IssuedEndpointSecret(WebhookEndpoint endpoint, Secret secret) {
}
