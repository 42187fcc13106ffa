/**
 * The audit log of each account: who changed what, when, and whether it worked. Entries are written
 * in their own transaction, so a refused change is recorded even though the change itself rolls back.
 * Callers pass words, never secrets.
 */
package org.corpconnect.audit;
