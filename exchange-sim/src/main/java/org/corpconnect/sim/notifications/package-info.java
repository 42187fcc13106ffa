/**
 * Notifications: pull subscriptions (Subscribe, GetEvents, Unsubscribe) and streaming subscriptions
 * on calendar folders. Events come from each calendar's change sequence (the one SyncFolderItems
 * uses), so a watermark is just a position in that sequence per watched calendar. Subscriptions
 * live in memory and end with the simulator.
 */
package org.corpconnect.sim.notifications;
