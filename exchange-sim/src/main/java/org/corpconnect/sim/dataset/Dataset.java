package org.corpconnect.sim.dataset;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.corpconnect.sim.calendar.BusyType;
import org.corpconnect.sim.calendar.CalendarFolder;
import org.corpconnect.sim.calendar.CalendarItem;
import org.corpconnect.sim.calendar.Recurrence;
import org.corpconnect.sim.calendar.Sensitivity;
import org.corpconnect.sim.directory.CalendarAccess;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.directory.ImpersonationScope;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.directory.WorkingHours;
import org.corpconnect.sim.entra.Entra;
import org.corpconnect.sim.graph.rbac.ApplicationRbac;

/**
 * A whole simulated organisation, as a value: mailboxes with their calendars and permissions
 * (every Inbox gets the few messages of {@link org.corpconnect.sim.mail.DefaultInbox}),
 * impersonation rights and OAuth applications. Built in code ({@link #demo()}, {@link #generated(int)})
 * or read from JSON ({@link #fromJson(Path)}); {@link #applyTo(Directory)} loads it.
 */
public record Dataset(String domain, String serviceMailbox, List<MailboxSpec> mailboxes,
                      Map<String, ImpersonationScope> impersonation, List<Directory.Application> applications,
                      EntraSpec entra) {

    public Dataset {
        mailboxes = List.copyOf(mailboxes);
        impersonation = Map.copyOf(impersonation);
        applications = List.copyOf(applications);
        entra = entra == null ? EntraSpec.none() : entra;
    }

    /** A data set without an Entra part: its tenant is derived from the domain, its apps are the EWS ones. */
    public Dataset(String domain, String serviceMailbox, List<MailboxSpec> mailboxes,
                   Map<String, ImpersonationScope> impersonation, List<Directory.Application> applications) {
        this(domain, serviceMailbox, mailboxes, impersonation, applications, EntraSpec.none());
    }

    /** One mailbox: account, zone, hours, who may do what in its calendar, and its events. */
    public record MailboxSpec(String address, String displayName, String password, ZoneId timeZone,
                              WorkingHours workingHours, CalendarAccess defaultAccess,
                              Map<String, CalendarAccess> grants, List<EventSpec> events) {
        public MailboxSpec {
            grants = new LinkedHashMap<>(grants);
            events = List.copyOf(events);
        }

        @Override
        public String toString() {
            return "MailboxSpec[" + address + "]";
        }
    }

    /** One appointment or recurring series; {@code timeZone} is the zone its recurrence is expanded in. */
    public record EventSpec(String subject, String location, Instant start, Instant end, boolean allDay,
                            BusyType freeBusy, Sensitivity sensitivity, boolean meeting, Recurrence recurrence,
                            ZoneId timeZone, List<String> attendees) {
        public EventSpec {
            Objects.requireNonNull(subject);
            attendees = List.copyOf(attendees);
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("event '" + subject + "' must end after it starts");
            }
        }
    }

    /** The demo organisation contoso.test for this week (see README for its facts). */
    public static Dataset demo() {
        return DemoDataset.create(DemoDataset.thisWeek());
    }

    /** The demo organisation with the week starting on the given Monday; deterministic for a given week. */
    public static Dataset demo(LocalDate monday) {
        return DemoDataset.create(monday);
    }

    /** N mailboxes with 42 days of events each, for scale tests and benchmarks. */
    public static Dataset generated(int mailboxCount) {
        return GeneratedDataset.create(mailboxCount, DemoDataset.thisWeek());
    }

    public static Dataset fromJson(Path file) {
        return DatasetJson.read(file);
    }

    public void applyTo(Directory directory) {
        directory.setDomain(domain);
        Instant now = Instant.now();
        for (MailboxSpec spec : mailboxes) {
            Mailbox mailbox = new Mailbox(MailboxAddress.of(spec.address()), spec.displayName(), spec.password(),
                    spec.timeZone(), spec.workingHours());
            mailbox.setDefaultAccess(spec.defaultAccess());
            spec.grants().forEach((grantee, access) -> mailbox.grant(MailboxAddress.of(grantee), access));
            for (EventSpec e : spec.events()) {
                mailbox.calendar().add(toItem(e, mailbox.address()));
            }
            org.corpconnect.sim.mail.DefaultInbox.seed(mailbox, domain, now);
            directory.add(mailbox);
        }
        if (serviceMailbox != null) {
            directory.setServiceMailbox(MailboxAddress.of(serviceMailbox));
        }
        impersonation.forEach((account, scope) -> directory.grantImpersonation(MailboxAddress.of(account), scope));
        applications.forEach(directory::registerApplication);
        entra.applyGroups(directory);
    }

    /** Loads the organisation and its identity side: Entra's tenant, apps and consents, and Exchange's RBAC. */
    public void applyTo(Directory directory, Entra entraId, ApplicationRbac rbac) {
        applyTo(directory);
        entra.applyTo(entraId, rbac);
    }

    public static CalendarItem toItem(EventSpec e, MailboxAddress owner) {
        return new CalendarItem(CalendarFolder.newItemId())
                .subject(e.subject()).location(e.location()).start(e.start()).end(e.end()).allDay(e.allDay())
                .freeBusy(e.freeBusy()).sensitivity(e.sensitivity()).meeting(e.meeting())
                .recurrence(e.recurrence()).timeZone(e.timeZone())
                .organizer(owner).requiredAttendees(e.attendees()).createdBy(owner);
    }

    public Set<String> addresses() {
        return mailboxes.stream().map(MailboxSpec::address).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
