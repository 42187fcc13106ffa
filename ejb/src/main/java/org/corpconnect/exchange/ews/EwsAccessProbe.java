package org.corpconnect.exchange.ews;

import java.util.EnumSet;
import java.util.Optional;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.service.EffectiveRights;
import microsoft.exchange.webservices.data.core.exception.service.local.ServiceLocalException;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.core.service.schema.FolderSchema;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.Mailbox;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.CalendarAccessProbe;
import org.corpconnect.exchange.ExchangeGateway;
import org.corpconnect.exchange.MailboxBusyTime;
import org.corpconnect.exchange.MailboxProblem;

/**
 * The probe of one user's calendar. The rule:
 * <ul>
 *   <li>{@code canWrite}: the access mode opens the user's Calendar folder
 *       (<a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/getfolder-operation">GetFolder</a>,
 *       impersonating the user, or as {@code FolderId(Calendar, Mailbox(user))} for a delegate) and its
 *       <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/effectiverights">EffectiveRights</a>
 *       include CreateContents (Author, Editor, delegate, or the owner when impersonated).</li>
 *   <li>{@code canRead}: the user's free/busy answers the dedicated mailbox itself, exactly as
 *       {@link ExchangeGateway#busyTimes} reads it (one GetUserAvailability, no impersonation): that
 *       is what the product reads, whatever the access mode.</li>
 *   <li>{@code problem}: set only when the access mode cannot open the calendar at all (impersonation
 *       denied, no folder permission, no such mailbox); a calendar that opens read-only (Reviewer) has
 *       none. An unknown mailbox is denied outright, with no second request.</li>
 * </ul>
 * So a delegation user who granted nothing reads {@code canRead=true, canWrite=false, ACCESS_DENIED}
 * when the organisation's Default permission shows free/busy, and a Reviewer reads {@code true, false}
 * with no problem.
 */
final class EwsAccessProbe {

    private EwsAccessProbe() {
    }

    /** What GetFolder on the user's calendar through the access mode said. */
    record FolderAccess(Optional<EnumSet<EffectiveRights>> rights, Optional<MailboxProblem> problem, String detail) {
    }

    static FolderAccess openCalendar(ExchangeService service, AccessMode mode, MailboxAddress user) throws Exception {
        FolderId calendar;
        if (mode == AccessMode.IMPERSONATION) {
            EwsGateway.impersonate(service, user);
            calendar = new FolderId(WellKnownFolderName.Calendar);
        } else {
            // With an app-only token the request impersonates the dedicated mailbox already (EwsGateway.configure).
            calendar = new FolderId(WellKnownFolderName.Calendar, new Mailbox(user.value()));
        }
        Folder folder;
        try {
            folder = Folder.bind(service, calendar, new PropertySet(BasePropertySet.IdOnly, FolderSchema.EffectiveRights));
        } catch (Exception e) {
            ServiceResponseException error = EwsFailures.mailboxError(e).orElseThrow(() -> e);
            return new FolderAccess(Optional.empty(), Optional.of(EwsFailures.mailboxProblem(error.getErrorCode())),
                    EwsFailures.mailboxDetail(error.getErrorCode(), null));
        }
        return new FolderAccess(rightsOf(folder), Optional.empty(), null);
    }

    /** Empty when Exchange did not send EffectiveRights (the property is then not loaded). */
    private static Optional<EnumSet<EffectiveRights>> rightsOf(Folder folder) {
        try {
            return Optional.ofNullable(folder.getEffectiveRights());
        } catch (ServiceLocalException e) {
            return Optional.empty();
        }
    }

    static CalendarAccessProbe combine(AccessMode mode, FolderAccess folder, MailboxBusyTime freeBusy) {
        boolean canRead = freeBusy instanceof MailboxBusyTime.Known;
        String readDetail = freeBusy instanceof MailboxBusyTime.Unavailable u
                ? " Free/busy is not readable: " + u.detail()
                : " Free/busy is readable.";
        if (folder.problem().isPresent()) {
            return new CalendarAccessProbe(canRead, false, folder.problem(), folder.detail() + readDetail);
        }
        String via = mode == AccessMode.IMPERSONATION ? "through impersonation" : "as a delegate";
        boolean canWrite;
        String writeDetail;
        if (folder.rights().isEmpty()) {
            // The impersonated user owns the calendar; a delegate's rights are unknown, so assume none.
            canWrite = mode == AccessMode.IMPERSONATION;
            writeDetail = "The calendar opens " + via + "; Exchange did not report the folder's effective rights.";
        } else {
            canWrite = folder.rights().get().contains(EffectiveRights.CreateContents);
            writeDetail = canWrite
                    ? "The calendar opens " + via + " and the dedicated mailbox may create items in it."
                    : "The calendar opens " + via + " read-only: to book, the user must grant the dedicated mailbox"
                            + " Editor (or Author) on the calendar.";
        }
        return new CalendarAccessProbe(canRead, canWrite, Optional.empty(), writeDetail + readDetail);
    }
}
