package org.corpconnect.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer of {@code GET /api/v1/availability}: one page of free slots, and how fresh each user's
 * data is. Times are text: slot times with the offset of the zone asked for, instants in UTC.
 */
@Schema(name = "Availability", description = "Free slots of the users asked for (at most maxSlots; while more is true,"
        + " ask again with after=nextAfter), and each user's data freshness")
@JsonbPropertyOrder({"zone", "horizonEnd", "minimumNoticeMinutes", "bufferBeforeMinutes", "bufferAfterMinutes", "maxSlots",
        "more", "nextAfter", "slots", "users"})
public record AvailabilityAnswer(
        @Schema(required = true, description = "IANA time zone of the days asked for and of the slot times", example = "Europe/Berlin")
        String zone,
        @Schema(required = true, format = "date-time", description = "No slot ends later: the booking horizon",
                example = "2027-02-01T09:12:00Z")
        String horizonEnd,
        @Schema(required = true, description = "Minimum notice applied, in minutes", example = "60")
        long minimumNoticeMinutes,
        @Schema(required = true, description = "Free minutes each slot needed before it", example = "0")
        long bufferBeforeMinutes,
        @Schema(required = true, description = "Free minutes each slot needed after it", example = "0")
        long bufferAfterMinutes,
        @Schema(required = true, description = "The most slots one answer lists", example = "500")
        int maxSlots,
        @Schema(required = true, description = "More slots follow: ask again with after=nextAfter")
        boolean more,
        @Schema(format = "date-time", description = "Only when more is true: the start of this page's last slot",
                example = "2026-12-08T16:30:00+01:00")
        String nextAfter,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = FreeSlot.class) List<FreeSlot> slots,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = UserFreshness.class) List<UserFreshness> users) {

    @Schema(name = "FreeSlot", description = "A slot and the users free during it (and its buffers)")
    @JsonbPropertyOrder({"start", "end", "users"})
    public record FreeSlot(
            @Schema(required = true, format = "date-time", description = "With the offset of the zone asked for",
                    example = "2026-12-08T09:00:00+01:00")
            String start,
            @Schema(required = true, format = "date-time", example = "2026-12-08T09:30:00+01:00")
            String end,
            @Schema(required = true, type = SchemaType.ARRAY, implementation = String.class, description = "Mailbox addresses of the users free")
            List<String> users) {
    }

    @Schema(name = "UserFreshness", description = "How fresh a user's busy time is; an unreadable user is never shown free")
    @JsonbPropertyOrder({"user", "readable", "refreshedAt", "problem"})
    public record UserFreshness(
            @Schema(required = true, example = "anna.schmidt@contoso.test") String user,
            @Schema(required = true, description = "The user's busy time was read recently enough to trust") boolean readable,
            @Schema(format = "date-time", description = "When the user's busy time was last read; absent if never",
                    example = "2026-12-06T07:45:12.301Z")
            String refreshedAt,
            @Schema(description = "Why the calendar cannot be read or trusted, when it cannot",
                    example = "The dedicated mailbox may not read this calendar (since 2026-12-06T07:00:00Z).")
            String problem) {
    }
}
