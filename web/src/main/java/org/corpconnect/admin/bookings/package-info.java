/** The bookings page: list, filter and cancel. */
package org.corpconnect.admin.bookings;
