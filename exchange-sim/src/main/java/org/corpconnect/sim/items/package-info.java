/**
 * Calendar item operations: FindItem (CalendarView with series expanded, or IndexedPageItemView
 * with restrictions and sort order), GetItem, CreateItem, UpdateItem, DeleteItem, SyncFolderItems,
 * and GetFolder for permission probes. Access checks follow the calendar folder permission of the
 * acting mailbox (the impersonated user, or the account that logged on).
 */
package org.corpconnect.sim.items;
