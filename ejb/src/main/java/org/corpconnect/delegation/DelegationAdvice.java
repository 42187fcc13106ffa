package org.corpconnect.delegation;

import java.net.URI;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.connection.ExchangeConnection;
import org.corpconnect.connection.GraphCloud;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.users.BookableUser;
import org.corpconnect.users.CalendarAccessStatus;

/**
 * What the user or the Exchange admin does to fix a user's access, in their own tools' words: the
 * Exchange Management Shell and Outlook for EWS; Exchange Online PowerShell (RBAC for Applications),
 * Outlook and Entra ID for Microsoft Graph. Every command carries the account's real names.
 */
public final class DelegationAdvice {

    private DelegationAdvice() {
    }

    /** The advice for a user of the account connected so, in the terms of its protocol and mode. */
    public static String forUser(ExchangeConnection connection, BookableUser user) {
        return forStatus(user.accessStatus(), routeOf(connection), user.address());
    }

    /** The protocol, mode, dedicated mailbox and, on Graph, the app whose grants the advice names. */
    public static AccessRoute routeOf(ExchangeConnection connection) {
        if (!connection.graph()) {
            return AccessRoute.ews(connection.accessMode(), connection.serviceMailbox());
        }
        String app = connection.oauthClientId().orElse("<application id>");
        URI authority = URI.create(connection.oauthTokenUrl().orElse(GraphCloud.MICROSOFT_ENTRA + "/organizations/"));
        return AccessRoute.graph(connection.accessMode(), connection.serviceMailbox(), new AccessRoute.GraphApp(
                connection.oauthTenant().orElse(""), app, GraphCloud.adminConsentUrl(authority, app)));
    }

    /** For an account on EWS. */
    public static String forStatus(CalendarAccessStatus status, AccessMode mode, MailboxAddress serviceMailbox,
                                   MailboxAddress user) {
        return forStatus(status, AccessRoute.ews(mode, serviceMailbox), user);
    }

    public static String forStatus(CalendarAccessStatus status, AccessRoute route, MailboxAddress user) {
        MailboxAddress serviceMailbox = route.serviceMailbox();
        return switch (status) {
            case OK -> "Nothing to do: bookings can be read and written.";
            case UNCHECKED -> "Not checked yet: it is checked at the next refresh.";
            case MAILBOX_NOT_FOUND -> "Exchange knows no mailbox " + user + ": check the address, or remove the"
                    + " user if the mailbox was deleted or renamed.";
            case IMPERSONATION_DENIED -> route.graphApp().isPresent() ? outsideRbacScope(route, user)
                    : "The Exchange admin grants impersonation to the dedicated mailbox, for"
                    + " example in the Exchange Management Shell: New-ManagementRoleAssignment -Name"
                    + " \"Bookings impersonation\" -Role ApplicationImpersonation -User " + serviceMailbox
                    + " (add -CustomRecipientWriteScope to limit it to the users who accept bookings; " + user
                    + " must be inside that scope).";
            case READ_ONLY, NO_ACCESS -> route.central() ? centralCannotWrite(route, user) : shareTheCalendar(route, user);
            case CHECK_FAILED -> "The check itself failed (see the detail); it is retried at the next refresh.";
        };
    }

    /**
     * The dedicated mailbox's sign-in lacks consent to the app's delegated permissions (Entra ID's
     * AADSTS65001), or the tenant does not know the app yet: an admin of the tenant grants it once.
     * Only for the delegated mode: in the central mode a tenant-wide consent would void the RBAC scope.
     */
    public static String consentMissing(AccessRoute.GraphApp app) {
        return "An administrator of the tenant " + app.tenant() + " grants consent to the app " + app.appId()
                + " once, signed in to Entra ID: open " + app.adminConsentUrl() + " and accept"
                + " (Calendars.ReadWrite.Shared and offline_access, which act only as the signed-in dedicated"
                + " mailbox). Then sign the dedicated mailbox in again.";
    }

    /**
     * Central mode on Graph: RBAC for Applications scopes the app, and this user is outside the scope.
     * Each command on a line of its own, ready to paste into Exchange Online PowerShell.
     */
    private static String outsideRbacScope(AccessRoute route, MailboxAddress user) {
        String app = route.graphApp().orElseThrow().appId();
        return "The app " + app + " may not reach " + user + "'s calendar: its RBAC for Applications scope in Exchange"
                + " Online leaves this mailbox out. Check in Exchange Online PowerShell (it says InScope False):\n"
                + "Test-ServicePrincipalAuthorization -Identity " + app + " -Resource " + user + "\n"
                + "Fix: add the user to the group the app's management scope filters on:\n"
                + "Add-DistributionGroupMember -Identity <booking group> -Member " + user + "\n"
                + "If the app has no scope yet (the group holds the dedicated mailbox " + route.serviceMailbox()
                + " too):\n"
                + "$group = (Get-DistributionGroup <booking group>).DistinguishedName\n"
                + "New-ManagementScope -Name \"CorpConnect booking users\" -RecipientRestrictionFilter"
                + " \"MemberOfGroup -eq '$group'\"\n"
                + "New-ManagementRoleAssignment -App " + app + " -Role \"Application Calendars.ReadWrite\""
                + " -CustomResourceScope \"CorpConnect booking users\"\n"
                + "Then Test-ServicePrincipalAuthorization says InScope True, and the next refresh clears this.";
    }

    private static String centralCannotWrite(AccessRoute route, MailboxAddress user) {
        if (route.graphApp().isEmpty()) {
            return "The account uses impersonation, yet the calendar of " + user + " cannot be written: the"
                    + " Exchange admin checks that the impersonation scope includes this mailbox.";
        }
        String app = route.graphApp().get().appId();
        return "The app " + app + " reaches " + user + "'s calendar but may not write it: its role assignment must"
                + " be \"Application Calendars.ReadWrite\" (not Calendars.Read). Check in Exchange Online PowerShell:\n"
                + "Test-ServicePrincipalAuthorization -Identity " + app + " -Resource " + user + "\n"
                + "Fix:\n"
                + "New-ManagementRoleAssignment -App " + app + " -Role \"Application Calendars.ReadWrite\""
                + " -CustomResourceScope \"CorpConnect booking users\"";
    }

    private static String shareTheCalendar(AccessRoute route, MailboxAddress user) {
        MailboxAddress serviceMailbox = route.serviceMailbox();
        return "The user " + user + " shares the calendar with the dedicated mailbox with editing rights."
                + " Outlook: File > Account Settings > Delegate Access > Add " + serviceMailbox
                + ", Calendar: Editor, and leave 'Delegate receives copies of meeting-related messages'"
                + " unticked. Outlook on the web: Calendar > Share > " + serviceMailbox + " > Can edit."
                + " Or the Exchange admin" + (route.graphApp().isPresent() ? " (Exchange Online PowerShell)" : "")
                + ":" + (route.graphApp().isPresent() ? "\n" : " ")
                + "Add-MailboxFolderPermission -Identity \"" + user + ":\\Calendar\" -User " + serviceMailbox
                + " -AccessRights Editor" + (route.graphApp().isPresent() ? "" : ".");
    }
}
