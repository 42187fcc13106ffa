/** Authentication as Exchange does it: HTTP Basic and NTLM (NTLMv2, per connection, as IIS runs it) for mailbox accounts with on-premises style account lockout, Basic switchable off, and app-only OAuth2 client-credentials tokens from the simulator's own token endpoint (Exchange Online). Secrets never reach logs or toString. */
package org.corpconnect.sim.auth;
