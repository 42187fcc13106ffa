/**
 * The admin pages: servlets as controllers, Jakarta Pages as views ({@code WEB-INF/jsp/admin/}).
 * Operators see every account, an admin only their own (any other is "not found"). Every form carries
 * the session's CSRF token, every value is escaped on output, and no page ever shows a secret.
 */
package org.corpconnect.admin;
