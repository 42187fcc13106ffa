package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** The deployed EAR answers over HTTP: a JAX-RS resource backed by an EJB, and health with the database. */
@ServerTest
@RunAsClient
class PlatformIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.realEar();
    }

    @Test
    void aboutResourceReportsTheMigratedSchemaVersion() {
        var response = Server.get(Server.app().resolve("api/about"));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject about = Server.json(response);
        assertEquals("Exchange corporate connection", about.getString("product"));
        assertTrue(Integer.parseInt(about.getString("schemaVersion")) >= 1, about.toString());
    }

    @Test
    void readinessIsUpWithTheDatabase() {
        var response = Server.get(Server.root().resolve("health/ready"));

        assertEquals(200, response.statusCode(), response.body());
        JsonObject health = Server.json(response);
        assertEquals("UP", health.getString("status"));
        JsonObject database = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> "database".equals(check.getString("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no database check in " + health));
        assertEquals("UP", database.getString("status"));
    }

    @Test
    void readinessListsTheExchangeConnectionsWithoutTakingTheServerOut() {
        JsonObject health = Server.json(Server.get(Server.root().resolve("health/ready")));

        JsonObject connections = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> "exchange-connections".equals(check.getString("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no exchange-connections check in " + health));
        assertEquals("UP", connections.getString("status"));
        assertTrue(connections.getJsonObject("data").containsKey("accountsWithTrouble"), connections.toString());
    }

    @Test
    void livenessIsUpOnceTheSchemaIsMigrated() {
        var response = Server.get(Server.root().resolve("health/live"));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("UP", Server.json(response).getString("status"));
    }
}
