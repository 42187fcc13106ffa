/**
 * The public URL Exchange calls back when a watched calendar changes ({@code /notifications/calendars}):
 * outside the API key and the admin sign-in, because Exchange has neither; each callback proves itself
 * by its watch's secret token, checked in {@link org.corpconnect.push.WatchCallbacks}.
 */
package org.corpconnect.notifications;
