package io.cmohub.gateway.server.api;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading fields of the admin API's JSON bodies strictly: a value of the wrong type is refused, never read as something else. */
final class JsonBody {
    private JsonBody() {
    }

    /** The field as text, or null when absent or null. */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The field as a JSON boolean, {@code absent} when it is missing; {@code "yes"}, {@code 1} or {@code "true"} are refused, quoting what was sent. */
    static boolean flag(JsonNode body, String field, boolean absent) {
        JsonNode value = body.get(field);
        if (value == null) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(field + " must be true or false, not " + value);
        }
        return value.booleanValue();
    }
}
