package org.corpconnect.listener;

import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.http.HttpCodecFilter;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.portunif.PUFilter;
import org.glassfish.grizzly.portunif.PUProtocol;

/**
 * The one place where {@code domain.xml} lets a class of ours into the filter chain of an HTTP listener:
 * the port unification of a protocol ({@code <port-unification classname="...">}, whose finder leads to
 * the listener's own {@code http} protocol). Payara builds that protocol's chain as always and registers
 * it here; an {@link H2cDeclineFilter} and an {@link UndecodableTargetFilter} then go right after
 * each HTTP codec in it, also in the chain nested under TLS, and the server's own error pages become
 * {@link NeutralErrorPage}s. Payara leaves HTTP/2 out of a chain under port unification (its
 * {@code GenericGrizzlyListener}), so these listeners speak HTTP/1.1 only, over TLS too.
 */
public class GuardedPortUnificationFilter extends PUFilter {

    @Override
    public void register(PUProtocol protocol) {
        guard(protocol.getFilterChain());
        super.register(protocol);
    }

    private static void guard(FilterChain chain) {
        for (int i = 0; i < chain.size(); i++) {
            Filter filter = chain.get(i);
            if (filter instanceof HttpCodecFilter && !(i + 1 < chain.size() && chain.get(i + 1) instanceof H2cDeclineFilter)) {
                chain.add(i + 1, new H2cDeclineFilter());
                chain.add(i + 2, new UndecodableTargetFilter());
            } else if (filter instanceof HttpServerFilter server) {
                server.getConfiguration().setDefaultErrorPageGenerator(new NeutralErrorPage());
            } else if (filter instanceof PUFilter nested) {
                nested.getProtocols().forEach(p -> guard(p.getFilterChain()));
            }
        }
    }
}
