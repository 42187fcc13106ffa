package org.corpconnect.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The one deployment builder: the real EAR, never a hand-made subset of the application. */
public final class Deployments {

    private static final String EJB_MODULE = "/corpconnect-ejb.jar";
    private static final String WEB_MODULE = "/corpconnect-web.war";

    private Deployments() {
    }

    /** The EAR exactly as {@code mvn package} built it, for tests that call it over HTTP. */
    public static EnterpriseArchive realEar() {
        File ear = new File(System.getProperty("ear.file", "target/deployments/exchange-connection.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("No EAR at " + ear + ": run the tests through Maven (mvn verify).");
        }
        // EWS streaming watches only where a test asks for them (EwsPushIT, PushLatencyBench): elsewhere their
        // Subscribe, GetStreamingEvents and catch-up reads would mix into the request logs other tests assert.
        return withSettings(ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear), Map.of("push.streams", "false"));
    }

    /**
     * The real EAR with the given test classes added to its EJB module, for tests that run inside
     * the server: classes in the EAR's {@code lib/} cannot see the modules' classes, so they go
     * where the application's own beans are.
     */
    public static EnterpriseArchive realEarWith(Class<?>... testClasses) {
        EnterpriseArchive ear = realEar();
        JavaArchive ejb = ear.getAsType(JavaArchive.class, EJB_MODULE)
                .addClasses(testClasses)
                .addClasses(Deployments.class, ServerTest.class, SimulatorResponsesChecked.class, ApiAnswersChecked.class,
                        Protocol.class); // TestAccounts' protocol: a test using the fixture needs it beside it
        ear.delete(EJB_MODULE);
        return ear.addAsModule(ejb);
    }

    /** The real EAR with test classes in its EJB module (see {@link #realEarWith}) and web components in its web module. */
    public static EnterpriseArchive realEarWith(Class<?>[] testClasses, Class<?>... webClasses) {
        EnterpriseArchive ear = realEarWith(testClasses);
        WebArchive web = ear.getAsType(WebArchive.class, WEB_MODULE).addClasses(webClasses);
        ear.delete(WEB_MODULE);
        return ear.addAsModule(web);
    }

    /**
     * The EAR with settings of its own (the EJB module's {@code microprofile-config.properties} with these
     * lines added), for a test that needs a setting the other tests' deployments must not have.
     */
    public static EnterpriseArchive withSettings(EnterpriseArchive ear, Map<String, String> settings) {
        JavaArchive ejb = ear.getAsType(JavaArchive.class, EJB_MODULE);
        String path = "META-INF/microprofile-config.properties";
        StringBuilder properties = new StringBuilder();
        try (InputStream in = ejb.get(path).getAsset().openStream()) {
            properties.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings.forEach((key, value) -> properties.append('\n').append(key).append('=').append(value));
        ejb.delete(path);
        ejb.add(new StringAsset(properties.append('\n').toString()), path);
        ear.delete(EJB_MODULE);
        return ear.addAsModule(ejb);
    }

    /** The real EAR with test-only web components (e.g. a probe servlet) added to its web module. */
    public static EnterpriseArchive realEarWithWeb(Class<?>... webClasses) {
        EnterpriseArchive ear = realEar();
        WebArchive web = ear.getAsType(WebArchive.class, WEB_MODULE).addClasses(webClasses).addClasses(Protocol.class);
        ear.delete(WEB_MODULE);
        return ear.addAsModule(web);
    }
}
