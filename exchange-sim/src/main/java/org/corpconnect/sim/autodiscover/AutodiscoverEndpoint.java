package org.corpconnect.sim.autodiscover;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.util.function.Supplier;
import org.corpconnect.sim.auth.Authenticator;
import org.corpconnect.sim.directory.Directory;

/** Autodiscover. */
public final class AutodiscoverEndpoint implements HttpHandler {
    public AutodiscoverEndpoint(Directory directory, Authenticator authenticator, Supplier<URI> ewsUrl) {
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
    }
}
