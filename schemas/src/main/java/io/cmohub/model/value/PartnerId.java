package io.cmohub.model.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The hub's id of a contract manufacturer (or other partner). It appears in URL paths, inbox folder
 * names and topic filters, so it is a lower-case slug: 2-64 characters of a-z, 0-9 and '-'.
 */
public record PartnerId(String value) {
    public PartnerId {
        if (value == null || !value.matches("[a-z0-9][a-z0-9-]{1,63}")) {
            throw new InvalidValueException("partner id '" + value + "' must be 2-64 characters of a-z, 0-9 and '-', starting with a letter or digit");
        }
    }

    @JsonCreator
    public static PartnerId of(String value) {
        return new PartnerId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
