package io.cmohub.model.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.EntityType;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.value.InvalidValueException;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Set;

/**
 * Turns one CloudEvent JSON object into a {@link CanonicalEvent}: the {@code type} picks the data's
 * entity. Envelope errors are reported as {@link InvalidValueException}s naming the attribute;
 * data errors surface as Jackson mapping exceptions with the path inside {@code data}.
 */
public final class CanonicalEventReader {
    private static final Set<String> ATTRIBUTES =
            Set.of("specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema", "partner", "data");

    private final ObjectMapper mapper;

    public CanonicalEventReader() {
        this(CanonicalJson.mapper());
    }

    public CanonicalEventReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public CanonicalEvent read(JsonNode node) throws IOException {
        if (!(node instanceof ObjectNode event)) {
            throw new InvalidValueException("a CloudEvent must be a JSON object, found " + node.getNodeType());
        }
        event.fieldNames().forEachRemaining(name -> {
            if (!ATTRIBUTES.contains(name)) {
                throw new InvalidValueException(name, "attribute '" + name + "' is not part of the cmo-hub CloudEvent v1 envelope");
            }
        });
        String type = text(event, "type", true);
        EntityType entity = EntityType.ofEventType(type)
                .orElseThrow(() -> new InvalidValueException("type", "type '" + type + "' is not a canonical event type of model v" + EntityType.MODEL_VERSION));
        JsonNode data = event.get("data");
        if (data == null || !data.isObject()) {
            throw new InvalidValueException("data", "data must be a JSON object holding a " + entity.schemaName());
        }
        CanonicalRecord record = mapper.treeToValue(data, entity.javaType());
        String time = text(event, "time", false);
        String dataschema = text(event, "dataschema", false);
        return new CanonicalEvent(text(event, "specversion", true), text(event, "id", true), uri(text(event, "source", true), "source"), type,
                text(event, "subject", false), time == null ? null : instant(time), text(event, "datacontenttype", false),
                dataschema == null ? null : uri(dataschema, "dataschema"), text(event, "partner", false), record);
    }

    private static String text(ObjectNode event, String name, boolean required) {
        JsonNode value = event.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidValueException(name, name + " is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidValueException(name, name + " must be a string");
        }
        return value.asText();
    }

    private static Instant instant(String value) {
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidValueException("time", "time '" + value + "' is not an RFC 3339 timestamp");
        }
    }

    private static URI uri(String value, String name) {
        try {
            return new URI(value);
        } catch (java.net.URISyntaxException e) {
            throw new InvalidValueException(name, name + " '" + value + "' is not a URI reference: " + e.getReason());
        }
    }
}
