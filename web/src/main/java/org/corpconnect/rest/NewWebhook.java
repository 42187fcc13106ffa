package org.corpconnect.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/webhooks}. */
@Schema(name = "NewWebhook", description = "An endpoint of the integrating app that receives the account's events")
public record NewWebhook(
        @Schema(required = true, format = "uri", maxLength = 2000, description = "https URL the server may call (the operator's"
                + " exchange.allowed-hosts: loopback and private addresses only where the operator allows them)",
                example = "https://booking.example.com/hooks/exchange")
        String url) {
}
