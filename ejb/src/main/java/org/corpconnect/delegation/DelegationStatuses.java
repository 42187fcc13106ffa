package org.corpconnect.delegation;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.corpconnect.account.AccountDataVersions;
import org.corpconnect.exchange.CalendarAccessProbe;
import org.corpconnect.exchange.MailboxProblem;
import org.corpconnect.users.BookableUser;
import org.corpconnect.users.CalendarAccessStatus;
import org.corpconnect.webhook.WebhookEventType;
import org.corpconnect.webhook.WebhookOutbox;

@Stateless
public class DelegationStatuses {

    @PersistenceContext(unitName = "corpconnect")
    private EntityManager em;

    @Inject
    private WebhookOutbox webhooks;

    @Inject
    private AccountDataVersions versions;

    public record Checked(CalendarAccessStatus status, String detail) {
    }

    /** Each user's status as checked; a status that changed is a webhook event, in the same transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(Map<Long, Checked> byUser, Instant at) {
        Set<Long> accounts = new HashSet<>();
        byUser.forEach((userId, checked) -> {
            BookableUser user = em.find(BookableUser.class, userId);
            if (user != null) {
                CalendarAccessStatus before = user.accessStatus();
                user.accessChecked(checked.status(), checked.detail(), at);
                if (before != checked.status()) {
                    webhooks.record(user.account().id(), WebhookEventType.USER_CALENDAR_ACCESS_CHANGED, Json.createObjectBuilder()
                            .add("user", user.address().value())
                            .add("status", checked.status().name())
                            .add("previousStatus", before.name())
                            .add("bookable", checked.status() == CalendarAccessStatus.OK)
                            .build());
                }
                accounts.add(user.account().id());
            }
        });
        versions.changed(accounts);
    }

    /** What a probe means for bookings: they need both reading free/busy and writing items. */
    public static Checked statusOf(CalendarAccessProbe probe) {
        if (probe.problem().isPresent()) {
            MailboxProblem problem = probe.problem().get();
            CalendarAccessStatus status = switch (problem) {
                case MAILBOX_NOT_FOUND -> CalendarAccessStatus.MAILBOX_NOT_FOUND;
                case IMPERSONATION_DENIED -> CalendarAccessStatus.IMPERSONATION_DENIED;
                case ACCESS_DENIED -> probe.canRead() ? CalendarAccessStatus.READ_ONLY : CalendarAccessStatus.NO_ACCESS;
                case OTHER -> CalendarAccessStatus.CHECK_FAILED;
            };
            return new Checked(status, probe.detail());
        }
        if (probe.canWrite() && probe.canRead()) {
            return new Checked(CalendarAccessStatus.OK, null);
        }
        return new Checked(probe.canRead() ? CalendarAccessStatus.READ_ONLY : CalendarAccessStatus.NO_ACCESS,
                probe.detail());
    }

    /** A failure in reading the user's free/busy during a refresh says as much as a probe. */
    public static Checked statusOf(MailboxProblem problem, String detail) {
        return statusOf(CalendarAccessProbe.denied(problem, detail));
    }
}
