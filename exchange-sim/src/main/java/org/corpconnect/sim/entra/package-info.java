/**
 * The simulated Entra ID (Microsoft identity platform v2.0) of the organisation: tenants, app
 * registrations with secrets and certificates, admin and user consent, sign-in sessions, and the
 * endpoints a client meets ({@code /{tenant}/oauth2/v2.0/token}, {@code /authorize} with its sign-in and
 * consent pages, {@code /v2.0/.well-known/openid-configuration}, {@code /discovery/v2.0/keys}).
 *
 * <p>Decisions: access tokens for Graph are RS256 JWTs in Graph's v1.0 token shape ({@code appid},
 * {@code roles} or {@code scp}, {@code upn}, {@code oid}, {@code tid}) signed by a key published at the
 * jwks_uri; the simulator's Graph checks them through {@link org.corpconnect.sim.entra.AccessTokens}, which
 * implements {@link org.corpconnect.sim.graph.access.GraphTokenVerifier}. Tokens for Exchange (EWS) stay
 * the opaque tokens of {@link org.corpconnect.sim.auth.TokenService}, since EWS clients never read them.
 * Refresh tokens rotate at each use, and an admin password reset or "revoke sessions" ends them
 * ({@code AADSTS50173}). Errors carry Entra's shape: {@code error}, {@code error_description} starting
 * with the AADSTS code, {@code error_codes}, {@code timestamp}, {@code trace_id}, {@code correlation_id}.
 */
package org.corpconnect.sim.entra;
