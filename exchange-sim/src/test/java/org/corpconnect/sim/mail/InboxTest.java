package org.corpconnect.sim.mail;

import static org.corpconnect.sim.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.net.http.HttpResponse;
import java.util.List;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.service.DeleteMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SyncFolderItemsScope;
import microsoft.exchange.webservices.data.core.enumeration.sync.ChangeType;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.core.service.item.EmailMessage;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.Mailbox;
import microsoft.exchange.webservices.data.search.FindItemsResults;
import microsoft.exchange.webservices.data.search.ItemView;
import microsoft.exchange.webservices.data.sync.ChangeCollection;
import microsoft.exchange.webservices.data.sync.ItemChange;
import org.corpconnect.sim.ExchangeSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The minimal Inbox through ews-java-api: its default messages, FindItem, GetFolder, GetItem, DeleteItem, SyncFolderItems. */
class InboxTest {
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

    @Test
    void everyMailboxHasTheDefaultMessages() {
        org.corpconnect.sim.directory.Directory fresh = new org.corpconnect.sim.directory.Directory();
        org.corpconnect.sim.dataset.Dataset.demo().applyTo(fresh);
        fresh.mailboxes().forEach(m -> assertEquals(3, m.inbox().size(), m.address().value()));
        MailFolder inbox = fresh.get(ANNA).inbox();
        assertEquals(2, inbox.unreadCount());
        assertEquals("RE: Review Proposal for Contoso", inbox.messages().get(0).subject(), "newest first");
    }

    @Test
    void findGetFolderBindAndDeleteAMessage() throws Exception {
        MailFolder inbox = sim.directory().get("lukas.weber@contoso.test").inbox();
        MailMessage delivered = inbox.deliver(new MailMessage(MailFolder.newMessageId()).subject("Interop")
                .from("Hope Gross", "hope.gross@contoso.test").displayTo("Lukas Weber"));
        try (ExchangeService service = impersonating(sim, "lukas.weber@contoso.test")) {
            Folder folder = Folder.bind(service, WellKnownFolderName.Inbox);
            assertEquals("Inbox", folder.getDisplayName());
            assertEquals(4, folder.getTotalCount());
            assertEquals(3, folder.getUnreadCount());

            FindItemsResults<Item> found = service.findItems(WellKnownFolderName.Inbox, new ItemView(2));
            assertEquals(4, found.getTotalCount());
            assertEquals(2, found.getItems().size());
            assertTrue(found.isMoreAvailable());
            EmailMessage newest = (EmailMessage) found.getItems().get(0);
            assertEquals("Interop", newest.getSubject());

            EmailMessage bound = EmailMessage.bind(service, newest.getId());
            assertEquals("hope.gross@contoso.test", bound.getFrom().getAddress());
            assertFalse(bound.getIsRead());
            bound.delete(DeleteMode.HardDelete);
            assertTrue(inbox.find(delivered.id()).isEmpty());
            assertEquals(ServiceError.ErrorItemNotFound, ewsError(() -> EmailMessage.bind(service, newest.getId())).getErrorCode());
        }
    }

    @Test
    void syncFolderItemsReportsNewMailAndReadFlagChanges() throws Exception {
        MailFolder inbox = sim.directory().get(YUKI).inbox();
        try (ExchangeService service = impersonating(sim, YUKI)) {
            FolderId folder = new FolderId(WellKnownFolderName.Inbox);
            ChangeCollection<ItemChange> initial = service.syncFolderItems(folder, PropertySet.FirstClassProperties, null, 512,
                    SyncFolderItemsScope.NormalItems, null);
            assertEquals(3, initial.getCount());
            initial.forEach(c -> assertEquals(ChangeType.Create, c.getChangeType()));
            String unread = inbox.messages().stream().filter(m -> !m.read()).findFirst().orElseThrow().id();
            inbox.markRead(unread, true);
            inbox.deliver(new MailMessage(MailFolder.newMessageId()).subject("New").from("A", "a@contoso.test"));
            ChangeCollection<ItemChange> next = service.syncFolderItems(folder, PropertySet.FirstClassProperties, null, 512,
                    SyncFolderItemsScope.NormalItems, initial.getSyncState());
            List<ChangeType> kinds = new java.util.ArrayList<>();
            next.forEach(c -> kinds.add(c.getChangeType()));
            assertEquals(List.of(ChangeType.ReadFlagChange, ChangeType.Create), kinds);
            // A state of the Inbox is not one of the calendar.
            assertEquals(ServiceError.ErrorInvalidSyncStateData, ewsError(() -> service.syncFolderItems(
                    new FolderId(WellKnownFolderName.Calendar), PropertySet.IdOnly, null, 512,
                    SyncFolderItemsScope.NormalItems, initial.getSyncState())).getErrorCode());
        }
    }

    @Test
    void anotherUsersInboxIsNotReadable() throws Exception {
        try (ExchangeService service = service(sim, SERVICE, SERVICE_PASSWORD)) {
            // The service mailbox is Editor on Michael's calendar; that gives nothing in his Inbox.
            FolderId michaelsInbox = new FolderId(WellKnownFolderName.Inbox, new Mailbox(MICHAEL));
            assertEquals(ServiceError.ErrorAccessDenied,
                    ewsError(() -> service.findItems(michaelsInbox, new ItemView(10))).getErrorCode());
            assertEquals(ServiceError.ErrorAccessDenied, ewsError(() -> Folder.bind(service, michaelsInbox)).getErrorCode());
        }
    }

    @Test
    void calendarViewAndRestrictionsOnTheInboxAreRefused() throws Exception {
        String view = "<m:FindItem Traversal=\"Shallow\"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>"
                + "<m:CalendarView StartDate=\"2030-01-01T00:00:00Z\" EndDate=\"2030-01-02T00:00:00Z\"/>"
                + "<m:ParentFolderIds><t:DistinguishedFolderId Id=\"inbox\"/></m:ParentFolderIds></m:FindItem>";
        HttpResponse<String> r = post(sim.ewsUrl(), basic(ANNA, USER_PASSWORD), envelope("", view));
        assertTrue(r.body().contains("<m:ResponseCode>ErrorCalendarFolderIsInvalidForCalendarView</m:ResponseCode>"), r.body());
        String restricted = "<m:FindItem Traversal=\"Shallow\"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>"
                + "<m:Restriction><t:IsEqualTo><t:FieldURI FieldURI=\"message:IsRead\"/><t:FieldURIOrConstant>"
                + "<t:Constant Value=\"false\"/></t:FieldURIOrConstant></t:IsEqualTo></m:Restriction>"
                + "<m:ParentFolderIds><t:DistinguishedFolderId Id=\"inbox\"/></m:ParentFolderIds></m:FindItem>";
        r = post(sim.ewsUrl(), basic(ANNA, USER_PASSWORD), envelope("", restricted));
        assertTrue(r.body().contains("<m:ResponseCode>ErrorUnsupportedQueryFilter</m:ResponseCode>"), r.body());
    }

    @Test
    void pullSubscriptionOnTheInboxReportsNewMail() throws Exception {
        MailFolder inbox = sim.directory().get(MIA).inbox();
        try (ExchangeService service = impersonating(sim, MIA)) {
            var subscription = service.subscribeToPullNotifications(List.of(new FolderId(WellKnownFolderName.Inbox)), 5, null,
                    microsoft.exchange.webservices.data.core.enumeration.notification.EventType.NewMail,
                    microsoft.exchange.webservices.data.core.enumeration.notification.EventType.Created,
                    microsoft.exchange.webservices.data.core.enumeration.notification.EventType.Modified);
            assertFalse(subscription.getEvents().getAllEvents().iterator().hasNext(), "nothing yet");
            MailMessage m = inbox.deliver(new MailMessage(MailFolder.newMessageId()).subject("Pulled").from("A", "a@contoso.test"));
            var events = new java.util.ArrayList<String>();
            subscription.getEvents().getAllEvents().forEach(e -> events.add(e.getEventType().name()
                    + (e instanceof microsoft.exchange.webservices.data.notification.FolderEvent ? ":folder" : ":item")));
            assertEquals(List.of("Created:item", "NewMail:item", "Modified:folder"), events);
            assertTrue(inbox.markRead(m.id(), true));
            events.clear();
            subscription.getEvents().getAllEvents().forEach(e -> events.add(e.getEventType().name()
                    + (e instanceof microsoft.exchange.webservices.data.notification.FolderEvent ? ":folder" : ":item")));
            assertEquals(List.of("Modified:item", "Modified:folder"), events);
            subscription.unsubscribe();
        }
    }
}
