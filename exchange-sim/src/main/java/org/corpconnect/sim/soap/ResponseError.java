package org.corpconnect.sim.soap;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A per-item failure: written as a ResponseMessage with ResponseClass="Error" beside the other items'
 * results, as Exchange does for FindItem, GetItem, CreateItem, UpdateItem, DeleteItem, GetFolder and
 * for each mailbox of GetUserAvailability.
 */
public class ResponseError extends RuntimeException {
    private final String responseCode;
    private final Map<String, String> messageXmlValues;

    public ResponseError(String responseCode, String messageText) {
        this(responseCode, messageText, Map.of());
    }

    public ResponseError(String responseCode, String messageText, Map<String, String> messageXmlValues) {
        super(messageText);
        this.responseCode = responseCode;
        this.messageXmlValues = new LinkedHashMap<>(messageXmlValues);
    }

    public String responseCode() {
        return responseCode;
    }

    /** Writes MessageText, ResponseCode, DescriptiveLinkKey and MessageXml in schema order, with the given prefix. */
    public void writeBody(XmlWriter w, String prefix) {
        w.element(prefix + "MessageText", getMessage());
        w.element(prefix + "ResponseCode", responseCode);
        w.element(prefix + "DescriptiveLinkKey", 0);
        if (!messageXmlValues.isEmpty()) {
            w.start(prefix + "MessageXml");
            messageXmlValues.forEach((name, value) -> w.start("t:Value").attr("Name", name).text(value).end());
            w.end();
        }
    }

    public static ResponseError itemNotFound() {
        return new ResponseError("ErrorItemNotFound", "The specified object was not found in the store.");
    }

    public static ResponseError accessDenied() {
        return new ResponseError("ErrorAccessDenied", "Access is denied. Check credentials and try again.");
    }

    public static ResponseError nonExistentMailbox(String smtp) {
        return new ResponseError("ErrorNonExistentMailbox", "The SMTP address has no mailbox associated with it.",
                Map.of("SmtpAddress", smtp));
    }
}
