package org.corpconnect.sim.soap;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A minimal streaming XML writer over a StringBuilder. Responses are built by hand, not by a DOM,
 * because GetUserAvailability for 100 mailboxes writes tens of thousands of elements and must stay fast.
 * Names are written with the prefixes the envelope declares: {@code s:} SOAP, {@code m:} messages, {@code t:} types.
 */
public final class XmlWriter {
    private final StringBuilder out = new StringBuilder(4096);
    private final Deque<String> open = new ArrayDeque<>();
    private boolean inStartTag;

    public XmlWriter start(String qname) {
        closeStartTag();
        out.append('<').append(qname);
        open.push(qname);
        inStartTag = true;
        return this;
    }

    public XmlWriter attr(String name, Object value) {
        if (!inStartTag) {
            throw new IllegalStateException("attribute outside a start tag: " + name);
        }
        out.append(' ').append(name).append("=\"");
        escape(String.valueOf(value), true);
        out.append('"');
        return this;
    }

    public XmlWriter text(Object value) {
        closeStartTag();
        escape(String.valueOf(value), false);
        return this;
    }

    public XmlWriter end() {
        String qname = open.pop();
        if (inStartTag) {
            out.append("/>");
            inStartTag = false;
        } else {
            out.append("</").append(qname).append('>');
        }
        return this;
    }

    /** A text-only element; nothing is written for a null value, matching minOccurs="0" fields. */
    public XmlWriter element(String qname, Object value) {
        if (value == null) {
            return this;
        }
        return start(qname).text(value).end();
    }

    public XmlWriter empty(String qname) {
        return start(qname).end();
    }

    /** Appends already well-formed XML (used for fragments copied from a request). */
    public XmlWriter raw(String xml) {
        closeStartTag();
        out.append(xml);
        return this;
    }

    private void closeStartTag() {
        if (inStartTag) {
            out.append('>');
            inStartTag = false;
        }
    }

    private void escape(String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n', '\r', '\t' -> out.append(attribute ? "&#" + (int) c + ";" : String.valueOf(c));
                default -> {
                    // Characters XML 1.0 cannot carry are dropped rather than producing an unparsable response.
                    if (c >= 0x20 || Character.isSurrogate(c)) {
                        out.append(c);
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }
}
