package io.cmohub.model;

import io.cmohub.model.value.InvalidValueException;
import java.util.List;

/** Rules every canonical record applies in its constructor, so an invalid record cannot exist. */
final class RecordRules {
    private RecordRules() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(field, field + " is required");
        }
        return value;
    }

    static String requiredText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, field + " is required and must not be blank");
        }
        return optionalText(value, field, maxLength);
    }

    static String optionalText(String value, String field, int maxLength) {
        if (value != null && value.isBlank()) {
            // "" and absent would become the same thing on the wire; say which one is meant.
            throw new InvalidValueException(field, field + " is blank; leave it out when there is no value");
        }
        if (value != null && value.length() > maxLength) {
            throw new InvalidValueException(field, field + " is " + value.length() + " characters long; at most " + maxLength + " are allowed");
        }
        return value;
    }

    /** Lists are never null inside the model: absent means empty, and the copy is immutable. */
    static <T> List<T> list(List<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        for (T value : values) {
            if (value == null) {
                throw new InvalidValueException(field, field + " contains an empty entry");
            }
        }
        return List.copyOf(values);
    }

    static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new InvalidValueException(field, field + " is " + value + "; it must not be negative");
        }
        return value;
    }

    /** A revision counts published states from 1; absent is allowed (records published before revisions existed). */
    static Integer optionalRevision(Integer value, String field) {
        if (value != null && value < 1) {
            throw new InvalidValueException(field, field + " is " + value + "; revisions start at 1");
        }
        return value;
    }
}
