package org.corpconnect.sim.autodiscover;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.corpconnect.sim.auth.Authenticator;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.soap.Dom;
import org.corpconnect.sim.soap.EwsFault;
import org.corpconnect.sim.soap.SoapRequest;
import org.corpconnect.sim.soap.XmlWriter;
import org.w3c.dom.Element;

/**
 * Autodiscover for the simulated domain, in the two forms EWS clients use: the SOAP service
 * (/autodiscover/autodiscover.svc, GetUserSettings, what ews-java-api's AutodiscoverService sends)
 * and the POX form (/autodiscover/autodiscover.xml). Both require authentication as Exchange does
 * and answer with the simulator's own EWS URL, so a client set up from a mailbox address alone
 * finds this simulator.
 */
public final class AutodiscoverEndpoint implements HttpHandler {
    private static final String AUTODISCOVER = "http://schemas.microsoft.com/exchange/2010/Autodiscover";
    private static final String WSA = "http://www.w3.org/2005/08/addressing";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String POX_RESPONSE = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";
    private static final String POX_OUTLOOK = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";

    private final Directory directory;
    private final Authenticator authenticator;
    private final Supplier<URI> ewsUrl;

    public AutodiscoverEndpoint(Directory directory, Authenticator authenticator, Supplier<URI> ewsUrl) {
        this.directory = directory;
        this.authenticator = authenticator;
        this.ewsUrl = ewsUrl;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authenticator.authenticate(exchange.getRequestHeaders().getFirst("Authorization")).succeeded()) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"autodiscover\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath().toLowerCase(Locale.ROOT);
            SoapRequest request;
            if (path.endsWith("/autodiscover.xml")) {
                pox(exchange, body);
                return;
            }
            if (!path.endsWith("/autodiscover.svc")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            try {
                request = SoapRequest.parse(body);
            } catch (EwsFault e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            if (!"GetUserSettingsRequestMessage".equals(request.body().getLocalName())) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            send(exchange, "text/xml; charset=utf-8", getUserSettings(request.body()));
        }
    }

    private String getUserSettings(Element message) {
        Element req = Dom.child(message, "Request").orElseThrow();
        List<String> users = Dom.child(req, "Users").map(u -> Dom.children(u, "User").stream()
                .map(x -> Dom.text(x, "Mailbox").orElse("")).toList()).orElse(List.of());
        List<String> settings = Dom.child(req, "RequestedSettings").map(s -> Dom.children(s, "Setting").stream()
                .map(x -> x.getTextContent().trim()).toList()).orElse(List.of());
        XmlWriter w = new XmlWriter();
        w.raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        w.start("s:Envelope").attr("xmlns:s", "http://schemas.xmlsoap.org/soap/envelope/").attr("xmlns:a", WSA);
        w.start("s:Header");
        w.start("a:Action").attr("s:mustUnderstand", "1")
                .text("http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/GetUserSettingsResponse").end();
        w.start("h:ServerVersionInfo").attr("xmlns:h", AUTODISCOVER).attr("xmlns:i", XSI);
        w.element("h:MajorVersion", 15).element("h:MinorVersion", 20).element("h:MajorBuildNumber", 8000)
                .element("h:MinorBuildNumber", 0).element("h:Version", "Exchange2015");
        w.end();
        w.end();
        w.start("s:Body");
        w.start("GetUserSettingsResponseMessage").attr("xmlns", AUTODISCOVER);
        w.start("Response").attr("xmlns:i", XSI);
        w.element("ErrorCode", "NoError").element("ErrorMessage", "");
        w.start("UserResponses");
        for (String user : users) {
            Optional<Mailbox> mailbox = directory.find(user);
            w.start("UserResponse");
            if (mailbox.isEmpty()) {
                w.element("ErrorCode", "InvalidUser").element("ErrorMessage", "Invalid user: '" + user + "'");
                w.start("RedirectTarget").attr("i:nil", "true").end();
                w.empty("UserSettingErrors").empty("UserSettings");
            } else {
                w.element("ErrorCode", "NoError").element("ErrorMessage", "No error.");
                w.start("RedirectTarget").attr("i:nil", "true").end();
                w.start("UserSettingErrors");
                for (String s : settings) {
                    if (value(s, mailbox.get()) == null) {
                        w.start("UserSettingError").element("ErrorCode", "SettingIsNotAvailable")
                                .element("ErrorMessage", "User setting '" + s + "' is not available.")
                                .element("SettingName", s).end();
                    }
                }
                w.end();
                w.start("UserSettings");
                for (String s : settings) {
                    String v = value(s, mailbox.get());
                    if (v != null) {
                        w.start("UserSetting").attr("i:type", "StringSetting").element("Name", s).element("Value", v).end();
                    }
                }
                w.end();
            }
            w.end();
        }
        w.end().end().end().end().end();
        return w.toString();
    }

    private String value(String setting, Mailbox mailbox) {
        return switch (setting) {
            case "InternalEwsUrl", "ExternalEwsUrl" -> ewsUrl.get().toString();
            case "UserDisplayName" -> mailbox.displayName();
            case "AutoDiscoverSMTPAddress" -> mailbox.address().value();
            case "CasVersion", "EwsSupportedSchemas" -> "Exchange2015";
            default -> null;
        };
    }

    private void pox(HttpExchange exchange, byte[] body) throws IOException {
        String email;
        try {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(body)).getDocumentElement();
            email = root.getElementsByTagNameNS("*", "EMailAddress").item(0).getTextContent().trim();
        } catch (Exception e) {
            exchange.sendResponseHeaders(400, -1);
            return;
        }
        XmlWriter w = new XmlWriter();
        w.raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        w.start("Autodiscover").attr("xmlns", POX_RESPONSE);
        Optional<Mailbox> mailbox = directory.find(email);
        if (mailbox.isEmpty()) {
            w.start("Response").start("Error").attr("Time", java.time.LocalTime.now().toString()).attr("Id", "1")
                    .element("ErrorCode", "500").element("Message", "The email address can't be found.")
                    .element("DebugData", "").end().end();
        } else {
            w.start("Response").attr("xmlns", POX_OUTLOOK);
            w.start("User").element("DisplayName", mailbox.get().displayName())
                    .element("AutoDiscoverSMTPAddress", mailbox.get().address().value()).end();
            w.start("Account").element("AccountType", "email").element("Action", "settings");
            for (String type : new String[] {"EXCH", "EXPR"}) {
                w.start("Protocol").element("Type", type).element("EwsUrl", ewsUrl.get().toString())
                        .element("ASUrl", ewsUrl.get().toString()).end();
            }
            w.end().end();
        }
        w.end();
        send(exchange, "text/xml; charset=utf-8", w.toString());
    }

    private static void send(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
