/**
 * The minimum of mail the simulator models: an Inbox per mailbox holding a few messages, with the
 * change tracking that SyncFolderItems and notifications (CreatedEvent, NewMailEvent, ModifiedEvent,
 * DeletedEvent) need. Mail is delivered, changed and deleted in-process ({@link org.corpconnect.sim.mail.MailFolder}),
 * not through EWS.
 */
package org.corpconnect.sim.mail;
