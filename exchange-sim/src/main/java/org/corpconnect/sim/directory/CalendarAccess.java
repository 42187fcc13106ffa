package org.corpconnect.sim.directory;

/**
 * What a grantee may do in a user's calendar folder: Exchange's calendar permission levels
 * (calendarpermissionlevel.md) plus DELEGATE, which is Editor rights on the calendar together with
 * the delegate relationship (delegates also see private items). OWNER is the mailbox itself.
 */
public enum CalendarAccess {
    NONE("None"),
    FREE_BUSY_TIME_ONLY("FreeBusyTimeOnly"),
    FREE_BUSY_TIME_AND_SUBJECT_AND_LOCATION("FreeBusyTimeAndSubjectAndLocation"),
    REVIEWER("Reviewer"),
    AUTHOR("Author"),
    EDITOR("Editor"),
    DELEGATE("Editor"),
    OWNER("Owner");

    private final String ewsLevel;

    CalendarAccess(String ewsLevel) {
        this.ewsLevel = ewsLevel;
    }

    /** The CalendarPermissionLevel value written in a CalendarPermissionSet. */
    public String ewsLevel() {
        return ewsLevel;
    }

    public boolean seesFreeBusy() {
        return this != NONE;
    }

    public boolean seesSubjectAndLocation() {
        return compareTo(FREE_BUSY_TIME_AND_SUBJECT_AND_LOCATION) >= 0;
    }

    /** FolderVisible + ReadItems: needed for GetFolder, FindItem and GetItem on the calendar. */
    public boolean readsItems() {
        return compareTo(REVIEWER) >= 0;
    }

    public boolean createsItems() {
        return compareTo(AUTHOR) >= 0;
    }

    /** Editing or deleting items the grantee did not create: Editor and up; Author only its own. */
    public boolean editsAllItems() {
        return compareTo(EDITOR) >= 0;
    }

    public boolean seesPrivateItems() {
        return this == DELEGATE || this == OWNER;
    }

    /** Accepts the enum name or the EWS level name (e.g. "Reviewer", "FreeBusyTimeOnly", "Delegate"). */
    public static CalendarAccess parse(String s) {
        for (CalendarAccess a : values()) {
            if (a.name().equalsIgnoreCase(s) || a.name().replace("_", "").equalsIgnoreCase(s)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown calendar access level: " + s);
    }
}
