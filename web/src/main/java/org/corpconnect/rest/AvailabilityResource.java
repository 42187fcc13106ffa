package org.corpconnect.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.corpconnect.availability.FreeSlots;
import org.corpconnect.availability.InvalidSlotQuery;
import org.corpconnect.availability.SlotQuery;
import org.corpconnect.bookingrules.BookingRules;
import org.corpconnect.calendar.MailboxAddress;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Free slots of one or more users, from the stored busy time: no Exchange call per request. */
@Path("v1/availability")
@ApiKeyRequired
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Availability")
@SecurityRequirement(name = "apiKey")
public class AvailabilityResource {

    /** Always with seconds, e.g. 2026-12-08T09:00:00+01:00 (OffsetDateTime.toString drops ":00"). */
    private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    @Inject
    private CallerAccount caller;

    @Inject
    private FreeSlots freeSlots;

    @GET
    @Operation(summary = "Free slots in a date range (at most maxSlots per answer: page on with after=nextAfter while more is true); "
            + "each user's data freshness, and users whose calendar cannot be read or is too old to trust")
    @APIResponse(responseCode = "200", description = "Free slots, in the zone asked for",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Availability")))
    @APIResponse(responseCode = "400", description = "A parameter is missing or wrong (the detail names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                    @ExampleObject(name = "invalid-request", value = ProblemExamples.INVALID_QUERY),
                    @ExampleObject(name = "malformed-request", value = ProblemExamples.MALFORMED_REQUEST)}))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", description = "A user is not one of this account's users",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "not-found", value = ProblemExamples.USER_NOT_FOUND)))
    @APIResponse(responseCode = "429", ref = "RateLimited")
    @APIResponse(responseCode = "500", ref = "InternalError")
    public AvailabilityAnswer availability(
            @Parameter(description = "Comma-separated mailbox addresses of the account's users") @QueryParam("users") String users,
            @Parameter(description = "First day, in the zone (YYYY-MM-DD)") @QueryParam("from") String from,
            @Parameter(description = "Last day, inclusive") @QueryParam("to") String to,
            @Parameter(description = "IANA time zone of the days and of the answer, e.g. Europe/Berlin") @QueryParam("zone") String zone,
            @Parameter(description = "Slot length in minutes (default 30)") @QueryParam("slot") String slot,
            @Parameter(description = "Step between slot starts in minutes (default: the slot length)") @QueryParam("step") String step,
            @Parameter(description = "Free minutes needed before a slot (default and least: the account's buffer)") @QueryParam("bufferBefore") String bufferBefore,
            @Parameter(description = "Free minutes needed after a slot (default and least: the account's buffer)") @QueryParam("bufferAfter") String bufferAfter,
            @Parameter(description = "Minimum notice in minutes (default and least: the booking rules' notice)") @QueryParam("notice") String notice,
            @Parameter(description = "any: at least one user free; all: every user free (default any)") @QueryParam("mode") String mode,
            @Parameter(description = "Only slots starting after this time (ISO-8601 with offset): the next page, from the last answer's nextAfter")
            @QueryParam("after") String after) {
        ZoneId zoneId = zone(zone);
        Instant now = Instant.now();
        Duration length = minutes("slot", slot).orElse(Duration.ofMinutes(30));
        BookingRules rules = freeSlots.rules();
        SlotQuery query = SlotQuery.within(rules, now, date("from", from), date("to", to), zoneId, length,
                minutes("step", step).orElse(length), minutes("bufferBefore", bufferBefore), minutes("bufferAfter", bufferAfter),
                minutes("notice", notice), mode(mode));
        if (query.from().atStartOfDay(zoneId).toInstant().isAfter(query.horizonEnd())) {
            throw new InvalidSlotQuery("from is past the booking horizon (" + query.horizonEnd() + ").");
        }
        FreeSlots.Answer answer = freeSlots.find(caller.get(), caller.dataVersion(), addresses(users), query, instant("after", after));

        // Up to 500 slots of up to 50 users: each address and each slot edge is made into text once per answer.
        Map<Long, String> addresses = new LinkedHashMap<>();
        answer.users().forEach(u -> addresses.put(u.user().id(), u.user().address().value()));
        SlotTimes times = new SlotTimes(zoneId);
        List<AvailabilityAnswer.FreeSlot> slots = answer.slots().stream().map(s -> new AvailabilityAnswer.FreeSlot(
                times.format(s.start()), times.format(s.end()),
                addresses.entrySet().stream().filter(a -> s.freeUserIds().contains(a.getKey())).map(Map.Entry::getValue).toList()))
                .toList();
        List<AvailabilityAnswer.UserFreshness> states = answer.users().stream().map(u -> new AvailabilityAnswer.UserFreshness(
                addresses.get(u.user().id()), u.readable(), u.refreshedAt().map(Instant::toString).orElse(null), u.problem().orElse(null)))
                .toList();
        String nextAfter = answer.more() ? times.format(answer.slots().get(answer.slots().size() - 1).start()) : null;
        return new AvailabilityAnswer(zoneId.getId(), answer.horizonEnd().toString(), query.minimumNotice().toMinutes(),
                query.bufferBefore().toMinutes(), query.bufferAfter().toMinutes(), FreeSlots.MAX_SLOTS, answer.more(), nextAfter,
                slots, states);
    }

    /** Slot times as text in the zone asked for; a slot's end is mostly the next one's start, formatted once. */
    private static final class SlotTimes {

        private final ZoneId zone;
        private final Map<Instant, String> formatted = new HashMap<>();

        SlotTimes(ZoneId zone) {
            this.zone = zone;
        }

        String format(Instant instant) {
            return formatted.computeIfAbsent(instant, i -> OFFSET_TIME.format(ZonedDateTime.ofInstant(i, zone)));
        }
    }

    private static List<MailboxAddress> addresses(String users) {
        if (users == null || users.isBlank()) {
            throw new InvalidSlotQuery("users is required: one or more mailbox addresses, comma-separated.");
        }
        try {
            return Arrays.stream(users.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(MailboxAddress::new).toList();
        } catch (RuntimeException e) {
            throw new InvalidSlotQuery("users must be mailbox addresses of this account's users, comma-separated.");
        }
    }

    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            throw new InvalidSlotQuery("zone is required: an IANA time zone such as Europe/Berlin.");
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new InvalidSlotQuery("zone '" + printable(zone) + "' is not an IANA time zone such as Europe/Berlin.");
        }
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidSlotQuery(field + " is required: a date such as 2026-12-01.");
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            // java.time reads years of nine digits; days around them are past what an Instant holds.
            if (date.getYear() < 1900 || date.getYear() > 9999) {
                throw new InvalidSlotQuery(field + " must be a date between the years 1900 and 9999.");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new InvalidSlotQuery(field + " must be a date such as 2026-12-01.");
        }
    }

    private static Optional<Duration> minutes(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            long minutes = Long.parseLong(value.strip());
            if (minutes < 0 || minutes > 100_000) {
                throw new NumberFormatException();
            }
            return Optional.of(Duration.ofMinutes(minutes));
        } catch (NumberFormatException e) {
            throw new InvalidSlotQuery(field + " must be a whole number of minutes.");
        }
    }

    private static Optional<Instant> instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
        } catch (DateTimeParseException e) {
            throw new InvalidSlotQuery(field + " must be an ISO-8601 date-time with offset, such as a nextAfter of an earlier answer.");
        }
    }

    private static SlotQuery.Mode mode(String mode) {
        if (mode == null || mode.isBlank()) {
            return SlotQuery.Mode.ANY;
        }
        try {
            return SlotQuery.Mode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSlotQuery("mode must be any or all.");
        }
    }

    private static String printable(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 60 ? clean.substring(0, 60) + "..." : clean;
    }
}
