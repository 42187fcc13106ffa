package org.corpconnect.sim.soap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates a whole SOAP 1.1 message against Microsoft's schema in one streaming pass over its bytes,
 * so violations carry the line and position Exchange reports in MessageXml.
 *
 * <p>Microsoft's files are loaded through the team's {@code ews-validate.xsd} wrapper (it supplies the
 * xml namespace schema that types.xsd imports without a location). A small envelope schema of our own
 * is added: the Body must hold exactly one element and it is validated strictly; EWS Header children
 * are validated when the EWS schema declares them, other headers are let through (Exchange ignores
 * headers it does not know). The SOAP Fault shape is checked too, so the simulator's own faults are
 * verified in test mode. The compiled schema is cached per directory: compiling takes about a second.
 */
public final class SchemaValidator {
    private static final Map<Path, Schema> COMPILED = new ConcurrentHashMap<>();

    private static final String ENVELOPE_XSD = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                       targetNamespace="http://schemas.xmlsoap.org/soap/envelope/"
                       elementFormDefault="qualified">
              <xs:element name="Envelope">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="Header" minOccurs="0">
                      <xs:complexType>
                        <xs:sequence>
                          <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
                        </xs:sequence>
                        <xs:anyAttribute namespace="##other" processContents="lax"/>
                      </xs:complexType>
                    </xs:element>
                    <xs:element name="Body">
                      <xs:complexType>
                        <xs:sequence>
                          <xs:any namespace="##any" processContents="strict" minOccurs="1" maxOccurs="1"/>
                        </xs:sequence>
                        <xs:anyAttribute namespace="##other" processContents="lax"/>
                      </xs:complexType>
                    </xs:element>
                  </xs:sequence>
                  <xs:anyAttribute namespace="##other" processContents="lax"/>
                </xs:complexType>
              </xs:element>
              <xs:element name="Fault">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="faultcode" type="xs:QName" form="unqualified"/>
                    <xs:element name="faultstring" form="unqualified">
                      <xs:complexType>
                        <xs:simpleContent>
                          <xs:extension base="xs:string">
                            <xs:anyAttribute namespace="##other" processContents="lax"/>
                          </xs:extension>
                        </xs:simpleContent>
                      </xs:complexType>
                    </xs:element>
                    <xs:element name="faultactor" type="xs:anyURI" form="unqualified" minOccurs="0"/>
                    <xs:element name="detail" form="unqualified" minOccurs="0">
                      <xs:complexType>
                        <xs:sequence>
                          <xs:any namespace="##any" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
                        </xs:sequence>
                      </xs:complexType>
                    </xs:element>
                  </xs:sequence>
                </xs:complexType>
              </xs:element>
            </xs:schema>
            """;

    private final Schema schema;

    private SchemaValidator(Schema schema) {
        this.schema = schema;
    }

    public static SchemaValidator forDirectory(Path schemaDir) {
        Path wrapper = schemaDir.resolve("ews-validate.xsd").toAbsolutePath().normalize();
        if (!Files.isRegularFile(wrapper)) {
            throw new IllegalArgumentException("No ews-validate.xsd in schema directory " + schemaDir.toAbsolutePath());
        }
        return new SchemaValidator(COMPILED.computeIfAbsent(wrapper, SchemaValidator::compile));
    }

    private static Schema compile(Path wrapper) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // The schema files are local; only file: access is needed to follow their imports.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            return factory.newSchema(new Source[] {
                    new StreamSource(wrapper.toFile()),
                    new StreamSource(new StringReader(ENVELOPE_XSD), "urn:corpconnect:sim:soap-envelope")});
        } catch (SAXException e) {
            throw new IllegalStateException("Cannot compile the EWS schema " + wrapper + ": " + e.getMessage(), e);
        }
    }

    /** The violations found in the message; empty when it is valid. */
    public List<Violation> validate(byte[] soapMessage) {
        List<Violation> violations = new ArrayList<>();
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // Warnings do not make a request invalid for Exchange either.
            }

            @Override
            public void error(SAXParseException e) {
                violations.add(new Violation(e.getMessage(), e.getLineNumber(), e.getColumnNumber()));
            }

            @Override
            public void fatalError(SAXParseException e) {
                violations.add(new Violation(e.getMessage(), e.getLineNumber(), e.getColumnNumber()));
            }
        });
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(soapMessage)));
        } catch (SAXParseException e) {
            if (violations.isEmpty()) {
                violations.add(new Violation(e.getMessage(), e.getLineNumber(), e.getColumnNumber()));
            }
        } catch (SAXException e) {
            if (violations.isEmpty()) {
                violations.add(new Violation(e.getMessage(), -1, -1));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return violations;
    }

    public record Violation(String message, int line, int column) {
        @Override
        public String toString() {
            return "line " + line + ", position " + column + ": " + message;
        }
    }
}
