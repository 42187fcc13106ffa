package org.corpconnect.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.corpconnect.it.deployment.DeploymentMethod;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment builder: the real EAR, never a hand-made subset of the application.
 *
 * <p>Test classes deploying the same archive run one after another and share one deployment
 * ({@code org.corpconnect.it.deployment}): a deployment costs the server 10 to 40 seconds. So a test takes
 * {@link #withFixtures()} (called over HTTP) or {@link #withTestsInside()} (running inside the server) as they are,
 * and only a test that needs settings of its own, or the EAR without anything of the tests, builds another.
 */
public final class Deployments {

    private static final String EJB_MODULE = "/corpconnect-ejb.jar";
    private static final String WEB_MODULE = "/corpconnect-web.war";

    /** What the tests use on the server's side: accounts made directly, the simulator's controls. */
    private static final Class<?>[] FIXTURES = {TestAccounts.class, TestAccounts.TestAccount.class, SimulatorControl.class,
        TestExchange.class, Protocol.class};

    /** What the tests running inside the server use there besides the fixtures. */
    private static final Class<?>[] SUPPORT_INSIDE = {Deployments.class, ServerTest.class, SimulatorResponsesChecked.class,
        ApiAnswersChecked.class, AdminSession.class, Server.class, DelegatedSignIns.class};

    /** The test-only servlets that the tests calling over HTTP use to set up and look in. */
    private static final Class<?>[] FIXTURE_SERVLETS = {ApiFixtureServlet.class, ApiKeyFixtureServlet.class,
        OperatorFixtureServlet.class, ProtocolMoveFixtureServlet.class, RestartProbeServlet.class, SignInFixtureServlet.class};

    private Deployments() {
    }

    /** The EAR exactly as {@code mvn package} built it, for tests that call it over HTTP and need nothing of the tests. */
    public static EnterpriseArchive realEar() {
        File ear = new File(System.getProperty("ear.file", "target/deployments/exchange-connection.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("No EAR at " + ear + ": run the tests through Maven (mvn verify).");
        }
        // EWS streaming watches only where a test asks for them (EwsPushIT, PushLatencyBench): elsewhere their
        // Subscribe, GetStreamingEvents and catch-up reads would mix into the request logs other tests assert.
        return withSettings(ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear), Map.of("push.streams", "false"));
    }

    /** The EAR of the tests that call it over HTTP: the real EAR with the test fixtures' servlets in its web module. */
    public static EnterpriseArchive withFixtures() {
        return withWebClasses(realEar(), FIXTURE_SERVLETS, FIXTURES);
    }

    /**
     * The EAR of the tests that run inside the server: the real EAR with every such test class in its EJB module
     * (classes in the EAR's {@code lib/} cannot see the modules' classes, so they go where the application's own beans
     * are), and the page HealthIT points a connection at in its web module.
     */
    public static EnterpriseArchive withTestsInside() {
        EnterpriseArchive ear = withEjbClasses(realEar(), testsInside(), FIXTURES, SUPPORT_INSIDE);
        return withWebClasses(ear, new Class<?>[] {HtmlPageServlet.class});
    }

    /** {@link #withTestsInside()} with {@code moreClasses} in its EJB module as well: the benchmarks, in a package of their own. */
    public static EnterpriseArchive withTestsInside(Class<?>... moreClasses) {
        return withEjbClasses(withTestsInside(), moreClasses);
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

    /**
     * Every {@code *IT} of this package whose deployment (its own or inherited) is testable, from the directory the
     * tests were compiled to: a new test inside the server needs no list to join.
     */
    private static Class<?>[] testsInside() {
        String pkg = Deployments.class.getPackageName();
        try (Stream<Path> files = Files.list(Path.of(Deployments.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(pkg.replace('.', '/')))) {
            List<Class<?>> tests = new ArrayList<>();
            for (String name : files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith("IT.class")).toList()) {
                Class<?> test = Class.forName(pkg + "." + name.substring(0, name.length() - ".class".length()), false,
                        Deployments.class.getClassLoader());
                if (DeploymentMethod.runsInside(test)) {
                    tests.add(test);
                }
            }
            return tests.toArray(Class<?>[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException("The tests' classes cannot be listed", e);
        }
    }

    private static EnterpriseArchive withEjbClasses(EnterpriseArchive ear, Class<?>[]... classes) {
        JavaArchive ejb = ear.getAsType(JavaArchive.class, EJB_MODULE);
        for (Class<?>[] some : classes) {
            ejb.addClasses(some);
        }
        ear.delete(EJB_MODULE);
        return ear.addAsModule(ejb);
    }

    private static EnterpriseArchive withWebClasses(EnterpriseArchive ear, Class<?>[]... classes) {
        WebArchive web = ear.getAsType(WebArchive.class, WEB_MODULE);
        for (Class<?>[] some : classes) {
            web.addClasses(some);
        }
        ear.delete(WEB_MODULE);
        return ear.addAsModule(web);
    }
}
