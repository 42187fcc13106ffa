/**
 * The webhooks page: the account's endpoints (add one, remove one, rotate its secret; a new secret is
 * shown once, on the page the change redirects to, held in the session until that page shows it) and
 * the delivery log of the outbox (event, endpoint, attempts, last answer, next attempt).
 */
package org.corpconnect.admin.webhooks;
