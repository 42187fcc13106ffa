package org.corpconnect.exchange.ews;

import static org.corpconnect.exchange.ews.Simulated.*;
import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.exchange.ExchangeAccess;
import org.corpconnect.exchange.ExchangeCredential;
import org.corpconnect.exchange.ExchangeException;
import org.corpconnect.exchange.ExchangeFailure;
import org.corpconnect.exchange.ExchangeOutcomeUnknown;
import org.corpconnect.exchange.ExchangeThrottled;
import org.corpconnect.exchange.MailboxBusyTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link EwsGateway#busyTimes} against canned HTTP answers: each failure becomes the exception it became
 * when ews-java-api read the answer (this class ran unchanged against that code, with the same results).
 */
class EwsGatewayFreeBusyFailuresTest {

    private static final String PASSWORD = "Canned-Pa55!";
    private static final TimeWindow DAY = new TimeWindow(Instant.parse("2024-03-04T00:00:00Z"),
            Instant.parse("2024-03-05T00:00:00Z"));

    private record Canned(int status, String contentType, byte[] body, Map<String, String> headers, long delayMillis) {
    }

    private final AtomicReference<Canned> next = new AtomicReference<>();
    private final AtomicReference<String> lastRequest = new AtomicReference<>();
    private HttpServer server;
    private final EwsGateway gateway = gateway();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/EWS/Exchange.asmx", exchange -> {
            lastRequest.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Canned c = next.get();
            try {
                Thread.sleep(c.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().set("Content-Type", c.contentType());
            c.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(c.status(), c.body().length == 0 ? -1 : c.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(c.body());
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(int status, String contentType, byte[] body) {
        next.set(new Canned(status, contentType, body, Map.of(), 0));
    }

    /** A sample answer, without the comment a composed one opens with (Exchange writes none; ews-java-api read none). */
    private static byte[] sample(String name) throws Exception {
        String xml = Files.readString(Path.of(System.getProperty("shared.dir")).resolve("ews-samples").resolve(name));
        return xml.replaceFirst("(?s)<!--.*?-->", "").getBytes(StandardCharsets.UTF_8);
    }

    private ExchangeAccess access() {
        return new ExchangeAccess(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/EWS/Exchange.asmx"),
                new MailboxAddress(SERVICE), AccessMode.IMPERSONATION,
                new ExchangeCredential.Password(SERVICE, Secret.of(PASSWORD), ExchangeCredential.PasswordScheme.BASIC), 1);
    }

    private static final MailboxAddress USER1 = new MailboxAddress("user1@contoso.com");
    private static final MailboxAddress USER2 = new MailboxAddress("user2@contoso.com");

    private Map<MailboxAddress, MailboxBusyTime> busyTimes(MailboxAddress... users) {
        return gateway.busyTimes(access(), List.of(users), DAY);
    }

    private <T extends ExchangeException> T fails(Class<T> type) {
        T e = assertThrows(type, () -> busyTimes(USER1, USER2));
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
        assertFalse(e.getMessage().contains("<"), "no SOAP in a message: " + e.getMessage());
        return e;
    }

    @Test
    void aGzippedAnswerIsRead() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(sample("composed/getuseravailability-per-mailbox-error-response.xml"));
        }
        next.set(new Canned(200, "text/xml; charset=utf-8", zipped.toByteArray(), Map.of("Content-Encoding", "gzip"), 0));

        Map<MailboxAddress, MailboxBusyTime> result = busyTimes(USER1, USER2);

        assertEquals(new MailboxBusyTime.Known(List.of(new BusyInterval(Instant.parse("2024-03-04T09:00:00Z"),
                Instant.parse("2024-03-04T10:00:00Z"), BusyType.BUSY)), java.util.Optional.empty()), result.get(USER1));
        MailboxBusyTime.Unavailable gone = assertInstanceOf(MailboxBusyTime.Unavailable.class, result.get(USER2));
        assertTrue(gone.detail().contains("ErrorMailRecipientNotFound"), gone.detail());
        assertTrue(lastRequest.get().contains("<t:RequestedView>FreeBusy</t:RequestedView>"), lastRequest.get());
    }

    @Test
    void aServerBusyFaultKeepsItsBackOff() throws Exception {
        // exchangelib's fixture, its e:ResponseCode written on one line as Exchange (and the simulator) write it.
        String fault = new String(sample("exchangelib/errorserverbusy-fault-response.xml"), StandardCharsets.UTF_8);
        String compact = fault.replaceAll(">\\s*ErrorServerBusy\\s*</e:ResponseCode>", ">ErrorServerBusy</e:ResponseCode>");
        assertNotEquals(fault, compact);
        answer(500, "text/xml; charset=utf-8", compact.getBytes(StandardCharsets.UTF_8));
        assertEquals(Duration.ofMillis(297749), fails(ExchangeThrottled.class).backOff());

        // As the fixture has it, padded with white space, ews-java-api's fault reader fails on it: not
        // throttling. The fault is read by ews-java-api as before; this only records what it does.
        answer(500, "text/xml; charset=utf-8", fault.getBytes(StandardCharsets.UTF_8));
        assertEquals("The EWS request failed (ServiceRequestException).", fails(ExchangeFailure.class).getMessage());
    }

    @Test
    void anotherFaultIsThatCode() {
        answer(500, "text/xml; charset=utf-8", ("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault>"
                + "<faultcode xmlns:a=\"http://schemas.microsoft.com/exchange/services/2006/types\">a:ErrorInvalidRequest</faultcode>"
                + "<faultstring xml:lang=\"en-US\">The request is invalid.</faultstring><detail>"
                + "<e:ResponseCode xmlns:e=\"http://schemas.microsoft.com/exchange/services/2006/errors\">ErrorInvalidRequest</e:ResponseCode>"
                + "<e:Message xmlns:e=\"http://schemas.microsoft.com/exchange/services/2006/errors\">The request is invalid.</e:Message>"
                + "</detail></s:Fault></s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8));
        assertEquals("Exchange answered ErrorInvalidRequest.", fails(ExchangeFailure.class).getMessage());
    }

    @Test
    void httpErrorsAreTheirStatus() {
        answer(401, "text/html", "<html>401</html>".getBytes(StandardCharsets.UTF_8));
        fails(CredentialRejected.class);
        answer(403, "text/html", "<html>403</html>".getBytes(StandardCharsets.UTF_8));
        assertTrue(fails(ExchangeFailure.class).getMessage().contains("HTTP 403"));
        answer(503, "text/html", "<html>busy</html>".getBytes(StandardCharsets.UTF_8));
        assertEquals(EwsFailures.DEFAULT_BACK_OFF, fails(ExchangeThrottled.class).backOff());
        answer(500, "text/html", "<html>oops</html>".getBytes(StandardCharsets.UTF_8));
        assertEquals("Exchange answered HTTP 500.", fails(ExchangeFailure.class).getMessage());
        answer(502, "text/html", "<html>gateway</html>".getBytes(StandardCharsets.UTF_8));
        assertEquals("Exchange answered HTTP 502.", fails(ExchangeFailure.class).getMessage());
    }

    @Test
    void whatIsNotAnAnswerIsAFailure() throws Exception {
        answer(200, "text/html", "<html>Sign in</html>".getBytes(StandardCharsets.UTF_8));
        assertEquals("The EWS request failed (ServiceRequestException).", fails(ExchangeFailure.class).getMessage());
        answer(200, "text/xml; charset=utf-8", sample("exchangelib/errorserverbusy-fault-response.xml"));
        assertEquals("The EWS request failed (ServiceRequestException).", fails(ExchangeFailure.class).getMessage(),
                "a fault with HTTP 200");
        answer(200, "text/xml; charset=utf-8", "<?xml version=\"1.0\"?><s:Envelope".getBytes(StandardCharsets.UTF_8));
        assertEquals("The EWS request failed (ServiceRequestException).", fails(ExchangeFailure.class).getMessage(),
                "cut short");
    }

    @Test
    void anAnswerForFewerMailboxesIsAFailure() throws Exception {
        answer(200, "text/xml; charset=utf-8", sample("composed/getuseravailability-per-mailbox-error-response.xml"));
        MailboxAddress third = new MailboxAddress("user3@contoso.com");
        ExchangeFailure e = assertThrows(ExchangeFailure.class, () -> busyTimes(USER1, USER2, third));
        assertEquals("Exchange answered free/busy for 2 of 3 mailboxes.", e.getMessage());
    }

    @Test
    void noAnswerInTimeIsAnUnknownOutcome() {
        gateway.requestTimeoutMillis = 300;
        next.set(new Canned(200, "text/xml", new byte[0], Map.of(), 1500));
        fails(ExchangeOutcomeUnknown.class);
    }
}
