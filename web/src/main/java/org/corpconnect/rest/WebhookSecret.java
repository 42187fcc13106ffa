package org.corpconnect.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.corpconnect.webhook.IssuedEndpointSecret;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An endpoint with its new signing secret: the only answer that ever carries it. */
@Schema(name = "WebhookWithSecret", description = "An endpoint with its new signing secret, shown this once")
@JsonbPropertyOrder({"id", "url", "createdAt", "secret", "previousSecretValidUntil"})
public record WebhookSecret(
        @Schema(required = true, example = "50") long id,
        @Schema(required = true, format = "uri", example = "https://booking.example.com/hooks/exchange") String url,
        @Schema(required = true, format = "date-time", example = "2026-12-06T07:51:03.120Z") String createdAt,
        @Schema(required = true, description = "Signs every request (README: verifying a webhook); shown only in this answer",
                example = "whsec_Qm9va2luZ3MgZnJvbSBFeGNoYW5nZSBjb3JwIGNvbm5lY3Q")
        String secret,
        @Schema(format = "date-time", description = "After a rotation: until when the previous secret signs too",
                example = "2026-12-07T07:51:03.120Z")
        String previousSecretValidUntil) {

    static WebhookSecret of(IssuedEndpointSecret issued, Instant now) {
        return new WebhookSecret(issued.endpoint().id(), issued.endpoint().url().toString(), issued.endpoint().createdAt().toString(),
                issued.secret().reveal(), issued.endpoint().previousSecretValidUntil(now).map(Instant::toString).orElse(null));
    }
}
