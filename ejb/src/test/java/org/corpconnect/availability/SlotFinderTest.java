package org.corpconnect.availability;

import static org.corpconnect.availability.QueryBuilder.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.corpconnect.bookingrules.WorkingHours;
import org.corpconnect.availability.SlotQuery.Mode;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;
import org.junit.jupiter.api.Test;

/** Expected instants are written with the offset in force, worked out by hand. */
class SlotFinderTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final WorkingHours EARLY_EVERY_DAY =
            new WorkingHours(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.of(6, 0));
    private static final WorkingHours ALL_DAY_EVERY_DAY =
            new WorkingHours(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MAX);

    // --- a plain day ---

    @Test
    void nineToFiveInHalfHoursIsSixteenSlots() {
        List<Slot> slots = SlotFinder.find(query().build(), List.of(user(1, BERLIN)));

        assertEquals(16, slots.size());
        assertEquals(new Slot(at("2026-06-10T09:00+02:00"), at("2026-06-10T09:30+02:00"), List.of(1L)), slots.get(0));
        assertEquals(new Slot(at("2026-06-10T09:30+02:00"), at("2026-06-10T10:00+02:00"), List.of(1L)), slots.get(1));
        assertEquals(new Slot(at("2026-06-10T16:30+02:00"), at("2026-06-10T17:00+02:00"), List.of(1L)), slots.get(15));
    }

    @Test
    void hourSlotsEveryQuarterStopWhereTheyWouldCrossFiveOClock() {
        List<Slot> slots = SlotFinder.find(query().slots(60, 15).build(), List.of(user(1, BERLIN)));

        // 09:00, 09:15, ... 16:00: 7 hours of quarters plus one.
        assertEquals(29, slots.size());
        assertEquals(at("2026-06-10T09:15+02:00"), slots.get(1).start());
        assertEquals(at("2026-06-10T10:15+02:00"), slots.get(1).end());
        assertEquals(at("2026-06-10T16:00+02:00"), slots.get(28).start());
        assertEquals(at("2026-06-10T17:00+02:00"), slots.get(28).end());
    }

    @Test
    void aStepLongerThanTheSlotLeavesGaps() {
        List<Slot> slots = SlotFinder.find(query().slots(30, 60).build(), List.of(user(1, BERLIN)));

        assertEquals(8, slots.size());
        assertEquals(at("2026-06-10T10:00+02:00"), slots.get(1).start());
        assertEquals(at("2026-06-10T10:30+02:00"), slots.get(1).end());
        assertEquals(at("2026-06-10T16:00+02:00"), slots.get(7).start());
    }

    @Test
    void theGridRestartsAtEachLocalMidnight() {
        // 35 minutes: 09:20 (16 x 35) to 16:20 (28 x 35) each day. Carried on from Wednesday's
        // 23:55, Thursday's grid would run 00:30, 01:05, ... 09:15 instead.
        List<Slot> slots = SlotFinder.find(query().dates("2026-06-10", "2026-06-11").slots(30, 35).build(),
                List.of(user(1, BERLIN)));

        assertEquals(26, slots.size());
        assertEquals(at("2026-06-10T09:20+02:00"), slots.get(0).start());
        assertEquals(at("2026-06-10T09:55+02:00"), slots.get(1).start());
        assertEquals(at("2026-06-10T16:20+02:00"), slots.get(12).start());
        assertEquals(at("2026-06-11T09:20+02:00"), slots.get(13).start());
        assertEquals(at("2026-06-11T16:20+02:00"), slots.get(25).start());
    }

    @Test
    void aStepOfADayGivesOneCandidatePerLocalMidnight() {
        List<Slot> slots = SlotFinder.find(query().dates("2026-06-10", "2026-06-12").slots(60, 1440).build(),
                List.of(new UserCalendar(1, BERLIN, EARLY_EVERY_DAY, List.of(), true)));

        assertEquals(List.of(at("2026-06-10T00:00+02:00"), at("2026-06-11T00:00+02:00"), at("2026-06-12T00:00+02:00")),
                starts(slots));
    }

    @Test
    void weekendsAreNotWorkingDays() {
        List<Slot> slots = SlotFinder.find(query().dates("2026-06-12", "2026-06-15").build(), List.of(user(1, BERLIN)));

        assertEquals(32, slots.size());
        assertEquals(at("2026-06-12T16:30+02:00"), slots.get(15).start());
        assertEquals(at("2026-06-15T09:00+02:00"), slots.get(16).start());
    }

    // --- zones ---

    @Test
    void aTokyoUserWorksFromTwoToTenInBerlinSummer() {
        List<UserCalendar> tokyo = List.of(user(1, TOKYO));

        // Berlin's Sunday holds no Tokyo working hour: Tokyo's Monday starts at 02:00 on Berlin's Monday.
        assertTrue(SlotFinder.find(query().on("2026-06-14").build(), tokyo).isEmpty());
        List<Slot> monday = SlotFinder.find(query().on("2026-06-15").build(), tokyo);
        assertEquals(16, monday.size());
        assertEquals(at("2026-06-15T09:00+09:00"), monday.get(0).start());
        assertEquals(at("2026-06-15T02:00+02:00"), monday.get(0).start());
        assertEquals(at("2026-06-15T17:00+09:00"), monday.get(15).end());
    }

    @Test
    void aLosAngelesTuesdayHoldsTheEndOfTokyosTuesdayAndTheStartOfItsWednesday() {
        // Tokyo 09:00-17:00 is 17:00-01:00 the day before in Los Angeles (UTC-7 in June). Tuesday in
        // Los Angeles gets Tokyo Tuesday's last hour (16:00-17:00 Tokyo, 00:00-01:00 LA) and Tokyo
        // Wednesday's first seven (17:00-24:00 LA); the slot 24:00-00:30 LA lies outside Tuesday.
        List<Slot> slots = SlotFinder.find(query().on("2026-06-09").zone("America/Los_Angeles").build(),
                List.of(user(1, TOKYO)));

        assertEquals(16, slots.size());
        assertEquals(at("2026-06-09T00:00-07:00"), slots.get(0).start());
        assertEquals(at("2026-06-09T16:00+09:00"), slots.get(0).start());
        assertEquals(at("2026-06-09T00:30-07:00"), slots.get(1).start());
        assertEquals(at("2026-06-09T17:00-07:00"), slots.get(2).start());
        assertEquals(at("2026-06-10T09:00+09:00"), slots.get(2).start());
        assertEquals(at("2026-06-09T23:30-07:00"), slots.get(15).start());
        assertEquals(at("2026-06-10T00:00-07:00"), slots.get(15).end());
    }

    @Test
    void aBerlinUserSeenFromNewYorkInTheWeeksWhereOnlyAmericaIsOnSummerTime() {
        // 2026-03-10: New York on EDT (UTC-4) since March 8, Berlin still on CET (UTC+1): five hours apart.
        List<Slot> slots = SlotFinder.find(query().on("2026-03-10").zone("America/New_York")
                .now(Instant.parse("2026-03-01T00:00:00Z")).build(), List.of(user(1, BERLIN)));

        assertEquals(16, slots.size());
        assertEquals(at("2026-03-10T04:00-04:00"), slots.get(0).start());
        assertEquals(at("2026-03-10T09:00+01:00"), slots.get(0).start());
        assertEquals(at("2026-03-10T12:00-04:00"), slots.get(15).end());
    }

    // --- busy time and buffers ---

    @Test
    void aMeetingTouchingASlotLeavesItFree() {
        List<Slot> slots = SlotFinder.find(query().build(),
                List.of(user(1, BERLIN, busy("2026-06-10T10:00+02:00", "2026-06-10T11:00+02:00"))));

        assertEquals(14, slots.size());
        List<Instant> starts = starts(slots);
        assertTrue(starts.contains(at("2026-06-10T09:30+02:00")), "ends at the meeting's start");
        assertFalse(starts.contains(at("2026-06-10T10:00+02:00")));
        assertFalse(starts.contains(at("2026-06-10T10:30+02:00")));
        assertTrue(starts.contains(at("2026-06-10T11:00+02:00")), "starts at the meeting's end");
    }

    @Test
    void overlappingUnsortedMeetingsBlockTheirUnion() {
        // Union: 10:00-12:30 and 13:00-14:00; 11:00-11:30 lies wholly inside 10:00-12:00.
        List<Slot> slots = SlotFinder.find(query().build(), List.of(user(1, BERLIN,
                busy("2026-06-10T13:00+02:00", "2026-06-10T14:00+02:00"),
                busy("2026-06-10T10:00+02:00", "2026-06-10T12:00+02:00"),
                busy("2026-06-10T11:00+02:00", "2026-06-10T11:30+02:00"),
                busy("2026-06-10T11:45+02:00", "2026-06-10T12:30+02:00"),
                busy("2026-06-10T13:00+02:00", "2026-06-10T14:00+02:00"),
                busy("2026-06-09T10:00+02:00", "2026-06-09T18:00+02:00"))));

        assertEquals(List.of(
                at("2026-06-10T09:00+02:00"), at("2026-06-10T09:30+02:00"),
                at("2026-06-10T12:30+02:00"),
                at("2026-06-10T14:00+02:00"), at("2026-06-10T14:30+02:00"), at("2026-06-10T15:00+02:00"),
                at("2026-06-10T15:30+02:00"), at("2026-06-10T16:00+02:00"), at("2026-06-10T16:30+02:00")),
                starts(slots));
    }

    @Test
    void aMeetingOfNoLengthBlocksNothing() {
        List<Slot> slots = SlotFinder.find(query().build(),
                List.of(user(1, BERLIN, busy("2026-06-10T15:15+02:00", "2026-06-10T15:15+02:00"))));

        assertEquals(16, slots.size());
    }

    @Test
    void aMeetingLongerThanTheRangeBlocksAll() {
        List<Slot> slots = SlotFinder.find(query().dates("2026-06-10", "2026-06-12").build(),
                List.of(user(1, BERLIN, busy("2026-06-01T00:00+02:00", "2026-07-01T00:00+02:00"))));

        assertTrue(slots.isEmpty());
    }

    @Test
    void buffersKeepHalfAnHourAroundAMeeting() {
        // Meeting 10:00-11:00, 30 minutes either side: the guard of 09:00-09:30 is 08:30-10:00 (touches),
        // that of 11:30-12:00 is 11:00-12:30 (touches).
        List<Slot> slots = SlotFinder.find(query().buffers(30, 30).build(),
                List.of(user(1, BERLIN, busy("2026-06-10T10:00+02:00", "2026-06-10T11:00+02:00"))));

        assertEquals(12, slots.size());
        List<Instant> starts = starts(slots);
        assertEquals(at("2026-06-10T09:00+02:00"), starts.get(0));
        assertEquals(at("2026-06-10T11:30+02:00"), starts.get(1));
        assertEquals(at("2026-06-10T09:30+02:00"), slots.get(0).end(), "the slot itself is not widened");
    }

    @Test
    void unequalBuffersOnATenMinuteGrid() {
        // Guard [s - 10, s + 30 + 20) against 12:00-13:00: blocked for 11:10 < s < 13:10, so 11:20..13:00
        // (11 starts) of the 46 starts 09:00..16:30 are not free.
        List<Slot> slots = SlotFinder.find(query().slots(30, 10).buffers(10, 20).build(),
                List.of(user(1, BERLIN, busy("2026-06-10T12:00+02:00", "2026-06-10T13:00+02:00"))));

        assertEquals(35, slots.size());
        List<Instant> starts = starts(slots);
        assertTrue(starts.contains(at("2026-06-10T11:10+02:00")));
        assertFalse(starts.contains(at("2026-06-10T11:20+02:00")));
        assertFalse(starts.contains(at("2026-06-10T13:00+02:00")));
        assertTrue(starts.contains(at("2026-06-10T13:10+02:00")));
    }

    @Test
    void buffersMayReachOutsideWorkingHoursButMustBeFreeThere() {
        // No meeting: an hour's buffer before 09:00 is fine, the first slot stays 09:00.
        assertEquals(at("2026-06-10T09:00+02:00"),
                SlotFinder.find(query().buffers(60, 60).build(), List.of(user(1, BERLIN))).get(0).start());

        BusyInterval breakfast = busy("2026-06-10T08:30+02:00", "2026-06-10T08:50+02:00");
        assertEquals(at("2026-06-10T09:30+02:00"),
                SlotFinder.find(query().buffers(15, 0).build(), List.of(user(1, BERLIN, breakfast))).get(0).start());
        assertEquals(at("2026-06-10T09:00+02:00"),
                SlotFinder.find(query().buffers(10, 0).build(), List.of(user(1, BERLIN, breakfast))).get(0).start());
    }

    // --- notice and horizon ---

    @Test
    void minimumNoticeMovesTheFirstSlot() {
        // Now 10:10, an hour's notice: nothing before 11:10, so 11:30 is first.
        List<Slot> slots = SlotFinder.find(query().now(at("2026-06-10T10:10+02:00")).notice(60).build(),
                List.of(user(1, BERLIN)));

        assertEquals(11, slots.size());
        assertEquals(at("2026-06-10T11:30+02:00"), slots.get(0).start());
    }

    @Test
    void aSlotMayStartRightNow() {
        List<Slot> slots = SlotFinder.find(query().now(at("2026-06-10T11:00+02:00")).build(), List.of(user(1, BERLIN)));

        assertEquals(12, slots.size());
        assertEquals(at("2026-06-10T11:00+02:00"), slots.get(0).start());
    }

    @Test
    void noSlotEndsAfterTheHorizon() {
        List<Slot> toTwo = SlotFinder.find(query().horizon(at("2026-06-10T14:00+02:00")).build(), List.of(user(1, BERLIN)));
        assertEquals(10, toTwo.size());
        assertEquals(at("2026-06-10T14:00+02:00"), toTwo.get(9).end());

        List<Slot> toOneFiftyNine = SlotFinder.find(query().horizon(at("2026-06-10T13:59+02:00")).build(), List.of(user(1, BERLIN)));
        assertEquals(9, toOneFiftyNine.size());
        assertEquals(at("2026-06-10T13:30+02:00"), toOneFiftyNine.get(8).end());
    }

    // --- several users ---

    @Test
    void anyListsWhoIsFreeAllNeedsEveryone() {
        List<UserCalendar> users = List.of(
                user(1, BERLIN, busy("2026-06-10T09:00+02:00", "2026-06-10T11:00+02:00")),
                user(2, BERLIN, busy("2026-06-10T15:00+02:00", "2026-06-10T17:00+02:00")));

        List<Slot> any = SlotFinder.find(query().build(), users);
        assertEquals(16, any.size());
        assertEquals(new Slot(at("2026-06-10T09:00+02:00"), at("2026-06-10T09:30+02:00"), List.of(2L)), any.get(0));
        assertEquals(new Slot(at("2026-06-10T10:30+02:00"), at("2026-06-10T11:00+02:00"), List.of(2L)), any.get(3));
        assertEquals(new Slot(at("2026-06-10T11:00+02:00"), at("2026-06-10T11:30+02:00"), List.of(1L, 2L)), any.get(4));
        assertEquals(new Slot(at("2026-06-10T14:30+02:00"), at("2026-06-10T15:00+02:00"), List.of(1L, 2L)), any.get(11));
        assertEquals(new Slot(at("2026-06-10T15:00+02:00"), at("2026-06-10T15:30+02:00"), List.of(1L)), any.get(12));

        List<Slot> all = SlotFinder.find(query().mode(Mode.ALL).build(), users);
        assertEquals(8, all.size());
        assertEquals(new Slot(at("2026-06-10T11:00+02:00"), at("2026-06-10T11:30+02:00"), List.of(1L, 2L)), all.get(0));
        assertEquals(new Slot(at("2026-06-10T14:30+02:00"), at("2026-06-10T15:00+02:00"), List.of(1L, 2L)), all.get(7));
    }

    @Test
    void freeUsersAreListedInTheOrderGiven() {
        List<Slot> slots = SlotFinder.find(query().build(), List.of(user(7, BERLIN), user(3, BERLIN)));

        assertEquals(List.of(7L, 3L), slots.get(0).freeUserIds());
    }

    @Test
    void allModeAcrossZonesKeepsOnlyTheOverlap() {
        // Berlin 09:00-17:00 and Tokyo 09:00-17:00 (02:00-10:00 Berlin) share 09:00-10:00 Berlin.
        List<Slot> slots = SlotFinder.find(query().mode(Mode.ALL).build(), List.of(user(1, BERLIN), user(2, TOKYO)));

        assertEquals(List.of(at("2026-06-10T09:00+02:00"), at("2026-06-10T09:30+02:00")), starts(slots));
    }

    @Test
    void anUnreadableUserIsNeverFree() {
        UserCalendar readable = user(1, BERLIN);
        UserCalendar unreadable = UserCalendar.unreadable(2, BERLIN, WorkingHours.DEFAULT);

        List<Slot> any = SlotFinder.find(query().build(), List.of(readable, unreadable));
        assertEquals(16, any.size());
        assertTrue(any.stream().allMatch(slot -> slot.freeUserIds().equals(List.of(1L))));

        assertTrue(SlotFinder.find(query().mode(Mode.ALL).build(), List.of(readable, unreadable)).isEmpty());
        assertTrue(SlotFinder.find(query().build(), List.of(unreadable)).isEmpty());
    }

    @Test
    void noUsersNoSlots() {
        assertTrue(SlotFinder.find(query().build(), List.of()).isEmpty());
        assertTrue(SlotFinder.find(query().mode(Mode.ALL).build(), List.of()).isEmpty());
    }

    @Test
    void aUserListedTwiceIsAMistake() {
        assertThrows(IllegalArgumentException.class,
                () -> SlotFinder.find(query().build(), List.of(user(1, BERLIN), user(1, TOKYO))));
    }

    // --- DST ---

    @Test
    void berlinSpringForwardHasNoTwoOClock() {
        // 2027-03-28: 02:00 CET becomes 03:00 CEST; working 00:00-06:00 is five real hours.
        List<Slot> slots = SlotFinder.find(
                query().on("2027-03-28").now(Instant.parse("2027-03-01T00:00:00Z"))
                        .horizon(Instant.parse("2027-12-31T00:00:00Z")).build(),
                List.of(new UserCalendar(1, BERLIN, EARLY_EVERY_DAY, List.of(), true)));

        assertEquals(List.of(
                at("2027-03-28T00:00+01:00"), at("2027-03-28T00:30+01:00"),
                at("2027-03-28T01:00+01:00"), at("2027-03-28T01:30+01:00"),
                at("2027-03-28T03:00+02:00"), at("2027-03-28T03:30+02:00"),
                at("2027-03-28T04:00+02:00"), at("2027-03-28T04:30+02:00"),
                at("2027-03-28T05:00+02:00"), at("2027-03-28T05:30+02:00")),
                starts(slots));
        assertEquals(at("2027-03-28T03:00+02:00"), slots.get(3).end(), "01:30 CET plus 30 minutes");
    }

    @Test
    void berlinFallBackHasTwoOClockTwice() {
        // 2026-10-25: 03:00 CEST becomes 02:00 CET; working 00:00-06:00 is seven real hours.
        List<Slot> slots = SlotFinder.find(
                query().on("2026-10-25").now(Instant.parse("2026-10-01T00:00:00Z")).build(),
                List.of(new UserCalendar(1, BERLIN, EARLY_EVERY_DAY, List.of(), true)));

        assertEquals(List.of(
                at("2026-10-25T00:00+02:00"), at("2026-10-25T00:30+02:00"),
                at("2026-10-25T01:00+02:00"), at("2026-10-25T01:30+02:00"),
                at("2026-10-25T02:00+02:00"), at("2026-10-25T02:30+02:00"),
                at("2026-10-25T02:00+01:00"), at("2026-10-25T02:30+01:00"),
                at("2026-10-25T03:00+01:00"), at("2026-10-25T03:30+01:00"),
                at("2026-10-25T04:00+01:00"), at("2026-10-25T04:30+01:00"),
                at("2026-10-25T05:00+01:00"), at("2026-10-25T05:30+01:00")),
                starts(slots));
    }

    @Test
    void berlinFallBackWithAMeetingInTheFirstTwoOClock() {
        // Busy 02:00-03:00 CEST (00:00-01:00 UTC): the second 02:00 and 02:30 (CET) stay free.
        List<Slot> slots = SlotFinder.find(
                query().on("2026-10-25").slots(60, 60).now(Instant.parse("2026-10-01T00:00:00Z")).build(),
                List.of(new UserCalendar(1, BERLIN, EARLY_EVERY_DAY,
                        List.of(busy("2026-10-25T02:00+02:00", "2026-10-25T02:00+01:00")), true)));

        assertEquals(List.of(
                at("2026-10-25T00:00+02:00"), at("2026-10-25T01:00+02:00"),
                at("2026-10-25T02:00+01:00"), at("2026-10-25T03:00+01:00"),
                at("2026-10-25T04:00+01:00"), at("2026-10-25T05:00+01:00")),
                starts(slots));
    }

    @Test
    void newYorkSpringForwardDayHasTwentyTwoHourSlots() {
        // 2026-03-08: 02:00 EST becomes 03:00 EDT. Hours run 00:00 to just before midnight, so 23:00-24:00
        // does not fit: 00, 01, 03 .. 22.
        List<Slot> slots = SlotFinder.find(
                query().on("2026-03-08").zone("America/New_York").slots(60, 60).now(Instant.parse("2026-03-01T00:00:00Z")).build(),
                List.of(new UserCalendar(1, NEW_YORK, ALL_DAY_EVERY_DAY, List.of(), true)));

        assertEquals(22, slots.size());
        assertEquals(at("2026-03-08T01:00-05:00"), slots.get(1).start());
        assertEquals(at("2026-03-08T03:00-04:00"), slots.get(1).end());
        assertEquals(at("2026-03-08T03:00-04:00"), slots.get(2).start());
        assertEquals(at("2026-03-08T22:00-04:00"), slots.get(21).start());
    }

    @Test
    void newYorkFallBackDayHasOneOClockTwice() {
        // 2026-11-01: 02:00 EDT becomes 01:00 EST: 00, 01 EDT, 01 EST, 02 .. 22.
        List<Slot> slots = SlotFinder.find(
                query().on("2026-11-01").zone("America/New_York").slots(60, 60).build(),
                List.of(new UserCalendar(1, NEW_YORK, ALL_DAY_EVERY_DAY, List.of(), true)));

        assertEquals(24, slots.size());
        assertEquals(at("2026-11-01T00:00-04:00"), slots.get(0).start());
        assertEquals(at("2026-11-01T01:00-04:00"), slots.get(1).start());
        assertEquals(at("2026-11-01T01:00-05:00"), slots.get(2).start());
        assertEquals(at("2026-11-01T02:00-05:00"), slots.get(3).start());
        assertEquals(at("2026-11-01T22:00-05:00"), slots.get(23).start());
        assertEquals(slots.size(), slots.stream().map(Slot::start).distinct().count());
    }

    @Test
    void aNewYorkUserSeenFromBerlinOnBerlinsFallBackDay() {
        // 2026-10-25 Berlin is 2026-10-24T22:00Z .. 2026-10-25T23:00Z, a Sunday; New York (EDT) works
        // Monday to Friday, so Berlin's Sunday has none of it even though it lasts 25 hours.
        assertTrue(SlotFinder.find(query().on("2026-10-25").now(Instant.parse("2026-10-01T00:00:00Z")).build(),
                List.of(user(1, NEW_YORK))).isEmpty());
        // Berlin's Monday 2026-10-26 (CET) holds New York's Monday 09:00-17:00 EDT = 14:00-22:00 CET.
        List<Slot> monday = SlotFinder.find(query().on("2026-10-26").now(Instant.parse("2026-10-01T00:00:00Z")).build(),
                List.of(user(1, NEW_YORK)));
        assertEquals(16, monday.size());
        assertEquals(at("2026-10-26T14:00+01:00"), monday.get(0).start());
        assertEquals(at("2026-10-26T09:00-04:00"), monday.get(0).start());
    }

    // --- a large query (its speed is measured in bench/, never asserted here) ---

    @Test
    void tenUsersOverSixtyTwoDaysAtAFiveMinuteStepKeepEverySlotClearOfTheBusyTimeAndItsBuffers() {
        List<UserCalendar> users = new ArrayList<>();
        ZoneId[] zones = {BERLIN, TOKYO, NEW_YORK};
        for (int u = 0; u < 10; u++) {
            List<BusyInterval> busy = new ArrayList<>();
            Instant day = Instant.parse("2026-05-31T00:00:00Z");
            for (int d = 0; d < 64; d++, day = day.plusSeconds(86_400)) {
                for (int m = 0; m < 6; m++) {
                    Instant start = day.plusSeconds(3600L * (3 * m + u % 3) + 600L * u);
                    busy.add(new BusyInterval(start, start.plusSeconds(2700), BusyType.BUSY));
                }
            }
            users.add(new UserCalendar(u, zones[u % 3], WorkingHours.DEFAULT, busy, true));
        }
        SlotQuery any = query().dates("2026-06-01", "2026-08-01").slots(30, 5).buffers(10, 10).build();
        SlotQuery all = query().dates("2026-06-01", "2026-08-01").slots(30, 5).buffers(10, 10).mode(Mode.ALL).build();

        List<Slot> anySlots = SlotFinder.find(any, users);
        List<Slot> allSlots = SlotFinder.find(all, users);

        assertFalse(anySlots.isEmpty());
        for (Slot slot : anySlots) {
            for (long id : slot.freeUserIds()) {
                UserCalendar user = users.get((int) id);
                assertTrue(user.busy().stream().noneMatch(b -> b.start().isBefore(slot.end().plusSeconds(600))
                        && b.end().isAfter(slot.start().minusSeconds(600))), "user " + id + " is busy near " + slot);
            }
        }
        // A slot where all are free is one where each is, with all of them named.
        List<Instant> anyStarts = anySlots.stream().map(Slot::start).toList();
        for (Slot slot : allSlots) {
            assertEquals(10, slot.freeUserIds().size(), slot.toString());
            assertTrue(anyStarts.contains(slot.start()), slot.toString());
        }
    }

    private static UserCalendar user(long id, ZoneId zone, BusyInterval... busy) {
        return new UserCalendar(id, zone, WorkingHours.DEFAULT, List.of(busy), true);
    }

    private static BusyInterval busy(String start, String end) {
        return new BusyInterval(at(start), at(end), BusyType.BUSY);
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static List<Instant> starts(List<Slot> slots) {
        return slots.stream().map(Slot::start).toList();
    }

    @Test
    void noWorkingDaysIsAllowedAndMeansNeverFree() {
        WorkingHours never = new WorkingHours(Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0));
        assertFalse(never.isWorkingDay(DayOfWeek.WEDNESDAY));
        UserCalendar user = new UserCalendar(1, ZoneId.of("Europe/Berlin"), never, List.of(), true);
        assertTrue(SlotFinder.find(QueryBuilder.query().build(), List.of(user)).isEmpty());
    }
}
