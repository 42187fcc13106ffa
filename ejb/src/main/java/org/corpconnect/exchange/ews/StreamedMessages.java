package org.corpconnect.exchange.ews;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the messages of a GetStreamingEvents response: one SOAP envelope after another on one HTTP
 * response, each read as it arrives. Only what the product needs is kept: which subscriptions had
 * events, which Exchange names as failed (ErrorSubscriptionIds), the response code and the
 * ConnectionStatus; never an event's item.
 *
 * <p>DTDs and entities are refused: the StAX factory is the JDK's own (not whatever the server's
 * class path offers), with DTD support and external entities off, and a DOCTYPE or an entity
 * reference anywhere ends the read with an {@link XMLStreamException}, before any notification of
 * that message is reported. ews-java-api's own streaming reader ({@code EwsServiceMultiResponseXmlReader})
 * takes {@code XMLInputFactory.newInstance()} as it comes, DTDs on; it also reads on a thread of its own
 * making, so it is not used at all.
 */
final class StreamedMessages {

    /** One streamed message. {@code notified}: subscriptions with at least one event (StatusEvent is none). */
    record Message(boolean success, String responseCode, Set<String> notified, Set<String> failedSubscriptions,
                   Optional<String> connectionStatus) {
    }

    private static final String WRAPPER = "StreamedMessages";

    private final XMLStreamReader reader;

    StreamedMessages(InputStream body) throws IOException, XMLStreamException {
        // The messages are sibling documents: read them as children of one wrapper element, so that
        // the reader never needs the next message's bytes to finish this one. The wrapper closes where the
        // response ends, so a response cut between two messages reads as a plain end.
        reader = factory().createXMLStreamReader(new SequenceInputStream(java.util.Collections.enumeration(List.of(
                utf8("<" + WRAPPER + ">"), withoutDeclaration(body), utf8("</" + WRAPPER + ">")))),
                StandardCharsets.UTF_8.name());
        expect(reader.next() == XMLStreamConstants.START_ELEMENT);
    }

    static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("External entities are refused: " + systemId);
        });
        return factory;
    }

    /** The next message; empty when the response ended (however it ended: the caller knows whether it should have). */
    Optional<Message> next() throws XMLStreamException {
        while (reader.hasNext()) {
            int event = nextEvent();
            if (event == XMLStreamConstants.START_ELEMENT && "GetStreamingEventsResponseMessage".equals(reader.getLocalName())) {
                return Optional.of(message());
            }
        }
        return Optional.empty();
    }

    private Message message() throws XMLStreamException {
        boolean success = "Success".equals(reader.getAttributeValue(null, "ResponseClass"));
        String code = "";
        Set<String> notified = new LinkedHashSet<>();
        Set<String> failed = new LinkedHashSet<>();
        Optional<String> status = Optional.empty();
        boolean inErrorIds = false;
        String subscription = null;
        boolean hasEvent = false;
        while (true) {
            int event = nextEvent();
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("The streamed message ended in the middle.");
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                switch (reader.getLocalName()) {
                    case "GetStreamingEventsResponseMessage" -> {
                        return new Message(success, code, notified, failed, status);
                    }
                    case "ErrorSubscriptionIds" -> inErrorIds = false;
                    case "Notification" -> {
                        if (hasEvent && subscription != null) {
                            notified.add(subscription);
                        }
                        subscription = null;
                        hasEvent = false;
                    }
                    default -> {
                    }
                }
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = reader.getLocalName();
            switch (name) {
                case "ResponseCode" -> code = text();
                case "ConnectionStatus" -> status = Optional.of(text());
                case "ErrorSubscriptionIds" -> inErrorIds = true;
                case "SubscriptionId" -> {
                    if (inErrorIds) {
                        failed.add(text());
                    } else {
                        subscription = text();
                    }
                }
                default -> {
                    if (name.endsWith("Event") && !"StatusEvent".equals(name)) {
                        hasEvent = true;
                    }
                }
            }
        }
    }

    private String text() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = nextEvent();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text.append(reader.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return text.toString().trim();
            } else {
                throw new XMLStreamException("Unexpected content in a text element of a streamed message.");
            }
        }
    }

    /** The next event; a DTD or an entity reference, wherever it comes, ends the read. */
    private int nextEvent() throws XMLStreamException {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE
                || event == XMLStreamConstants.ENTITY_DECLARATION || event == XMLStreamConstants.NOTATION_DECLARATION) {
            throw new XMLStreamException("A streamed message with a DTD or an entity reference is refused.");
        }
        return event;
    }

    /** The body without a leading XML declaration, which may not follow the wrapper's start tag. */
    private static InputStream withoutDeclaration(InputStream body) throws IOException {
        PushbackInputStream in = new PushbackInputStream(body, 5);
        byte[] head = in.readNBytes(5);
        if (new String(head, StandardCharsets.US_ASCII).equals("<?xml")) {
            int c;
            int previous = -1;
            while ((c = in.read()) != -1 && !(previous == '?' && c == '>')) {
                previous = c;
            }
        } else {
            in.unread(head);
        }
        return in;
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void expect(boolean condition) throws XMLStreamException {
        if (!condition) {
            throw new XMLStreamException("Not a stream of messages.");
        }
    }
}
