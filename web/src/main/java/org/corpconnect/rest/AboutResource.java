package org.corpconnect.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.corpconnect.persistence.SchemaMigration;

/** What is running: product, build and database schema version. Public, account-neutral. */
@Path("about")
@RequestScoped // Without a CDI scope, Payara leaves EJBs from the ejb module uninjected.
public class AboutResource {

    @Inject
    private SchemaMigration schema;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject about() {
        String version = AboutResource.class.getPackage().getImplementationVersion();
        return Json.createObjectBuilder()
                .add("product", "Exchange corporate connection")
                .add("version", version == null ? "development" : version)
                .add("schemaVersion", schema.schemaVersion())
                .build();
    }
}
