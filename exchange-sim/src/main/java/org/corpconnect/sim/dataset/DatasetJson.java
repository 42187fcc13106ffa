package org.corpconnect.sim.dataset;

import static org.corpconnect.sim.SimJson.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.corpconnect.sim.calendar.BusyType;
import org.corpconnect.sim.calendar.Recurrence;
import org.corpconnect.sim.calendar.Sensitivity;
import org.corpconnect.sim.directory.CalendarAccess;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.directory.ImpersonationScope;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.directory.WorkingHours;

/**
 * The JSON form of a data set (file for {@code --dataset}, body of {@code POST /control/dataset}).
 * The README documents the format; unknown fields are ignored, missing ones take the demo's defaults.
 */
public final class DatasetJson {
    private DatasetJson() {
    }

    static Dataset read(Path file) {
        try (Reader r = Files.newBufferedReader(file)) {
            return parse(r);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read data set " + file, e);
        }
    }

    public static Dataset parse(String json) {
        return parse(new StringReader(json));
    }

    private static Dataset parse(Reader reader) {
        JsonObject root;
        try (JsonReader r = JSON.createReader(reader)) {
            root = r.readObject();
        }
        return parse(root);
    }

    public static Dataset parse(JsonObject root) {
        String domain = root.getString("domain", "contoso.test");
        List<Dataset.MailboxSpec> mailboxes = new ArrayList<>();
        for (JsonValue v : root.getJsonArray("mailboxes")) {
            mailboxes.add(mailbox(v.asJsonObject()));
        }
        Map<String, ImpersonationScope> impersonation = new LinkedHashMap<>();
        JsonObject imp = root.getJsonObject("impersonation");
        if (imp != null) {
            imp.forEach((account, scope) -> impersonation.put(account, scope(scope)));
        }
        List<Directory.Application> apps = new ArrayList<>();
        JsonArray appArray = root.getJsonArray("applications");
        if (appArray != null) {
            for (JsonValue v : appArray) {
                JsonObject a = v.asJsonObject();
                apps.add(new Directory.Application(a.getString("clientId"), a.getString("clientSecret"),
                        a.getString("tenantId", "contoso-test"), scope(a.getOrDefault("scope", JSON.createValue("all")))));
            }
        }
        JsonObject entra = root.getJsonObject("entra");
        return new Dataset(domain, root.getString("serviceMailbox", null), mailboxes, impersonation, apps,
                entra == null ? EntraSpec.none() : EntraSpecJson.parse(entra));
    }

    public static ImpersonationScope scope(JsonValue scope) {
        if (scope instanceof JsonString s && "all".equalsIgnoreCase(s.getString())) {
            return ImpersonationScope.all();
        }
        if (scope instanceof JsonArray array) {
            return ImpersonationScope.only(array.getValuesAs(JsonString.class).stream()
                    .map(s -> MailboxAddress.of(s.getString())).collect(Collectors.toSet()));
        }
        throw new IllegalArgumentException("impersonation scope must be \"all\" or an array of addresses");
    }

    public static Dataset.MailboxSpec mailbox(JsonObject m) {
        ZoneId zone = ZoneId.of(m.getString("timeZone", "Europe/Berlin"));
        JsonObject wh = m.getJsonObject("workingHours");
        WorkingHours hours = wh == null ? WorkingHours.weekdays(LocalTime.of(8, 0), LocalTime.of(17, 0))
                : new WorkingHours(days(wh.getJsonArray("days"), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)),
                LocalTime.parse(wh.getString("start", "08:00")), LocalTime.parse(wh.getString("end", "17:00")));
        Map<String, CalendarAccess> grants = new LinkedHashMap<>();
        JsonObject g = m.getJsonObject("grants");
        if (g != null) {
            g.forEach((grantee, level) -> grants.put(grantee, CalendarAccess.parse(((JsonString) level).getString())));
        }
        List<Dataset.EventSpec> events = new ArrayList<>();
        JsonArray ev = m.getJsonArray("events");
        if (ev != null) {
            for (JsonValue v : ev) {
                events.add(event(v.asJsonObject(), zone));
            }
        }
        String address = m.getString("address");
        return new Dataset.MailboxSpec(address, m.getString("displayName", address), m.getString("password", null), zone,
                hours, CalendarAccess.parse(m.getString("defaultAccess", "FreeBusyTimeOnly")), grants, events);
    }

    public static Dataset.EventSpec event(JsonObject e, ZoneId mailboxZone) {
        ZoneId zone = e.containsKey("timeZone") ? ZoneId.of(e.getString("timeZone")) : mailboxZone;
        Recurrence recurrence = null;
        JsonObject r = e.getJsonObject("recurrence");
        if (r != null) {
            recurrence = new Recurrence(Recurrence.Pattern.valueOf(r.getString("pattern", "WEEKLY").toUpperCase(Locale.ROOT)),
                    r.getInt("interval", 1), days(r.getJsonArray("daysOfWeek"), Set.of()), r.getInt("dayOfMonth", 0),
                    LocalDate.parse(r.getString("startDate")),
                    r.containsKey("endDate") && !r.isNull("endDate") ? LocalDate.parse(r.getString("endDate")) : null,
                    r.containsKey("count") && !r.isNull("count") ? r.getInt("count") : null);
        }
        List<String> attendees = e.containsKey("attendees")
                ? e.getJsonArray("attendees").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                : List.of();
        return new Dataset.EventSpec(e.getString("subject"), e.getString("location", null),
                Instant.parse(e.getString("start")), Instant.parse(e.getString("end")), e.getBoolean("allDay", false),
                BusyType.parse(e.getString("freeBusy", "Busy")), Sensitivity.parse(e.getString("sensitivity", "Normal")),
                e.getBoolean("meeting", !attendees.isEmpty()), recurrence, zone, attendees);
    }

    private static Set<DayOfWeek> days(JsonArray array, Set<DayOfWeek> fallback) {
        if (array == null) {
            return fallback;
        }
        return array.getValuesAs(JsonString.class).stream()
                .map(s -> DayOfWeek.valueOf(s.getString().toUpperCase(Locale.ROOT)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
    }
}
