/**
 * Exchange Online's authorisation of Graph calendar calls, both ways the dedicated-mailbox model maps to
 * Graph. App-only: the token's application permissions ({@code roles}, a tenant-wide Entra consent) reach
 * every mailbox; Exchange's RBAC for Applications adds grants scoped to a management scope (members of a
 * group), and the two add up, as in Exchange Online, so a tenant-wide consent voids a scope. Delegated:
 * the signed-in mailbox's own calendar, and others' only with a {@code .Shared} scope and as far as
 * each owner's share or delegate rights go ({@link org.corpconnect.sim.directory.Mailbox#accessFor}, the
 * same rights EWS honours). {@link org.corpconnect.sim.graph.rbac.ExchangeOnlineCalendarPolicy} is the
 * simulator's {@link org.corpconnect.sim.graph.access.CalendarAccessPolicy}.
 */
package org.corpconnect.sim.graph.rbac;
