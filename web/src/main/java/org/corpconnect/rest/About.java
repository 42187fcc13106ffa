package org.corpconnect.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code GET /api/about}. */
@Schema(name = "About", description = "What is running: product, build and database schema version")
@JsonbPropertyOrder({"product", "version", "schemaVersion"})
public record About(
        @Schema(required = true, example = "Exchange corporate connection") String product,
        @Schema(required = true, description = "The build's version, or development when run from the IDE", example = "0.1.0")
        String version,
        @Schema(required = true, description = "Version of the database schema (its last migration)", example = "14")
        String schemaVersion) {
}
