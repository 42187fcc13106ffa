package org.corpconnect.notifications;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.corpconnect.exchange.WatchCallback;
import org.corpconnect.push.WatchCallbacks;
import org.corpconnect.push.WatchKeeper;
import org.corpconnect.rest.Problem;

/**
 * Exchange's callbacks: the handshake answered with its token as text/plain; notices accepted with 202
 * before anything is done about them (Graph wants an answer within 3 s, and retries or drops a slow
 * endpoint); anything else 400 {@code application/problem+json}. Nothing here calls Exchange or waits for the database's work.
 */
@WebServlet("/" + WatchKeeper.CALLBACK_PATH)
public class CalendarCallbackServlet extends HttpServlet {

    /** Graph batches notifications; a body larger than this is not one of Exchange's. */
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    @Inject
    private WatchCallbacks callbacks;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            refuse(response, new Problem("payload-too-large", "Payload too large", 413, "A callback body is at most 1 MiB."));
            return;
        }
        Map<String, String> query = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> query.put(name, values[0]));
        Optional<WatchCallback> callback = callbacks.read(query, new String(body, StandardCharsets.UTF_8));
        if (callback.isEmpty()) {
            refuse(response, new Problem("invalid-request", "Invalid request", 400, "Not a calendar change callback: a"
                    + " validation handshake or a collection of change notifications was expected."));
            return;
        }
        if (callback.get() instanceof WatchCallback.Handshake handshake) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setHeader("X-Content-Type-Options", "nosniff"); // the token is the caller's text: never rendered
            response.setContentType("text/plain");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(handshake.answer());
        } else {
            callbacks.accept((WatchCallback.Notices) callback.get());
            response.setStatus(HttpServletResponse.SC_ACCEPTED);
        }
    }

    private static void refuse(HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getWriter().write(problem.json());
    }
}
