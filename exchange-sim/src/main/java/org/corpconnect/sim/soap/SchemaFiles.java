package org.corpconnect.sim.soap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.corpconnect.sim.auth.Authenticator;

/**
 * Serves Services.wsdl, messages.xsd and types.xsd under /EWS/ as Exchange does, straight from the
 * configured schema directory (never from a copy in the product), so WSDL-driven clients can bind.
 * Authentication is required, as on Exchange.
 */
public final class SchemaFiles implements HttpHandler {
    /** Empty when the simulator runs without Microsoft's schema: then nothing is served (404). */
    private final Optional<Path> schemaDir;
    private final Authenticator authenticator;

    public SchemaFiles(Optional<Path> schemaDir, Authenticator authenticator) {
        this.schemaDir = schemaDir;
        this.authenticator = authenticator;
    }

    public static boolean serves(String lowerCasePath) {
        return lowerCasePath.equals("/ews/services.wsdl") || lowerCasePath.equals("/ews/messages.xsd")
                || lowerCasePath.equals("/ews/types.xsd");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authenticator.authenticate(exchange.getRequestHeaders().getFirst("Authorization")).succeeded()) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"ews\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String name = exchange.getRequestURI().getPath().substring("/EWS/".length()).toLowerCase(Locale.ROOT);
            Optional<Path> file = find(name);
            if (file.isEmpty()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = Files.readAllBytes(file.get());
            exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** The schema directory's file of that name, whatever its case (Services.wsdl or services.wsdl). */
    private Optional<Path> find(String lowerCaseName) throws IOException {
        if (schemaDir.isEmpty()) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(schemaDir.get())) {
            return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).equals(lowerCaseName)).findFirst();
        }
    }
}
