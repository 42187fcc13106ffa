package org.corpconnect.listener;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.memory.Buffers;

/**
 * A request the guard answers itself: a problem document as the application's own refusals are, over
 * HTTP/1.1, and the connection closed, since what follows on it cannot be trusted to be framed as the
 * client meant.
 */
final class Refusal {

    private Refusal() {
    }

    /** @param type the last part of the problem type, {@code urn:corpconnect:problem:<type>} */
    static void send(FilterChainContext ctx, HttpRequestPacket request, HttpStatus status, String type, String title, String detail) {
        HttpResponsePacket response = request.getResponse();
        response.setProtocol(Protocol.HTTP_1_1);
        status.setValues(response);
        byte[] body = ("{\"type\":\"urn:corpconnect:problem:" + type + "\",\"title\":\"" + title + "\",\"status\":" + status.getStatusCode()
                + ",\"instance\":\"urn:uuid:" + UUID.randomUUID() + "\",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(Header.Connection, "close");
        ctx.write(HttpContent.builder(response).content(Buffers.wrap(ctx.getMemoryManager(), body)).last(true).build());
        ctx.getConnection().closeSilently(); // after the answer is written: a graceful close
    }
}
