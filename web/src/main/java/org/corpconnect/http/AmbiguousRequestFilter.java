package org.corpconnect.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.corpconnect.rest.Problem;

/**
 * Refuses an ambiguous request target with 400 {@code application/problem+json} before anything else
 * runs (mapped first in {@code web.xml}): {@code /api/v1/bookings/..%2f..%2fadmin-static%2fadmin.css}
 * would otherwise be decoded and normalised by the server into a path outside the API.
 */
public class AmbiguousRequestFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> ambiguity = new RequestTarget(request.getRequestURI(), request.getQueryString()).ambiguity();
        if (ambiguity.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getWriter().write(new Problem("malformed-request", "Malformed request", 400, ambiguity.get()).json());
    }
}
