package org.corpconnect.delegation;

import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.connection.ExchangeConnection;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.users.BookableUser;
import org.corpconnect.users.CalendarAccessStatus;

/** What the user or the Exchange admin does to fix a user's access, in their own tools' words. */
public final class DelegationAdvice {

    private DelegationAdvice() {
    }

    /** The advice for a user of the account connected so: in Graph's terms for an app-only Graph connection. */
    public static String forUser(ExchangeConnection connection, BookableUser user) {
        if (connection.graph() && connection.accessMode() == AccessMode.IMPERSONATION) {
            return forGraphApp(user.accessStatus(), connection.oauthClientId().orElse("<application id>"),
                    connection.serviceMailbox(), user.address());
        }
        return forStatus(user.accessStatus(), connection.accessMode(), connection.serviceMailbox(), user.address());
    }

    /**
     * Microsoft Graph app-only (the central mode): the app reaches the mailboxes of its RBAC for
     * Applications scope in Exchange Online; a user outside it is refused (403 ErrorAccessDenied).
     */
    public static String forGraphApp(CalendarAccessStatus status, String appId, MailboxAddress serviceMailbox,
                                     MailboxAddress user) {
        return switch (status) {
            case IMPERSONATION_DENIED, NO_ACCESS -> "The app " + appId + " may not reach " + user + "'s calendar: the user is"
                    + " outside its RBAC for Applications scope in Exchange Online. The Exchange admin puts the user into"
                    + " the group the app's management scope is built on (Add-DistributionGroupMember -Identity"
                    + " \"<group>\" -Member " + user + "), or, without such a scope yet: New-ManagementScope -Name"
                    + " \"Booking users\" -RecipientRestrictionFilter \"MemberOfGroup -eq '<group DN>'\" and"
                    + " New-ManagementRoleAssignment -App " + appId + " -Role \"Application Calendars.ReadWrite\""
                    + " -CustomResourceScope \"Booking users\" (the scope also holds the dedicated mailbox " + serviceMailbox
                    + "). Check: Test-ServicePrincipalAuthorization -Identity " + appId + " -Resource " + user
                    + " (InScope True). Group changes can take Exchange Online a while to apply.";
            case READ_ONLY -> "The app " + appId + " reads " + user + "'s busy time but may not write events: its role"
                    + " assignment gives \"Application Calendars.Read\" only. The Exchange admin assigns \"Application"
                    + " Calendars.ReadWrite\" (New-ManagementRoleAssignment -App " + appId + " -Role \"Application"
                    + " Calendars.ReadWrite\" -CustomResourceScope <scope>).";
            default -> forStatus(status, AccessMode.IMPERSONATION, serviceMailbox, user);
        };
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
