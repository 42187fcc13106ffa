package org.corpconnect.sim.folders;

import org.corpconnect.sim.directory.CalendarAccess;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.soap.EwsCall;

/**
 * What the acting mailbox may do in one folder, as EffectiveRights says it. The owner (also when
 * impersonated) has every right. For anyone else the calendar follows its calendar permission; a
 * delegate (the Delegate level) also sees the root and the Top of Information Store, which is what
 * lets a client walk to the calendar (exchangelib issue 1282: without FolderVisible on the root,
 * Exchange answers GetFolder root with ErrorAccessDenied). Every other folder is hidden.
 */
record FolderRights(boolean visible, boolean owner, boolean read, boolean createContents, boolean modifyAll,
                    boolean viewPrivateItems, CalendarAccess calendarAccess) {

    static FolderRights of(EwsCall call, Mailbox mailbox, WellKnownFolder folder) {
        if (mailbox.address().equals(call.acting())) {
            return new FolderRights(true, true, true, true, true, true, CalendarAccess.OWNER);
        }
        CalendarAccess access = call.accessTo(mailbox);
        return switch (folder) {
            case CALENDAR -> new FolderRights(access.readsItems(), false, access.readsItems(), access.createsItems(),
                    access.editsAllItems(), access.seesPrivateItems(), access);
            case ROOT, MSG_FOLDER_ROOT -> new FolderRights(access == CalendarAccess.DELEGATE, false, false, false,
                    false, false, access);
            default -> new FolderRights(false, false, false, false, false, false, access);
        };
    }
}
