package org.corpconnect.sim.items;

import static org.corpconnect.sim.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Date;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.service.ConflictResolutionMode;
import microsoft.exchange.webservices.data.core.enumeration.service.DeleteMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendCancellationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsOrCancellationsMode;
import microsoft.exchange.webservices.data.core.enumeration.sync.ChangeType;
import microsoft.exchange.webservices.data.core.enumeration.service.SyncFolderItemsScope;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.sync.ChangeCollection;
import microsoft.exchange.webservices.data.sync.ItemChange;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.Mailbox;
import org.corpconnect.sim.ExchangeSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SyncFolderItems on calendars through ews-java-api: initial sync in pages, then creates, updates, deletes. */
class SyncFolderItemsTest {
    private static ExchangeSimulator sim;

    @BeforeAll
    static void start() {
        sim = demo();
    }

    @AfterAll
    static void stop() {
        sim.assertAllResponsesValid();
        sim.close();
    }

    private static ChangeCollection<ItemChange> sync(ExchangeService service, FolderId folder, String state, int max) throws Exception {
        return service.syncFolderItems(folder, PropertySet.FirstClassProperties, null, max, SyncFolderItemsScope.NormalItems, state);
    }

    @Test
    void initialSyncInPagesThenIncrementalChanges() throws Exception {
        try (ExchangeService service = impersonating(sim, ANNA)) {
            FolderId calendar = new FolderId(WellKnownFolderName.Calendar);
            int total = sim.directory().get(ANNA).calendar().size();
            String state = null;
            int seen = 0;
            boolean more = true;
            while (more) {
                ChangeCollection<ItemChange> page = sync(service, calendar, state, 5);
                seen += page.getCount();
                state = page.getSyncState();
                more = page.getMoreChangesAvailable();
                page.forEach(c -> assertEquals(ChangeType.Create, c.getChangeType()));
            }
            assertEquals(total, seen, "every item once, series as masters");
            assertEquals(0, sync(service, calendar, state, 512).getCount());

            Appointment a = new Appointment(service);
            a.setSubject("Synced");
            a.setStart(new Date(System.currentTimeMillis() + 86_400_000L));
            a.setEnd(new Date(System.currentTimeMillis() + 90_000_000L));
            a.save(calendar, SendInvitationsMode.SendToNone);
            ChangeCollection<ItemChange> created = sync(service, calendar, state, 512);
            assertEquals(1, created.getCount());
            assertEquals(ChangeType.Create, created.getChangeAtIndex(0).getChangeType());
            state = created.getSyncState();

            a.setSubject("Synced (changed)");
            a.update(ConflictResolutionMode.AlwaysOverwrite, SendInvitationsOrCancellationsMode.SendToNone);
            ChangeCollection<ItemChange> updated = sync(service, calendar, state, 512);
            assertEquals(ChangeType.Update, updated.getChangeAtIndex(0).getChangeType());
            state = updated.getSyncState();

            a.delete(DeleteMode.HardDelete, SendCancellationsMode.SendToNone);
            ChangeCollection<ItemChange> deleted = sync(service, calendar, state, 512);
            assertEquals(ChangeType.Delete, deleted.getChangeAtIndex(0).getChangeType());
            assertEquals(a.getId().getUniqueId(), deleted.getChangeAtIndex(0).getItemId().getUniqueId());
        }
    }

    @Test
    void aStateFromElsewhereIsInvalidAndAccessIsChecked() throws Exception {
        try (ExchangeService service = service(sim, SERVICE, SERVICE_PASSWORD)) {
            String michaelsState = sync(service, new FolderId(WellKnownFolderName.Calendar, new Mailbox(MICHAEL)), null, 1).getSyncState();
            assertEquals(ServiceError.ErrorInvalidSyncStateData, ewsError(() -> sync(service,
                    new FolderId(WellKnownFolderName.Calendar, new Mailbox(SARAH)), michaelsState, 10)).getErrorCode());
            assertEquals(ServiceError.ErrorAccessDenied, ewsError(() -> sync(service,
                    new FolderId(WellKnownFolderName.Calendar, new Mailbox(DAVID)), null, 10)).getErrorCode());
        }
    }
}
