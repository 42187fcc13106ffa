package org.corpconnect.exchange.outbound;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The operator's {@link OutboundPolicy}, read once from configuration; a bad entry fails the deployment. */
@ApplicationScoped
public class OutboundSettings {

    @Inject
    @ConfigProperty(name = "exchange.allowed-hosts")
    String allowedHosts;

    @Inject
    @ConfigProperty(name = "exchange.plain-http-hosts")
    Optional<String> plainHttpHosts;

    private OutboundPolicy policy;

    @PostConstruct
    void read() {
        policy = OutboundPolicy.of(allowedHosts, plainHttpHosts.orElse(""));
    }

    /** Read at start, so that a bad entry stops the deployment, naming it, instead of the first call. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        policy();
    }

    @Produces
    OutboundPolicy policy() {
        return policy;
    }
}
