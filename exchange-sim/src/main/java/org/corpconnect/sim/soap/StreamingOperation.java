package org.corpconnect.sim.soap;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * An operation whose response is a stream of SOAP messages on one chunked HTTP response, as
 * GetStreamingEvents is: each {@link Sink#send} writes one complete envelope and flushes it.
 * {@link #execute} is not used for such operations.
 */
public interface StreamingOperation extends EwsOperation {
    void stream(EwsCall call, Sink sink) throws IOException;

    @Override
    default void execute(EwsCall call, XmlWriter out) {
        throw new UnsupportedOperationException("a streaming operation is served through stream()");
    }

    /**
     * Thrown by {@link #stream} to drop the connection as a network failure would: the socket closed with the
     * chunked body unfinished, so the client reads a broken stream, not an answer that ended.
     */
    final class ConnectionDropped extends IOException {
        public ConnectionDropped(String message) {
            super(message);
        }
    }

    /** Sends one response message; throws IOException once the client has gone. */
    interface Sink {
        void send(Consumer<XmlWriter> body) throws IOException;

        /**
         * A fault of the control API: one message preceded by {@code prologue} (e.g. a DOCTYPE), which no
         * Exchange sends; it is not schema-validated.
         */
        void sendWithPrologue(String prologue, Consumer<XmlWriter> body) throws IOException;
    }
}
