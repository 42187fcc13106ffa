/**
 * The mailbox folder hierarchy: the well-known folders every mailbox has, GetFolder and FindFolder
 * over them (shallow, deep and soft-deleted traversal, the folder shapes and properties clients ask
 * for), and who may see which folder. The owner (or a caller impersonating the owner) sees every
 * folder; another account sees a calendar from Reviewer up and, as a delegate, the mailbox's root and
 * Top of Information Store (visible, not readable), and nothing else: mail folder permissions are
 * not modelled. Items live in their own features (calendar items, Inbox messages); this package only
 * counts them.
 */
package org.corpconnect.sim.folders;
