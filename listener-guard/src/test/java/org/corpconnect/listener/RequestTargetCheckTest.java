package org.corpconnect.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTargetCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/bookings/%zz", "/admin-static/admin.css%", "/a%2", "/a%2g", "/%%32%65", "/a%c0%ae", "/a%e0%80%ae",
            "/a%ff", "/a%ed%a0%80", "/a%80", "/a%00.json", "/a%0d%0aSet-Cookie", "/a%7f", "/..%5c..%5cadmin", "/a%5C"})
    void aPathTheServerCannotDecodeIsRefused(String rawPath) {
        assertTrue(RequestTargetCheck.undecodable(rawPath, null).isPresent(), rawPath);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x=%G1", "x=%", "x=1&y=%2"})
    void aQueryWithABadEscapeIsRefused(String rawQuery) {
        assertTrue(RequestTargetCheck.undecodable("/api/v1/bookings", rawQuery).isPresent(), rawQuery);
    }

    /** Ambiguous but decodable targets (encoded slashes, dot segments) are the application's to judge. */
    @ParameterizedTest
    @ValueSource(strings = {"/", "/exchange-connection/api/v1/bookings/42", "/a%20b", "/caf%C3%A9", "/%F0%9F%93%85", "/a/..%2f..%2fadmin",
            "/a/%2e%2e/b", "/a%25", "/a+b", "/a;jsessionid=1"})
    void aDecodablePathPasses(String rawPath) {
        assertEquals(Optional.empty(), RequestTargetCheck.undecodable(rawPath, "q=caf%C3%A9&x=%25%20"), rawPath);
    }
}
