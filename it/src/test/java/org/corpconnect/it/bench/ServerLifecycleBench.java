package org.corpconnect.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corpconnect.it.Deployments;
import org.corpconnect.it.Server;
import org.corpconnect.it.ServerTest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The EAR's deploy time (a second copy under another name and context root, then undeployed) and the
 * server's start to ready (stop-domain, then start-domain until the first 200 of /health/ready with the
 * application deployed). Runs last (alphabetical order in the bench profile): it stops the server.
 */
@ServerTest
@RunAsClient
class ServerLifecycleBench {

    private static final String PROBE = "corpconnect-bench-probe";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.realEar();
    }

    @Test
    void deployTimeAndStartToReady() throws Exception {
        Path probe = probeEar();
        List<Long> deploys = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long t = System.nanoTime();
            asadmin("deploy", "--name", PROBE, probe.toString());
            deploys.add(millisSince(t));
            assertEquals(200, Server.get(Server.root().resolve(PROBE + "/api/about")).statusCode(), "the copy answers");
            asadmin("undeploy", PROBE);
        }
        BenchFigures.record("lifecycle.ear_deploy.first", deploys.get(0), "ms",
                "asadmin deploy of the EAR (" + Files.size(probe) / 1024 + " KB) under another name, into the running domain; includes asadmin's own start");
        BenchFigures.record("lifecycle.ear_deploy.second", deploys.get(1), "ms", "the same again after undeploy");

        asadmin("stop-domain", System.getProperty("it.server.domain"));
        long t = System.nanoTime();
        asadmin("start-domain", System.getProperty("it.server.domain"));
        long started = millisSince(t);
        awaitReady(Duration.ofSeconds(180));
        long ready = millisSince(t);
        BenchFigures.record("lifecycle.start_domain", started, "ms", "asadmin start-domain until it returns");
        BenchFigures.record("lifecycle.start_to_ready", ready, "ms",
                "asadmin start-domain to the first 200 of /health/ready, the EAR deployed (polled every 100 ms)");
    }

    /** The real EAR as another application: its own name and context root, so it deploys beside the first. */
    private static Path probeEar() throws IOException {
        EnterpriseArchive ear = Deployments.realEar();
        String xml;
        try (InputStream in = ear.get("META-INF/application.xml").getAsset().openStream()) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ear.delete("META-INF/application.xml");
        ear.setApplicationXML(new StringAsset(xml
                .replace("<application-name>exchange-connection</application-name>", "<application-name>" + PROBE + "</application-name>")
                .replace("<context-root>/exchange-connection</context-root>", "<context-root>/" + PROBE + "</context-root>")));
        Path file = Files.createTempFile(PROBE, ".ear");
        ear.as(ZipExporter.class).exportTo(file.toFile(), true);
        file.toFile().deleteOnExit();
        return file;
    }

    private static void asadmin(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("payara.home"), "bin", "asadmin").toString(),
                "--port", System.getProperty("it.admin.port")));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), String.join(" ", command) + " finished");
        assertEquals(0, process.exitValue(), String.join(" ", command) + " succeeded");
    }

    private static void awaitReady(Duration timeout) throws InterruptedException {
        URI ready = Server.root().resolve("health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notUpYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("/health/ready not 200 within " + timeout);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
