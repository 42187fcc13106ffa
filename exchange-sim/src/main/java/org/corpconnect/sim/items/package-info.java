/**
 * Calendar item operations: FindItem (CalendarView with series expanded, or IndexedPageItemView
 * with restrictions and sort order), GetItem, CreateItem, UpdateItem, DeleteItem, SyncFolderItems,
 * and ConvertId for the ids they hand out (folders live in the folders package). Access checks
 * follow the calendar folder permission of the acting mailbox (the impersonated user, or the
 * account that logged on).
 */
package org.corpconnect.sim.items;
