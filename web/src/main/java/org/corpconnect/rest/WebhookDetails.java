package org.corpconnect.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.corpconnect.webhook.WebhookEndpoint;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An endpoint as listed: never its secret. */
@Schema(name = "Webhook", description = "An endpoint that receives the account's events, signed with its secret")
@JsonbPropertyOrder({"id", "url", "createdAt", "previousSecretValidUntil"})
public record WebhookDetails(
        @Schema(required = true, example = "50") long id,
        @Schema(required = true, format = "uri", example = "https://booking.example.com/hooks/exchange") String url,
        @Schema(required = true, format = "date-time", example = "2026-12-06T07:51:03.120Z") String createdAt,
        @Schema(format = "date-time", description = "After a rotation: until when the previous secret signs too",
                example = "2026-12-07T07:51:03.120Z")
        String previousSecretValidUntil) {

    static WebhookDetails of(WebhookEndpoint endpoint, Instant now) {
        return new WebhookDetails(endpoint.id(), endpoint.url().toString(), endpoint.createdAt().toString(),
                endpoint.previousSecretValidUntil(now).map(Instant::toString).orElse(null));
    }
}
