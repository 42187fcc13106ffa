package org.corpconnect.exchange.graph;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.exchange.CalendarWatch;
import org.corpconnect.exchange.ExchangeFailure;
import org.corpconnect.exchange.WatchCallback;
import org.corpconnect.exchange.WatchNotice;

/**
 * A calendar watch as a Graph <a href="https://learn.microsoft.com/graph/api/resources/subscription">subscription</a>
 * on a user's events, and Graph's callbacks as {@link WatchCallback}s: the validation handshake, change
 * notifications and lifecycle notifications. Only ids are read from a notification, never the event.
 */
final class GraphSubscriptions {

    /** The validation request's query parameter, whose value goes back as text/plain. */
    static final String VALIDATION_TOKEN = "validationToken";

    private GraphSubscriptions() {
    }

    public record NewSubscription(String changeType, String notificationUrl, String lifecycleNotificationUrl,
                                  String resource, String expirationDateTime, String clientState) {
    }

    public record Renewal(String expirationDateTime) {
    }

    public record Subscription(String id, String expirationDateTime) {
    }

    public record Notifications(List<Notification> value) {
    }

    /** A change notification (changeType) or a lifecycle notification (lifecycleEvent); nothing else is read. */
    public record Notification(String subscriptionId, String clientState, String changeType, String lifecycleEvent) {
    }

    /** Created, updated and deleted events of the user's calendars; lifecycle notifications to the same URL. */
    static NewSubscription of(MailboxAddress user, URI callback, String secretToken, Instant until) {
        return new NewSubscription("created,updated,deleted", callback.toString(), callback.toString(),
                "users/" + user.value() + "/events", until.toString(), secretToken);
    }

    static CalendarWatch watchOf(Subscription subscription) {
        if (subscription.id() == null || subscription.expirationDateTime() == null) {
            throw new ExchangeFailure("Microsoft Graph answered a subscription without its id or expiry.");
        }
        try {
            return new CalendarWatch(subscription.id(), OffsetDateTime.parse(subscription.expirationDateTime()).toInstant());
        } catch (DateTimeParseException e) {
            throw new ExchangeFailure("Microsoft Graph answered a subscription whose expiry is not a date-time.");
        }
    }

    /** The handshake when the query carries a validation token, else the notifications of the body; empty when neither. */
    static Optional<WatchCallback> read(Map<String, String> query, String body, Jsonb json) {
        String token = query.get(VALIDATION_TOKEN);
        if (token != null) {
            return Optional.of(new WatchCallback.Handshake(token));
        }
        Notifications notifications;
        try {
            notifications = body == null || body.isBlank() ? null : json.fromJson(body, Notifications.class);
        } catch (JsonbException notGraphs) {
            return Optional.empty();
        }
        if (notifications == null || notifications.value() == null) {
            return Optional.empty();
        }
        List<WatchNotice> notices = new ArrayList<>();
        for (Notification n : notifications.value()) {
            if (n == null || n.subscriptionId() == null || (n.changeType() == null && n.lifecycleEvent() == null)) {
                return Optional.empty();
            }
            kindOf(n).ifPresent(kind -> notices.add(new WatchNotice(n.subscriptionId(), Optional.ofNullable(n.clientState()), kind)));
        }
        return Optional.of(new WatchCallback.Notices(notices));
    }

    /** Graph's lifecycle events; one Graph adds later is not ours to act on (empty). */
    private static Optional<WatchNotice.Kind> kindOf(Notification n) {
        if (n.lifecycleEvent() == null) {
            return Optional.of(WatchNotice.Kind.CHANGED);
        }
        return switch (n.lifecycleEvent()) {
            case "missed" -> Optional.of(WatchNotice.Kind.RESYNC_NEEDED);
            case "subscriptionRemoved" -> Optional.of(WatchNotice.Kind.REMOVED);
            case "reauthorizationRequired" -> Optional.of(WatchNotice.Kind.RENEWAL_NEEDED);
            default -> Optional.empty();
        };
    }
}
