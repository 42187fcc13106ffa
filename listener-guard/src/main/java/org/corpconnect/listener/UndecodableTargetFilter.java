package org.corpconnect.listener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.util.HttpStatus;

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
            Refusal.send(ctx, request, HttpStatus.BAD_REQUEST_400, "malformed-request", "Malformed request", reason.get());
            return ctx.getStopAction();
        }
        return Boolean.TRUE.equals(refused) ? ctx.getStopAction() : ctx.getInvokeAction();
    }
}
