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
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import java.time.Duration;
import java.util.Optional;
import org.corpconnect.apikey.ApiKeys;
import org.corpconnect.apikey.CheckedApiKey;

/**
 * Resolves the API key to its account, or answers 401 without saying whether the key ever existed.
 * A client address with too many missing or wrong keys gets 429 before any key is looked up.
 */
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

    @Inject
    private ApiRateLimits limits;

    @Context
    private HttpServletRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        String address = http.getRemoteAddr();
        Optional<Duration> wait = limits.failedKeysWait(address);
        if (wait.isPresent()) {
            request.abortWith(new Problem("rate-limited", "Too many requests", 429,
                    "Too many requests without a valid API key from this address; retry after the given seconds.")
                    .retryAfter(wait.get()).toResponse());
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<CheckedApiKey> key = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? apiKeys.authenticate(header.substring(BEARER.length()))
                : Optional.empty();
        if (key.isEmpty()) {
            limits.failedKey(address);
            Response unauthorized = new Problem("unauthorized", "Unauthorized", 401,
                    "Send a valid API key of your account: Authorization: Bearer <key>.").toResponse();
            request.abortWith(Response.fromResponse(unauthorized).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
            return;
        }
        caller.authenticated(key.get());
    }
}
