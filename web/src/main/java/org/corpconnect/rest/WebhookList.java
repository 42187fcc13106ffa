package org.corpconnect.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code GET /api/v1/webhooks}. */
@Schema(name = "WebhookList", description = "The account's webhook endpoints")
public record WebhookList(
        @Schema(required = true, type = SchemaType.ARRAY, implementation = WebhookDetails.class) List<WebhookDetails> webhooks) {
}
