/** The bookings page: list, filter, cancel, and release a hold whose calendar write failed (without Exchange). */
package org.corpconnect.admin.bookings;
