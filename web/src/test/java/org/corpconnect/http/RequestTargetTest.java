package org.corpconnect.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestTargetTest {

    @Test
    void plainTargetsPass() {
        for (String path : new String[] {"/exchange-connection/api/v1/bookings", "/exchange-connection/admin/",
                "/exchange-connection/api/v1/bookings/0b7a3c1e-8a7d-4c1f-9a57-3f7e2c9b1d20", "/exchange-connection/admin-static/admin.css",
                "/exchange-connection/api/v1/caf%C3%A9"}) {
            assertEquals(Optional.empty(), new RequestTarget(path, null).ambiguity(), path);
        }
        assertEquals(Optional.empty(), new RequestTarget("/exchange-connection/api/v1/availability",
                "users=a%40x.test&from=2026-12-01T10:00:00%2B01:00").ambiguity());
    }

    @Test
    void encodedTraversalIsRefused() {
        for (String path : new String[] {"/exchange-connection/api/v1/bookings/..%2f..%2f..%2fadmin-static%2fadmin.css",
                "/exchange-connection/api/v1/%2e%2e/admin/", "/exchange-connection/api/v1/..%5cadmin", "/exchange-connection/api/%252e%252e/x",
                "/exchange-connection/api/x%00.css", "/exchange-connection/api/v1/../../admin/", "/exchange-connection/api/v1/..;/admin/",
                "/exchange-connection//admin/", "/exchange-connection/api/./v1"}) {
            assertTrue(new RequestTarget(path, null).ambiguity().isPresent(), path);
        }
    }

    @Test
    void badPercentEncodingIsRefusedInPathAndQuery() {
        assertTrue(new RequestTarget("/exchange-connection/api/v1/%zz", null).ambiguity().isPresent());
        assertTrue(new RequestTarget("/exchange-connection/api/v1/x%4", null).ambiguity().isPresent());
        assertTrue(new RequestTarget("/exchange-connection/api/v1/availability", "users=%G1").ambiguity().isPresent());
    }
}
