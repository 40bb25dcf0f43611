package io.cmohub.connector.sapidoc;

import io.cmohub.connector.limits.RecordWindow;
import io.cmohub.connector.xml.StaxDocuments;
import io.cmohub.connector.DocumentContext;
import io.cmohub.connector.DocumentParser;
import io.cmohub.connector.FieldError;
import io.cmohub.connector.MappedFields;
import io.cmohub.connector.RecordSink;
import io.cmohub.model.Batch;
import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.value.InvalidValueException;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walks an IDoc-XML file (root = IDoc basic type, then one IDOC element per IDoc) with a StAX
 * cursor and binds one IDOC at a time with JAXB: memory holds one IDoc whatever the file size.
 * Each IDoc's control record EDI_DC40 is checked (basic type, message type, sender partner) before
 * its segments are mapped.
 */
final class IdocParser implements DocumentParser {
    private static final JAXBContext BINDING;

    static {
        try {
            BINDING = JAXBContext.newInstance(Idoc.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final BatchMasterMapper batches;
    private final InspectionResultMapper inspections;
    private final Set<String> senders;
    private final SapValues values;

    IdocParser(BatchMasterMapper batches, InspectionResultMapper inspections, Set<String> senders, SapValues values) {
        this.batches = batches;
        this.inspections = inspections;
        this.senders = senders;
        this.values = values;
    }

    @Override
    public void parse(InputStream in, DocumentContext context, RecordSink sink) throws IOException {
        RecordWindow window = RecordWindow.over(in, context.limits());
        StaxDocuments.read(window, sink, reader -> walk(reader, context, sink, window));
    }

    private void walk(XMLStreamReader reader, DocumentContext context, RecordSink sink, RecordWindow window) throws XMLStreamException {
        IdocType type = null;
        while (type == null) {
            if (!reader.hasNext()) {
                sink.failed("line 1", new FieldError(null, "the document has no root element"));
                return;
            }
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                sink.failed("line " + reader.getLocation().getLineNumber(), new FieldError(null,
                        "the document declares a DOCTYPE; IDoc-XML has none, and DTDs and entities are never processed"));
                return;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String root = reader.getLocalName();
                String namespace = reader.getNamespaceURI();
                type = IdocType.ofRoot(root).orElse(null);
                if (type == null || (namespace != null && !namespace.isEmpty())) {
                    sink.failed("line " + reader.getLocation().getLineNumber(), new FieldError(null, "root element "
                            + (namespace == null || namespace.isEmpty() ? root : "{" + namespace + "}" + root)
                            + " is not an IDoc-XML basic type this connector reads (" + IdocType.names() + ", without namespace)"));
                    return;
                }
            }
        }
        Unmarshaller unmarshaller;
        try {
            unmarshaller = BINDING.createUnmarshaller();
        } catch (JAXBException e) {
            throw new IllegalStateException("the IDoc classes do not bind", e);
        }
        int count = 0;
        int depth = 1;
        int event = reader.next();
        while (true) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1 && reader.getLocalName().equals("IDOC")) {
                    count++;
                    String location = "IDOC " + count + " (line " + reader.getLocation().getLineNumber() + ")";
                    Idoc idoc;
                    try {
                        window.startRecord(location, reader.getLocation().getCharacterOffset());
                        idoc = unmarshaller.unmarshal(reader, Idoc.class).getValue();
                        window.endRecord(reader.getLocation().getCharacterOffset());
                    } catch (JAXBException e) {
                        Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e.getCause();
                        if (cause instanceof XMLStreamException xml) {
                            throw xml;
                        }
                        sink.failed(location, new FieldError(null, "the IDoc could not be read: " + (cause != null ? cause.getMessage() : e.getMessage())));
                        return;
                    }
                    record(type, idoc, location, context, sink);
                    event = reader.getEventType(); // JAXB leaves the cursor after the IDOC end tag
                    continue;
                }
                if (depth == 1) {
                    sink.failed("line " + reader.getLocation().getLineNumber(), new FieldError(reader.getLocalName(),
                            "element " + reader.getLocalName() + " where an IDOC element was expected"));
                    return;
                }
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
            if (!reader.hasNext()) {
                break;
            }
            event = reader.next();
        }
        if (count == 0) {
            sink.failed("line " + reader.getLocation().getLineNumber(), new FieldError(null, "the " + type + " file contains no IDOC element"));
        }
    }

    private void record(IdocType type, Idoc idoc, String location, DocumentContext context, RecordSink sink) {
        MappedFields fields = new MappedFields();
        Instant created = control(type, idoc.control, fields);
        List<CanonicalRecord> mapped = null;
        if (!fields.hasErrors()) {
            if (type.messageType.equals("BATMAS")) {
                Batch batch = batches.map(idoc, context.partner(), created, fields);
                mapped = batch == null ? null : List.of(batch);
            } else {
                mapped = inspections.map(idoc, context.partner(), context.receivedAt(), fields);
            }
        }
        if (mapped == null || fields.hasErrors()) {
            sink.rejected(location, fields.errors());
        } else {
            sink.accepted(location, mapped);
        }
    }

    /** Checks the control record; returns its creation time. */
    private Instant control(IdocType type, Idoc.ControlRecord control, MappedFields fields) {
        if (control == null) {
            fields.error("EDI_DC40", "the IDoc has no control record EDI_DC40");
            return null;
        }
        if (!type.name().equals(strip(control.idoctyp))) {
            fields.error("EDI_DC40/IDOCTYP", "basic type '" + strip(control.idoctyp) + "' differs from the file's root element " + type);
        }
        if (!type.messageType.equals(strip(control.mestyp))) {
            fields.error("EDI_DC40/MESTYP", "message type '" + strip(control.mestyp) + "' is not " + type.messageType + ", the message type of " + type);
        }
        String sender = strip(control.sndprn);
        if (sender == null) {
            fields.error("EDI_DC40/SNDPRN", "the sender partner SNDPRN is missing");
        } else if (!senders.isEmpty() && !senders.contains(sender)) {
            fields.error("EDI_DC40/SNDPRN", "sender partner '" + sender + "' is not one of the configured sender-partners " + senders);
        }
        String date = SapValues.dateOrNull(control.credat);
        if (date == null) {
            return null;
        }
        try {
            return values.instant(date, control.cretim);
        } catch (InvalidValueException e) {
            fields.error("EDI_DC40/CREDAT", e.getMessage());
            return null;
        }
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }


}
