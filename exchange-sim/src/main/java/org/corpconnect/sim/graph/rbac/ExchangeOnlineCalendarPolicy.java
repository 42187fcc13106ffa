package org.corpconnect.sim.graph.rbac;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.corpconnect.sim.directory.CalendarAccess;
import org.corpconnect.sim.directory.ImpersonationScope;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.graph.access.CalendarAccessDecision;
import org.corpconnect.sim.graph.access.CalendarAccessDecision.Allowed;
import org.corpconnect.sim.graph.access.CalendarAccessDecision.Denied;
import org.corpconnect.sim.graph.access.CalendarAccessPolicy;
import org.corpconnect.sim.graph.access.CalendarOperation;
import org.corpconnect.sim.graph.access.GraphCaller;

/**
 * Who may do what to which calendar through Graph, as Exchange Online decides it.
 *
 * <p>App-only: the operation's application permissions ({@code Calendars.ReadBasic.All} and
 * {@code Calendars.Read} read, {@code Calendars.ReadWrite} reads and writes) from the token's roles reach
 * any mailbox, unless the app has a (legacy) application access policy, the scope of an EWS application
 * of the directory, which narrows them to its mailboxes; an RBAC role assignment of the same permission
 * adds the mailboxes of its scope. Out of an access policy Exchange answers 403 {@code ErrorAccessDenied}
 * "Access to OData is disabled." (documented for access policies); anything else refused is 403
 * {@code ErrorAccessDenied} "Access is denied. Check credentials and try again.", the Exchange answer to a
 * call without a permission for that mailbox (no source read here states the exact RBAC text).
 *
 * <p>Delegated: any calendar permission reaches the signed-in mailbox's own calendar. Another user's free/busy
 * ({@code getSchedule}) needs a calendar scope and the owner's free/busy share (subject and location only
 * with FreeBusyTimeAndSubjectAndLocation or more); reading events needs {@code Calendars.Read.Shared} or
 * {@code Calendars.ReadWrite.Shared} and Reviewer or more; writing needs {@code Calendars.ReadWrite.Shared}
 * and Author or more (Editor and delegates edit others' items; the Graph side checks that per item).
 * A token of another tenant reaches none of this organisation's users: 404 {@code ErrorInvalidUser}.
 */
public final class ExchangeOnlineCalendarPolicy implements CalendarAccessPolicy {
    static final String ACCESS_DENIED = "ErrorAccessDenied";
    static final String ACCESS_DENIED_MESSAGE = "Access is denied. Check credentials and try again.";

    private static final Set<String> APP_READ = Set.of("Calendars.ReadBasic.All", "Calendars.Read", "Calendars.ReadWrite");
    private static final Set<String> APP_WRITE = Set.of("Calendars.ReadWrite");
    private static final Set<String> OWN_READ = Set.of("Calendars.ReadBasic", "Calendars.Read", "Calendars.ReadWrite",
            "Calendars.Read.Shared", "Calendars.ReadWrite.Shared");
    private static final Set<String> OWN_WRITE = Set.of("Calendars.ReadWrite", "Calendars.ReadWrite.Shared");
    private static final Set<String> SHARED_READ = Set.of("Calendars.Read.Shared", "Calendars.ReadWrite.Shared");
    private static final Set<String> SHARED_WRITE = Set.of("Calendars.ReadWrite.Shared");

    static final String ACCESS_POLICY_MESSAGE = "Access to OData is disabled.";

    private final ApplicationRbac rbac;
    private final Function<String, Optional<ImpersonationScope>> accessPolicies;
    private final Supplier<String> organisationTenantId;

    /** {@code accessPolicies}: an app's application access policy (RestrictAccess), if it has one. */
    public ExchangeOnlineCalendarPolicy(ApplicationRbac rbac, Function<String, Optional<ImpersonationScope>> accessPolicies,
                                        Supplier<String> organisationTenantId) {
        this.rbac = rbac;
        this.accessPolicies = accessPolicies;
        this.organisationTenantId = organisationTenantId;
    }

    @Override
    public CalendarAccessDecision decide(GraphCaller caller, Mailbox target, CalendarOperation operation) {
        if (!caller.tenantId().equalsIgnoreCase(organisationTenantId.get())) {
            return new Denied(404, "ErrorInvalidUser", "The requested user '" + target.address().value() + "' is invalid.");
        }
        return caller.delegated() ? delegated(caller, target, operation) : appOnly(caller, target, operation);
    }

    private CalendarAccessDecision appOnly(GraphCaller caller, Mailbox target, CalendarOperation operation) {
        Set<String> needed = operation == CalendarOperation.WRITE_EVENTS ? APP_WRITE : APP_READ;
        if (needed.stream().anyMatch(p -> rbac.grants(caller.appId(), p, target.address()))) {
            return new Allowed(true);
        }
        if (caller.permissions().stream().noneMatch(needed::contains)) {
            return denied();
        }
        Optional<ImpersonationScope> policy = accessPolicies.apply(caller.appId());
        return policy.isEmpty() || policy.get().covers(target.address()) ? new Allowed(true)
                : new Denied(403, ACCESS_DENIED, ACCESS_POLICY_MESSAGE);
    }

    private static CalendarAccessDecision delegated(GraphCaller caller, Mailbox target, CalendarOperation operation) {
        Set<String> scopes = caller.permissions();
        boolean own = caller.signedInMailbox().orElseThrow().equals(target.address());
        if (own) {
            Set<String> needed = operation == CalendarOperation.WRITE_EVENTS ? OWN_WRITE : OWN_READ;
            return scopes.stream().anyMatch(needed::contains) ? new Allowed(true) : denied();
        }
        CalendarAccess access = target.accessFor(caller.signedInMailbox().orElseThrow());
        return switch (operation) {
            case READ_SCHEDULE -> {
                if (scopes.stream().noneMatch(OWN_READ::contains)) {
                    yield denied();
                }
                yield access.seesFreeBusy() ? new Allowed(access.seesSubjectAndLocation())
                        : new Denied(403, "ErrorNoFreeBusyAccess", "No free/busy access to mailbox "
                        + target.address().value() + ": the owner shares no free/busy information with the caller.");
            }
            case READ_EVENTS -> scopes.stream().anyMatch(SHARED_READ::contains) && access.readsItems()
                    ? new Allowed(true) : denied();
            case WRITE_EVENTS -> scopes.stream().anyMatch(SHARED_WRITE::contains) && access.createsItems()
                    ? new Allowed(true) : denied();
        };
    }

    private static Denied denied() {
        return new Denied(403, ACCESS_DENIED, ACCESS_DENIED_MESSAGE);
    }
}
