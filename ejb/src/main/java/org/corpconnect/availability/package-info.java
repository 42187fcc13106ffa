/**
 * Availability: which booking slots are free, for one user or several, computed from busy time,
 * working hours and the booking rules ({@link org.corpconnect.bookingrules}) carried by a
 * {@link org.corpconnect.availability.SlotQuery}. {@link org.corpconnect.availability.SlotFinder} is
 * pure logic; {@link org.corpconnect.availability.FreeSlots} loads the calendars and their readability,
 * through {@link org.corpconnect.availability.StoredCalendars}, which keeps them in memory per account
 * data version; {@link org.corpconnect.availability.CalendarSnapshots} gives one user's calendar as those
 * stores hold it, for people to look at (the admin pages' week view).
 *
 * <p>Decisions:
 * <ul>
 * <li>Everything is compared as instants; local times only make candidates (query zone) and working
 * spans (each user's zone), so users in other zones and DST days need no special case.</li>
 * <li>The grid restarts at every local midnight of the query zone: with a 15-minute step slots start
 * at :00, :15, :30, :45 local time, also after a DST change; a 02:30 that does not exist is skipped,
 * not shifted, and a 02:30 that exists twice gives two slots.</li>
 * <li>A slot lies wholly within the queried dates, within one working span of each free user, and
 * starts no earlier than now plus the minimum notice and ends no later than the horizon.</li>
 * <li>The buffers need only be busy-free, not within working hours: a 09:00 slot with a 15-minute
 * buffer before is fine for someone starting work at 09:00.</li>
 * <li>All intervals are half-open, so a meeting ending at 10:00 leaves a 10:00 slot free.</li>
 * <li>Unknown is not free: a user whose calendar could not be read, or whose busy time is older than
 * the maximum staleness, is free in no slot, so in ALL mode no slot is free at all.</li>
 * <li>A query asks at least the rules' notice and buffers ({@code SlotQuery.within}): nothing is
 * offered that a booking would be refused for.</li>
 * <li>An answer lists at most {@code FreeSlots.MAX_SLOTS} slots, the earliest; the caller pages on
 * with the start of the last one.</li>
 * <li>A request reads one row from the database when nothing changed (the account's data version,
 * {@link org.corpconnect.account.AccountDataVersions}) and opens no transaction; whatever changes a
 * user, their busy time or access, a booking or the connection raises that version in its own
 * transaction, so the next answer is made from the change. Staleness is judged at every request.
 * In a cluster each instance keeps its own memory, and it is still never behind: the version is read
 * from the database at every request, and a booking on another instance raises it in the booking's
 * own commit, so a slot taken there is read again here before it could be offered.</li>
 * </ul>
 */
package org.corpconnect.availability;
