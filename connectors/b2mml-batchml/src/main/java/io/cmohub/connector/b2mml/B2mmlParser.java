package io.cmohub.connector.b2mml;

import io.cmohub.connector.limits.RecordWindow;
import io.cmohub.connector.xml.StaxDocuments;
import io.cmohub.connector.DocumentContext;
import io.cmohub.connector.DocumentParser;
import io.cmohub.connector.FieldError;
import io.cmohub.connector.MappedFields;
import io.cmohub.connector.RecordSink;
import io.cmohub.connector.b2mml.v0700.BatchProductionRecordType;
import io.cmohub.connector.b2mml.v0700.MaterialLotType;
import io.cmohub.model.Batch;
import io.cmohub.model.CanonicalRecord;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walks a B2MML document with a StAX cursor and hands each repeated record element
 * (BatchProductionRecord, or MaterialLot inside MaterialInformation) to JAXB on its own, so memory
 * holds one record whatever the document size. The root element's namespace decides the release:
 * only V0700 is read; older releases are refused by name, never parsed with the wrong classes.
 */
final class B2mmlParser implements DocumentParser {
    private final BatchProductionRecordMapper records;
    private final MaterialLotMapper lots;
    private final ZoneId zone;

    B2mmlParser(BatchProductionRecordMapper records, MaterialLotMapper lots, ZoneId zone) {
        this.records = records;
        this.lots = lots;
        this.zone = zone;
    }

    @Override
    public void parse(InputStream in, DocumentContext context, RecordSink sink) throws IOException {
        RecordWindow window = RecordWindow.over(in, context.limits());
        StaxDocuments.read(window, sink, reader -> new Walk(reader, context, sink, window).run());
    }

    /** The state of one document: where the cursor is and what the header said. */
    private final class Walk {
        private final XMLStreamReader reader;
        private final DocumentContext context;
        private final RecordSink sink;
        private final RecordWindow window;
        private final Deque<String> path = new ArrayDeque<>();
        private final Unmarshaller unmarshaller;
        private final List<ValidationEvent> bindingProblems = new ArrayList<>();
        private B2mmlDocumentKind kind;
        private Instant messageCreated;
        private int count;

        Walk(XMLStreamReader reader, DocumentContext context, RecordSink sink, RecordWindow window) {
            this.reader = reader;
            this.window = window;
            this.context = context;
            this.sink = sink;
            try {
                this.unmarshaller = V0700Binding.CONTEXT.createUnmarshaller();
                // JAXB's default is to skip values it cannot convert (a date that is not a date
                // becomes null): collect them instead and reject the record. Kept to one more than a record reports, so
                // a record of a million bad values cannot fill the memory with events.
                int kept = context.limits().maxErrorsPerRecord() + 1;
                this.unmarshaller.setEventHandler(event -> bindingProblems.size() >= kept || bindingProblems.add(event) || true);
            } catch (JAXBException e) {
                throw new IllegalStateException("the generated B2MML V0700 classes do not bind", e);
            }
        }

        void run() throws XMLStreamException {
            if (!toRoot()) {
                return;
            }
            int event = reader.getEventType();
            while (true) {
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (isRecord()) {
                        if (!readRecord()) {
                            return;
                        }
                        event = reader.getEventType(); // JAXB leaves the cursor after the record's end tag
                        continue;
                    }
                    if (!header()) {
                        return;
                    }
                    if (reader.getEventType() == XMLStreamConstants.START_ELEMENT) {
                        path.push(reader.getLocalName());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    path.poll();
                }
                if (!reader.hasNext()) {
                    return;
                }
                event = reader.next();
            }
        }

        private boolean toRoot() throws XMLStreamException {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    // B2MML is defined by XML Schema; a DOCTYPE only serves entity tricks (XXE, expansion bombs)
                    sink.failed("line " + reader.getLocation().getLineNumber(), new FieldError(null,
                            "the document declares a DOCTYPE; B2MML documents have none, and DTDs and entities are never processed"));
                    return false;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String namespace = reader.getNamespaceURI();
                    String root = reader.getLocalName();
                    String where = "line " + reader.getLocation().getLineNumber();
                    Optional<B2mmlVersion> version = B2mmlVersion.of(namespace);
                    if (version.isEmpty()) {
                        sink.failed(where, new FieldError(null, "not a B2MML/BatchML document: root element " + root
                                + (namespace == null || namespace.isEmpty() ? " has no namespace" : " is in namespace " + namespace)
                                + "; expected B2MML V0700 (namespace " + B2mmlVersion.V0700_NAMESPACE + ")"));
                        return false;
                    }
                    if (!version.get().supported()) {
                        sink.failed(where, new FieldError(null, "unsupported B2MML version " + version.get().name() + " (root element " + root
                                + " in namespace " + namespace + "); this connector reads B2MML/BatchML V0700 (namespace "
                                + B2mmlVersion.V0700_NAMESPACE + ") only, ask the CMO for a V0700 export"));
                        return false;
                    }
                    kind = B2mmlDocumentKind.ofRoot(root).orElse(null);
                    if (kind == null) {
                        sink.failed(where, new FieldError(null, "root element " + root + " is B2MML V0700 but not a document this connector maps; it reads "
                                + B2mmlDocumentKind.supportedRoots()));
                        return false;
                    }
                    return true;
                }
            }
            sink.failed("line 1", new FieldError(null, "the document has no root element"));
            return false;
        }

        private boolean isRecord() {
            if (!B2mmlVersion.V0700_NAMESPACE.equals(reader.getNamespaceURI()) || !kind.recordElement.equals(reader.getLocalName())) {
                return false;
            }
            // a MaterialLot counts only as a child of MaterialInformation; lots nested elsewhere (assemblies) belong to their record
            return kind == B2mmlDocumentKind.BATCH_PRODUCTION_RECORDS || "MaterialInformation".equals(path.peek());
        }

        /** Reads document-level facts on the way to the records; false when the document is refused. */
        private boolean header() throws XMLStreamException {
            String name = reader.getLocalName();
            String parent = path.peek();
            if ("ActionExpression".equals(name)) {
                // Sync/ActionCriteria/ActionExpression/@actionCode: Add, Change, Replace or Delete
                String action = reader.getAttributeValue(null, "actionCode");
                if (action != null && action.strip().equalsIgnoreCase("Delete")) {
                    sink.failed("line " + reader.getLocation().getLineNumber(), new FieldError("ActionExpression/@actionCode",
                            "actionCode 'Delete' is not supported: the hub records batch facts and never deletes them from a partner message"));
                    return false;
                }
            }
            if ("CreationDateTime".equals(name) && "ApplicationArea".equals(parent)) {
                int line = reader.getLocation().getLineNumber();
                String text = reader.getElementText().strip();
                try {
                    messageCreated = dateTime(text);
                } catch (DateTimeParseException e) {
                    sink.failed("line " + line, new FieldError("ApplicationArea/CreationDateTime", "'" + text + "' is not an ISO 8601 date-time"));
                    return false;
                }
            }
            return true;
        }

        private boolean readRecord() throws XMLStreamException {
            count++;
            String location = kind.recordElement + " " + count + " (line " + reader.getLocation().getLineNumber() + ")";
            bindingProblems.clear();
            Object value;
            try {
                window.startRecord(location, reader.getLocation().getCharacterOffset());
                value = kind == B2mmlDocumentKind.BATCH_PRODUCTION_RECORDS
                        ? unmarshaller.unmarshal(reader, BatchProductionRecordType.class).getValue()
                        : unmarshaller.unmarshal(reader, MaterialLotType.class).getValue();
                window.endRecord(reader.getLocation().getCharacterOffset());
            } catch (JAXBException e) {
                Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e.getCause();
                if (cause instanceof XMLStreamException xml) {
                    throw xml;
                }
                sink.failed(location, new FieldError(null, kind.recordElement + " could not be read: " + (cause != null ? cause.getMessage() : e.getMessage())));
                return false;
            }
            MappedFields fields = new MappedFields();
            // values JAXB could not convert are reported first; the mapping still runs so every other problem shows too
            for (ValidationEvent problem : bindingProblems) {
                fields.error(null, bindingProblem(problem));
            }
            List<CanonicalRecord> mapped;
            if (value instanceof BatchProductionRecordType record) {
                mapped = records.map(record, context.partner(), context.receivedAt(), fields);
            } else {
                Batch batch = lots.map((MaterialLotType) value, context.partner(), messageCreated, fields);
                mapped = batch == null ? null : List.of(batch);
            }
            if (mapped == null || fields.hasErrors()) {
                sink.rejected(location, fields.errors());
            } else {
                sink.accepted(location, mapped);
            }
            return true;
        }

        private static String bindingProblem(ValidationEvent problem) {
            String line = problem.getLocator() == null || problem.getLocator().getLineNumber() < 0 ? "" : " (line " + problem.getLocator().getLineNumber() + ")";
            return "'" + problem.getMessage() + "'" + line + " does not have the type the V0700 schema gives its element "
                    + "(xsd:dateTime for dates and times, xsd:decimal for numbers)";
        }

        private Instant dateTime(String text) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            }
        }
    }




    /** One binding context for the generated classes: thread-safe and costly to build, so built once. */
    private static final class V0700Binding {
        static final JAXBContext CONTEXT;

        static {
            try {
                CONTEXT = JAXBContext.newInstance(BatchProductionRecordType.class, MaterialLotType.class);
            } catch (JAXBException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }
}
