/** Authentication as Exchange does it: HTTP Basic for mailbox accounts with on-premises style account lockout, and app-only OAuth2 client-credentials tokens from the simulator's own token endpoint (Exchange Online). Secrets never reach logs or toString. */
package org.corpconnect.sim.auth;
