/**
 * Who signs in to the admin pages: operators, who see every account, and admins, each bound to one
 * account. Passwords are kept as the server's PBKDF2 hashes; the first operator comes from the
 * configuration at the first start, when there is nobody yet.
 */
package org.corpconnect.signin;
