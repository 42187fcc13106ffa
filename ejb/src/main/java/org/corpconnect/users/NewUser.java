package org.corpconnect.users;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.corpconnect.calendar.MailboxAddress;

/** A user as an admin enters it: the display name defaults to the address, the zone must be an IANA id. */
public record NewUser(MailboxAddress address, String displayName, ZoneId timeZone) {

    public NewUser {
        if (address == null) {
            throw new InvalidUser("A user needs a mailbox address.");
        }
        displayName = displayName == null || displayName.isBlank() ? address.value() : displayName.strip();
        if (displayName.length() > 200 || displayName.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidUser("A display name is at most 200 characters, without control characters.");
        }
        if (timeZone == null) {
            throw new InvalidUser("A user needs a time zone (an IANA id such as Europe/Berlin).");
        }
    }

    public static ZoneId zone(String id) {
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException | NullPointerException e) {
            throw new InvalidUser("Unknown time zone '" + id + "': use an IANA id such as Europe/Berlin.");
        }
    }
}
