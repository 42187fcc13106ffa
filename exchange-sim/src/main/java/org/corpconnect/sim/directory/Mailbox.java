package org.corpconnect.sim.directory;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.corpconnect.sim.calendar.CalendarFolder;
import org.corpconnect.sim.mail.MailFolder;

/**
 * A mailbox of the simulated organisation: its account (password), its calendar, its Inbox and the folder
 * permissions others hold on that calendar. The Default entry applies to every internal user
 * without an explicit grant; it is free/busy only unless the data set says otherwise, as in Exchange.
 */
public final class Mailbox {
    private final MailboxAddress address;
    private final String displayName;
    private final ZoneId timeZone;
    private final WorkingHours workingHours;
    private final CalendarFolder calendar;
    private final MailFolder inbox;
    private final Map<MailboxAddress, CalendarAccess> grants = new ConcurrentHashMap<>();
    private volatile CalendarAccess defaultAccess = CalendarAccess.FREE_BUSY_TIME_ONLY;
    private volatile String password;

    public Mailbox(MailboxAddress address, String displayName, String password, ZoneId timeZone,
                   WorkingHours workingHours) {
        this.address = Objects.requireNonNull(address);
        this.displayName = Objects.requireNonNull(displayName);
        this.password = password;
        this.timeZone = Objects.requireNonNull(timeZone);
        this.workingHours = Objects.requireNonNull(workingHours);
        this.calendar = new CalendarFolder(address);
        this.inbox = new MailFolder(address);
    }

    public MailboxAddress address() {
        return address;
    }

    public String displayName() {
        return displayName;
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    public WorkingHours workingHours() {
        return workingHours;
    }

    public CalendarFolder calendar() {
        return calendar;
    }

    /** The Inbox: the only mail folder the simulator models. */
    public MailFolder inbox() {
        return inbox;
    }

    public boolean passwordMatches(String candidate) {
        String p = password;
        return p != null && java.security.MessageDigest.isEqual(p.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                candidate.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Whether a proof computed from the password holds (NTLM computes its response from it), without
     * the password leaving the directory.
     */
    public boolean passwordSatisfies(java.util.function.Predicate<String> proof) {
        String p = password;
        return p != null && proof.test(p);
    }

    public void changePassword(String newPassword) {
        this.password = Objects.requireNonNull(newPassword);
    }

    /** Whether the account can log on at all (a mailbox without a password is reachable only by impersonation). */
    public boolean hasPassword() {
        return password != null;
    }

    public CalendarAccess defaultAccess() {
        return defaultAccess;
    }

    public void setDefaultAccess(CalendarAccess access) {
        this.defaultAccess = Objects.requireNonNull(access);
    }

    /** An explicit grant, None included: it overrides the Default entry for that grantee. */
    public void grant(MailboxAddress grantee, CalendarAccess access) {
        grants.put(grantee, access);
    }

    public void revoke(MailboxAddress grantee) {
        grants.remove(grantee);
    }

    public Map<MailboxAddress, CalendarAccess> grants() {
        return Map.copyOf(grants);
    }

    /** The access of a given mailbox on this calendar: itself is owner, an explicit grant wins over Default. */
    public CalendarAccess accessFor(MailboxAddress actor) {
        if (actor.equals(address)) {
            return CalendarAccess.OWNER;
        }
        return grants.getOrDefault(actor, defaultAccess);
    }

    @Override
    public String toString() {
        return "Mailbox[" + address + "]"; // no password, ever
    }
}
