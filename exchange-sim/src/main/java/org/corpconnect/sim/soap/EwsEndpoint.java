package org.corpconnect.sim.soap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.corpconnect.sim.auth.Authenticator;
import org.corpconnect.sim.auth.Principal;
import org.corpconnect.sim.calendar.WindowsZones;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.directory.ImpersonationScope;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.faults.FaultRule;
import org.corpconnect.sim.faults.FaultRules;
import org.corpconnect.sim.faults.Throttle;
import org.corpconnect.sim.requestlog.RequestLog;
import org.corpconnect.sim.requestlog.RequestLogEntry;
import org.w3c.dom.Element;

/**
 * The EWS endpoint, /EWS/Exchange.asmx. The order of checks follows Exchange: authentication (401),
 * injected transport faults, the account's concurrency budget (ErrorServerBusy), the requested
 * version (refused as the server refuses it, before the schema sees it), schema validation
 * (ErrorSchemaValidation), the impersonation header, then the operation. In test mode every
 * response is validated against the schema before it leaves; an invalid one is replaced by a 500
 * and recorded, so that no test can pass on a response Exchange would never send.
 */
public final class EwsEndpoint implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(EwsEndpoint.class.getName());

    private final Directory directory;
    private final Authenticator authenticator;
    private final Throttle throttle;
    private final FaultRules faults;
    private final RequestLog requestLog;
    /** Empty only when the simulator runs without Microsoft's schema (never in test mode). */
    private final Optional<SchemaValidator> validator;
    private final Optional<SchemaValidator> legacyValidator;
    private final boolean validateResponses;
    private final Consumer<String> validationFailures;
    private final Map<String, EwsOperation> operations;
    private final Clock clock;
    private final ServerProfile server;

    public EwsEndpoint(ServerProfile server, Directory directory, Authenticator authenticator, Throttle throttle,
                       FaultRules faults, RequestLog requestLog, Optional<SchemaValidator> validator, Optional<SchemaValidator> legacyValidator,
                       boolean validateResponses,
                       Consumer<String> validationFailures, Map<String, EwsOperation> operations, Clock clock) {
        this.directory = directory;
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.faults = faults;
        this.requestLog = requestLog;
        this.validator = validator;
        this.legacyValidator = legacyValidator;
        this.validateResponses = validateResponses;
        this.validationFailures = validationFailures;
        this.operations = Map.copyOf(operations);
        this.clock = clock;
        this.server = server;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        RequestLogEntry.Builder log = new RequestLogEntry.Builder(clock.instant(), exchange.getRequestURI().getPath());
        boolean dropped = false;
        try {
            serve(exchange, log);
        } catch (StreamingOperation.ConnectionDropped e) {
            // Out of the handler unclosed: the JDK's server then closes the socket without the last chunk.
            dropped = true;
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "EWS request failed inside the simulator", e);
            respond(exchange, log, 500, faultEnvelope(new EwsFault("ErrorInternalServerError",
                    "An internal server error occurred. The operation failed.")));
        } finally {
            record(log);
            if (!dropped) {
                exchange.close();
            }
        }
    }

    private void serve(HttpExchange exchange, RequestLogEntry.Builder log) throws IOException {
        Authenticator.Result auth = authenticator.authenticate(exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRemoteAddress().toString());
        log.authOutcome(auth.outcome()).authenticatedAs(auth.claimedName());
        byte[] requestBytes = exchange.getRequestBody().readAllBytes();
        if (!auth.succeeded()) {
            // Exchange answers 401 with an empty body and offers its schemes; the client learns nothing more.
            // An NTLM handshake's middle step answers with the challenge alone; otherwise every enabled scheme.
            List<String> challenges = auth.challenge() != null ? List.of(auth.challenge())
                    : authenticator.offeredSchemes(exchange.getRequestHeaders().getFirst("Host"));
            challenges.forEach(c -> exchange.getResponseHeaders().add("WWW-Authenticate", c));
            log.httpStatus(401);
            record(log);
            exchange.sendResponseHeaders(401, -1);
            return;
        }
        Principal principal = auth.principal();
        String anchor = exchange.getRequestHeaders().getFirst("X-AnchorMailbox");
        log.anchorMailbox(anchor);
        if (!"POST".equals(exchange.getRequestMethod())) {
            log.httpStatus(405);
            exchange.getResponseHeaders().add("Allow", "POST");
            exchange.sendResponseHeaders(405, -1);
            return;
        }

        SoapRequest request;
        try {
            request = SoapRequest.parse(requestBytes);
        } catch (EwsFault fault) {
            respond(exchange, log, 500, faultEnvelope(fault));
            return;
        }
        String operationName = request.body().getLocalName();
        log.operation(operationName);
        List<String> involved = involvedMailboxes(principal, request);

        if (faults.fire(FaultRule.Kind.CONNECTION_RESET, operationName, involved).isPresent()) {
            log.httpStatus(0);
            return; // closing the exchange before any header is sent drops the connection
        }
        if (faults.fire(FaultRule.Kind.HTTP_503, operationName, involved).isPresent()) {
            log.httpStatus(503);
            record(log);
            exchange.getResponseHeaders().add("Retry-After", "5");
            exchange.sendResponseHeaders(503, -1);
            return;
        }
        Optional<FaultRule> busy = faults.fire(FaultRule.Kind.SERVER_BUSY, operationName, involved);
        if (busy.isPresent()) {
            respond(exchange, log, 500, faultEnvelope(serverBusy(busy.get().millis())));
            return;
        }
        // A streaming connection hangs for minutes; Exchange counts those separately (10 per account).
        Optional<AutoCloseable> permit = "GetStreamingEvents".equals(operationName)
                ? Optional.of(() -> { }) : throttle.tryEnter(principal.name());
        if (permit.isEmpty()) {
            respond(exchange, log, 500, faultEnvelope(serverBusy(throttle.backOffMillis())));
            return;
        }
        try (AutoCloseable ignored = permit.get()) {
            processWithinBudget(exchange, log, principal, anchor, requestBytes, request, operationName, involved);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void processWithinBudget(HttpExchange exchange, RequestLogEntry.Builder log, Principal principal,
                                     String anchor, byte[] requestBytes, SoapRequest request, String operationName,
                                     List<String> involved) throws IOException {
        // Without the header Exchange serves the initial Exchange 2007 schema (versioning-requests docs).
        // A version this server does not know is refused before the schema sees it (ServerProfile).
        Optional<String> requestedVersion = request.header("RequestServerVersion")
                .map(h -> h.getAttribute("Version")).filter(v -> !v.isEmpty());
        requestedVersion.ifPresent(log::requestServerVersion);
        ExchangeVersion version;
        try {
            version = requestedVersion.map(server::negotiate).orElse(ExchangeVersion.Exchange2007);
        } catch (EwsFault fault) {
            log.responseCode(fault.responseCode());
            respond(exchange, log, 500, faultEnvelope(fault));
            return;
        }
        List<SchemaValidator.Violation> violations = validator.map(v -> v.validate(requestBytes)).orElse(List.of());
        if (!violations.isEmpty()) {
            SchemaValidator.Violation v = violations.get(0);
            respond(exchange, log, 500, faultEnvelope(SoapRequest.schemaValidation(v.message(), v.line(), v.column())));
            return;
        }
        String body;
        int status = 200;
        boolean dropAfterCommit = false;
        try {
            MailboxAddress acting = actingMailbox(principal, request, anchor, log);
            ZoneId tzContext = version.atLeast(ExchangeVersion.Exchange2010)
                    ? request.header("TimeZoneContext").flatMap(this::zoneOf).orElse(null) : null;
            EwsOperation operation = Optional.ofNullable(
                    Ews.MESSAGES.equals(request.body().getNamespaceURI()) ? operations.get(operationName) : null)
                    .orElseThrow(() -> new EwsFault("ErrorInvalidRequest",
                            "The simulator does not implement the operation " + operationName + "."));
            long latency = faults.latencyMillis(operationName, involved, Math.max(1, countTargets(request)));
            sleep(latency);
            EwsCall call = new EwsCall(request, version, principal, acting, request.header("ExchangeImpersonation").isPresent(),
                    directory, log, clock, tzContext);
            if (operation instanceof StreamingOperation streaming) {
                stream(exchange, log, streaming, call, version);
                return;
            }
            XmlWriter w = envelopeStart();
            operation.execute(call, w);
            body = envelopeEnd(w);
            dropAfterCommit = faults.fire(FaultRule.Kind.COMMIT_THEN_DROP, operationName, involved).map(r -> {
                sleep(r.millis());
                return true;
            }).orElse(false);
        } catch (EwsFault fault) {
            body = faultEnvelope(fault);
            status = 500;
            log.responseCode(fault.responseCode());
        }
        if (dropAfterCommit) {
            log.httpStatus(0);
            return;
        }
        respond(exchange, log, status, body, version);
    }

    /**
     * Serves a streaming operation: HTTP 200 with a chunked body, one envelope per message, each
     * validated in test mode before it is written. Headers go out with the first message, so an
     * invalid message can no longer become a 500: it is recorded, logged and the stream is cut.
     */
    private void stream(HttpExchange exchange, RequestLogEntry.Builder log, StreamingOperation operation, EwsCall call,
                        ExchangeVersion version) throws IOException {
        boolean[] started = {false};
        OutputStream[] out = {null};
        try {
            operation.stream(call, new StreamingOperation.Sink() {
                @Override
                public void send(Consumer<XmlWriter> body) throws IOException {
                    XmlWriter w = streamedEnvelopeStart();
                    body.accept(w);
                    byte[] bytes = envelopeEnd(w).getBytes(StandardCharsets.UTF_8);
                    List<SchemaValidator.Violation> violations = validateResponses ? validate(bytes, version) : List.of();
                    if (!violations.isEmpty()) {
                        String failure = "Streamed response to " + log.operation() + " is not valid against the EWS schema: "
                                + violations.get(0);
                        LOG.severe("SIMULATOR BUG: " + failure);
                        validationFailures.accept(failure);
                        throw new IOException(failure);
                    }
                    write(bytes);
                }

                @Override
                public void sendWithPrologue(String prologue, Consumer<XmlWriter> body) throws IOException {
                    XmlWriter w = streamedEnvelopeStart();
                    body.accept(w);
                    write((prologue + envelopeEnd(w)).getBytes(StandardCharsets.UTF_8));
                }

                private void write(byte[] bytes) throws IOException {
                    if (!started[0]) {
                        started[0] = true;
                        log.httpStatus(200);
                        record(log);
                        exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
                        exchange.sendResponseHeaders(200, 0);
                        out[0] = exchange.getResponseBody();
                    }
                    out[0].write(bytes);
                    out[0].flush();
                }
            });
        } catch (StreamingOperation.ConnectionDropped e) {
            throw e;
        } catch (IOException e) {
            LOG.fine("Streaming connection ended: " + e.getMessage()); // the client went away, or a message was invalid
        } catch (EwsFault fault) {
            if (!started[0]) {
                log.responseCode(fault.responseCode());
                respond(exchange, log, 500, faultEnvelope(fault), version);
            }
        }
    }

    private List<SchemaValidator.Violation> validate(byte[] bytes, ExchangeVersion version) {
        List<SchemaValidator.Violation> violations = new java.util.ArrayList<>(validator.orElseThrow().validate(bytes));
        if (violations.isEmpty() && version != null && !version.atLeast(ExchangeVersion.Exchange2012)
                && legacyValidator.isPresent()) {
            legacyValidator.get().validate(bytes).stream()
                    .map(v -> new SchemaValidator.Violation("(Exchange2010_SP2 schema) " + v.message(), v.line(), v.column()))
                    .forEach(violations::add);
        }
        return violations;
    }

    private MailboxAddress actingMailbox(Principal principal, SoapRequest request, String anchor,
                                         RequestLogEntry.Builder log) {
        Optional<Element> header = request.header("ExchangeImpersonation");
        if (header.isEmpty()) {
            if (principal.isApplication()) {
                throw new EwsFault("ErrorInvalidExchangeImpersonationHeaderData",
                        "ExchangeImpersonation SOAP header must be present for this type of OAuth token.");
            }
            return principal.mailbox();
        }
        Element sid = SoapRequest.children(header.get()).get(0);
        Element id = SoapRequest.children(sid).get(0);
        String value = id.getTextContent().trim();
        log.impersonated(value.toLowerCase(Locale.ROOT));
        if ("SID".equals(id.getLocalName())) {
            // The simulated directory has no security identifiers: nothing resolves by SID.
            throw new EwsFault("ErrorNonExistentMailbox", "The SID has no mailbox associated with it.",
                    Map.of("SID", value));
        }
        MailboxAddress target = MailboxAddress.of(value);
        if (directory.find(target).isEmpty()) {
            throw new EwsFault("ErrorNonExistentMailbox", "The SMTP address has no mailbox associated with it.",
                    Map.of("SmtpAddress", value));
        }
        Optional<ImpersonationScope> right = principal.isApplication()
                ? Optional.of(principal.application().scope())
                : directory.impersonationOf(principal.mailbox());
        if (right.isEmpty() || !right.get().covers(target)) {
            throw new EwsFault("ErrorImpersonateUserDenied",
                    "The account does not have permission to impersonate the requested user.");
        }
        if (principal.isApplication() && (anchor == null || !MailboxAddress.of(anchor).equals(target))) {
            // Exchange Online routes app-only impersonated requests by this header; without it they fail.
            throw new EwsFault("ErrorInvalidRequest",
                    "The request must carry an X-AnchorMailbox header naming the impersonated mailbox.");
        }
        return target;
    }

    private Optional<ZoneId> zoneOf(Element timeZoneContext) {
        return SoapRequest.children(timeZoneContext).stream().findFirst()
                .flatMap(def -> WindowsZones.toZone(def.getAttribute("Id")));
    }

    private static List<String> involvedMailboxes(Principal principal, SoapRequest request) {
        List<String> out = new ArrayList<>();
        principal.mailboxAccount().ifPresent(m -> out.add(m.value()));
        request.header("ExchangeImpersonation").ifPresent(h -> out.add(h.getTextContent().trim().toLowerCase(Locale.ROOT)));
        collectAddresses(request.body(), out);
        return out;
    }

    private static void collectAddresses(Element e, List<String> out) {
        for (Element c : SoapRequest.children(e)) {
            String name = c.getLocalName();
            if (("Address".equals(name) || "EmailAddress".equals(name)) && Ews.TYPES.equals(c.getNamespaceURI())) {
                out.add(c.getTextContent().trim().toLowerCase(Locale.ROOT));
            } else {
                collectAddresses(c, out);
            }
        }
    }

    private static int countTargets(SoapRequest request) {
        List<String> addresses = new ArrayList<>();
        collectAddresses(request.body(), addresses);
        return addresses.size();
    }

    private static EwsFault serverBusy(long backOffMillis) {
        return new EwsFault("ErrorServerBusy", "The server cannot service this request right now. Try again later.",
                Map.of("BackOffMilliseconds", Long.toString(backOffMillis)));
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The server this simulator claims to be, in ServerVersionInfo (ServerProfile). */
    private XmlWriter envelopeStart() {
        XmlWriter w = new XmlWriter();
        w.raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        w.start("s:Envelope").attr("xmlns:s", Ews.SOAP);
        w.start("s:Header");
        server.writeServerVersionInfo(w, "h:ServerVersionInfo", "xmlns:h");
        w.end();
        w.start("s:Body").attr("xmlns:m", Ews.MESSAGES).attr("xmlns:t", Ews.TYPES);
        return w;
    }

    /**
     * A streamed message is written as Exchange writes it (captures in nmarus/node-ews#48 and #56,
     * jamesiarmes/php-ews#453, from Exchange 2010 SP1 to 15.0.1076): no XML declaration, an unprefixed
     * {@code <Envelope xmlns="...soap/envelope/">} with {@code soap11:Header} and {@code soap11:Body}.
     * Some clients split the stream on the literal {@code <Envelope} and {@code </Envelope>}
     * (ews-javascript-api does).
     */
    private XmlWriter streamedEnvelopeStart() {
        XmlWriter w = new XmlWriter();
        w.start("Envelope").attr("xmlns", Ews.SOAP);
        w.start("soap11:Header").attr("xmlns:soap11", Ews.SOAP);
        server.writeServerVersionInfo(w, "ServerVersionInfo", "xmlns");
        w.end();
        w.start("soap11:Body").attr("xmlns:soap11", Ews.SOAP).attr("xmlns:m", Ews.MESSAGES).attr("xmlns:t", Ews.TYPES);
        return w;
    }

    private static String envelopeEnd(XmlWriter w) {
        w.end().end();
        return w.toString();
    }

    /** Faults carry no ServerVersionInfo, as Exchange's schema-validation and throttling faults do not. */
    static String faultEnvelope(EwsFault fault) {
        XmlWriter w = new XmlWriter();
        w.raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        w.start("s:Envelope").attr("xmlns:s", Ews.SOAP);
        w.start("s:Body");
        fault.writeTo(w);
        w.end().end();
        return w.toString();
    }

    private void record(RequestLogEntry.Builder log) {
        if (log.markRecorded()) {
            requestLog.add(log.build());
        }
    }

    private void respond(HttpExchange exchange, RequestLogEntry.Builder log, int status, String body) throws IOException {
        respond(exchange, log, status, body, null);
    }

    /**
     * Sends a response; in test mode validates it first. A response to a request for Exchange 2010 SP2
     * or earlier must also be valid against the 2010 SP2 schema when that schema is at hand: Exchange
     * answers in the requested version's schema, so nothing newer may leak into such a response.
     */
    private void respond(HttpExchange exchange, RequestLogEntry.Builder log, int status, String body,
                         ExchangeVersion version) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (validateResponses) {
            List<SchemaValidator.Violation> violations = validate(bytes, version);
            if (!violations.isEmpty()) {
                String failure = "Response to " + log.operation() + " is not valid against the EWS schema: "
                        + violations.get(0);
                LOG.severe("SIMULATOR BUG: " + failure);
                validationFailures.accept(failure);
                status = 500;
                bytes = faultEnvelope(new EwsFault("ErrorInternalServerError",
                        "Simulator test mode: the response failed schema validation: " + violations.get(0)))
                        .getBytes(StandardCharsets.UTF_8);
            }
        }
        log.httpStatus(status);
        record(log); // before the body leaves: a client that has the response can already see the entry
        exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
