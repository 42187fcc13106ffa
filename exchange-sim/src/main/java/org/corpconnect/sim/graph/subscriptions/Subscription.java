package org.corpconnect.sim.graph.subscriptions;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.graph.access.GraphCaller;

/** One subscription: who made it, on which mailbox's events, where notifications go, until when. */
final class Subscription {
    final String id;
    final GraphCaller caller;
    final MailboxAddress mailbox;
    final String resource;
    final Set<String> changeTypes;
    final URI notificationUrl;
    final Optional<URI> lifecycleUrl;
    final String clientState;
    volatile Instant expiration;
    volatile long sequence;
    volatile boolean reauthorizationSent;
    // One delivery at a time per subscription keeps its notifications in order; others do not wait for it.
    final java.util.concurrent.atomic.AtomicBoolean delivering = new java.util.concurrent.atomic.AtomicBoolean();

    Subscription(String id, GraphCaller caller, MailboxAddress mailbox, String resource, Set<String> changeTypes,
                 URI notificationUrl, Optional<URI> lifecycleUrl, String clientState, Instant expiration, long sequence) {
        this.id = id;
        this.caller = caller;
        this.mailbox = mailbox;
        this.resource = resource;
        this.changeTypes = Set.copyOf(changeTypes);
        this.notificationUrl = notificationUrl;
        this.lifecycleUrl = lifecycleUrl;
        this.clientState = clientState;
        this.expiration = expiration;
        this.sequence = sequence;
    }
}
