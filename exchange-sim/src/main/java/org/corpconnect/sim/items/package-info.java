/** Calendar item operations (FindItem with CalendarView or IndexedPageItemView and restrictions, GetItem, CreateItem, UpdateItem, DeleteItem) and GetFolder for permission probes; access checks follow the calendar folder permission of the acting mailbox. */
package org.corpconnect.sim.items;
