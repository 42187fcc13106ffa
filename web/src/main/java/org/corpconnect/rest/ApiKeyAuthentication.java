package org.corpconnect.rest;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.corpconnect.account.Account;
import org.corpconnect.apikey.ApiKeys;

/** Resolves the API key to its account, or answers 401 without saying whether the key ever existed. */
@Provider
@ApiKeyRequired
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class ApiKeyAuthentication implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    private ApiKeys apiKeys;

    @Inject
    private CallerAccount caller;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<Account> account = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? apiKeys.authenticate(header.substring(BEARER.length()))
                : Optional.empty();
        if (account.isEmpty()) {
            Response unauthorized = new Problem("unauthorized", "Unauthorized", 401,
                    "Send a valid API key of your account: Authorization: Bearer <key>.").toResponse();
            request.abortWith(Response.fromResponse(unauthorized).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
            return;
        }
        caller.authenticated(account.get());
    }
}
