package org.corpconnect.sim.soap;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request-level failure that Exchange reports as a SOAP Fault (HTTP 500) rather than inside a
 * ResponseMessage: schema validation, impersonation, throttling, version and header errors.
 * Per-item failures are {@link ResponseError}s instead.
 */
public class EwsFault extends RuntimeException {
    private final String responseCode;
    private final Map<String, String> messageXmlValues;
    private final String faultCodeQName;

    public EwsFault(String responseCode, String message) {
        this(responseCode, message, Map.of());
    }

    public EwsFault(String responseCode, String message, Map<String, String> messageXmlValues) {
        this(responseCode, message, messageXmlValues, null);
    }

    /** faultCodeQName overrides the EWS code in faultcode, e.g. {@code s:Client} for envelope errors. */
    public EwsFault(String responseCode, String message, Map<String, String> messageXmlValues, String faultCodeQName) {
        super(message);
        this.responseCode = responseCode;
        this.messageXmlValues = new LinkedHashMap<>(messageXmlValues);
        this.faultCodeQName = faultCodeQName;
    }

    public String responseCode() {
        return responseCode;
    }

    public Map<String, String> messageXmlValues() {
        return messageXmlValues;
    }

    /** Writes the s:Fault element in the shape Exchange uses (faultcode in the types namespace, detail in errors). */
    public void writeTo(XmlWriter w) {
        w.start("s:Fault");
        if (faultCodeQName != null) {
            w.element("faultcode", faultCodeQName);
        } else {
            w.start("faultcode").attr("xmlns:a", Ews.TYPES).text("a:" + responseCode).end();
        }
        w.start("faultstring").attr("xml:lang", "en-US").text(getMessage()).end();
        w.start("detail");
        w.start("e:ResponseCode").attr("xmlns:e", Ews.ERRORS).text(responseCode).end();
        w.start("e:Message").attr("xmlns:e", Ews.ERRORS).text(getMessage()).end();
        writeMessageXml(w);
        w.end();
        w.end();
    }

    protected void writeMessageXml(XmlWriter w) {
        if (messageXmlValues.isEmpty()) {
            return;
        }
        w.start("t:MessageXml").attr("xmlns:t", Ews.TYPES);
        messageXmlValues.forEach((name, value) -> w.start("t:Value").attr("Name", name).text(value).end());
        w.end();
    }
}
