package org.corpconnect.sim.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import org.corpconnect.sim.ExchangeSimulator;

/** The control API. */
public final class ControlApi implements HttpHandler {
    public ControlApi(ExchangeSimulator sim, String token) {
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
    }
}
