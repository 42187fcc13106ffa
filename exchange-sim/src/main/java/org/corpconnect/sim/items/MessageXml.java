package org.corpconnect.sim.items;

import java.nio.ByteBuffer;
import java.util.Base64;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.mail.MailMessage;
import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.ExchangeVersion;
import org.corpconnect.sim.soap.XmlWriter;

/**
 * Writes t:Message in the schema's element order (ItemType, then MessageType). IdOnly gives the
 * ItemId; Default and AllProperties give the property set of Microsoft's SyncFolderItems sample
 * (how-to-synchronize-items-by-using-ews-in-exchange.md), the only message response the simulator
 * is built to. Messages are only ever written to their owner (or an impersonating caller), who has
 * full rights on them.
 */
final class MessageXml {
    private MessageXml() {
    }

    static void write(XmlWriter w, EwsCall call, Mailbox owner, MailMessage m, ItemShape shape) {
        w.start("t:Message");
        w.start("t:ItemId").attr("Id", ItemIds.itemId(owner.address(), m.id())).attr("ChangeKey", ItemIds.messageChangeKey(m)).end();
        if ("IdOnly".equals(shape.baseShape())) {
            w.end();
            return;
        }
        w.start("t:ParentFolderId").attr("Id", ItemIds.inboxFolderId(owner.address()))
                .attr("ChangeKey", ItemIds.folderChangeKey()).end();
        w.element("t:ItemClass", "IPM.Note");
        w.element("t:Subject", m.subject());
        w.element("t:Sensitivity", m.sensitivity());
        w.element("t:DateTimeReceived", CalendarItemXml.UTC.format(m.received()));
        w.element("t:Size", m.size());
        w.element("t:Importance", m.importance());
        w.element("t:InReplyTo", m.inReplyTo());
        w.element("t:IsSubmitted", false);
        w.element("t:IsDraft", false);
        w.element("t:IsFromMe", owner.address().value().equalsIgnoreCase(m.fromAddress()));
        w.element("t:IsResend", false);
        w.element("t:IsUnmodified", false);
        w.element("t:DateTimeSent", CalendarItemXml.UTC.format(m.sent()));
        w.element("t:DateTimeCreated", CalendarItemXml.UTC.format(m.created()));
        w.element("t:DisplayCc", m.displayCc());
        w.element("t:DisplayTo", m.displayTo());
        w.element("t:HasAttachments", false);
        w.element("t:Culture", "en-US");
        w.start("t:EffectiveRights");
        w.element("t:CreateAssociated", false);
        w.element("t:CreateContents", false);
        w.element("t:CreateHierarchy", false);
        w.element("t:Delete", true);
        w.element("t:Modify", true);
        w.element("t:Read", true);
        if (call.version().atLeast(ExchangeVersion.Exchange2010)) { // ViewPrivateItems: in the 2010 schema and docs, not in 2007 SP1
            w.element("t:ViewPrivateItems", true);
        }
        w.end();
        w.element("t:LastModifiedName", m.lastModifiedName());
        w.element("t:LastModifiedTime", CalendarItemXml.UTC.format(m.lastModified()));
        w.element("t:IsAssociated", false);
        w.element("t:WebClientReadFormQueryString", "?ae=Item&a=Open&t=IPM.Note&id=&exvsurl=1");
        String conversation = ItemIds.conversationId(owner.address(), m.conversationTopic());
        w.start("t:ConversationId").attr("Id", conversation).end();
        mailbox(w, "t:Sender", m);
        w.element("t:IsReadReceiptRequested", false);
        w.element("t:ConversationIndex", conversationIndex(m));
        w.element("t:ConversationTopic", m.conversationTopic());
        mailbox(w, "t:From", m);
        w.element("t:InternetMessageId", m.internetMessageId());
        w.element("t:IsRead", m.read());
        w.element("t:References", m.references());
        w.end();
    }

    private static void mailbox(XmlWriter w, String element, MailMessage m) {
        w.start(element).start("t:Mailbox");
        w.element("t:Name", m.fromName());
        w.element("t:EmailAddress", m.fromAddress());
        w.element("t:RoutingType", "SMTP");
        w.element("t:MailboxType", "Mailbox");
        w.end().end();
    }

    /** A header block in the PR_CONVERSATION_INDEX layout: a reserved byte, the sent time, a 16-byte GUID. */
    private static String conversationIndex(MailMessage m) {
        ByteBuffer b = ByteBuffer.allocate(22);
        b.put((byte) 1);
        long fileTime = (m.sent().getEpochSecond() + 11_644_473_600L) * 10_000_000L;
        b.put((byte) (fileTime >>> 56)).put((byte) (fileTime >>> 48)).put((byte) (fileTime >>> 40))
                .put((byte) (fileTime >>> 32)).put((byte) (fileTime >>> 24));
        long h = m.conversationTopic().toLowerCase(java.util.Locale.ROOT).hashCode();
        b.putLong(h * 0x9E3779B97F4A7C15L).putLong(~h * 0xC2B2AE3D27D4EB4FL);
        return Base64.getEncoder().encodeToString(b.array());
    }
}
