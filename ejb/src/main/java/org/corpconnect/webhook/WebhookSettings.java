package org.corpconnect.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The operator's webhook settings (defaults in META-INF/microprofile-config.properties, README "Settings"). */
@ApplicationScoped
public class WebhookSettings {

    @Inject
    @ConfigProperty(name = "webhooks.dispatch-interval-seconds")
    long dispatchIntervalSeconds;

    @Inject
    @ConfigProperty(name = "webhooks.timeout-seconds")
    long timeoutSeconds;

    @Inject
    @ConfigProperty(name = "webhooks.retry-first-seconds")
    long retryFirstSeconds;

    @Inject
    @ConfigProperty(name = "webhooks.retry-longest-minutes")
    long retryLongestMinutes;

    @Inject
    @ConfigProperty(name = "webhooks.retry-hours")
    long retryHours;

    @Inject
    @ConfigProperty(name = "webhooks.secret-grace-hours")
    long secretGraceHours;

    @Inject
    @ConfigProperty(name = "webhooks.log-retention-days")
    long logRetentionDays;

    Duration dispatchInterval() {
        return Duration.ofSeconds(Math.max(1, dispatchIntervalSeconds));
    }

    /** Of one attempt: to connect, and again for the answer. */
    Duration timeout() {
        return Duration.ofSeconds(Math.max(1, timeoutSeconds));
    }

    /** How long a claim lasts: longer than an attempt can take, so that only a dead holder's claim lapses. */
    Duration claimLease() {
        return timeout().multipliedBy(3).plusSeconds(30);
    }

    RetrySchedule retries() {
        return new RetrySchedule(Duration.ofSeconds(Math.max(1, retryFirstSeconds)),
                Duration.ofMinutes(Math.max(1, retryLongestMinutes)), Duration.ofHours(Math.max(0, retryHours)));
    }

    /** How long a delivered or failed row stays in the delivery log. */
    Duration logRetention() {
        return Duration.ofDays(Math.max(1, logRetentionDays));
    }

    Duration secretGrace() {
        return Duration.ofHours(Math.max(0, secretGraceHours));
    }
}
