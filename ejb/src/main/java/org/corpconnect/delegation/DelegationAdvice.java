package org.corpconnect.delegation;

import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.users.CalendarAccessStatus;

/** What the user or the Exchange admin does to fix a user's access, in their own tools' words. */
public final class DelegationAdvice {

    private DelegationAdvice() {
    }

    public static String forStatus(CalendarAccessStatus status, AccessMode mode, MailboxAddress serviceMailbox,
                                   MailboxAddress user) {
        return switch (status) {
            case OK -> "Nothing to do: bookings can be read and written.";
            case UNCHECKED -> "Not checked yet: it is checked at the next refresh.";
            case MAILBOX_NOT_FOUND -> "Exchange knows no mailbox " + user + ": check the address, or remove the"
                    + " user if the mailbox was deleted or renamed.";
            case IMPERSONATION_DENIED -> "The Exchange admin grants impersonation to the dedicated mailbox, for"
                    + " example in the Exchange Management Shell: New-ManagementRoleAssignment -Name"
                    + " \"Bookings impersonation\" -Role ApplicationImpersonation -User " + serviceMailbox
                    + " (add -CustomRecipientWriteScope to limit it to the users who accept bookings; " + user
                    + " must be inside that scope).";
            case READ_ONLY, NO_ACCESS -> mode == AccessMode.IMPERSONATION
                    ? "The account uses impersonation, yet the calendar of " + user + " cannot be written: the"
                    + " Exchange admin checks that the impersonation scope includes this mailbox."
                    : "The user " + user + " shares the calendar with the dedicated mailbox with editing rights."
                    + " Outlook: File > Account Settings > Delegate Access > Add " + serviceMailbox
                    + ", Calendar: Editor, and leave 'Delegate receives copies of meeting-related messages'"
                    + " unticked. Outlook on the web: Calendar > Share > " + serviceMailbox + " > Can edit."
                    + " Or the Exchange admin: Add-MailboxFolderPermission -Identity \"" + user
                    + ":\\Calendar\" -User " + serviceMailbox + " -AccessRights Editor.";
            case CHECK_FAILED -> "The check itself failed (see the detail); it is retried at the next refresh.";
        };
    }
}
