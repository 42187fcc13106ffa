/**
 * The dedicated mailbox's sign-in for Microsoft Graph's individual mode, started from the connection
 * page: the admin's browser goes to Entra ID's sign-in page (authorization code with PKCE, MSAL4J's
 * form_post answer), comes back to the callback, and the sign-in is finished in the admin's session.
 *
 * <p>The admin pages' session cookie is SameSite=Strict, so Entra ID's cross-site POST to the callback
 * arrives without it: the callback only parks the answer beside its pending sign-in (found by its
 * {@code state}, random, single-use, 10 minutes) and sends the browser on, from this site, to the
 * finishing page, which does need the session: the state must be one this session started. There the
 * code is redeemed, the account that signed in checked to be the dedicated mailbox, the connection tested
 * and only then saved as a new credential generation (the whole account renewed at once). The callback is
 * the one admin URL open without a sign-in and without the CSRF token: the state stands for both.
 */
package org.corpconnect.admin.mailboxsignin;
