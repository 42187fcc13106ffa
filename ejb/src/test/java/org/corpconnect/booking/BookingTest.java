package org.corpconnect.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.exchange.CalendarItemRef;
import org.junit.jupiter.api.Test;

/** The transitions of one booking: who holds a change of its item, and what each outcome leaves behind. */
class BookingTest {

    private static final Instant START = Instant.parse("2030-01-07T10:00:00Z");
    private static final Instant NOW = Instant.parse("2029-12-01T08:00:00Z");

    private static Booking newBooking(String claim) {
        BookingRequest request = new BookingRequest(new MailboxAddress("anna@contoso.test"), START,
                START.plus(Duration.ofHours(1)), "Consultation", Optional.empty(), "key-12345678");
        return new Booking(1, 2, request, request.fingerprint(), claim, NOW);
    }

    @Test
    void aNewBookingIsPendingWithItsWriteClaimedByItsWriterOnly() {
        Booking booking = newBooking("writer");

        assertEquals(BookingStatus.PENDING, booking.status());
        assertEquals(Optional.of(BookingOperation.WRITE), booking.operation());
        assertTrue(booking.claimedBy("writer"));
        assertFalse(booking.claimedBy("someone else"));
        assertFalse(booking.claimedBy(null));
    }

    @Test
    void aCancellationDuringTheWriteKeepsTheWritersClaimSoItRemovesTheItem() {
        Booking booking = newBooking("writer");

        booking.cancel(NOW);

        assertEquals(BookingStatus.CANCELLED, booking.status());
        assertTrue(booking.claimedBy("writer"), "the writer still owes the removal of its item");
        booking.cancelled(NOW);
        assertTrue(booking.operation().isEmpty());
        assertFalse(booking.status().holdsTheSlot());
    }

    @Test
    void aConfirmedBookingKnowsItsItemAndNoLongerDoubts() {
        Booking booking = newBooking("writer");
        booking.fail("Exchange did not answer.", true, NOW);
        assertTrue(booking.itemMayExist());

        booking.confirm(new CalendarItemRef("item-1", "ck-1", 3), NOW);

        assertEquals(BookingStatus.CONFIRMED, booking.status());
        assertEquals(new CalendarItemRef("item-1", "ck-1", 3), booking.itemRef().orElseThrow(), "named by generation 3");
        assertFalse(booking.itemMayExist());
        assertTrue(booking.failure().isEmpty());
        assertTrue(booking.operation().isEmpty());
    }

    @Test
    void aRefusedMoveGoesBackToTheOldTimes() {
        Booking booking = newBooking("writer");
        booking.confirm(new CalendarItemRef("item-1", "ck-1", 3), NOW);
        Instant later = START.plus(Duration.ofHours(3));

        booking.beginMove(later, later.plus(Duration.ofHours(1)), "mover", NOW);
        assertEquals(later, booking.start(), "the new slot is held while the item moves");
        booking.moveBack(NOW);

        assertEquals(START, booking.start());
        assertEquals(START.plus(Duration.ofHours(1)), booking.end());
        assertTrue(booking.previousStart().isEmpty() && booking.operation().isEmpty());
    }

    @Test
    void aReleasedHoldFreesTheSlotAndKeepsWhyItFailed() {
        Booking booking = newBooking("writer");
        booking.fail("Exchange is busy (HTTP 503).", false, NOW);
        assertTrue(booking.status().holdsTheSlot());

        booking.release("Its calendar item was never written.", NOW);

        assertEquals(BookingStatus.RELEASED, booking.status());
        assertFalse(booking.status().holdsTheSlot());
        assertEquals(Optional.of("Exchange is busy (HTTP 503)."), booking.failure());
    }

    @Test
    void anOutlookChangeIsFlaggedOnceAndADismissedOneNeverAgainUntilTheItemIsBackInStep() {
        Booking booking = newBooking("writer");
        booking.confirm(new CalendarItemRef("item-1", "ck-1"), NOW);
        Optional<Instant> elsewhere = Optional.of(START.plus(Duration.ofHours(3)));
        Optional<Instant> elsewhereEnd = Optional.of(START.plus(Duration.ofHours(4)));

        assertTrue(booking.flag(OutlookChange.MOVED, elsewhere, elsewhereEnd, Optional.empty(), NOW));
        assertFalse(booking.flag(OutlookChange.MOVED, elsewhere, elsewhereEnd, Optional.empty(), NOW), "seen already");
        assertEquals(OutlookChange.MOVED, booking.outlookFlag().orElseThrow().change());
        assertEquals(elsewhere, booking.outlookFlag().orElseThrow().itemStart());
        assertEquals(START, booking.start(), "the booking keeps its own time");

        assertTrue(booking.dismissOutlookFlag(NOW));
        assertTrue(booking.outlookFlag().isEmpty());
        assertFalse(booking.flag(OutlookChange.MOVED, elsewhere, elsewhereEnd, Optional.empty(), NOW), "dismissed: not again");
        assertTrue(booking.flag(OutlookChange.DELETED, Optional.empty(), Optional.empty(), Optional.empty(), NOW),
                "another change is flagged");

        assertTrue(booking.inStepWithOutlook(NOW), "the item back at the booking's time clears the flag");
        assertTrue(booking.outlookFlag().isEmpty());
        assertTrue(booking.flag(OutlookChange.MOVED, elsewhere, elsewhereEnd, Optional.empty(), NOW),
                "and forgets the dismissal: moved there again, it is flagged again");
        booking.cancelled(NOW);
        assertTrue(booking.outlookFlag().isEmpty(), "a cancelled booking shows no flag");
    }

    @Test
    void itsItemIsWhereTheBookingSaysToTheSecondAsExchangeKeepsIt() {
        BookingRequest request = new BookingRequest(new MailboxAddress("anna@contoso.test"), START.plusMillis(500),
                START.plus(Duration.ofHours(1)).plusMillis(500), "Consultation", Optional.empty(), "key-12345678");
        Booking booking = new Booking(1, 2, request, request.fingerprint(), "writer", NOW);

        assertTrue(booking.itemAt(START, START.plus(Duration.ofHours(1))), "written at whole seconds");
        assertFalse(booking.itemAt(START.plusSeconds(1), START.plus(Duration.ofHours(1))));
    }

    @Test
    void aFollowedMoveTakesTheItemsTimesAndClearsTheFlag() {
        Booking booking = newBooking("writer");
        booking.confirm(new CalendarItemRef("item-1", "ck-1"), NOW);
        booking.flag(OutlookChange.MOVE_REFUSED, Optional.of(START.minus(Duration.ofHours(9))),
                Optional.of(START.minus(Duration.ofHours(8))), Optional.of("working-hours: outside"), NOW);

        booking.followOutlookMove(START.plus(Duration.ofDays(1)), START.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(30)), NOW);

        assertEquals(START.plus(Duration.ofDays(1)), booking.start());
        assertEquals(START.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(30)), booking.end());
        assertTrue(booking.outlookFlag().isEmpty());
        assertEquals(BookingStatus.CONFIRMED, booking.status());
    }
}
