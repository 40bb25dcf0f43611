package io.cmohub.model.value;

import java.util.regex.Pattern;

/** The shared rule for identifiers that are local to a partner (sites, lines, runs, documents). */
final class LocalIds {
    static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private LocalIds() {
    }

    static String require(String kind, String value) {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new InvalidValueException(kind + " '" + value + "' must be 1-64 characters of A-Z, a-z, 0-9, '.', '_' and '-'");
        }
        return value;
    }
}
