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
}
