package org.corpconnect.rest;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/** Answers 429 with {@code Retry-After} to a key or account over its rate; runs right after the key is checked. */
@Provider
@ApiKeyRequired
@Priority(Priorities.AUTHENTICATION + 1)
@ApplicationScoped
public class ApiRateLimiting implements ContainerRequestFilter {

    @Inject
    private ApiRateLimits limits;

    @Inject
    private CallerAccount caller;

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        boolean bookingChange = resource.getResourceClass() == BookingsResource.class
                && !HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod());
        limits.admit(caller.keyId(), caller.get().id(), bookingChange).ifPresent(wait -> request.abortWith(
                new Problem("rate-limited", "Too many requests", 429, bookingChange
                        ? "This account has made too many booking changes in the last minute; retry after the given seconds."
                        : "Too many requests with this API key or account in the last minute; retry after the given seconds.")
                        .retryAfter(wait).toResponse()));
    }
}
