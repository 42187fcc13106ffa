package org.corpconnect.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The API under {@code /exchange-connection/api}; its OpenAPI document is served at {@code /openapi}. */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Exchange corporate connection", version = "1",
        description = "Availability and bookings of an account's users, read from and written to their Exchange"
                + " calendars through the account's dedicated mailbox. Errors are application/problem+json."))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key of the account, created on its admin pages: Authorization: Bearer cck_...")
public class RestApplication extends Application {

    /** No WADL: the API is described by the OpenAPI document, and a WADL would be served to anyone. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
