package io.cmohub.connector.mapping.canonical;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cmohub.connector.FieldError;
import io.cmohub.connector.JacksonErrors;
import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.EntityType;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds one canonical record from mapped values: each value is turned into the JSON form of its
 * target's type, the tree is read with the canonical mapper, and so every rule of the model (check
 * digits, required fields, cross-field rules) applies exactly as for canonical JSON input.
 */
public final class RecordAssembler {
    private static final ObjectMapper MAPPER = CanonicalJson.mapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final EntityType entity;
    private final ObjectNode root = NODES.objectNode();
    /** Groups holding at least one value read from the document (identity: nodes are mutable). */
    private final java.util.Set<ObjectNode> groupsWithData = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** Groups made for nested paths (as opposed to values such as an expiry, which are objects too). */
    private final java.util.Set<ObjectNode> groups = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    public RecordAssembler(EntityType entity) {
        this.entity = entity;
    }

    /**
     * Sets a field; a value of the wrong kind is refused with a reason that names the converter to use.
     *
     * @param fromDocument whether the value was read from the document rather than being a constant or default:
     *                     a group (e.g. {@code plannedQuantity}) holding only constants and defaults is left out,
     *                     so {@code unit: {const: EA}} does not invent a quantity for a row that has none
     */
    public void set(TargetField field, Object value, boolean fromDocument) {
        JsonNode node;
        if (field.isList()) {
            ArrayNode array = NODES.arrayNode();
            for (Object element : value instanceof List<?> list ? list : List.of(value)) {
                array.add(node(field.type(), element));
            }
            node = array;
        } else {
            node = node(field.type(), value);
        }
        ObjectNode parent = root;
        List<String> segments = field.segments();
        for (int i = 0; i < segments.size() - 1; i++) {
            parent = child(parent, segments.get(i), field.listed().get(i));
            if (fromDocument) {
                groupsWithData.add(parent);
            }
        }
        parent.set(segments.get(segments.size() - 1), node);
    }

    public void partner(PartnerId partner) {
        if (!root.has("partner")) {
            root.put("partner", partner.value());
        }
    }

    /**
     * The record, or null with the broken rules added to {@code errors}; a rule's field is translated
     * back to the source field the CMO knows through {@code blame}.
     */
    public CanonicalRecord build(Map<String, String> blame, List<FieldError> errors) {
        pruneGroupsWithoutData(root);
        try {
            return MAPPER.treeToValue(root, entity.javaType());
        } catch (JsonProcessingException e) {
            FieldError error = JacksonErrors.toFieldError(null, e);
            String canonical = error.field() != null ? error.field().replaceAll("\\[\\d+]", "") : ruleField(e);
            String field = canonical == null ? null : blame.getOrDefault(canonical, canonical);
            errors.add(new FieldError(field, error.reason()));
            return null;
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(null, e.getMessage()));
            return null;
        }
    }

    /** The field a record's own rule names (e.g. "title is required"), when Jackson's path cannot tell. */
    private static String ruleField(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof io.cmohub.model.value.InvalidValueException rule) {
                return rule.field();
            }
        }
        return null;
    }

    private void pruneGroupsWithoutData(ObjectNode node) {
        List<String> empty = new java.util.ArrayList<>();
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            ObjectNode group = value.isObject() ? (ObjectNode) value : value.isArray() && value.size() == 1 && value.get(0).isObject() ? (ObjectNode) value.get(0) : null;
            if (group != null && groups.contains(group)) {
                if (groupsWithData.contains(group)) {
                    pruneGroupsWithoutData(group);
                } else {
                    empty.add(field.getKey());
                }
            }
        });
        node.remove(empty);
    }

    private ObjectNode child(ObjectNode parent, String name, boolean listed) {
        ObjectNode group;
        if (listed) {
            ArrayNode array = parent.has(name) ? (ArrayNode) parent.get(name) : parent.putArray(name);
            group = array.isEmpty() ? array.addObject() : (ObjectNode) array.get(0);
        } else {
            group = parent.has(name) ? (ObjectNode) parent.get(name) : parent.putObject(name);
        }
        groups.add(group);
        return group;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static JsonNode node(Class<?> type, Object value) {
        if (type == String.class) {
            return NODES.textNode(value.toString());
        }
        if (type == BigDecimal.class) {
            return NODES.numberNode(value instanceof BigDecimal d ? d : decimal(value));
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            BigDecimal number = value instanceof Long l ? BigDecimal.valueOf(l) : value instanceof BigDecimal d ? d : decimal(value);
            try {
                return NODES.numberNode(number.longValueExact());
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("'" + value + "' is not a whole number");
            }
        }
        if (type == Boolean.class || type == boolean.class) {
            if (value instanceof Boolean b) {
                return NODES.booleanNode(b);
            }
            if (value.equals("true") || value.equals("false")) {
                return NODES.booleanNode(Boolean.parseBoolean((String) value));
            }
            throw new IllegalArgumentException("'" + value + "' is not true or false (use the boolean converter for other words)");
        }
        if (type == LocalDate.class) {
            LocalDate date = value instanceof LocalDate d ? d : value instanceof Expiry e ? e.date() : isoDate(value);
            return NODES.textNode(date.toString());
        }
        if (type == Instant.class) {
            return NODES.textNode((value instanceof Instant i ? i : isoInstant(value)).toString());
        }
        if (type == Expiry.class) {
            Expiry expiry = value instanceof Expiry e ? e : value instanceof LocalDate d ? Expiry.of(d) : Expiry.parse(value.toString());
            return MAPPER.valueToTree(expiry);
        }
        if (type == ProductCode.class) {
            // GTIN-8/12/13 are padded to 14 digits, as GS1 specifies for AI (01)
            return NODES.textNode(ProductCode.parse(value.toString()).value());
        }
        if (type.isEnum()) {
            String name = value.toString();
            if (Arrays.stream(type.getEnumConstants()).noneMatch(c -> ((Enum) c).name().equals(name))) {
                throw new IllegalArgumentException("'" + name + "' is not a " + type.getSimpleName() + " (one of "
                        + Arrays.toString(type.getEnumConstants()) + "; use a code-list to translate the partner's codes)");
            }
            return NODES.textNode(name);
        }
        // value types (BatchId, Market, Gln, ...) are created from text and check their own rules
        return NODES.textNode(value.toString());
    }

    private static BigDecimal decimal(Object value) {
        try {
            return new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number (use the decimal or decimal-comma converter for other notations)");
        }
    }

    private static LocalDate isoDate(Object value) {
        try {
            return LocalDate.parse(value.toString().strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a date in ISO form yyyy-MM-dd (use the date converter with the partner's pattern)");
        }
    }

    private static Instant isoInstant(Object value) {
        String text = value.toString().strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO date-time with offset, e.g. 2025-03-01T09:15:30+01:00 "
                    + "(use the datetime converter with the partner's pattern and zone)");
        }
    }
}
