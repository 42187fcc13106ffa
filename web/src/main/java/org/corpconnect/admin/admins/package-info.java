/**
 * The admins page of an account: its admins listed, added and removed (the last one stays, with a
 * message saying why), and an admin's own password changed with the current one. Every change is in
 * the account's audit log.
 */
package org.corpconnect.admin.admins;
