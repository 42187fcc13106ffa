package org.corpconnect.it;

import java.net.URI;

/**
 * Where the test run's Exchange simulator listens, and the demo facts the tests rely on. Plain
 * values, so that tests running inside the server can use them too (the simulator object itself
 * lives in the test JVM: {@link SimulatorSession#simulator()}).
 */
public final class TestExchange {

    /** From the environment, which the server started by the tests inherits too (see it/pom.xml). */
    public static final int PORT = Integer.parseInt(System.getenv().getOrDefault("IT_SIM_PORT", "28025"));
    public static final String CONTROL_TOKEN = "it-control-token";
    public static final String SERVICE_MAILBOX = "booking-service@contoso.test";
    public static final String SERVICE_PASSWORD = "Demo-Service-Pa55!";
    /** The simulator's Entra ID tenant (its name; its id and the domain contoso.test work too). */
    public static final String TENANT = "contoso-test";

    /** The simulator's HTTPS side: Microsoft Graph at /v1.0, Entra ID at /{tenant}/. */
    public static final int HTTPS_PORT = Integer.parseInt(System.getenv().getOrDefault("IT_SIM_HTTPS_PORT", "28000"));

    /** The simulator's demo central app (app-only, RBAC for Applications). */
    public static final String CENTRAL_APP_ID = "4f0b9e2a-6c1d-4e3b-8a57-2d9c0e1f3b61";
    public static final String CENTRAL_APP_SECRET = "Demo-Graph-Secret-1!";
    /** The group the central app's management scope filters on: its members are in the app's reach. */
    public static final String RBAC_GROUP = "corpconnect-booking@contoso.test";

    private TestExchange() {
    }

    public static URI ewsUrl() {
        return URI.create("http://localhost:" + PORT + "/EWS/Exchange.asmx");
    }
}
