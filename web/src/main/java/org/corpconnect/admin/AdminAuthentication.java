package org.corpconnect.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;
import java.util.Set;

/**
 * The admin pages' sign-in: the password is checked by {@link AdminIdentityStore} when the sign-in form
 * calls {@code SecurityContext.authenticate}, and the admin it names is kept in the HTTP session and
 * handed to the container, with its groups, on each request of that session.
 *
 * <p>Not Jakarta Security's form mechanisms: they let the container restore the signed-in subject from the
 * session ({@code @AutoApplySession}), which Payara 6 does racily. With requests of several sessions
 * in flight, a signed-in admin's request now and then arrives without its groups and is refused 403
 * (payara/Payara#6145, fixed by FISH-7515 after 6.2025.9, the newest Payara 6 served to us; here one answer
 * in twelve, with two admins' sessions on four threads). Handing over the caller's name and groups
 * builds a new subject for each request, which that race does not touch.
 */
@ApplicationScoped
public class AdminAuthentication implements HttpAuthenticationMechanism {

    private static final String SIGNED_IN = AdminAuthentication.class.getName() + ".signedIn";
    private static final String RETURN_TO = AdminAuthentication.class.getName() + ".returnTo";
    private static final String SIGN_IN_PAGE = "/admin/login";

    /** Who signed in to this session: all a request of it needs to be that admin again. */
    private record SignedIn(String caller, Set<String> groups) implements Serializable {
    }

    @Inject
    private IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                request.getSession().setAttribute(SIGNED_IN,
                        new SignedIn(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
            }
            return context.notifyContainerAboutLogin(result);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN) instanceof SignedIn admin) {
            return context.notifyContainerAboutLogin(admin.caller(), admin.groups());
        }
        if (context.isProtected()) {
            if ("GET".equals(request.getMethod())) { // the page to show once signed in; a form's post is not repeated
                String query = request.getQueryString();
                request.getSession().setAttribute(RETURN_TO, request.getRequestURI() + (query == null ? "" : "?" + query));
            }
            return context.redirect(request.getContextPath() + SIGN_IN_PAGE);
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SIGNED_IN);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    /** The page a signed-out admin asked for before being sent to sign in, once: the address to go on to. */
    public static Optional<String> pageAskedFor(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(RETURN_TO) instanceof String page)) {
            return Optional.empty();
        }
        session.removeAttribute(RETURN_TO);
        return Optional.of(page);
    }
}
