package org.corpconnect.sim.mail;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.corpconnect.sim.directory.Mailbox;

/**
 * The few messages every mailbox's Inbox holds when a data set is loaded: enough for
 * SyncFolderItems and notifications on the Inbox to have something to report. Received 3, 2 and
 * 1 days before loading (whole hours); the oldest is read.
 */
public final class DefaultInbox {
    private DefaultInbox() {
    }

    public static void seed(Mailbox mailbox, String domain, Instant now) {
        Instant base = now.truncatedTo(ChronoUnit.HOURS);
        String to = mailbox.displayName();
        MailFolder inbox = mailbox.inbox();
        inbox.deliver(new MailMessage(MailFolder.newMessageId()).subject("Welcome to your mailbox")
                .from("IT Service Desk", "servicedesk@" + domain).displayTo(to).size(5120)
                .received(base.minus(3, ChronoUnit.DAYS)).read(true).lastModifiedName(to));
        inbox.deliver(new MailMessage(MailFolder.newMessageId()).subject("Review Proposal for Contoso")
                .from("Planning Team", "planning@" + domain).displayTo(to).size(18432)
                .received(base.minus(2, ChronoUnit.DAYS)).lastModifiedName(to));
        inbox.deliver(new MailMessage(MailFolder.newMessageId()).subject("RE: Review Proposal for Contoso")
                .from("Planning Team", "planning@" + domain).displayTo(to).size(20480)
                .inReplyTo("<proposal-1@" + domain + ">").references("<proposal-1@" + domain + ">")
                .received(base.minus(1, ChronoUnit.DAYS)).lastModifiedName(to));
    }
}
