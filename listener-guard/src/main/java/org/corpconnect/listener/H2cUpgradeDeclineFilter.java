package org.corpconnect.listener;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents.IncomingHttpUpgradeEvent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.util.Header;

/**
 * Sits right after the HTTP codec of a guarded listener, where Payara leaves out HTTP/2: a request offering
 * {@code Upgrade: h2c} (Java's {@code HttpClient} offers it on each request over plain http until a server
 * takes it) is served as the HTTP/1.1 request it also is, and the connection stays HTTP/1.1 (RFC 9110, 7.8:
 * a server may ignore an upgrade; RFC 9113 deprecates the h2c upgrade). Without this, the codec leaves the
 * request's content unframed for an HTTP/2 filter that is not there to take it back (Grizzly's
 * {@code HttpCodecFilter#onIncomingUpgrade}), so a body is lost and the connection closed after the
 * answer. Other upgrades (WebSocket) pass untouched.
 */
public class H2cUpgradeDeclineFilter extends BaseFilter {

    private static final String H2C = "h2c";

    @Override
    public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
        if (event.type() == IncomingHttpUpgradeEvent.TYPE
                && ((IncomingHttpUpgradeEvent) event).getHttpHeader() instanceof HttpRequestPacket request
                && H2C.equalsIgnoreCase(request.getUpgradeDC().toString().strip())) {
            decline(request);
            return ctx.getStopAction(); // the event is answered: nothing after this filter is upgrading
        }
        return ctx.getInvokeAction();
    }

    /** The request as if it had come without the offer: framed by its own headers, kept alive as HTTP/1.1 is. */
    private static void decline(HttpHeader request) {
        request.setIgnoreContentModifiers(false);
        request.getUpgradeDC().recycle();
        request.getHeaders().removeHeader(Header.Upgrade);
    }
}
