package io.cmohub.connector.mapping.source;

import io.cmohub.connector.FieldError;
import io.cmohub.connector.RecordSink;
import io.cmohub.connector.mapping.definition.SourceSpec;
import io.cmohub.model.codec.HardenedXml;
import io.cmohub.connector.limits.RecordLimits;
import io.cmohub.connector.limits.RecordWindow;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Simple XML with a hardened StAX cursor (no DTDs, no external entities, bounded sizes): every
 * element with the record's local name is read into a small map of paths; nothing else is kept.
 * Namespaces are ignored (local names only), which is what "simple XML" exports need.
 */
final class XmlRecordReader implements RecordReader {
    private static final XMLInputFactory FACTORY = HardenedXml.inputFactory();

    private final SourceSpec.Xml spec;

    XmlRecordReader(SourceSpec.Xml spec) {
        this.spec = spec;
    }

    @Override
    public void read(InputStream raw, RecordLimits limits, RecordSink sink, Consumer<SourceRecord> records) throws IOException {
        RecordWindow in = RecordWindow.over(raw, limits);
        XMLStreamReader xml = null;
        long index = 0;
        try {
            xml = spec.encoding() == null ? FACTORY.createXMLStreamReader(in) : FACTORY.createXMLStreamReader(new InputStreamReader(in, spec.encoding()));
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    // entities are never expanded anyway; a DOCTYPE in a data export is a probe, not a feature
                    sink.failed("line " + xml.getLocation().getLineNumber(), new FieldError(null,
                            "the document declares a DOCTYPE; DTDs and entities are not accepted in partner exports"));
                    return;
                }
                if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals(spec.record())) {
                    index++;
                    String location = spec.record() + " " + index + " (line " + xml.getLocation().getLineNumber() + ")";
                    in.startRecord(location, xml.getLocation().getCharacterOffset());
                    Map<String, String> fields = readRecord(xml);
                    in.endRecord(xml.getLocation().getCharacterOffset());
                    records.accept(new SourceRecord(location, fields));
                }
            }
            if (index == 0) {
                sink.failed("document", new FieldError(null, "the document has no <" + spec.record() + "> element"));
            }
        } catch (XMLStreamException e) {
            String line = e.getLocation() == null ? "document" : "line " + e.getLocation().getLineNumber();
            sink.failed(line, new FieldError(null, "malformed XML: " + firstLine(e.getMessage())));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException e) {
                    // closing a reader that already failed has nothing left to report
                }
            }
        }
    }

    /** Reads the record element (cursor on its start tag) to its end tag. */
    private static Map<String, String> readRecord(XMLStreamReader xml) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        Map<String, Integer> elements = new HashMap<>();
        Deque<String> path = new ArrayDeque<>();
        Deque<StringBuilder> text = new ArrayDeque<>();
        attributes(xml, "", fields);
        text.push(new StringBuilder());
        int depth = 1;
        while (depth > 0) {
            switch (xml.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    String parent = path.isEmpty() ? "" : path.peek() + "/";
                    String name = unique(parent + xml.getLocalName(), elements);
                    path.push(name);
                    text.push(new StringBuilder());
                    attributes(xml, name + "/", fields);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.peek().append(xml.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    String value = text.pop().toString().strip();
                    String name = depth == 0 ? "." : path.pop();
                    if (!value.isEmpty()) {
                        fields.put(name, value);
                    }
                }
                default -> {
                    // comments and processing instructions carry no data
                }
            }
        }
        return fields;
    }

    /**
     * A repeated element gets an index from the second one on: Result, Result[2], Result[3]. The
     * count per name is kept, so a record with many repeats costs linear, not quadratic, time.
     */
    private static String unique(String name, Map<String, Integer> elements) {
        int seen = elements.merge(name, 1, Integer::sum);
        return seen == 1 ? name : name + "[" + seen + "]";
    }

    private static void attributes(XMLStreamReader xml, String prefix, Map<String, String> fields) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            fields.put(prefix + "@" + xml.getAttributeLocalName(i), xml.getAttributeValue(i));
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : List.of(message.split("\n")).get(0);
    }
}
