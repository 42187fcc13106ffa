package org.corpconnect.exchange.ews;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.exchange.MailboxProblem;
import org.junit.jupiter.api.Test;

/** The window arithmetic and code mappings of the free/busy translation, without Exchange. */
class EwsBusyTimesTest {

    private static TimeWindow window(String start, String end) {
        return new TimeWindow(Instant.parse(start), Instant.parse(end));
    }

    @Test
    void aWindowOnUtcDaysIsSentAsItIs() {
        TimeWindow days = window("2026-03-02T00:00:00Z", "2026-03-09T00:00:00Z");
        assertEquals(List.of(days), EwsBusyTimes.requestWindows(days));
    }

    @Test
    void aWindowOffUtcDaysIsWidenedToTheDaysCoveringIt() {
        assertEquals(List.of(window("2026-03-01T00:00:00Z", "2026-03-03T00:00:00Z")),
                EwsBusyTimes.requestWindows(window("2026-03-01T23:00:00Z", "2026-03-02T00:30:00Z")));
    }

    @Test
    void aCoverOver42DaysIsSplit() {
        assertEquals(List.of(window("2026-03-01T00:00:00Z", "2026-04-12T00:00:00Z"),
                        window("2026-04-12T00:00:00Z", "2026-04-13T00:00:00Z")),
                EwsBusyTimes.requestWindows(window("2026-03-01T23:00:00Z", "2026-04-12T23:00:00Z")));
    }

    @Test
    void intervalsAreClippedToTheWindowAndEmptyOnesDropped() {
        TimeWindow w = window("2026-03-02T10:00:00Z", "2026-03-02T12:00:00Z");
        assertEquals(Optional.of(new BusyInterval(w.start(), Instant.parse("2026-03-02T11:00:00Z"), BusyType.BUSY)),
                EwsBusyTimes.clip(Instant.parse("2026-03-02T09:00:00Z"), Instant.parse("2026-03-02T11:00:00Z"), BusyType.BUSY, w));
        assertEquals(Optional.empty(),
                EwsBusyTimes.clip(Instant.parse("2026-03-02T08:00:00Z"), w.start(), BusyType.BUSY, w), "ends as it starts");
        assertEquals(Optional.empty(),
                EwsBusyTimes.clip(w.end(), w.end().plusSeconds(60), BusyType.BUSY, w));
    }

    @Test
    void busyTypesMapOneToOneAndNullIsWorkingElsewhere() {
        assertEquals(BusyType.FREE, EwsBusyTimes.busyType("Free"));
        assertEquals(BusyType.TENTATIVE, EwsBusyTimes.busyType("Tentative"));
        assertEquals(BusyType.BUSY, EwsBusyTimes.busyType("Busy"));
        assertEquals(BusyType.OOF, EwsBusyTimes.busyType("OOF"));
        assertEquals(BusyType.NO_DATA, EwsBusyTimes.busyType("NoData"));
        assertEquals(BusyType.WORKING_ELSEWHERE, EwsBusyTimes.busyType("WorkingElsewhere"));
        assertEquals(BusyType.WORKING_ELSEWHERE, EwsBusyTimes.busyType(null));
    }

    @Test
    void mailboxCodesMapToProblems() {
        assertEquals(MailboxProblem.MAILBOX_NOT_FOUND, EwsFailures.mailboxProblem(ServiceError.ErrorNonExistentMailbox));
        assertEquals(MailboxProblem.MAILBOX_NOT_FOUND, EwsFailures.mailboxProblem(ServiceError.ErrorMailRecipientNotFound));
        assertEquals(MailboxProblem.ACCESS_DENIED, EwsFailures.mailboxProblem(ServiceError.ErrorAccessDenied));
        assertEquals(MailboxProblem.ACCESS_DENIED, EwsFailures.mailboxProblem(ServiceError.ErrorNoFreeBusyAccess));
        assertEquals(MailboxProblem.IMPERSONATION_DENIED, EwsFailures.mailboxProblem(ServiceError.ErrorImpersonateUserDenied));
        assertEquals(MailboxProblem.IMPERSONATION_DENIED, EwsFailures.mailboxProblem(ServiceError.ErrorImpersonationDenied));
        assertEquals(MailboxProblem.OTHER, EwsFailures.mailboxProblem(ServiceError.ErrorFreeBusyGenerationFailed));
        assertEquals(MailboxProblem.OTHER, EwsFailures.mailboxProblem(null));
        String other = EwsFailures.mailboxDetail(ServiceError.ErrorFreeBusyGenerationFailed, "Generation\nfailed.");
        assertTrue(other.contains("ErrorFreeBusyGenerationFailed") && other.contains("Generation failed."), other);
    }
}
