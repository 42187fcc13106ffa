package org.corpconnect.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Form sign-in with Jakarta Security against the application's own admin_user table, checking the
 * server's PBKDF2 hashes; the sign-in page is the application's (it carries a CSRF token too).
 */
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(loginPage = "/admin/login",
        errorPage = "", useForwardToLogin = false))
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:app/jdbc/corpconnect",
        callerQuery = "select password_hash from admin_user where username = ?",
        groupsQuery = "select role from admin_user where username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class)
@ApplicationScoped
public class AdminSecurity {
}
