package org.corpconnect.sim.soap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A parsed SOAP 1.1 envelope: its EWS header children and its single body child. Parsing refuses
 * DTDs (no entity expansion from a request) and reports malformed XML the way Exchange does, as an
 * ErrorSchemaValidation fault.
 */
public final class SoapRequest {
    private final Element envelope;
    private final List<Element> headers;
    private final Element body;

    private SoapRequest(Element envelope, List<Element> headers, Element body) {
        this.envelope = envelope;
        this.headers = headers;
        this.body = body;
    }

    public static SoapRequest parse(byte[] xml) {
        Document doc;
        try {
            doc = builder().parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            throw schemaValidation(e.getMessage(), e.getLineNumber(), e.getColumnNumber());
        } catch (SAXException | IOException e) {
            throw schemaValidation(e.getMessage(), -1, -1);
        }
        Element envelope = doc.getDocumentElement();
        if (!"Envelope".equals(envelope.getLocalName())) {
            throw schemaValidation("The root element is not a SOAP Envelope.", -1, -1);
        }
        if (!Ews.SOAP.equals(envelope.getNamespaceURI())) {
            // SOAP 1.1 section 4.4.1: an envelope of another namespace is a version mismatch.
            throw new EwsFault("ErrorSchemaValidation", "The SOAP envelope namespace is not SOAP 1.1.", Map.of(),
                    "s:VersionMismatch");
        }
        List<Element> headers = new ArrayList<>();
        Element body = null;
        for (Element part : children(envelope)) {
            if (!Ews.SOAP.equals(part.getNamespaceURI())) {
                throw schemaValidation("Unexpected element " + part.getTagName() + " in the SOAP envelope.", -1, -1);
            }
            if ("Header".equals(part.getLocalName())) {
                headers.addAll(children(part));
            } else if ("Body".equals(part.getLocalName())) {
                body = children(part).stream().findFirst().orElse(null);
            }
        }
        if (body == null) {
            throw schemaValidation("The SOAP Body is missing or empty.", -1, -1);
        }
        return new SoapRequest(envelope, headers, body);
    }

    public static EwsFault schemaValidation(String message, int line, int column) {
        return new SchemaValidationFault(message, line, column);
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    public Element envelope() {
        return envelope;
    }

    public List<Element> headers() {
        return headers;
    }

    public Optional<Element> header(String localName) {
        return headers.stream()
                .filter(h -> Ews.TYPES.equals(h.getNamespaceURI()) && localName.equals(h.getLocalName()))
                .findFirst();
    }

    public Element body() {
        return body;
    }

    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** The fault Exchange returns for a request its schema rejects; MessageXml carries line, position and violation. */
    static final class SchemaValidationFault extends EwsFault {
        private final int line;
        private final int column;
        private final String violation;

        SchemaValidationFault(String violation, int line, int column) {
            super("ErrorSchemaValidation", "The request failed schema validation: " + violation);
            this.line = line;
            this.column = column;
            this.violation = violation;
        }

        @Override
        protected void writeMessageXml(XmlWriter w) {
            w.start("t:MessageXml").attr("xmlns:t", Ews.TYPES);
            w.element("t:LineNumber", Math.max(line, 0));
            w.element("t:LinePosition", Math.max(column, 0));
            w.element("t:Violation", violation);
            w.end();
        }
    }
}
