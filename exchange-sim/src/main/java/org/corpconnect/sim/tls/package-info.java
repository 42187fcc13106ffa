/**
 * The simulator's own TLS: a certificate made at start for localhost, 127.0.0.1 and ::1 (BouncyCastle),
 * the HTTPS listener's key material, and the PEM handed to whoever must trust it. Entra clients such as
 * MSAL require an https authority, so Graph and Entra need it; nothing is ever read from a real CA.
 */
package org.corpconnect.sim.tls;
