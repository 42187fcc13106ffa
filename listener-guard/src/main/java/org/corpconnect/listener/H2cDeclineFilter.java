package org.corpconnect.listener;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpEvents.IncomingHttpUpgradeEvent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.util.HttpStatus;

/**
 * Sits right after the HTTP codec of a guarded listener, where Payara leaves out HTTP/2, and declines
 * HTTP/2 over plain http (h2c) in its two forms:
 * <ul>
 * <li>a request offering {@code Upgrade: h2c} (Java's {@code HttpClient} offers it on each request over
 * plain http until a server takes it) is served as the HTTP/1.1 request it also is, and the connection
 * stays HTTP/1.1 (RFC 9110, 7.8: a server may ignore an upgrade; RFC 9113 deprecates the h2c upgrade).
 * Without this, the codec leaves the request's content unframed for an HTTP/2 filter that is not there to
 * take it back (Grizzly's {@code HttpCodecFilter#onIncomingUpgrade}), so a body is lost and the connection
 * closed after the answer. Other upgrades (WebSocket) pass untouched;</li>
 * <li>the HTTP/2 connection preface of a client with prior knowledge ({@code PRI * HTTP/2.0}) is answered
 * 505 and the connection closed, where the codec would otherwise wait for the preface's end that never
 * comes and the client for frames that never come.</li>
 * </ul>
 */
public class H2cDeclineFilter extends BaseFilter {

    private static final String H2C = "h2c";

    @Override
    public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
        if (event.type() == IncomingHttpUpgradeEvent.TYPE
                && ((IncomingHttpUpgradeEvent) event).getHttpHeader() instanceof HttpRequestPacket request
                && H2C.equalsIgnoreCase(request.getUpgradeDC().toString().strip())) {
            declineUpgrade(request);
            return ctx.getStopAction(); // the event is answered: nothing after this filter is upgrading
        }
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (ctx.getMessage() instanceof HttpContent content && content.getHttpHeader() instanceof HttpRequestPacket request
                && request.getMethod() == Method.PRI) {
            if (!request.getResponse().isCommitted()) { // the preface's frames may come as more content
                Refusal.send(ctx, request, HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505, "http-version-not-supported",
                        "HTTP version not supported", "This listener speaks HTTP/1.1 only.");
            }
            return ctx.getStopAction();
        }
        return ctx.getInvokeAction();
    }

    /** The request as if it had come without the offer: framed by its own headers, kept alive as HTTP/1.1 is. */
    private static void declineUpgrade(HttpHeader request) {
        request.setIgnoreContentModifiers(false);
        request.getUpgradeDC().recycle();
        request.getHeaders().removeHeader(Header.Upgrade);
    }
}
