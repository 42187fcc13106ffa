package org.corpconnect.sim;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import org.corpconnect.sim.dataset.Dataset;
import org.corpconnect.sim.dataset.DemoSignIns;
import org.corpconnect.sim.soap.ServerProfile;

/**
 * Runs the simulator alone: {@code java -jar exchange-sim.jar --port 8025 --dataset demo}.
 * Prints where it listens and the demo service credentials (they are public demo facts, not secrets),
 * and stops cleanly on SIGTERM or Ctrl-C through a shutdown hook.
 */
public final class ExchangeSimulatorMain {
    private static final Logger LOG = Logger.getLogger(ExchangeSimulatorMain.class.getName());

    private ExchangeSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(Options.USAGE);
            return;
        }
        // The console is the user interface of the command: what to point a client at.
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (options.noSchema) {
            out.println("WARNING: no schema validation (--no-schema): EWS requests are not checked against Microsoft's"
                    + " schema and the WSDL is not served; give --schema-dir (the shared directory's ews-schema) to check them.");
        }
        ExchangeSimulator sim = options.builder().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping the Exchange simulator");
            sim.close();
            stopped.countDown();
        }, "exchange-sim-shutdown"));
        out.println("Exchange simulator listening on " + sim.baseUrl());
        out.println("  EWS URL:          " + sim.ewsUrl());
        out.println("  Graph URL:        " + sim.graphUrl());
        out.println("  Control API:      " + sim.controlUrl() + "  (Authorization: Bearer " + options.controlToken + ")");
        out.println("  Token endpoint:   " + sim.tokenUrl("contoso-test"));
        sim.certificate().ifPresent(c -> {
            out.println("  HTTPS:            " + sim.httpsBaseUrl() + "  (EWS, Entra, control; trust "
                    + (options.certificateFile != null ? options.certificateFile.toAbsolutePath() : "GET /control/certificate") + ")");
            out.println("  Entra authority:  " + sim.authorityUrl("contoso-test"));
            if (options.dataset.startsWith("demo")) {
                out.println("  Graph app-only:   client " + DemoSignIns.CENTRAL_CLIENT_ID + ", secret " + DemoSignIns.CENTRAL_SECRET);
                out.println("  Graph delegated:  client " + DemoSignIns.MAILBOX_CLIENT_ID + ", secret " + DemoSignIns.MAILBOX_SECRET
                        + ", redirect " + DemoSignIns.MAILBOX_REDIRECT_URI);
            }
        });
        out.println("  Autodiscover:     " + sim.autodiscoverUrl());
        out.println("  Mailboxes:        " + sim.directory().size());
        sim.directory().serviceMailbox().ifPresent(m -> {
            out.println("  Service mailbox:  " + m);
            if ("booking-service@contoso.test".equals(m.value()) && options.dataset.startsWith("demo")) {
                out.println("  Service password: Demo-Service-Pa55!");
            }
        });
        out.println("Stop with Ctrl-C.");
        stopped.await();
    }

    /** The command line flags; see {@link #USAGE}. */
    static final class Options {
        static final String USAGE = """
                Usage: java -jar exchange-sim.jar [options]
                  --port N                 HTTP port (default 8025; 0 = any free port)
                  --https-port N           HTTPS port with a certificate made at start (default 8443; 0 = any free port; -1 = none)
                  --certificate-file F     write that certificate (PEM) to F for clients to trust
                  --host H                 address to bind (default 127.0.0.1; 0.0.0.0 for all)
                  --dataset D              demo | generated:N | path/to/dataset.json (default demo)
                  --schema-dir DIR         Microsoft's EWS schema directory (default ../shared/ews-schema/exchange-online-2023)
                  --control-token T        bearer token of the control API (default sim-control-token)
                  --lockout-threshold N    wrong passwords before an account locks (default 5)
                  --lockout-minutes M      how long it stays locked (default 30)
                  --no-schema              run without the schema (no shared directory at hand): requests are not
                                           validated and the WSDL is not served; the first line of output says so
                  --validate-responses     test mode: validate every response against the schema
                  --server-version V       online (Exchange Online, 15.20, V2018_01_08; default) or 2019
                                           (Exchange 2019 CU14, 15.2.1544.4, V2017_07_11)
                  --ntlm                   accept NTLM (and NTLM under Negotiate); default with --server-version 2019
                  --no-basic               refuse Basic authentication, as an on-premises administrator may
                """;

        private static final java.util.Set<String> KNOWN = java.util.Set.of("--port", "--https-port", "--certificate-file",
                "--host", "--dataset", "--schema-dir", "--control-token", "--lockout-threshold", "--lockout-minutes",
                "--server-version");

        int port = 8025;
        int httpsPort = 8443;
        Path certificateFile;
        String host = "127.0.0.1";
        String dataset = "demo";
        Path schemaDir;
        String controlToken = "sim-control-token";
        int lockoutThreshold = 5;
        int lockoutMinutes = 30;
        ServerProfile serverVersion = ServerProfile.EXCHANGE_ONLINE;
        boolean ntlm;
        boolean noBasic;
        boolean validateResponses;
        boolean noSchema;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String value = null;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    value = a.substring(eq + 1);
                    a = a.substring(0, eq);
                }
                switch (a) {
                    case "--help", "-h" -> o.help = true;
                    case "--validate-responses" -> o.validateResponses = true;
                    case "--no-schema" -> o.noSchema = true;
                    case "--ntlm" -> o.ntlm = true;
                    case "--no-basic" -> o.noBasic = true;
                    default -> {
                        if (!KNOWN.contains(a)) {
                            throw new IllegalArgumentException("Unknown option " + a);
                        }
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new IllegalArgumentException("Missing value for " + a);
                            }
                            value = args[++i];
                        }
                        switch (a) {
                            case "--port" -> o.port = Integer.parseInt(value);
                            case "--https-port" -> o.httpsPort = Integer.parseInt(value);
                            case "--certificate-file" -> o.certificateFile = Path.of(value);
                            case "--host" -> o.host = value;
                            case "--dataset" -> o.dataset = value;
                            case "--schema-dir" -> o.schemaDir = Path.of(value);
                            case "--control-token" -> o.controlToken = value;
                            case "--lockout-threshold" -> o.lockoutThreshold = Integer.parseInt(value);
                            case "--lockout-minutes" -> o.lockoutMinutes = Integer.parseInt(value);
                            case "--server-version" -> o.serverVersion = ServerProfile.parse(value);
                            default -> throw new IllegalArgumentException("Unknown option " + a);
                        }
                    }
                }
            }
            if (o.noSchema && (o.schemaDir != null || o.validateResponses)) {
                throw new IllegalArgumentException("--no-schema excludes --schema-dir and --validate-responses");
            }
            return o;
        }

        Dataset loadDataset() {
            if (dataset.equals("demo")) {
                return Dataset.demo();
            }
            if (dataset.startsWith("generated:")) {
                return Dataset.generated(Integer.parseInt(dataset.substring("generated:".length())));
            }
            return Dataset.fromJson(Path.of(dataset));
        }

        ExchangeSimulator.Builder builder() {
            ExchangeSimulator.Builder b = ExchangeSimulator.builder().host(host).port(port).httpsPort(httpsPort)
                    .certificateFile(certificateFile).dataset(loadDataset())
                    .controlToken(controlToken).lockoutThreshold(lockoutThreshold)
                    .lockoutDuration(Duration.ofMinutes(lockoutMinutes)).validateResponses(validateResponses)
                    .serverProfile(serverVersion).basicAuth(!noBasic);
            if (ntlm) {
                b.ntlmAuth(true);
            }
            if (schemaDir != null) {
                b.schemaDir(schemaDir);
            }
            if (noSchema) {
                b.withoutSchema();
            }
            return b;
        }
    }
}
