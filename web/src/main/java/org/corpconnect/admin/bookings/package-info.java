/**
 * The bookings page: list, filter, cancel, and release a hold whose calendar write failed (without Exchange);
 * what bookings do when their item is deleted or moved in Outlook (the account's two settings), and the
 * flags of bookings that did not follow such a change, which an admin clears or answers by cancelling.
 */
package org.corpconnect.admin.bookings;
