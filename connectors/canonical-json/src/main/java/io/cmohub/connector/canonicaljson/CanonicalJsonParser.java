package io.cmohub.connector.canonicaljson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cmohub.connector.DocumentContext;
import io.cmohub.connector.DocumentParser;
import io.cmohub.connector.FieldError;
import io.cmohub.connector.JacksonErrors;
import io.cmohub.connector.RecordSink;
import io.cmohub.model.PartnerScoped;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.model.event.CanonicalEventReader;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.connector.limits.RecordWindow;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Streams events one at a time with Jackson: memory holds one event, never the document. */
final class CanonicalJsonParser implements DocumentParser {
    private final ObjectMapper mapper = CanonicalJson.mapper();
    // Events follow each other in one stream, so "trailing tokens" after an event are the next event.
    private final ObjectReader treeReader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final CanonicalEventReader reader = new CanonicalEventReader(mapper);
    private final boolean checkPartner;

    CanonicalJsonParser(boolean checkPartner) {
        this.checkPartner = checkPartner;
    }

    @Override
    public void parse(InputStream raw, DocumentContext context, RecordSink sink) throws IOException {
        RecordWindow in = RecordWindow.over(raw, context.limits());
        int index = 0;
        long line = 1;
        try (JsonParser parser = mapper.getFactory().createParser(in)) {
            JsonToken token = parser.nextToken();
            boolean array = token == JsonToken.START_ARRAY;
            if (array) {
                token = parser.nextToken();
            }
            while (token != null && !(array && token == JsonToken.END_ARRAY)) {
                index++;
                line = parser.currentTokenLocation().getLineNr();
                String location = "event " + index + " (line " + line + ")";
                if (token != JsonToken.START_OBJECT) {
                    sink.failed(location, new FieldError(null, "expected a CloudEvent JSON object, found " + found(parser, token)));
                    return;
                }
                in.startRecord(location, parser.currentTokenLocation().getByteOffset());
                JsonNode node = treeReader.readTree(parser);
                in.endRecord(parser.currentLocation().getByteOffset());
                read(node, location, context, sink);
                token = parser.nextToken();
            }
            if (array && parser.nextToken() != null) {
                sink.failed("after event " + index, new FieldError(null, "content after the closing ']' of the event array"));
            }
        } catch (StreamConstraintsException e) {
            sink.failed("event " + Math.max(index, 1) + " (line " + line + ")", new FieldError(null, "the document exceeds a parser limit: " + e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            // Malformed JSON: nothing after this point can be trusted.
            long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
            sink.failed("event " + Math.max(index, 1) + " (line " + at + ")", new FieldError(null, "malformed JSON: " + e.getOriginalMessage()));
        }
    }

    /** What stood where an event should be, quoting a value as the partner sent it (at most 100 characters). */
    private static String found(JsonParser parser, JsonToken token) throws IOException {
        String kind = switch (token) {
            case START_ARRAY -> "an array";
            case END_ARRAY, END_OBJECT -> "'" + token.asString() + "'";
            case VALUE_STRING -> "the string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number";
            case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> "the literal";
            default -> token.name();
        };
        if (!token.isScalarValue()) {
            return kind;
        }
        String text = parser.getText();
        String shown = text.length() > 100 ? text.substring(0, 100) + "…" : text;
        return kind + " " + (token == JsonToken.VALUE_STRING ? "\"" + shown + "\"" : shown);
    }

    private void read(JsonNode node, String location, DocumentContext context, RecordSink sink) {
        CanonicalEvent event;
        try {
            event = reader.read(node);
        } catch (InvalidValueException e) {
            sink.rejected(location, List.of(new FieldError(e.field(), e.getMessage())));
            return;
        } catch (JsonProcessingException e) {
            sink.rejected(location, List.of(JacksonErrors.toFieldError("data", e)));
            return;
        } catch (IOException e) {
            sink.rejected(location, List.of(new FieldError(null, e.getMessage())));
            return;
        }
        if (checkPartner) {
            String sender = context.partner().value();
            if (event.partner() != null && !event.partner().equals(sender)) {
                sink.rejected(location, List.of(new FieldError("partner", "partner '" + event.partner() + "' is not the sender '" + sender + "'")));
                return;
            }
            if (event.data() instanceof PartnerScoped scoped && !scoped.partner().equals(context.partner())) {
                sink.rejected(location, List.of(new FieldError("data.partner", "data.partner '" + scoped.partner() + "' is not the sender '" + sender + "'")));
                return;
            }
        }
        sink.accepted(location, List.of(event.data()));
    }
}
