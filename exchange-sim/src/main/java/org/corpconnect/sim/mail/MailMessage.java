package org.corpconnect.sim.mail;

import java.time.Instant;
import java.util.Objects;

/**
 * One message in an Inbox (t:Message): the properties Microsoft's SyncFolderItems sample returns for
 * AllProperties. Mutable only inside its {@link MailFolder}; readers get copies.
 */
public final class MailMessage {
    private final String id;
    private String subject = "";
    private String fromName = "";
    private String fromAddress = "";
    private String displayTo = "";
    private String displayCc = "";
    private Instant sent;
    private Instant received;
    private Instant created;
    private Instant lastModified;
    private String lastModifiedName = "";
    private int size = 4096;
    private String importance = "Normal";
    private String sensitivity = "Normal";
    private boolean read;
    private String internetMessageId;
    private String inReplyTo;
    private String references;
    private String conversationTopic;
    private int version = 1;

    public MailMessage(String id) {
        this.id = Objects.requireNonNull(id);
    }

    public String id() { return id; }
    public String subject() { return subject; }
    public String fromName() { return fromName; }
    public String fromAddress() { return fromAddress; }
    public String displayTo() { return displayTo; }
    public String displayCc() { return displayCc; }
    public Instant sent() { return sent; }
    public Instant received() { return received; }
    public Instant created() { return created; }
    public Instant lastModified() { return lastModified; }
    public String lastModifiedName() { return lastModifiedName; }
    public int size() { return size; }
    public String importance() { return importance; }
    public String sensitivity() { return sensitivity; }
    public boolean read() { return read; }
    public String internetMessageId() { return internetMessageId; }
    public String inReplyTo() { return inReplyTo; }
    public String references() { return references; }

    /** The subject without reply and forward prefixes, as Exchange derives the conversation topic. */
    public String conversationTopic() {
        return conversationTopic != null ? conversationTopic : subject.replaceFirst("^(?i)((re|fw|fwd|aw|wg):\\s*)+", "");
    }

    /** Changes with every modification; part of the item's ChangeKey. */
    public int version() { return version; }

    public MailMessage subject(String v) { subject = Objects.requireNonNull(v); return this; }
    public MailMessage from(String name, String address) { fromName = name; fromAddress = address; return this; }
    public MailMessage displayTo(String v) { displayTo = v; return this; }
    public MailMessage displayCc(String v) { displayCc = v; return this; }
    public MailMessage sent(Instant v) { sent = v; return this; }
    public MailMessage received(Instant v) { received = v; return this; }
    public MailMessage created(Instant v) { created = v; return this; }
    public MailMessage lastModified(Instant v) { lastModified = v; return this; }
    public MailMessage lastModifiedName(String v) { lastModifiedName = v; return this; }
    public MailMessage size(int v) { size = v; return this; }
    public MailMessage importance(String v) { importance = v; return this; }
    public MailMessage sensitivity(String v) { sensitivity = v; return this; }
    public MailMessage read(boolean v) { read = v; return this; }
    public MailMessage internetMessageId(String v) { internetMessageId = v; return this; }
    public MailMessage inReplyTo(String v) { inReplyTo = v; return this; }
    public MailMessage references(String v) { references = v; return this; }
    public MailMessage conversationTopic(String v) { conversationTopic = v; return this; }

    void touch(Instant now) {
        version++;
        lastModified = now;
    }

    public MailMessage copy() {
        MailMessage c = new MailMessage(id);
        c.subject = subject;
        c.fromName = fromName;
        c.fromAddress = fromAddress;
        c.displayTo = displayTo;
        c.displayCc = displayCc;
        c.sent = sent;
        c.received = received;
        c.created = created;
        c.lastModified = lastModified;
        c.lastModifiedName = lastModifiedName;
        c.size = size;
        c.importance = importance;
        c.sensitivity = sensitivity;
        c.read = read;
        c.internetMessageId = internetMessageId;
        c.inReplyTo = inReplyTo;
        c.references = references;
        c.conversationTopic = conversationTopic;
        c.version = version;
        return c;
    }

    @Override
    public String toString() {
        return "MailMessage[" + id + "]"; // no content
    }
}
