package org.corpconnect.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.credential.WebCredentials;
import microsoft.exchange.webservices.data.misc.ImpersonatedUserId;
import org.corpconnect.sim.dataset.Dataset;

/** Shared by the simulator's tests: where the schemas are, a demo simulator, clients. */
public final class TestSupport {
    public static final String SERVICE = "booking-service@contoso.test";
    public static final String SERVICE_PASSWORD = "Demo-Service-Pa55!";
    public static final String USER_PASSWORD = "Demo-User-Pa55!";
    public static final String ANNA = "anna.schmidt@contoso.test";       // impersonable
    public static final String MIA = "mia.klein@contoso.test";           // impersonable + subject/location grant
    public static final String MICHAEL = "michael.brown@contoso.test";   // Editor for the service mailbox
    public static final String SARAH = "sarah.davis@contoso.test";       // Reviewer
    public static final String HARUTO = "haruto.sato@contoso.test";      // Delegate
    public static final String DAVID = "david.braun@contoso.test";       // no access (Default free/busy)
    public static final String OLIVER = "oliver.smith@contoso.test";     // no access (Default None)
    public static final String YUKI = "yuki.tanaka@contoso.test";        // impersonable, Asia/Tokyo

    private TestSupport() {
    }

    /** The shared directory: from the build's shared.dir, else found above the working directory. */
    public static Path sharedDir() {
        String prop = System.getProperty("shared.dir");
        if (prop != null && Files.isDirectory(Path.of(prop, "ews-schema"))) {
            return Path.of(prop);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared").resolve("ews-schema"))) {
                return p.resolve("shared");
            }
        }
        throw new IllegalStateException("Cannot find the shared directory (set -Dshared.dir)");
    }

    public static Path schemaDir() {
        return sharedDir().resolve("ews-schema").resolve("exchange-online-2023");
    }

    public static ExchangeSimulator demo() {
        return ExchangeSimulator.builder().port(0).schemaDir(schemaDir()).dataset(Dataset.demo())
                .controlToken("t").validateResponses(true).start();
    }

    public static ExchangeService service(ExchangeSimulator sim, String user, String password) {
        ExchangeService service = new ExchangeService(ExchangeVersion.Exchange2010_SP2);
        service.setCredentials(new WebCredentials(user, password));
        service.setUrl(sim.ewsUrl());
        return service;
    }

    public static ExchangeService impersonating(ExchangeSimulator sim, String user) {
        ExchangeService service = service(sim, SERVICE, SERVICE_PASSWORD);
        service.setImpersonatedUserId(new ImpersonatedUserId(ConnectingIdType.SmtpAddress, user));
        return service;
    }

    /**
     * The EWS error ews-java-api raises. A SOAP fault (HTTP 500) reaches the caller as a
     * ServiceRequestException whose cause is the ServiceResponseException with the code; a per-item
     * error is the ServiceResponseException itself. Either way the code is what callers switch on.
     */
    public static microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException ewsError(
            org.junit.jupiter.api.function.Executable call) {
        Throwable t = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, call);
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException e) {
                return e;
            }
        }
        throw new AssertionError("no ServiceResponseException in " + t, t);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse<String> post(URI url, String authorization, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static String envelope(String headers, String body) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:m=\"http://schemas.microsoft.com/exchange/services/2006/messages\""
                + " xmlns:t=\"http://schemas.microsoft.com/exchange/services/2006/types\">"
                + "<soap:Header><t:RequestServerVersion Version=\"Exchange2013\"/>" + headers + "</soap:Header>"
                + "<soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }
}
