/**
 * Change notifications on {@code /users/{id}/events} (change-notifications-delivery-webhooks.md,
 * outlook-change-notifications-overview.md): creation validates the {@code notificationUrl} (and the
 * {@code lifecycleNotificationUrl}) by POSTing {@code ?validationToken=} and expecting it echoed as
 * text/plain within 10 seconds; expiry at most 4,230 minutes ahead, renewed by PATCH; a watcher sends
 * created/updated/deleted notifications with the subscription's {@code clientState} for every change of
 * the calendar (made through Graph, EWS or the control API alike), and the lifecycle notifications
 * {@code missed} (notifications that could not be delivered), {@code reauthorizationRequired} (the access
 * model no longer allows the caller) and {@code subscriptionRemoved} (the mailbox is gone).
 */
package org.corpconnect.sim.graph.subscriptions;
