package org.corpconnect.sim.soap;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Writes the m:ResponseMessages of a multi-item operation: one response message per requested item,
 * Success with its content or Error with its code, in request order, as every EWS item operation does.
 * Each item is rendered separately, so a failure halfway through an item leaves no partial content.
 */
public final class ResponseMessages {
    private ResponseMessages() {
    }

    public static <T> void write(EwsCall call, XmlWriter w, String responseElement, String messageElement,
                                 List<T> inputs, BiConsumer<T, XmlWriter> success) {
        write(call, w, responseElement, messageElement, null, inputs, success);
    }

    /**
     * As above; {@code requiredOnError} names an element the message type requires even on error
     * (ItemInfoResponseMessageType requires m:Items, FolderInfoResponseMessageType m:Folders), written
     * empty after the error, as Exchange writes it.
     */
    public static <T> void write(EwsCall call, XmlWriter w, String responseElement, String messageElement,
                                 String requiredOnError, List<T> inputs, BiConsumer<T, XmlWriter> success) {
        w.start(responseElement);
        w.start("m:ResponseMessages");
        for (T input : inputs) {
            XmlWriter content = new XmlWriter();
            String code = "NoError";
            ResponseError error = null;
            try {
                success.accept(input, content);
            } catch (ResponseError e) {
                error = e;
                code = e.responseCode();
            }
            call.log().responseCode(code);
            w.start(messageElement).attr("ResponseClass", error == null ? "Success" : "Error");
            if (error == null) {
                w.element("m:ResponseCode", "NoError");
                w.raw(content.toString());
            } else {
                error.writeBody(w, "m:");
                if (requiredOnError != null) {
                    w.empty(requiredOnError);
                }
            }
            w.end();
        }
        w.end();
        w.end();
    }
}
