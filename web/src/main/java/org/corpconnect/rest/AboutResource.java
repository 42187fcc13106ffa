package org.corpconnect.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.corpconnect.persistence.SchemaMigration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What is running: product, build and database schema version. Public, account-neutral. */
@Path("about")
@RequestScoped // Without a CDI scope, Payara leaves EJBs from the ejb module uninjected.
@Tag(name = "About")
public class AboutResource {

    @Inject
    private SchemaMigration schema;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What is running (no API key needed)")
    @APIResponse(responseCode = "200", description = "The product, its version and the database schema version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "About")))
    @APIResponse(responseCode = "500", ref = "InternalError")
    public About about() {
        String version = AboutResource.class.getPackage().getImplementationVersion();
        return new About("Exchange corporate connection", version == null ? "development" : version, schema.schemaVersion());
    }
}
