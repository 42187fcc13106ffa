package org.corpconnect.sim.entra;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.directory.MailboxAddress;

/**
 * The tenants, app registrations, consents and sign-in sessions of the simulated Entra ID. The Exchange
 * organisation's mailboxes are the home tenant's users. The organisation's EWS applications
 * ({@link Directory#applications()}) are app registrations too, read live, so a test that replaces one
 * in the directory is heard here at once: consented for Exchange's {@code full_access_as_app} and Graph's
 * {@code Calendars.ReadWrite}, as an app moving from EWS to Graph is, and scoped by an application access
 * policy (their impersonation scope), which Exchange applies to EWS and Graph alike.
 * Thread-safe.
 */
public final class EntraDirectory {
    /** The Exchange application role of EWS apps (Office 365 Exchange Online API). */
    public static final String FULL_ACCESS_AS_APP = "full_access_as_app";
    /** What an EWS application of the data set is consented for: both APIs. */
    private static final Set<String> EWS_APP_PERMISSIONS = Set.of(FULL_ACCESS_AS_APP, "Calendars.ReadWrite");

    private final Directory directory;
    private final Clock clock;
    private volatile Tenant home;
    private final Map<String, Tenant> otherTenants = new ConcurrentHashMap<>();
    private final Map<String, AppRegistration> registrations = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> adminConsent = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> userConsent = new ConcurrentHashMap<>();
    private final Map<MailboxAddress, Instant> sessionsValidAfter = new ConcurrentHashMap<>();

    public EntraDirectory(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * The tenant of the organisation's mailboxes: the data set's, else one named after the first EWS
     * application's tenant (or the domain) with a derived id.
     */
    public Tenant homeTenant() {
        Tenant t = home;
        if (t != null) {
            return t;
        }
        String name = directory.applications().stream().map(Directory.Application::tenantId).findFirst()
                .orElse(directory.domain().replace('.', '-'));
        return Tenant.named(name, directory.domain());
    }

    public void setHomeTenant(Tenant tenant) {
        this.home = tenant;
    }

    /** Another tenant with no mailboxes: its apps sign in, and are refused by this organisation's Graph. */
    public void addTenant(Tenant tenant) {
        otherTenants.put(tenant.id(), tenant);
    }

    /** The tenant an authority path names: by id, name or domain; an EWS app's tenant name counts too. */
    public Optional<Tenant> tenant(String segment) {
        Tenant h = homeTenant();
        if (h.isNamedBy(segment)) {
            return Optional.of(h);
        }
        Optional<Tenant> other = otherTenants.values().stream().filter(t -> t.isNamedBy(segment)).findFirst();
        if (other.isPresent()) {
            return other;
        }
        return directory.applications().stream().map(Directory.Application::tenantId)
                .filter(segment::equalsIgnoreCase).findFirst().map(name -> Tenant.named(name, name));
    }

    public void register(AppRegistration app) {
        registrations.put(app.clientId(), app);
    }

    public boolean unregister(String clientId) {
        adminConsent.remove(clientId);
        userConsent.keySet().removeIf(k -> k.startsWith(clientId + "|"));
        return registrations.remove(clientId) != null;
    }

    /** A registered app, or the EWS application of that client id. */
    public Optional<AppRegistration> application(String clientId) {
        if (clientId == null) {
            return Optional.empty();
        }
        AppRegistration app = registrations.get(clientId);
        if (app != null) {
            return Optional.of(app);
        }
        return directory.application(clientId).map(ews -> new AppRegistration(ews.clientId(),
                tenant(ews.tenantId()).map(Tenant::id).orElse(ews.tenantId()), ews.clientId(),
                List.of(ews.clientSecret()), List.of(), Set.of(), false, EWS_APP_PERMISSIONS));
    }

    /** The app of that client id if it is registered in this tenant (apps here are single-tenant). */
    public Optional<AppRegistration> application(Tenant tenant, String clientId) {
        return application(clientId).filter(app -> app.tenantId().equalsIgnoreCase(tenant.id()));
    }

    public List<AppRegistration> applications() {
        return new ArrayList<>(registrations.values());
    }

    /** A tenant-wide admin consent of application permissions (an app role assignment in Entra). */
    public void grantAdminConsent(String clientId, Set<String> permissions) {
        adminConsent.merge(clientId, Set.copyOf(permissions), (a, b) -> {
            Set<String> all = new HashSet<>(a);
            all.addAll(b);
            return Set.copyOf(all);
        });
    }

    public void revokeAdminConsent(String clientId, Set<String> permissions) {
        adminConsent.computeIfPresent(clientId, (k, v) -> {
            Set<String> left = new HashSet<>(v);
            left.removeAll(permissions);
            return left.isEmpty() ? null : Set.copyOf(left);
        });
    }

    /** The application permissions an app's token carries as {@code roles}. */
    public Set<String> applicationPermissionsGranted(String clientId) {
        if (!registrations.containsKey(clientId) && directory.application(clientId).isPresent()) {
            return EWS_APP_PERMISSIONS;
        }
        return adminConsent.getOrDefault(clientId, Set.of());
    }

    /** The delegated permissions a user has consented to for an app (its oauth2PermissionGrant). */
    public Set<String> userConsent(String clientId, MailboxAddress user) {
        return userConsent.getOrDefault(clientId + "|" + user.value(), Set.of());
    }

    public void consent(String clientId, MailboxAddress user, Set<String> scopes) {
        userConsent.merge(clientId + "|" + user.value(), Set.copyOf(scopes), (a, b) -> {
            Set<String> all = new HashSet<>(a);
            all.addAll(b);
            return Set.copyOf(all);
        });
    }

    public void revokeUserConsent(String clientId, MailboxAddress user) {
        userConsent.remove(clientId + "|" + user.value());
    }

    /**
     * What an admin password reset and "revoke sessions" do: every refresh token and session of the user
     * issued before now stops working ({@code AADSTS50173}).
     */
    public void revokeSessions(MailboxAddress user) {
        sessionsValidAfter.put(user, clock.instant());
    }

    /** Whether a sign-in made at that time still stands. */
    public boolean sessionValid(MailboxAddress user, Instant signedInAt) {
        Instant after = sessionsValidAfter.get(user);
        return after == null || signedInAt.isAfter(after);
    }

    public Optional<Instant> sessionsValidAfter(MailboxAddress user) {
        return Optional.ofNullable(sessionsValidAfter.get(user));
    }

    /** A user's object id ({@code oid}): stable per tenant and address. */
    public String objectId(MailboxAddress user) {
        return uuid("user:" + homeTenant().id() + ":" + user.value());
    }

    /** The object id of an app's service principal in its tenant. */
    public static String servicePrincipalId(String clientId) {
        return uuid("sp:" + clientId.toLowerCase(Locale.ROOT));
    }

    private static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Empties it before a data set is loaded. */
    public void clear() {
        home = null;
        otherTenants.clear();
        registrations.clear();
        adminConsent.clear();
        userConsent.clear();
        sessionsValidAfter.clear();
    }
}
