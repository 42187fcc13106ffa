/**
 * The server's HTTP listeners, guarded before the server itself reads a request: a jar for the domain's
 * {@code lib/}, named in {@code domain.xml} (README, "Hardening an existing domain"). Payara cannot
 * %-decode some request targets ({@code %zz}, a lone {@code %}, overlong UTF-8) and answers an empty 200
 * before any application filter runs (payara/Payara#8000), or its own error page for an escaped NUL or
 * backslash; here such a target is refused with 400 {@code application/problem+json} and the connection
 * closed, so nothing is mapped, cached or served for it. A target that decodes but is ambiguous (an
 * encoded slash, a dot segment) is left to the application's own checks.
 * The pages of errors the server answers itself name no product either. The way in (a port
 * unification) costs HTTP/2, so an offer to upgrade to it is declined and the request served over HTTP/1.1,
 * and a client opening with HTTP/2's preface is told so (505).
 */
package org.corpconnect.listener;
