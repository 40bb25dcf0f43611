package io.cmohub.connector.animl;

import io.cmohub.connector.limits.RecordWindow;
import io.cmohub.connector.xml.StaxDocuments;
import io.cmohub.connector.codes.ProductCodes;

import io.cmohub.connector.DocumentContext;
import io.cmohub.connector.DocumentParser;
import io.cmohub.connector.FieldError;
import io.cmohub.connector.MappedFields;
import io.cmohub.connector.RecordSink;
import io.cmohub.model.CanonicalRecord;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walks an AnIML document with a StAX cursor: each Sample of the SampleSet is bound with JAXB and
 * kept in a {@link SampleIndex}; each ExperimentStep is bound on its own and mapped as one source
 * record. Only the sample index outlives a record.
 */
final class AnimlParser implements DocumentParser {
    private static final JAXBContext BINDING;

    static {
        try {
            BINDING = JAXBContext.newInstance(AnimlModel.Sample.class, AnimlModel.ExperimentStep.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ProductCodes products;
    private final SampleField productField;
    private final SampleField batchField;
    private final AnimlMappingPolicy policy;

    AnimlParser(ProductCodes products, SampleField productField, SampleField batchField, AnimlMappingPolicy policy) {
        this.products = products;
        this.productField = productField;
        this.batchField = batchField;
        this.policy = policy;
    }

    @Override
    public void parse(InputStream in, DocumentContext context, RecordSink sink) throws IOException {
        RecordWindow window = RecordWindow.over(in, context.limits());
        StaxDocuments.read(window, sink, reader -> walk(reader, context, sink, window));
    }

    private void walk(XMLStreamReader document, DocumentContext context, RecordSink sink, RecordWindow window) throws XMLStreamException {
        Root root = root(document, sink);
        if (root == Root.NONE) {
            return;
        }
        XMLStreamReader reader = document;
        if (root == Root.UNQUALIFIED) {
            sink.notice("line " + document.getLocation().getLineNumber(), "the root element AnIML has no namespace; the document was read as AnIML 0.90 "
                    + "(" + AnimlModel.NAMESPACE + "), every element without a namespace taken as AnIML's");
            reader = new UnqualifiedAniml(document);
        }
        Unmarshaller unmarshaller;
        try {
            unmarshaller = BINDING.createUnmarshaller();
        } catch (JAXBException e) {
            throw new IllegalStateException("the AnIML classes do not bind", e);
        }
        SampleIndex samples = new SampleIndex();
        ExperimentStepMapper steps = new ExperimentStepMapper(samples, policy.unspecifiedAreInSpecification(), policy.zone(), policy.oosSeverity());
        Deque<String> path = new ArrayDeque<>();
        path.push("AnIML");
        int count = 0;
        int event = reader.next();
        while (true) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = reader.getLocalName();
                boolean ours = AnimlModel.NAMESPACE.equals(reader.getNamespaceURI());
                if (ours && name.equals("Sample") && "SampleSet".equals(path.peek())) {
                    int line = reader.getLocation().getLineNumber();
                    window.startRecord("Sample (line " + line + ")", reader.getLocation().getCharacterOffset());
                    AnimlModel.Sample sample = bind(unmarshaller, reader, AnimlModel.Sample.class);
                    window.endRecord(reader.getLocation().getCharacterOffset());
                    if (sample.sampleID == null || sample.sampleID.isBlank()) {
                        sink.failed("line " + line, new FieldError("Sample/@sampleID", "a Sample has no sampleID, so no result can refer to it"));
                        return;
                    }
                    if (!samples.add(sample, productField, batchField, products)) {
                        sink.failed("line " + line, new FieldError("SampleSet", "the SampleSet has more than " + SampleIndex.MAX_SAMPLES + " samples"));
                        return;
                    }
                    event = reader.getEventType();
                    continue;
                }
                if (ours && name.equals("ExperimentStep") && "ExperimentStepSet".equals(path.peek())) {
                    count++;
                    String location = "ExperimentStep " + count + " '" + reader.getAttributeValue(null, "name") + "' (line " + reader.getLocation().getLineNumber() + ")";
                    window.startRecord(location, reader.getLocation().getCharacterOffset());
                    AnimlModel.ExperimentStep step = bind(unmarshaller, reader, AnimlModel.ExperimentStep.class);
                    window.endRecord(reader.getLocation().getCharacterOffset());
                    MappedFields fields = new MappedFields();
                    List<CanonicalRecord> mapped = steps.map(step, context.partner(), context.receivedAt(), fields);
                    if (mapped == null || fields.hasErrors()) {
                        sink.rejected(location, fields.errors());
                    } else {
                        sink.accepted(location, mapped);
                    }
                    event = reader.getEventType();
                    continue;
                }
                path.push(name);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                path.poll();
            }
            if (!reader.hasNext()) {
                break;
            }
            event = reader.next();
        }
        if (count == 0) {
            sink.failed("line " + reader.getLocation().getLineNumber(), new FieldError("ExperimentStepSet", "the document has no ExperimentStep, so no results"));
        }
    }

    /** What the root element is: AnIML in its namespace, AnIML without a namespace (read with a notice), or not AnIML. */
    private enum Root { ANIML, UNQUALIFIED, NONE }

    private static Root root(XMLStreamReader reader, RecordSink sink) throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                sink.failed("line " + reader.getLocation().getLineNumber(), new FieldError(null,
                        "the document declares a DOCTYPE; AnIML has none, and DTDs and entities are never processed"));
                return Root.NONE;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String namespace = reader.getNamespaceURI();
                boolean unqualified = namespace == null || namespace.isEmpty();
                if ("AnIML".equals(reader.getLocalName()) && (unqualified || AnimlModel.NAMESPACE.equals(namespace))) {
                    return unqualified ? Root.UNQUALIFIED : Root.ANIML;
                }
                sink.failed("line " + reader.getLocation().getLineNumber(), new FieldError(null, "not an AnIML 0.90 document: root element "
                        + reader.getLocalName() + (unqualified ? " has no namespace" : " is in namespace " + namespace)
                        + "; expected AnIML in " + AnimlModel.NAMESPACE));
                return Root.NONE;
            }
        }
        sink.failed("line 1", new FieldError(null, "the document has no root element"));
        return Root.NONE;
    }

    private static <T> T bind(Unmarshaller unmarshaller, XMLStreamReader reader, Class<T> type) throws XMLStreamException {
        try {
            return unmarshaller.unmarshal(reader, type).getValue();
        } catch (JAXBException e) {
            Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e.getCause();
            if (cause instanceof XMLStreamException xml) {
                throw xml;
            }
            throw new XMLStreamException(type.getSimpleName() + " could not be read: " + (cause != null ? cause.getMessage() : e.getMessage()));
        }
    }


}
