package org.corpconnect.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.corpconnect.sim.auth.Authenticator;
import org.corpconnect.sim.auth.TokenService;
import org.corpconnect.sim.autodiscover.AutodiscoverEndpoint;
import org.corpconnect.sim.availability.GetUserAvailability;
import org.corpconnect.sim.control.ControlApi;
import org.corpconnect.sim.dataset.Dataset;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.entra.Entra;
import org.corpconnect.sim.faults.FaultRules;
import org.corpconnect.sim.faults.Throttle;
import org.corpconnect.sim.graph.access.CalendarAccessPolicy;
import org.corpconnect.sim.graph.access.GraphTokenVerifier;
import org.corpconnect.sim.graph.rbac.ApplicationRbac;
import org.corpconnect.sim.graph.rbac.ExchangeOnlineCalendarPolicy;
import org.corpconnect.sim.graph.GraphApi;
import org.corpconnect.sim.graph.GraphEndpoint;
import org.corpconnect.sim.items.CreateItem;
import org.corpconnect.sim.items.DeleteItem;
import org.corpconnect.sim.items.FindItem;
import org.corpconnect.sim.folders.FindFolder;
import org.corpconnect.sim.items.ConvertId;
import org.corpconnect.sim.timezones.GetServerTimeZones;
import org.corpconnect.sim.folders.GetFolder;
import org.corpconnect.sim.items.GetItem;
import org.corpconnect.sim.items.SyncFolderItems;
import org.corpconnect.sim.items.UpdateItem;
import org.corpconnect.sim.notifications.NotificationOperations;
import org.corpconnect.sim.notifications.Subscriptions;
import org.corpconnect.sim.people.ResolveNames;
import org.corpconnect.sim.requestlog.RequestLog;
import org.corpconnect.sim.soap.EwsEndpoint;
import org.corpconnect.sim.soap.EwsOperation;
import org.corpconnect.sim.soap.SchemaFiles;
import org.corpconnect.sim.soap.SchemaValidator;
import org.corpconnect.sim.soap.ServerProfile;
import org.corpconnect.sim.tls.SimulatorCertificate;

/**
 * The Exchange simulator: an EWS endpoint with its directory, calendars, authentication, throttling,
 * injected faults, simulated Entra ID (sign-in, tokens, consent), Autodiscover and control API, on the
 * JDK's HTTP server, and on an HTTPS listener with a certificate of its own when asked for one.
 *
 * <pre>{@code
 * try (ExchangeSimulator sim = ExchangeSimulator.builder().port(0).schemaDir(dir)
 *         .dataset(Dataset.demo()).controlToken("t").validateResponses(true).start()) {
 *     URI ews = sim.ewsUrl();
 *     ...
 *     sim.assertAllResponsesValid();
 * }
 * }</pre>
 */
public final class ExchangeSimulator implements AutoCloseable {
    public static final String EWS_PATH = "/EWS/Exchange.asmx";
    public static final String CONTROL_PATH = "/control";

    private final HttpServer server;
    private final HttpsServer httpsServer;
    private final SimulatorCertificate certificate;
    private final ExecutorService executor;
    private final Directory directory;
    private final RequestLog requestLog;
    private final FaultRules faults;
    private final Throttle throttle;
    private final Authenticator authenticator;
    private final TokenService tokens;
    private final Entra entra;
    private final ApplicationRbac rbac;
    private final CalendarAccessPolicy calendarAccessPolicy;
    private final Subscriptions subscriptions =
            new Subscriptions();
    private final NotificationOperations notifications;
    private final List<String> validationFailures = new CopyOnWriteArrayList<>();
    private final URI baseUrl;
    private final URI httpsBaseUrl;
    private final GraphApi graph;

    static {
        // Exchange answers without Nagle's delay. The JDK's HttpServer writes an answer's headers and body apart and,
        // without TCP_NODELAY, holds the body back on a kept-alive connection until the client's delayed ACK: some
        // 40 ms added to every request of a client that keeps its connection (the JDK's HttpClient, Jersey's client).
        // Read once per JVM, when its first HttpServer starts: the test JVM sets it on the command line too.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private ExchangeSimulator(Builder b) throws IOException {
        if (b.withoutSchema && (b.schemaDir != null || b.validateResponses)) {
            throw new IllegalStateException("withoutSchema() excludes a schema directory and test mode (validateResponses)");
        }
        Optional<Path> schemaDir = b.withoutSchema ? Optional.empty()
                : Optional.of(b.schemaDir != null ? b.schemaDir : defaultSchemaDir());
        Optional<SchemaValidator> validator = schemaDir.map(SchemaValidator::forDirectory);
        this.directory = new Directory();
        this.requestLog = new RequestLog(b.requestLogCapacity);
        this.faults = new FaultRules();
        this.throttle = new Throttle(b.concurrencyBudget, b.backOffMillis);
        this.tokens = new TokenService(directory, b.clock);
        this.authenticator = new Authenticator(directory, tokens, b.clock, b.lockoutThreshold, b.lockoutDuration);
        authenticator.configureSchemes(b.basicAuth, b.ntlmAuth != null ? b.ntlmAuth : b.serverProfile.onPremises());
        this.entra = new Entra(directory, tokens, b.clock);
        this.rbac = new ApplicationRbac(directory.groups());
        this.calendarAccessPolicy = new ExchangeOnlineCalendarPolicy(rbac,
                appId -> directory.application(appId).map(Directory.Application::scope), () -> entra.directory().homeTenant().id());
        if (b.dataset != null) {
            b.dataset.applyTo(directory, entra, rbac);
        }
        this.notifications = new NotificationOperations(subscriptions);
        Map<String, EwsOperation> operations = Map.ofEntries(
                Map.entry("GetUserAvailabilityRequest", new GetUserAvailability()),
                Map.entry("FindItem", new FindItem()),
                Map.entry("GetItem", new GetItem()),
                Map.entry("CreateItem", new CreateItem()),
                Map.entry("UpdateItem", new UpdateItem()),
                Map.entry("DeleteItem", new DeleteItem()),
                Map.entry("GetFolder", new GetFolder()),
                Map.entry("FindFolder", new FindFolder()),
                Map.entry("ConvertId", new ConvertId()),
                Map.entry("GetServerTimeZones", new GetServerTimeZones()),
                Map.entry("ResolveNames", new ResolveNames()),
                Map.entry("SyncFolderItems", new SyncFolderItems()),
                Map.entry("Subscribe", notifications.subscribe()),
                Map.entry("GetEvents", notifications.getEvents()),
                Map.entry("Unsubscribe", notifications.unsubscribe()),
                Map.entry("GetStreamingEvents", notifications.getStreamingEvents()));
        // The 2010 SP2 schema beside the Online one, where present, checks responses to older versions.
        Optional<SchemaValidator> legacy = schemaDir.map(dir -> dir.toAbsolutePath().getParent().resolve("exchange2010sp2"))
                .filter(legacyDir -> Files.isRegularFile(legacyDir.resolve("ews-validate.xsd")))
                .map(SchemaValidator::forDirectory);
        EwsEndpoint ews = new EwsEndpoint(b.serverProfile, directory, authenticator, throttle, faults, requestLog, validator, legacy,
                b.validateResponses, validationFailures::add, operations, b.clock);
        this.server = HttpServer.create(new InetSocketAddress(b.host, b.port), 256);
        AtomicInteger threads = new AtomicInteger();
        // Unbounded: throttling is the simulator's own decision (ErrorServerBusy), never a thread shortage.
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "exchange-sim-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        int port = server.getAddress().getPort();
        String host = b.host.equals("0.0.0.0") ? "localhost" : b.host;
        this.baseUrl = URI.create("http://" + host + ":" + port);
        ControlApi control = new ControlApi(this, b.controlToken);
        AutodiscoverEndpoint autodiscover = new AutodiscoverEndpoint(directory, authenticator, () -> ewsUrl());
        SchemaFiles schemaFiles = new SchemaFiles(schemaDir, authenticator);
        // Test mode checks Graph bodies against the CSDL beside the EWS schema (shared/graph-schema).
        Optional<Path> graphSchema = !b.validateResponses ? Optional.empty() : Optional.of(b.graphSchemaFile != null
                ? b.graphSchemaFile : GraphApi.schemaFileUnder(schemaDir.orElseThrow().toAbsolutePath().getParent().getParent())
                .orElseThrow(() -> new IllegalStateException("Test mode needs the Graph schema: no graph-schema/"
                        + GraphApi.SCHEMA_FILE + " beside " + schemaDir.get() + "; set graphSchemaFile(...).")));
        this.graph = new GraphApi(directory, entra.tokens(), calendarAccessPolicy, faults, requestLog, b.clock, this::baseUrl,
                graphSchema, validationFailures::add);
        GraphEndpoint graphEndpoint = graph.endpoint();
        HttpHandler routes = exchange -> {
            if (GraphEndpoint.serves(exchange.getRequestURI().getPath().toLowerCase(Locale.ROOT))) {
                graphEndpoint.handle(exchange);
            } else {
                route(exchange, ews, schemaFiles, control, entra, autodiscover);
            }
        };
        server.createContext("/", routes);
        if (b.httpsPort >= 0) {
            // Entra clients (MSAL) insist on an https authority: the same routes, over TLS, on a port of their own.
            this.certificate = SimulatorCertificate.create(b.host);
            if (b.certificateFile != null) {
                certificate.writePem(b.certificateFile);
            }
            try {
                this.httpsServer = HttpsServer.create(new InetSocketAddress(b.host, b.httpsPort), 256);
            } catch (IOException e) {
                // The HTTP port is bound already. The JDK's server releases its socket only once started.
                server.start();
                server.stop(0);
                executor.shutdownNow();
                throw e;
            }
            httpsServer.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
            httpsServer.setExecutor(executor);
            httpsServer.createContext("/", routes);
            this.httpsBaseUrl = URI.create("https://" + host + ":" + httpsServer.getAddress().getPort());
        } else {
            this.certificate = null;
            this.httpsServer = null;
            this.httpsBaseUrl = null;
        }
        server.start();
        if (httpsServer != null) {
            httpsServer.start();
        }
    }

    /** Paths are matched case-insensitively, as IIS does for Exchange. */
    private static void route(HttpExchange exchange, EwsEndpoint ews, SchemaFiles schemaFiles,
                              ControlApi control, Entra entra, AutodiscoverEndpoint autodiscover) throws IOException {
        String path = exchange.getRequestURI().getPath().toLowerCase(Locale.ROOT);
        if (path.equals(EWS_PATH.toLowerCase(Locale.ROOT))) {
            ews.handle(exchange);
        } else if (SchemaFiles.serves(path)) {
            schemaFiles.handle(exchange);
        } else if (path.startsWith(CONTROL_PATH + "/") || path.equals(CONTROL_PATH)) {
            control.handle(exchange);
        } else if (Entra.serves(path)) {
            entra.handle(exchange);
        } else if (path.startsWith("/autodiscover/")) {
            autodiscover.handle(exchange);
        } else {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        }
    }

    /**
     * The shared.dir system property (as the build passes it), else the first "shared" directory
     * found from the working directory upwards (the repository's ../shared).
     */
    private static Path defaultSchemaDir() {
        Path relative = Path.of("ews-schema", "exchange-online-2023");
        String shared = System.getProperty("shared.dir");
        if (shared != null && Files.isDirectory(Path.of(shared).resolve(relative))) {
            return Path.of(shared).resolve(relative);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve(relative);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No EWS schema directory given and no shared/" + relative
                + " found above " + Path.of("").toAbsolutePath() + "; set schemaDir(...), --schema-dir or -Dshared.dir."
                + " The simulator runs unvalidated only when told to (withoutSchema(), --no-schema).");
    }

    public static Builder builder() {
        return new Builder();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public URI ewsUrl() {
        return baseUrl.resolve(EWS_PATH);
    }

    public URI controlUrl() {
        return baseUrl.resolve(CONTROL_PATH);
    }

    /** The OAuth2 token endpoint, shaped like Entra ID's: {base}/{tenant}/oauth2/v2.0/token. */
    public URI tokenUrl(String tenant) {
        return baseUrl.resolve("/" + tenant + "/oauth2/v2.0/token");
    }

    /** The HTTPS listener's base URL; only when the builder asked for one ({@code httpsPort}). */
    public URI httpsBaseUrl() {
        if (httpsBaseUrl == null) {
            throw new IllegalStateException("This simulator has no HTTPS listener; set httpsPort(...) (0 = any free port)");
        }
        return httpsBaseUrl;
    }

    /** The Entra authority of a tenant over HTTPS, e.g. for MSAL: https://localhost:port/{tenant}/. */
    public URI authorityUrl(String tenant) {
        return httpsBaseUrl().resolve("/" + tenant + "/");
    }

    /** The simulator's own TLS certificate, when it has an HTTPS listener. */
    public Optional<SimulatorCertificate> certificate() {
        return Optional.ofNullable(certificate);
    }

    public URI autodiscoverUrl() {
        return baseUrl.resolve("/autodiscover/autodiscover.svc");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Directory directory() {
        return directory;
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    public FaultRules faults() {
        return faults;
    }

    public Throttle throttle() {
        return throttle;
    }

    /** EWS notifications: the open streaming connections and the faults on them. */
    public NotificationOperations notifications() {
        return notifications;
    }

    /** Microsoft Graph v1.0 at {@link #graphUrl()}: its throttle and subscriptions. */
    public GraphApi graph() {
        return graph;
    }

    /** The Graph base URL, {base}/v1.0, as a Graph client's base URL. */
    public URI graphUrl() {
        return baseUrl.resolve(GraphEndpoint.PATH);
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    public TokenService tokens() {
        return tokens;
    }

    /** The simulated Entra ID: tenants, app registrations, consents, sessions. */
    public Entra entra() {
        return entra;
    }

    /** Exchange Online's RBAC for Applications: service principals, management scopes, role assignments. */
    public ApplicationRbac rbac() {
        return rbac;
    }

    /** What the Graph endpoints ask about a bearer token. */
    public GraphTokenVerifier graphTokenVerifier() {
        return entra.tokens();
    }

    /** What the Graph endpoints ask before touching a calendar. */
    public CalendarAccessPolicy calendarAccessPolicy() {
        return calendarAccessPolicy;
    }

    /** Replaces the whole organisation with a data set (mailboxes, calendars, rights, apps). */
    public synchronized void loadDataset(Dataset dataset) {
        directory.clear();
        tokens.revokeAll();
        entra.clear();
        rbac.clear();
        subscriptions.clear();
        graph.reset();
        dataset.applyTo(directory, entra, rbac);
    }

    /** Every response that failed schema validation in test mode; must stay empty. */
    public List<String> responseValidationFailures() {
        return new ArrayList<>(validationFailures);
    }

    public void assertAllResponsesValid() {
        if (!validationFailures.isEmpty()) {
            throw new AssertionError("The Exchange simulator produced " + validationFailures.size()
                    + " response(s) that are not valid against the EWS or Graph schema:\n" + String.join("\n", validationFailures));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        if (httpsServer != null) {
            httpsServer.stop(0);
        }
        graph.close();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Options of a simulator; {@link #start()} binds the port and returns the running simulator. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8025;
        private int httpsPort = -1;
        private Path certificateFile;
        private Path schemaDir;
        private Path graphSchemaFile;
        private Dataset dataset;
        private String controlToken = "sim-control-token";
        private boolean validateResponses;
        private boolean withoutSchema;
        private int lockoutThreshold = 5;
        private Duration lockoutDuration = Duration.ofMinutes(30);
        private int concurrencyBudget = 27;
        private long backOffMillis = 30_000;
        private int requestLogCapacity = 100_000;
        private Clock clock = Clock.systemUTC();
        private ServerProfile serverProfile = ServerProfile.EXCHANGE_ONLINE;
        private boolean basicAuth = true;
        private Boolean ntlmAuth;

        public Builder host(String v) { host = Objects.requireNonNull(v); return this; }
        public Builder port(int v) { port = v; return this; }
        /** Also listen over HTTPS on this port (0 = any free port) with a certificate made at start; -1 (default) = no HTTPS. */
        public Builder httpsPort(int v) { httpsPort = v; return this; }
        /** Write the HTTPS certificate (PEM) here at start, for clients that must trust it. */
        public Builder certificateFile(Path v) { certificateFile = v; return this; }
        public Builder schemaDir(Path v) { schemaDir = v; return this; }
        public Builder graphSchemaFile(Path v) { graphSchemaFile = v; return this; }
        public Builder dataset(Dataset v) { dataset = v; return this; }
        public Builder controlToken(String v) { controlToken = Objects.requireNonNull(v); return this; }
        public Builder validateResponses(boolean v) { validateResponses = v; return this; }
        /**
         * Runs without Microsoft's schema (a clone without the shared directory): requests are not validated
         * (no ErrorSchemaValidation) and the WSDL is not served. Never with a schema directory or in test mode.
         */
        public Builder withoutSchema() { withoutSchema = true; return this; }
        public Builder lockoutThreshold(int v) { lockoutThreshold = v; return this; }
        public Builder lockoutDuration(Duration v) { lockoutDuration = v; return this; }
        public Builder concurrencyBudget(int v) { concurrencyBudget = v; return this; }
        public Builder backOffMillis(long v) { backOffMillis = v; return this; }
        public Builder requestLogCapacity(int v) { requestLogCapacity = v; return this; }
        public Builder clock(Clock v) { clock = Objects.requireNonNull(v); return this; }
        /** Which Exchange to be: what ServerVersionInfo says and how an unknown version is refused. */
        public Builder serverProfile(ServerProfile v) { serverProfile = Objects.requireNonNull(v); return this; }
        /** Basic authentication on (default) or off, as an on-premises administrator may turn it off. */
        public Builder basicAuth(boolean v) { basicAuth = v; return this; }
        /** NTLM (and NTLM under Negotiate); default: on for an on-premises profile (Exchange 2019), off for Online. */
        public Builder ntlmAuth(boolean v) { ntlmAuth = v; return this; }

        public ExchangeSimulator start() {
            try {
                return new ExchangeSimulator(this);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the Exchange simulator on port " + port, e);
            }
        }
    }
}
