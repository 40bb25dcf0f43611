package io.cmohub.connector.epcis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads EPCIS 2.0 JSON-LD capture, query and master-data documents with Jackson's streaming parser.
 * JSON objects have no order, so nothing here depends on it: an event's {@code type} may come last,
 * and the assembler decides only at the event's end. Prefixes of extension fields are resolved with
 * the document's {@code @context}: writers put it first; one after the events is found by a
 * look-ahead within the first 4 MB (beyond that, a document whose events used undefined prefixes
 * fails with a reason).
 */
final class JsonLdEpcisReader {
    /** Prefixes of the standard EPCIS 2.0 context that documents use without redefining them. */
    private static final Map<String, String> STANDARD_PREFIXES = Map.of(
            "cbvmda", "urn:epcglobal:cbv:mda#",
            "gs1", "https://gs1.org/voc/",
            "epcis", "https://ref.gs1.org/epcis/",
            "cbv", "https://ref.gs1.org/cbv/");
    private static final Set<String> WRAPPERS = Set.of("epcList", "childEPCs", "inputEPCList", "outputEPCList", "correctiveEventIDs",
            "bizTransactionList", "sourceList", "destinationList", "quantityList", "childQuantityList", "inputQuantityList",
            "outputQuantityList", "sensorElementList");
    private static final Set<String> DOCUMENT_TYPES = Set.of("EPCISDocument", "EPCISQueryDocument", "EPCISMasterDataDocument");

    private static final int CONTEXT_LOOKAHEAD = 4 * 1024 * 1024;

    private final JsonFactory factory;
    private final Map<String, String> prefixes = new HashMap<>(STANDARD_PREFIXES);
    /** Whether the look-ahead found and read a @context that comes after other fields. */
    private boolean lateContextRead;
    /** Whether a field name used a prefix no context defined (yet). */
    private boolean unresolvedPrefix;

    JsonLdEpcisReader(JsonFactory factory) {
        this.factory = factory;
    }

    /**
     * Reads the document; JSON syntax errors escape as {@code JsonProcessingException} for the parser
     * to report. A stream that supports mark/reset is first looked through for a {@code @context}
     * that comes after the events (GS1's own TransactionEvent example has one), within
     * {@value #CONTEXT_LOOKAHEAD} bytes, so that its prefixes name the events' extension fields. A
     * later one, after events that used prefixes it might define, fails the document: their ids
     * would otherwise silently differ from GS1's.
     */
    void read(InputStream in, DocumentEvents session) throws IOException {
        if (in.markSupported()) {
            lateContext(in);
        }
        try (JsonParser p = factory.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                session.fail("document", "not an EPCIS JSON-LD document: it does not start with a JSON object");
                return;
            }
            String type = null;
            boolean first = true;
            while (p.nextToken() == JsonToken.FIELD_NAME && !session.stopped()) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                if (key.equals("@context") && !first && !lateContextRead && unresolvedPrefix) {
                    // events before it were named without it: their ids would silently differ from GS1's
                    session.fail("line " + p.currentTokenLocation().getLineNr(), "the JSON-LD @context comes after events that use its "
                            + "prefixes, more than " + (CONTEXT_LOOKAHEAD >> 20) + " MB into the document, too late for a streaming read; "
                            + "write @context first");
                    return;
                }
                first = false;
                switch (key) {
                    case "@context" -> context(p, value);
                    case "type" -> type = value.isScalarValue() ? p.getText() : null;
                    case "sender" -> session.sender(value.isScalarValue() ? p.getText() : null);
                    case "epcisHeader" -> header(p, value, session);
                    case "epcisBody" -> body(p, value, session);
                    default -> p.skipChildren();
                }
            }
            if (session.stopped()) {
                return;
            }
            if (p.nextToken() != null) {
                session.fail("line " + p.currentTokenLocation().getLineNr(), "malformed JSON: content after the document's closing brace");
                return;
            }
            if (type == null || !DOCUMENT_TYPES.contains(type)) {
                session.fail("document", "not an EPCIS JSON-LD document: its type is " + (type == null ? "missing" : "'" + type + "'")
                        + ", expected EPCISDocument, EPCISQueryDocument or EPCISMasterDataDocument");
                return;
            }
            session.finish(type.equals("EPCISMasterDataDocument"));
        }
    }

    /**
     * Reads a top-level {@code @context} that is not the first field, skipping the rest, then rewinds.
     * Malformed or longer documents are left to the real pass, which reports their errors.
     */
    private void lateContext(InputStream in) throws IOException {
        in.mark(CONTEXT_LOOKAHEAD);
        try (JsonParser p = factory.createParser(new BoundedInputStream(in, CONTEXT_LOOKAHEAD - 1))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            boolean first = true;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                if (key.equals("@context")) {
                    if (!first) {
                        context(p, value);
                        lateContextRead = true;
                    }
                    return; // a context in first place is read by the real pass, as it streams
                }
                first = false;
                p.skipChildren();
            }
        } catch (IOException e) {
            // too long or malformed: the real pass reads what it can and reports the rest
        } finally {
            in.reset();
        }
    }

    /** Ends the look-ahead before the mark would be lost. */
    private static final class BoundedInputStream extends java.io.FilterInputStream {
        private long remaining;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            remaining--;
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() {
            // the real pass reads on
        }
    }

    private void context(JsonParser p, JsonToken token) throws IOException {
        if (token == JsonToken.START_ARRAY) {
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                context(p, t);
            }
        } else if (token == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String prefix = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    prefixes.put(prefix, p.getText());
                } else {
                    p.skipChildren();
                }
            }
        }
        // a string is the URL of a remote context: never fetched; the standard prefixes are built in
    }

    private void header(JsonParser p, JsonToken token, DocumentEvents session) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        countVocabularyElements(p, session);
    }

    /** Counts master-data vocabulary elements anywhere below the current object, skipping the rest. */
    private static void countVocabularyElements(JsonParser p, DocumentEvents session) throws IOException {
        int depth = 1;
        while (depth > 0) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return;
            }
            if (t == JsonToken.FIELD_NAME && p.currentName().equals("vocabularyElementList")) {
                if (p.nextToken() == JsonToken.START_ARRAY) {
                    JsonToken element;
                    while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
                        session.masterDataElement();
                        p.skipChildren();
                        if (element == null) {
                            return;
                        }
                    }
                } else {
                    p.skipChildren();
                }
            } else if (t.isStructStart()) {
                depth++;
            } else if (t.isStructEnd()) {
                depth--;
            }
        }
    }

    private void body(JsonParser p, JsonToken token, DocumentEvents session) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            session.fail("document", "epcisBody must be a JSON object");
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME && !session.stopped()) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            switch (key) {
                case "eventList" -> eventList(p, value, session);
                case "queryResults", "resultsBody" -> body(p, value, session);
                case "vocabularyList" -> {
                    if (value == JsonToken.START_ARRAY || value == JsonToken.START_OBJECT) {
                        countVocabularyElements(p, session);
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    private void eventList(JsonParser p, JsonToken token, DocumentEvents session) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            session.fail("document", "eventList must be a JSON array");
            return;
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            int line = p.currentTokenLocation().getLineNr();
            DocumentEvents.EventFields assembler = session.beginEvent(null);
            if (t == JsonToken.START_OBJECT) {
                event(p, assembler);
            } else {
                p.skipChildren();
            }
            if (!session.endEvent(line)) {
                return;
            }
        }
    }

    private void event(JsonParser p, DocumentEvents.EventFields assembler) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            if (key.equals("type") && value.isScalarValue()) {
                assembler.type(p.getText());
            } else if (key.startsWith("@")) {
                p.skipChildren(); // JSON-LD keywords (@context, @id): not event content
            } else {
                field(p, name(key), key, value, assembler);
            }
        }
    }

    private void field(JsonParser p, String name, String key, JsonToken token, EventTreeListener l) throws IOException {
        switch (token) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> l.value(name, p.getText());
            case START_OBJECT -> {
                l.start(name);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String child = p.currentName();
                    JsonToken value = p.nextToken();
                    if (child.startsWith("@")) {
                        p.skipChildren();
                    } else {
                        field(p, name(child), child, value, l);
                    }
                }
                l.end();
            }
            case START_ARRAY -> {
                boolean wrapper = WRAPPERS.contains(key);
                if (wrapper) {
                    l.start(name);
                }
                JsonToken item;
                while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (wrapper && item == JsonToken.VALUE_STRING) {
                        l.listEntry(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    } else {
                        // a wrapper's entries are unnamed; any other array is the JSON form of a repeated XML element
                        field(p, wrapper ? "" : name, wrapper ? "" : key, item, l);
                    }
                }
                if (wrapper) {
                    l.end();
                }
            }
            default -> {
                // null: absent
            }
        }
    }

    private String name(String key) {
        int colon = key.indexOf(':');
        if (colon <= 0 || key.startsWith("//", colon + 1)) {
            return key;
        }
        String namespace = prefixes.get(key.substring(0, colon));
        if (namespace == null) {
            unresolvedPrefix = true;
            return key;
        }
        return FieldNames.qualified(namespace, key.substring(colon + 1));
    }
}
