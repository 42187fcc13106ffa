package org.corpconnect.rest;

import org.corpconnect.exchange.outbound.OutboundRefused;

/**
 * Example problem documents of the OpenAPI description, one per problem type the mapper and the
 * filters write: the answers' examples list the types each status can carry. Constants, because
 * annotation values must be.
 */
final class ProblemExamples {

    private static final String INSTANCE = "\"instance\":\"urn:uuid:3b2f9a8e-6d1c-4f6e-9b0a-1c2d3e4f5a6b\"";
    private static final String TYPE = "{\"type\":\"urn:corpconnect:problem:";

    static final String INVALID_REQUEST = TYPE + "invalid-request\",\"title\":\"Invalid request\",\"status\":400," + INSTANCE
            + ",\"detail\":\"start must be an ISO-8601 date-time with offset, e.g. 2026-12-01T09:30:00+01:00.\","
            + "\"errors\":[{\"field\":\"start\",\"message\":\"start must be an ISO-8601 date-time with offset, e.g. 2026-12-01T09:30:00+01:00.\"}]}";
    static final String INVALID_WEBHOOK_URL = TYPE + "invalid-request\",\"title\":\"Invalid request\",\"status\":400," + INSTANCE
            + ",\"detail\":\"" + OutboundRefused.SENTENCE + "\","
            + "\"errors\":[{\"field\":\"url\",\"message\":\"" + OutboundRefused.SENTENCE + "\"}]}";
    static final String WEBHOOK_NOT_FOUND = TYPE + "not-found\",\"title\":\"Not found\",\"status\":404," + INSTANCE
            + ",\"detail\":\"No such webhook endpoint in this account.\"}";
    static final String INVALID_QUERY = TYPE + "invalid-request\",\"title\":\"Invalid request\",\"status\":400," + INSTANCE
            + ",\"detail\":\"zone 'Mars/Olympus' is not an IANA time zone such as Europe/Berlin.\"}";
    static final String MALFORMED_JSON = TYPE + "malformed-json\",\"title\":\"Malformed JSON\",\"status\":400," + INSTANCE
            + ",\"detail\":\"The request body is not valid JSON of the expected shape.\"}";
    static final String MALFORMED_REQUEST = TYPE + "malformed-request\",\"title\":\"Malformed request\",\"status\":400," + INSTANCE
            + ",\"detail\":\"The request path encodes a slash, backslash, dot, percent sign or control character.\"}";
    static final String UNAUTHORIZED = TYPE + "unauthorized\",\"title\":\"Unauthorized\",\"status\":401," + INSTANCE
            + ",\"detail\":\"Send a valid API key of your account: Authorization: Bearer <key>.\"}";
    static final String NOT_FOUND = TYPE + "not-found\",\"title\":\"Not found\",\"status\":404," + INSTANCE
            + ",\"detail\":\"No such booking in this account.\"}";
    static final String USER_NOT_FOUND = TYPE + "not-found\",\"title\":\"Not found\",\"status\":404," + INSTANCE
            + ",\"detail\":\"No such user in this account.\"}";
    static final String SLOT_TAKEN = TYPE + "slot-taken\",\"title\":\"Slot taken\",\"status\":409," + INSTANCE
            + ",\"detail\":\"The slot is no longer free for this user.\"}";
    static final String USER_NOT_BOOKABLE = TYPE + "user-not-bookable\",\"title\":\"User cannot be booked\",\"status\":409,"
            + INSTANCE + ",\"detail\":\"The dedicated mailbox cannot write into this user's calendar; see the user's delegation status.\"}";
    static final String CALENDAR_UNKNOWN = TYPE + "calendar-unknown\",\"title\":\"Calendar not known well enough to book\","
            + "\"status\":409," + INSTANCE + ",\"detail\":\"The user's busy time was last read 3 hours ago.\"}";
    static final String BOOKING_IN_PROGRESS = TYPE + "booking-in-progress\",\"title\":\"Booking in progress\",\"status\":409,"
            + INSTANCE + ",\"detail\":\"Another change of this booking is in progress; retry after the given seconds.\"}";
    static final String BOOKING_NOT_CHANGEABLE = TYPE + "booking-not-changeable\",\"title\":\"Booking cannot be changed\","
            + "\"status\":409," + INSTANCE + ",\"detail\":\"The booking is CANCELLED.\"}";
    static final String BOOKING_RELEASED = TYPE + "booking-released\",\"title\":\"Booking released\",\"status\":409," + INSTANCE
            + ",\"detail\":\"The booking's hold lapsed and its slot was released; book again with a new Idempotency-Key.\"}";
    static final String PAYLOAD_TOO_LARGE = TYPE + "http-413\",\"title\":\"Request Entity Too Large\",\"status\":413," + INSTANCE
            + ",\"detail\":\"Request Entity Too Large.\"}";
    static final String UNSUPPORTED_MEDIA_TYPE = TYPE + "http-415\",\"title\":\"Unsupported Media Type\",\"status\":415," + INSTANCE
            + ",\"detail\":\"Unsupported Media Type.\"}";
    static final String OUTSIDE_BOOKING_RULES = TYPE + "outside-booking-rules\",\"title\":\"Outside the booking rules\","
            + "\"status\":422," + INSTANCE + ",\"detail\":\"A booking needs at least 60 minutes' notice.\",\"rule\":\"minimum-notice\"}";
    static final String IDEMPOTENCY_KEY_REUSED = TYPE + "idempotency-key-reused\",\"title\":\"Idempotency-Key reused\","
            + "\"status\":422," + INSTANCE + ",\"detail\":\"This Idempotency-Key was used for another booking request; use a new key for a new booking.\"}";
    static final String RATE_LIMITED = TYPE + "rate-limited\",\"title\":\"Too many requests\",\"status\":429," + INSTANCE
            + ",\"detail\":\"Too many requests with this API key or account in the last minute; retry after the given seconds.\"}";
    static final String INTERNAL_ERROR = TYPE + "internal-error\",\"title\":\"Internal error\",\"status\":500," + INSTANCE
            + ",\"detail\":\"Something went wrong on our side; the instance identifies it in our logs.\"}";
    static final String CALENDAR_NOT_WRITTEN = TYPE + "calendar-not-written\",\"title\":\"Calendar not written\",\"status\":503,"
            + INSTANCE + ",\"detail\":\"The booking is recorded but not in the calendar yet; retry with the same Idempotency-Key.\"}";
    static final String EXCHANGE_THROTTLED = TYPE + "exchange-throttled\",\"title\":\"Exchange is throttling\",\"status\":503,"
            + INSTANCE + ",\"detail\":\"Exchange asked us to wait; retry after the given seconds.\"}";
    static final String EXCHANGE_UNAVAILABLE = TYPE + "exchange-unavailable\",\"title\":\"Exchange unavailable\",\"status\":503,"
            + INSTANCE + ",\"detail\":\"The account's connection to Exchange is paused.\"}";
    static final String BUSY = TYPE + "busy\",\"title\":\"Busy\",\"status\":503," + INSTANCE
            + ",\"detail\":\"Too many changes of the same data at once; nothing was changed. Try again in a moment.\"}";

    private ProblemExamples() {
    }
}
