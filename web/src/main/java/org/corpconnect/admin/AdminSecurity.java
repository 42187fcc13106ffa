package org.corpconnect.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form sign-in with Jakarta Security against the application's own admin users
 * ({@link AdminIdentityStore}); the sign-in page is the application's (it carries a CSRF token and is
 * throttled, see {@code org.corpconnect.admin.signin}).
 */
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(loginPage = "/admin/login",
        errorPage = "", useForwardToLogin = false))
@ApplicationScoped
public class AdminSecurity {
}
