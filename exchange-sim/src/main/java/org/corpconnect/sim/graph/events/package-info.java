/**
 * Graph's events over the mailboxes' calendar folders (the same items EWS reads and writes): create
 * (with {@code transactionId}), get, update, delete and cancel; {@code events} with the
 * {@code singleValueExtendedProperties} filter; {@code calendarView} with $select and paging; and
 * {@code calendarView/delta}. Extended properties are the items' MAPI properties, named in Graph's
 * id format ({@code String {guid} Name X}).
 */
package org.corpconnect.sim.graph.events;
