package org.corpconnect.sim.dataset;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.corpconnect.sim.entra.AppRegistration;
import org.corpconnect.sim.entra.EntraDirectory;
import org.corpconnect.sim.entra.Tenant;
import org.corpconnect.sim.graph.rbac.ManagementScope;
import org.corpconnect.sim.graph.rbac.RoleAssignment;
import org.corpconnect.sim.graph.rbac.ServicePrincipal;
import org.corpconnect.sim.directory.MailboxAddress;

/**
 * The JSON form of a data set's identity side (its {@code "entra"} object; the README documents it),
 * and of one app registration, which the control API reads too.
 */
public final class EntraSpecJson {
    private EntraSpecJson() {
    }

    static EntraSpec parse(JsonObject entra) {
        JsonObject t = entra.getJsonObject("tenant");
        Tenant tenant = t == null ? null : new Tenant(t.getString("id"), t.getString("name"), t.getString("domain"));
        List<AppRegistration> apps = new ArrayList<>();
        for (JsonValue v : array(entra, "applications")) {
            apps.add(application(v.asJsonObject(), tenant == null ? null : tenant.id()));
        }
        Map<String, Set<String>> consent = new LinkedHashMap<>();
        JsonObject c = entra.getJsonObject("adminConsent");
        if (c != null) {
            c.forEach((app, permissions) -> consent.put(app, strings(permissions.asJsonArray())));
        }
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        JsonObject g = entra.getJsonObject("groups");
        if (g != null) {
            g.forEach((group, members) -> groups.put(group, strings(members.asJsonArray())));
        }
        List<ServicePrincipal> sps = new ArrayList<>();
        for (JsonValue v : array(entra, "servicePrincipals")) {
            sps.add(servicePrincipal(v.asJsonObject()));
        }
        List<ManagementScope> scopes = new ArrayList<>();
        for (JsonValue v : array(entra, "scopes")) {
            scopes.add(scope(v.asJsonObject()));
        }
        List<RoleAssignment> assignments = new ArrayList<>();
        for (JsonValue v : array(entra, "roleAssignments")) {
            assignments.add(roleAssignment(v.asJsonObject()));
        }
        return new EntraSpec(tenant, apps, consent, groups, sps, scopes, assignments);
    }

    /**
     * {@code {"clientId","tenantId","displayName","secrets":[],"certificates":["PEM"],"redirectUris":[],
     * "publicClient":false,"applicationPermissions":[]}}; {@code tenantId} defaults to the given one.
     */
    public static AppRegistration application(JsonObject a, String defaultTenantId) {
        String tenantId = a.getString("tenantId", defaultTenantId);
        if (tenantId == null) {
            throw new IllegalArgumentException("application " + a.getString("clientId") + " needs a tenantId");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (JsonValue pem : array(a, "certificates")) {
            certificates.add(certificate(((JsonString) pem).getString()));
        }
        return new AppRegistration(a.getString("clientId"), tenantId, a.getString("displayName", a.getString("clientId")),
                List.copyOf(strings(array(a, "secrets"))), certificates, strings(array(a, "redirectUris")),
                a.getBoolean("publicClient", false), strings(array(a, "applicationPermissions")));
    }

    public static ServicePrincipal servicePrincipal(JsonObject sp) {
        String appId = sp.getString("appId");
        return new ServicePrincipal(appId, sp.getString("objectId", EntraDirectory.servicePrincipalId(appId)),
                sp.getString("displayName", appId));
    }

    public static ManagementScope scope(JsonObject s) {
        return new ManagementScope(s.getString("name"), MailboxAddress.of(s.getString("memberOfGroup")));
    }

    public static RoleAssignment roleAssignment(JsonObject r) {
        return new RoleAssignment(r.getString("name"), r.getString("app"), r.getString("role"),
                Optional.ofNullable(r.isNull("customResourceScope") ? null : r.getString("customResourceScope", null)));
    }

    public static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("Not a PEM X.509 certificate: " + e.getMessage());
        }
    }

    private static JsonArray array(JsonObject o, String name) {
        JsonArray a = o.getJsonArray(name);
        return a == null ? JsonValue.EMPTY_JSON_ARRAY : a;
    }

    private static Set<String> strings(JsonArray a) {
        Set<String> out = new LinkedHashSet<>();
        a.getValuesAs(JsonString.class).forEach(s -> out.add(s.getString()));
        return out;
    }
}
