package org.corpconnect.listener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Sits right after the HTTP codec of a listener's filter chain: a request whose target the server cannot
 * decode is answered here with 400 {@code application/problem+json} and the connection closed (what
 * follows on it cannot be trusted to be framed as the client meant), so the file cache, the container
 * mapper and every application behind them never see it. Any other request passes untouched.
 */
public class UndecodableTargetFilter extends BaseFilter {

    /** The verdict on one request, kept with it: its body may come in many pieces. */
    private static final String REFUSED = UndecodableTargetFilter.class.getName() + ".refused";

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (!(ctx.getMessage() instanceof HttpContent content) || !(content.getHttpHeader() instanceof HttpRequestPacket request)) {
            return ctx.getInvokeAction();
        }
        Object refused = request.getAttribute(REFUSED);
        if (refused == null) {
            Optional<String> reason = RequestTargetCheck.undecodable(
                    request.getRequestURIRef().getOriginalRequestURIBC().toString(StandardCharsets.ISO_8859_1),
                    request.getQueryStringDC().isNull() ? null : request.getQueryStringDC().toString(StandardCharsets.ISO_8859_1));
            request.setAttribute(REFUSED, reason.isPresent());
            if (reason.isEmpty()) {
                return ctx.getInvokeAction();
            }
            refuse(ctx, request, reason.get());
            return ctx.getStopAction();
        }
        return Boolean.TRUE.equals(refused) ? ctx.getStopAction() : ctx.getInvokeAction();
    }

    private static void refuse(FilterChainContext ctx, HttpRequestPacket request, String reason) {
        HttpResponsePacket response = request.getResponse();
        HttpStatus.BAD_REQUEST_400.setValues(response);
        byte[] body = problem(reason).getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(Header.Connection, "close");
        ctx.write(HttpContent.builder(response).content(Buffers.wrap(ctx.getMemoryManager(), body)).last(true).build());
        ctx.getConnection().closeSilently(); // after the answer is written: a graceful close
    }

    /** The same problem document as the application's own refusal of an ambiguous target. */
    private static String problem(String reason) {
        return "{\"type\":\"urn:corpconnect:problem:malformed-request\",\"title\":\"Malformed request\",\"status\":400,"
                + "\"instance\":\"urn:uuid:" + UUID.randomUUID() + "\",\"detail\":\"" + reason + "\"}";
    }
}
