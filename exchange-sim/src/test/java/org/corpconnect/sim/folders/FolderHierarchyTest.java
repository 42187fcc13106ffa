package org.corpconnect.sim.folders;

import static org.corpconnect.sim.TestSupport.ANNA;
import static org.corpconnect.sim.TestSupport.DAVID;
import static org.corpconnect.sim.TestSupport.HARUTO;
import static org.corpconnect.sim.TestSupport.MICHAEL;
import static org.corpconnect.sim.TestSupport.SARAH;
import static org.corpconnect.sim.TestSupport.SERVICE;
import static org.corpconnect.sim.TestSupport.SERVICE_PASSWORD;
import static org.corpconnect.sim.TestSupport.basic;
import static org.corpconnect.sim.TestSupport.envelope;
import static org.corpconnect.sim.TestSupport.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpconnect.sim.dataset.Dataset;
import org.corpconnect.sim.junit.ExchangeSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GetFolder and FindFolder over the mailbox hierarchy, raw SOAP: every distinguished folder a
 * mailbox has, the ones it has not (ErrorFolderNotFound, in the operation's response shape), the
 * folder shapes, Shallow and Deep traversal with paging, and who sees what: the owner, an
 * impersonating account, a Delegate, a Reviewer, an Editor of the calendar only.
 */
class FolderHierarchyTest {
    @RegisterExtension
    static ExchangeSimulatorExtension exchange = ExchangeSimulatorExtension.withDataset(Dataset.demo());

    static String impersonating(String smtp) {
        return "<t:ExchangeImpersonation><t:ConnectingSID><t:PrimarySmtpAddress>" + smtp
                + "</t:PrimarySmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>";
    }

    static String distinguished(String id, String mailbox) {
        return "<t:DistinguishedFolderId Id=\"" + id + "\">"
                + (mailbox == null ? "" : "<t:Mailbox><t:EmailAddress>" + mailbox + "</t:EmailAddress></t:Mailbox>")
                + "</t:DistinguishedFolderId>";
    }

    static String getFolder(String shape, String... folders) {
        return "<m:GetFolder><m:FolderShape><t:BaseShape>" + shape + "</t:BaseShape></m:FolderShape><m:FolderIds>"
                + String.join("", folders) + "</m:FolderIds></m:GetFolder>";
    }

    static String findFolder(String traversal, String view, String parent) {
        return "<m:FindFolder Traversal=\"" + traversal + "\"><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape>"
                + view + "<m:ParentFolderIds>" + parent + "</m:ParentFolderIds></m:FindFolder>";
    }

    HttpResponse<String> call(String headers, String body) throws Exception {
        HttpResponse<String> r = post(exchange.simulator().ewsUrl(), basic(SERVICE, SERVICE_PASSWORD), envelope(headers, body));
        exchange.simulator().assertAllResponsesValid();
        return r;
    }

    static List<String> all(String body, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(body);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyDistinguishedFolderOfTheMailboxIsFoundWithItsClassAndParent() throws Exception {
        List<String> ids = new ArrayList<>();
        for (WellKnownFolder f : WellKnownFolder.values()) {
            ids.add(distinguished(f.distinguishedId(), null));
        }
        HttpResponse<String> r = call("", getFolder("AllProperties", ids.toArray(String[]::new)));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(WellKnownFolder.values().length, all(r.body(), "(<m:ResponseCode>NoError</m:ResponseCode>)").size(), r.body());
        List<String> names = all(r.body(), "<t:DisplayName>([^<]*)</t:DisplayName>");
        assertEquals(List.of("Root", "Top of Information Store", "Calendar", "Contacts"), names.subList(0, 4));
        assertTrue(r.body().contains("<t:CalendarFolder>"), "the calendar is a CalendarFolder");
        assertTrue(r.body().contains("<t:ContactsFolder>") && r.body().contains("<t:TasksFolder>"), r.body());
        assertTrue(r.body().contains("<t:FolderClass>IPF.Appointment</t:FolderClass>"));
        assertTrue(r.body().contains("<t:FolderClass>IPF.StickyNote</t:FolderClass>"));
        assertEquals(WellKnownFolder.values().length - 1, all(r.body(), "(<t:ParentFolderId )").size(),
                "every folder but the root names its parent");
    }

    @Test
    void aFolderTheMailboxDoesNotHaveIsErrorFolderNotFoundBesideTheOthers() throws Exception {
        HttpResponse<String> r = call("", getFolder("IdOnly", distinguished("inbox", null),
                distinguished("publicfoldersroot", null), distinguished("archiveinbox", null)));
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<m:GetFolderResponseMessage ResponseClass=\"Error\"><m:MessageText>The specified folder could not "
                + "be found in the store.</m:MessageText><m:ResponseCode>ErrorFolderNotFound</m:ResponseCode>"
                + "<m:DescriptiveLinkKey>0</m:DescriptiveLinkKey><m:Folders/></m:GetFolderResponseMessage>"), r.body());
        assertEquals(List.of("NoError", "ErrorFolderNotFound", "ErrorFolderNotFound"),
                all(r.body(), "<m:ResponseCode>([^<]*)</m:ResponseCode>"));
    }

    @Test
    void idsFromFindFolderOpenTheFolderAgainAndForeignIdsAreMalformed() throws Exception {
        HttpResponse<String> found = call("", findFolder("Shallow", "", distinguished("msgfolderroot", null)));
        String sentId = all(found.body(), "<t:FolderId Id=\"([^\"]+)\"[^>]*/><t:DisplayName>Sent Items<").get(0);
        HttpResponse<String> r = call("", getFolder("Default", "<t:FolderId Id=\"" + sentId + "\"/>",
                "<t:FolderId Id=\"AAMkADk0N2E4OTQ3LTRhZjAtNDBlNC05NjNkLThjYTQ2NmU3YzE3YgAuAAAAAAC5D\"/>"));
        assertTrue(r.body().contains("<t:DisplayName>Sent Items</t:DisplayName><t:TotalCount>0</t:TotalCount>"
                + "<t:ChildFolderCount>0</t:ChildFolderCount><t:UnreadCount>0</t:UnreadCount>"), r.body());
        assertTrue(r.body().contains("<m:ResponseCode>ErrorInvalidIdMalformed</m:ResponseCode>"), r.body());
    }

    @Test
    void deepTraversalListsTheWholeTreeAndPagesThroughIt() throws Exception {
        int below = WellKnownFolder.ROOT.descendants().size();
        HttpResponse<String> deep = call("", findFolder("Deep", "", distinguished("root", null)));
        assertTrue(deep.body().contains("<m:RootFolder IndexedPagingOffset=\"" + below + "\" TotalItemsInView=\"" + below
                + "\" IncludesLastItemInRange=\"true\">"), deep.body());
        assertEquals(below, all(deep.body(), "<t:DisplayName>([^<]*)</t:DisplayName>").size());

        HttpResponse<String> shallow = call("", findFolder("Shallow", "", distinguished("root", null)));
        assertEquals(List.of("Top of Information Store", "Finder", "Recoverable Items"),
                all(shallow.body(), "<t:DisplayName>([^<]*)</t:DisplayName>"));

        HttpResponse<String> page = call("", findFolder("Deep",
                "<m:IndexedPageFolderView MaxEntriesReturned=\"5\" Offset=\"5\" BasePoint=\"Beginning\"/>", distinguished("root", null)));
        assertTrue(page.body().contains("<m:RootFolder IndexedPagingOffset=\"10\" TotalItemsInView=\"" + below
                + "\" IncludesLastItemInRange=\"false\">"), page.body());
        assertEquals(5, all(page.body(), "<t:DisplayName>([^<]*)</t:DisplayName>").size());

        HttpResponse<String> none = call("", findFolder("SoftDeleted", "", distinguished("root", null)));
        assertTrue(none.body().contains("TotalItemsInView=\"0\""), none.body());
    }

    @Test
    void aRestrictionOnFoldersIsRefusedAsUnsupported() throws Exception {
        String body = "<m:FindFolder Traversal=\"Deep\"><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>"
                + "<m:Restriction><t:IsEqualTo><t:FieldURI FieldURI=\"folder:DisplayName\"/><t:FieldURIOrConstant>"
                + "<t:Constant Value=\"Inbox\"/></t:FieldURIOrConstant></t:IsEqualTo></m:Restriction>"
                + "<m:ParentFolderIds>" + distinguished("root", null) + "</m:ParentFolderIds></m:FindFolder>";
        HttpResponse<String> r = call("", body);
        assertTrue(r.body().contains("<m:FindFolderResponseMessage ResponseClass=\"Error\">"), r.body());
        assertTrue(r.body().contains("<m:ResponseCode>ErrorUnsupportedQueryFilter</m:ResponseCode>"), r.body());
    }

    @Test
    void anImpersonatingAccountSeesTheWholeMailboxOfTheUser() throws Exception {
        HttpResponse<String> r = call(impersonating(ANNA), findFolder("Deep", "", distinguished("root", null)));
        assertEquals(WellKnownFolder.ROOT.descendants().size(), all(r.body(), "<t:DisplayName>([^<]*)</t:DisplayName>").size(), r.body());
        HttpResponse<String> inbox = call(impersonating(ANNA), getFolder("Default", distinguished("inbox", null)));
        assertTrue(inbox.body().contains("<t:DisplayName>Inbox</t:DisplayName><t:TotalCount>3</t:TotalCount>"), inbox.body());
        HttpResponse<String> denied = call(impersonating(DAVID), getFolder("Default", distinguished("root", null)));
        assertEquals(500, denied.statusCode());
        assertTrue(denied.body().contains("a:ErrorImpersonateUserDenied"), denied.body());
    }

    @Test
    void aDelegateSeesTheRootAndTheCalendarOnly() throws Exception {
        HttpResponse<String> root = call("", getFolder("AllProperties", distinguished("root", HARUTO), distinguished("msgfolderroot", HARUTO),
                distinguished("inbox", HARUTO)));
        assertEquals(List.of("NoError", "NoError", "ErrorAccessDenied"), all(root.body(), "<m:ResponseCode>([^<]*)</m:ResponseCode>"));
        assertTrue(root.body().contains("<t:Read>false</t:Read>"), "the root is visible, not readable: " + root.body());
        HttpResponse<String> deep = call("", findFolder("Deep", "", distinguished("root", HARUTO)));
        assertEquals(List.of("Top of Information Store", "Calendar"), all(deep.body(), "<t:DisplayName>([^<]*)</t:DisplayName>"));
    }

    @Test
    void calendarPermissionsOpenTheCalendarButNotTheMailbox() throws Exception {
        for (String calendarOnly : List.of(MICHAEL, SARAH)) {
            HttpResponse<String> r = call("", getFolder("AllProperties", distinguished("calendar", calendarOnly),
                    distinguished("root", calendarOnly), distinguished("sentitems", calendarOnly)));
            assertEquals(List.of("NoError", "ErrorAccessDenied", "ErrorAccessDenied"),
                    all(r.body(), "<m:ResponseCode>([^<]*)</m:ResponseCode>"), r.body());
            assertTrue(r.body().contains("<m:MessageText>Access is denied. Check credentials and try again.</m:MessageText>"));
            HttpResponse<String> find = call("", findFolder("Shallow", "", distinguished("root", calendarOnly)));
            assertTrue(find.body().contains("<m:ResponseCode>ErrorAccessDenied</m:ResponseCode>"), find.body());
        }
        HttpResponse<String> editor = call("", getFolder("AllProperties", distinguished("calendar", MICHAEL)));
        assertTrue(editor.body().contains("<t:CreateContents>true</t:CreateContents>"), editor.body());
        HttpResponse<String> reviewer = call("", getFolder("AllProperties", distinguished("calendar", SARAH)));
        assertTrue(reviewer.body().contains("<t:CreateContents>false</t:CreateContents>"), reviewer.body());
        HttpResponse<String> none = call("", getFolder("Default", distinguished("calendar", DAVID)));
        assertTrue(none.body().contains("<m:ResponseCode>ErrorAccessDenied</m:ResponseCode>"), none.body());
    }

    @Test
    void anUnknownMailboxIsErrorNonExistentMailbox() throws Exception {
        HttpResponse<String> r = call("", getFolder("Default", distinguished("root", "nobody@contoso.test")));
        assertTrue(r.body().contains("<m:ResponseCode>ErrorNonExistentMailbox</m:ResponseCode>"), r.body());
        assertTrue(r.body().contains("<t:Value Name=\"SmtpAddress\">nobody@contoso.test</t:Value>"), r.body());
    }

    @Test
    void theOwnerReadsAMailFolderPermissionSetOnlyWhenAskedForIt() throws Exception {
        String asked = "<m:GetFolder><m:FolderShape><t:BaseShape>AllProperties</t:BaseShape><t:AdditionalProperties>"
                + "<t:FieldURI FieldURI=\"folder:PermissionSet\"/></t:AdditionalProperties></m:FolderShape><m:FolderIds>"
                + distinguished("inbox", null) + distinguished("calendar", MICHAEL) + "</m:FolderIds></m:GetFolder>";
        HttpResponse<String> r = call("", asked);
        assertTrue(r.body().contains("<t:Permission><t:UserId><t:DistinguishedUser>Default</t:DistinguishedUser></t:UserId>"), r.body());
        assertFalse(r.body().contains("<t:CalendarPermissions>"), "a delegate never sees the calendar's permissions");
        HttpResponse<String> all = call("", getFolder("AllProperties", distinguished("inbox", null)));
        assertFalse(all.body().contains("PermissionSet"), "AllProperties leaves the PermissionSet out (Exchange 2013 on)");
    }
}
