package org.corpconnect.sim.graph.events;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.corpconnect.sim.calendar.BusyType;
import org.corpconnect.sim.calendar.CalendarFolder;
import org.corpconnect.sim.calendar.CalendarItem;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.mail.MailFolder;
import org.corpconnect.sim.mail.MailMessage;

/**
 * What the organizer's write does to the attendees' mailboxes, as Exchange's calendar assistant does on
 * delivery (and as the EWS side does): an invitation puts the meeting in each attendee's calendar as
 * Tentative, a move moves those copies, a cancellation marks them cancelled and leaves a message.
 */
final class AttendeeCopies {
    private AttendeeCopies() {
    }

    static void invite(Directory directory, CalendarItem meeting, Instant now) {
        for (String attendee : attendees(meeting)) {
            directory.find(attendee).ifPresent(m -> m.calendar().add(new CalendarItem(CalendarFolder.newItemId())
                    .uid(meeting.uid()).subject(meeting.subject()).location(meeting.location())
                    .body(meeting.body(), meeting.bodyType()).start(meeting.start()).end(meeting.end())
                    .allDay(meeting.allDay()).freeBusy(BusyType.Tentative).sensitivity(meeting.sensitivity())
                    .meeting(true).organizer(meeting.organizer()).requiredAttendees(meeting.requiredAttendees())
                    .optionalAttendees(meeting.optionalAttendees()).timeZone(meeting.timeZone())
                    .createdBy(meeting.organizer()).created(now)));
        }
    }

    static void update(Directory directory, CalendarItem meeting) {
        for (String attendee : attendees(meeting)) {
            directory.find(attendee).ifPresent(m -> m.calendar().items().stream()
                    .filter(i -> meeting.uid() != null && meeting.uid().equals(i.uid()))
                    .forEach(i -> m.calendar().update(i.id(), c -> c.start(meeting.start()).end(meeting.end())
                            .subject(meeting.subject()).location(meeting.location()))));
        }
    }

    static void cancel(Directory directory, CalendarItem meeting, String comment, Instant now) {
        for (String attendee : attendees(meeting)) {
            directory.find(attendee).ifPresent(m -> {
                m.calendar().items().stream().filter(i -> meeting.uid() != null && meeting.uid().equals(i.uid()))
                        .forEach(i -> m.calendar().update(i.id(), c -> c.cancelled(true)));
                MailMessage cancellation = new MailMessage(MailFolder.newMessageId())
                        .subject("Canceled: " + meeting.subject())
                        .from(meeting.organizer() == null ? null : meeting.organizer().value(),
                                meeting.organizer() == null ? null : meeting.organizer().value())
                        .displayTo(attendee).sent(now).size(comment == null ? 0 : comment.length());
                m.inbox().deliver(cancellation);
            });
        }
    }

    private static Set<String> attendees(CalendarItem meeting) {
        Set<String> out = new LinkedHashSet<>(meeting.requiredAttendees());
        out.addAll(meeting.optionalAttendees());
        if (meeting.organizer() != null) {
            out.remove(meeting.organizer().value());
        }
        return out;
    }
}
