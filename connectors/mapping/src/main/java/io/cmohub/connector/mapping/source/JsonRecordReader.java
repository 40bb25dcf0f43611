package io.cmohub.connector.mapping.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cmohub.connector.FieldError;
import io.cmohub.connector.RecordSink;
import io.cmohub.connector.mapping.definition.SourceSpec;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.codec.CodecLimits;
import io.cmohub.connector.limits.RecordLimits;
import io.cmohub.connector.limits.RecordWindow;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * JSON with Jackson's streaming parser: it walks to the records array (or reads one object per line)
 * and materialises one record at a time, flattened to dotted paths.
 */
final class JsonRecordReader implements RecordReader {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder().streamReadConstraints(CanonicalJson.constraints(CodecLimits.DEFAULT)).build())
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private final SourceSpec.Json spec;
    private final List<String> pointer;

    JsonRecordReader(SourceSpec.Json spec) {
        this.spec = spec;
        this.pointer = spec.records().isEmpty() || spec.records().equals("/") ? List.of() : List.of(spec.records().substring(1).split("/"));
    }

    @Override
    public void read(InputStream raw, RecordLimits limits, RecordSink sink, Consumer<SourceRecord> records) throws IOException {
        RecordWindow in = RecordWindow.over(raw, limits);
        try (JsonParser parser = MAPPER.createParser(in)) {
            if (spec.lines()) {
                readLines(parser, in, sink, records);
                return;
            }
            if (!walkTo(parser, sink)) {
                return;
            }
            long index = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    sink.failed("document", new FieldError(null, "the JSON document ends inside the records array"));
                    return;
                }
                index++;
                long line = parser.currentTokenLocation().getLineNr();
                String location = "record " + index + " (line " + line + ")";
                in.startRecord(location, parser.currentTokenLocation().getByteOffset());
                JsonNode node = MAPPER.readTree(parser);
                in.endRecord(parser.currentLocation().getByteOffset());
                deliver(node, location, sink, records);
            }
        } catch (JsonProcessingException e) {
            sink.failed("line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()), new FieldError(null, "malformed JSON: " + e.getOriginalMessage()));
        }
    }

    private void readLines(JsonParser parser, RecordWindow in, RecordSink sink, Consumer<SourceRecord> records) throws IOException {
        long index = 0;
        while (parser.nextToken() != null) {
            index++;
            long line = parser.currentTokenLocation().getLineNr();
            in.startRecord("line " + line, parser.currentTokenLocation().getByteOffset());
            JsonNode node = MAPPER.readTree(parser);
            in.endRecord(parser.currentLocation().getByteOffset());
            deliver(node, "line " + line, sink, records);
        }
        if (index == 0) {
            sink.failed("document", new FieldError(null, "the document is empty"));
        }
    }

    /** Moves the parser onto the START_ARRAY of the records, skipping everything else without reading it into memory. */
    private boolean walkTo(JsonParser parser, RecordSink sink) throws IOException {
        JsonToken token = parser.nextToken();
        for (String name : pointer) {
            if (token != JsonToken.START_OBJECT) {
                sink.failed("document", new FieldError(null, "expected an object holding '" + name + "' on the way to the records at " + spec.records()));
                return false;
            }
            boolean found = false;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                token = parser.nextToken();
                if (field.equals(name)) {
                    found = true;
                    break;
                }
                parser.skipChildren();
            }
            if (!found) {
                sink.failed("document", new FieldError(null, "the document has no '" + name + "' on the way to the records at " + spec.records()));
                return false;
            }
        }
        if (token != JsonToken.START_ARRAY) {
            sink.failed("document", new FieldError(null, "expected an array of records at " + (pointer.isEmpty() ? "the top level" : spec.records())));
            return false;
        }
        return true;
    }

    private static void deliver(JsonNode node, String location, RecordSink sink, Consumer<SourceRecord> records) {
        if (!node.isObject()) {
            sink.rejected(location, List.of(new FieldError(null, "a record must be a JSON object, found " + node.getNodeType().name().toLowerCase())));
            return;
        }
        Map<String, String> fields = new HashMap<>();
        try {
            flatten("", node, fields);
        } catch (NumberOutOfRange e) {
            sink.rejected(location, List.of(new FieldError(e.field, e.getMessage())));
            return;
        }
        records.accept(new SourceRecord(location, fields));
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> fields) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), fields);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "." + i, node.get(i), fields);
            }
        } else if (node.isNumber()) {
            java.math.BigDecimal number = node.decimalValue();
            if (Math.abs((long) number.scale()) > MAX_SCALE) {
                // 1e999999999 is eleven characters but a billion digits written out: refuse it before anyone does
                throw new NumberOutOfRange(prefix, "number " + number + " in '" + prefix + "' is out of range");
            }
            // numbers keep their written form: 119850.50 stays 119850.50, not 119850.5
            fields.put(prefix, number.toPlainString());
        } else if (!node.isNull()) {
            fields.put(prefix, node.asText());
        }
    }

    /** Largest decimal exponent (either way) a number in a CMO export may have. */
    private static final int MAX_SCALE = 1000;

    private static final class NumberOutOfRange extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;

        NumberOutOfRange(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}
