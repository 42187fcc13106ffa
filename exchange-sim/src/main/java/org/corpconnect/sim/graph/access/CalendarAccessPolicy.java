package org.corpconnect.sim.graph.access;

import org.corpconnect.sim.directory.Mailbox;

/**
 * The Graph access model: application permissions narrowed by Exchange Online's RBAC for Applications
 * (management scopes) for app-only callers; delegated scopes plus the owner's calendar shares and
 * delegate rights (the same grants the EWS side honours) for a signed-in mailbox.
 */
@FunctionalInterface
public interface CalendarAccessPolicy {
    CalendarAccessDecision decide(GraphCaller caller, Mailbox target, CalendarOperation operation);
}
